// What the app needs from the machine it runs on. One interface, one
// implementation per platform (web_platform.cpp for the browser).
#pragma once
#include <functional>
#include <string>

#include "core/id.hpp"
#include "core/time.hpp"

namespace desk::platform {

// Called once the data folder is durable (ok) or could not be made so.
using PersistDone = std::function<void(bool ok, std::string error)>;

// Where the journal lives (the IndexedDB mount in the browser).
std::string data_dir();
// Makes every change under data_dir() durable, then calls done.
void persist(PersistDone done);
Timestamp now();
RandomBits random_bits();

// Hands bytes to the user as a downloaded file.
void download(const std::string& filename, const std::string& mime, const std::string& bytes);
// Opens the browser's print dialog for a self-contained HTML page (A4/A5 sheets).
void print_html(const std::string& html);

// Opens the file chooser; done receives the chosen file (not called on cancel).
void choose_file(const std::string& accept, std::function<void(std::string name, std::string bytes)> done);

struct StorageInfo {
  int persisted = -1;  // persistent storage: 1 granted, 0 refused, -1 unknown
  double used = -1;    // bytes, -1 unknown
  double quota = -1;
};
StorageInfo storage_info();

// PBKDF2-HMAC-SHA-256 of a typed PIN (staff.hpp's hash_pin), off the main
// thread where the browser can (WebCrypto), so the page keeps drawing; done
// gets the hex digest on a later frame.
void hash_pin_async(const std::string& pin, const std::string& salt, int iterations,
                    std::function<void(std::string hex)> done);

// A small text kept by the browser outside IndexedDB (localStorage), so it
// survives the browser discarding the store (store_watch.hpp). "" when
// absent or when the browser refuses.
std::string read_local(const std::string& key);
void write_local(const std::string& key, const std::string& text);

// Reads a query parameter of the page address ("" when absent).
std::string query_param(const std::string& name);
// Says the first frame is on screen (hides the loading screen).
void signal_ready();
// A named point in the browser's performance timeline (make bench reads the
// phases of an import or export from these).
void mark(const char* name);

}  // namespace desk::platform
