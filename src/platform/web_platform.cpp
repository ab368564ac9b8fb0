// The browser implementation of platform.hpp. JavaScript halves live in
// web/js/*.js (loaded with --pre-js); calls back into C++ come through the
// exported desk_* functions at the bottom.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>

#include "core/staff.hpp"
#include "platform/js_string.hpp"
#include "platform/platform.hpp"

namespace {
int next_callback = 1;
std::map<int, desk::platform::PersistDone> persist_callbacks;
std::map<int, std::function<void(std::string, std::string)>> file_callbacks;
struct PendingHash {
  std::string pin, salt;
  int iterations = 0;
  std::function<void(std::string)> done;
};
std::map<int, PendingHash> hash_callbacks;
}  // namespace

// clang-format off
EM_JS(void, desk_js_persist, (int id), {
  Module.deskPersist(function(ok, msg) { Module.ccall('desk_persist_done', null, ['number', 'number', 'string'], [id, ok ? 1 : 0, msg || ""]); });
});
EM_JS(void, desk_js_download, (const char* name, const char* mime, const char* data, int len), {
  var bytes = HEAPU8.slice(data, data + len);
  var blob = new Blob([bytes], {type: UTF8ToString(mime)});
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  Module.deskLastDownload = {name: UTF8ToString(name), size: len};
});
EM_JS(void, desk_js_choose_file, (int id, const char* accept), {
  // The bytes go straight into the string the import reads (web/js/files.js).
  Module.deskChooseFile(UTF8ToString(accept),
    function(size) { return Module.ccall('desk_file_buffer', 'number', ['number'], [size]); },
    function(name, read) {
      Module.ccall('desk_file_chosen', null, ['number', 'string', 'number'], [id, name, read]);
    });
});
EM_JS(char*, desk_js_query_param, (const char* name), {
  var v = new URLSearchParams(location.search).get(UTF8ToString(name));
  if (v === null) v = "";
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
EM_JS(char*, desk_js_read_local, (const char* key), {
  var v = "";
  try { v = localStorage.getItem(UTF8ToString(key)) || ""; } catch (e) {}
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
EM_JS(void, desk_js_write_local, (const char* key, const char* text), {
  try { localStorage.setItem(UTF8ToString(key), UTF8ToString(text)); } catch (e) {}
});
// A hidden iframe holds the sheet; its own print() shows the dialog, so the
// app's canvas is not printed and no pop-up blocker interferes.
EM_JS(void, desk_js_print, (const char* html), {
  var frame = document.getElementById('desk-print');
  if (frame) frame.remove();
  frame = document.createElement('iframe');
  frame.id = 'desk-print';
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0';
  // No scripts run in the sheet (its own CSP says so too): escaping is not the only defence.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  document.body.appendChild(frame);
  frame.contentDocument.open();
  frame.contentDocument.write(UTF8ToString(html));
  frame.contentDocument.close();
  Module.deskLastPrint = UTF8ToString(html);
  // Tests read Module.deskLastPrint and set deskTest.noPrintDialog (the
  // dialog would hold a headless page).
  if (window.deskTest && window.deskTest.noPrintDialog) return;
  // print() returns when the dialog closes; the canvas takes the keyboard and clicks back.
  var back = function() { Module.canvas.focus(); };
  frame.contentWindow.addEventListener('afterprint', back);
  setTimeout(function() { frame.contentWindow.focus(); frame.contentWindow.print(); back(); }, 50);
});
// WebCrypto's PBKDF2 runs off the main thread; '' asks C++ to hash instead
// (no crypto.subtle outside secure contexts, or a PIN it refuses).
EM_JS(void, desk_js_pbkdf2, (int id, const char* pin, const char* salt, int iterations), {
  var done = function(hex) { Module.ccall('desk_pbkdf2_done', null, ['number', 'string'], [id, hex]); };
  var subtle = self.crypto && self.crypto.subtle;
  if (!subtle) { setTimeout(function() { done(''); }, 0); return; }
  var enc = new TextEncoder();
  var p = enc.encode(UTF8ToString(pin)), s = enc.encode(UTF8ToString(salt));
  subtle.importKey('raw', p, 'PBKDF2', false, ['deriveBits']).then(function(key) {
    return subtle.deriveBits({name: 'PBKDF2', hash: 'SHA-256', salt: s, iterations: iterations}, key, 256);
  }).then(function(bits) {
    var b = new Uint8Array(bits), hex = '';
    for (var i = 0; i < b.length; ++i) hex += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    done(hex);
  }, function() { done(''); });
});
EM_JS(void, desk_js_ready, (), { if (Module.deskReady) Module.deskReady(); });
EM_JS(int, desk_js_persisted, (), { return Module.deskStorage.persisted; });
EM_JS(double, desk_js_usage, (), { return Module.deskStorage.usage; });
EM_JS(double, desk_js_quota, (), { return Module.deskStorage.quota; });
// clang-format on

namespace desk::platform {

std::string data_dir() {
  return "/data/journal";
}

void persist(PersistDone done) {
  const int id = next_callback++;
  persist_callbacks[id] = std::move(done);
  desk_js_persist(id);
}

Timestamp now() {
  return {static_cast<std::int64_t>(emscripten_date_now())};
}

RandomBits random_bits() {
  // std::random_device is crypto.getRandomValues in Emscripten.
  std::random_device rd;
  RandomBits r;
  for (auto& b : r) b = static_cast<std::uint8_t>(rd());
  return r;
}

void hash_pin_async(const std::string& pin, const std::string& salt, int iterations,
                    std::function<void(std::string hex)> done) {
  const int id = next_callback++;
  hash_callbacks[id] = {pin, salt, iterations, std::move(done)};
  desk_js_pbkdf2(id, pin.c_str(), salt.c_str(), iterations);
}

void print_html(const std::string& html) {
  desk_js_print(html.c_str());
}

void download(const std::string& filename, const std::string& mime, const std::string& bytes) {
  desk_js_download(filename.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void choose_file(const std::string& accept, std::function<void(std::string, std::string)> done) {
  const int id = next_callback++;
  file_callbacks[id] = std::move(done);
  desk_js_choose_file(id, accept.c_str());
}

std::string read_local(const std::string& key) {
  return take_js_string(desk_js_read_local(key.c_str()));
}

void write_local(const std::string& key, const std::string& text) {
  desk_js_write_local(key.c_str(), text.c_str());
}

std::string query_param(const std::string& name) {
  return take_js_string(desk_js_query_param(name.c_str()));
}

void signal_ready() {
  desk_js_ready();
}

void mark(const char* name) {
  EM_ASM({ performance.mark(UTF8ToString($0)); }, name);
}

StorageInfo storage_info() {
  return {desk_js_persisted(), desk_js_usage(), desk_js_quota()};
}

}  // namespace desk::platform

extern "C" {
EMSCRIPTEN_KEEPALIVE void desk_persist_done(int id, int ok, const char* message) {
  auto it = persist_callbacks.find(id);
  if (it == persist_callbacks.end()) return;
  auto done = std::move(it->second);
  persist_callbacks.erase(it);
  done(ok != 0, message);
}

// The chosen file's bytes, filled in by desk_js_choose_file.
static std::string chosen_file;
EMSCRIPTEN_KEEPALIVE char* desk_file_buffer(int len) {
  chosen_file.assign(static_cast<std::size_t>(len), '\0');
  return chosen_file.data();
}

// `read`: the bytes that arrived (fewer if the file shrank or a read failed).
EMSCRIPTEN_KEEPALIVE void desk_file_chosen(int id, const char* name, int read) {
  std::string bytes = std::move(chosen_file);
  chosen_file = std::string();
  bytes.resize(std::min(bytes.size(), static_cast<std::size_t>(std::max(read, 0))));
  auto it = file_callbacks.find(id);
  if (it == file_callbacks.end()) return;
  auto done = std::move(it->second);
  file_callbacks.erase(it);
  done(name, std::move(bytes));
}

EMSCRIPTEN_KEEPALIVE void desk_pbkdf2_done(int id, const char* hex) {
  auto it = hash_callbacks.find(id);
  if (it == hash_callbacks.end()) return;
  PendingHash p = std::move(it->second);
  hash_callbacks.erase(it);
  std::string digest = hex;
  if (digest.size() != 64) digest = desk::hash_pin(p.pin, desk::PinParameters{p.salt, p.iterations});
  p.pin.assign(p.pin.size(), '\0');
  p.done(digest);
}
}
