// The browser's side of folder.hpp: calls into web/js/folder.js, answers
// through the exported desk_folder_* functions (the persist pattern of
// web_platform.cpp: a callback id per call).
#include <emscripten.h>

#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "platform/folder.hpp"
#include "platform/js_string.hpp"

namespace {
int next_id = 1;
std::map<int, desk::FolderIo::Listed> listed;
std::map<int, desk::FolderIo::Read> reads;
std::map<int, std::function<void(bool, std::string)>> written;  // appends, choose, regrant
std::string read_buffer;
}  // namespace

// clang-format off
EM_JS(int, desk_js_folder_access, (), {
  var a = Module.deskFolder.access;
  return a === 'unsupported' ? 0 : a === 'none' ? 1 : a === 'prompt' ? 2 : 3;
});
EM_JS(char*, desk_js_folder_name, (), {
  var s = Module.deskFolder.name || "";
  var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
EM_JS(void, desk_js_folder_choose, (int id, int again), {
  var done = function(ok, error) { Module.ccall('desk_folder_done', null, ['number', 'number', 'string'], [id, ok ? 1 : 0, error || ""]); };
  if (again) Module.deskFolder.regrant(done); else Module.deskFolder.choose(done);
});
EM_JS(int, desk_js_folder_take_poke, (), {
  var p = Module.deskFolder.poked;
  Module.deskFolder.poked = false;
  return p ? 1 : 0;
});
EM_JS(int, desk_js_page_visible, (), { return document.hidden ? 0 : 1; });
EM_JS(void, desk_js_folder_forget, (), { Module.deskFolder.forget(); });
EM_JS(void, desk_js_folder_list, (int id), {
  Module.deskFolder.list(function(ok, error, files) {
    Module.ccall('desk_folder_listed', null, ['number', 'number', 'string', 'string'], [id, ok ? 1 : 0, error || "", JSON.stringify(files || [])]);
  });
});
EM_JS(void, desk_js_folder_read, (int id, const char* path, double offset), {
  Module.deskFolder.read(UTF8ToString(path), offset, function(ok, error, buffer) {
    var len = ok ? buffer.byteLength : 0;
    var ptr = Module.ccall('desk_folder_buffer', 'number', ['number'], [len]);
    if (len) HEAPU8.set(new Uint8Array(buffer), ptr);
    Module.ccall('desk_folder_read', null, ['number', 'number', 'string'], [id, ok ? 1 : 0, error || ""]);
  });
});
EM_JS(void, desk_js_folder_append, (int id, const char* path, double at, const char* data, int len), {
  var bytes = HEAPU8.slice(data, data + len);
  Module.deskFolder.append(UTF8ToString(path), at, bytes, function(ok, error) {
    Module.ccall('desk_folder_done', null, ['number', 'number', 'string'], [id, ok ? 1 : 0, error || ""]);
  });
});
// clang-format on

namespace desk::platform {

namespace {
struct WebFolder : FolderIo {
  void list(Listed done) override {
    const int id = next_id++;
    listed[id] = std::move(done);
    desk_js_folder_list(id);
  }
  void read(const std::string& path, std::size_t offset, Read done) override {
    const int id = next_id++;
    reads[id] = std::move(done);
    desk_js_folder_read(id, path.c_str(), static_cast<double>(offset));
  }
  void append(const std::string& path, std::size_t at, const std::string& bytes, Written done) override {
    const int id = next_id++;
    written[id] = std::move(done);
    desk_js_folder_append(id, path.c_str(), static_cast<double>(at), bytes.data(), static_cast<int>(bytes.size()));
  }
};
}  // namespace

FolderAccess folder_access() {
  return static_cast<FolderAccess>(desk_js_folder_access());
}

std::string folder_name() {
  return take_js_string(desk_js_folder_name());
}

void choose_folder(FolderDone done) {
  const int id = next_id++;
  written[id] = std::move(done);
  desk_js_folder_choose(id, 0);
}

void regrant_folder(FolderDone done) {
  const int id = next_id++;
  written[id] = std::move(done);
  desk_js_folder_choose(id, 1);
}

void forget_folder() {
  desk_js_folder_forget();
}

bool folder_take_poke() {
  return desk_js_folder_take_poke() != 0;
}

bool page_visible() {
  return desk_js_page_visible() != 0;
}

FolderIo& folder_io() {
  static WebFolder io;
  return io;
}

}  // namespace desk::platform

extern "C" {
EMSCRIPTEN_KEEPALIVE void desk_folder_done(int id, int ok, const char* error) {
  auto it = written.find(id);
  if (it == written.end()) return;
  auto done = std::move(it->second);
  written.erase(it);
  done(ok != 0, error);
}

EMSCRIPTEN_KEEPALIVE void desk_folder_listed(int id, int ok, const char* error, const char* files) {
  auto it = listed.find(id);
  if (it == listed.end()) return;
  auto done = std::move(it->second);
  listed.erase(it);
  std::vector<desk::FolderEntry> out;
  const auto j = nlohmann::json::parse(files, nullptr, false);
  if (j.is_array())
    for (const auto& f : j)
      if (f.is_object() && f.value("path", "") != "")
        out.push_back({f.value("path", ""), f.value("size", std::size_t{0})});
  done(ok != 0, error, std::move(out));
}

EMSCRIPTEN_KEEPALIVE char* desk_folder_buffer(int len) {
  read_buffer.assign(static_cast<std::size_t>(len), '\0');
  return read_buffer.data();
}

EMSCRIPTEN_KEEPALIVE void desk_folder_read(int id, int ok, const char* error) {
  std::string bytes = std::move(read_buffer);
  read_buffer = std::string();
  auto it = reads.find(id);
  if (it == reads.end()) return;
  auto done = std::move(it->second);
  reads.erase(it);
  done(ok != 0, error, std::move(bytes));
}
}
