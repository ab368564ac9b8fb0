// The site folder in the browser (web_folder.cpp, web/js/folder.js): the
// folder the person chose, whether the browser lets the desk use it, and its
// I/O for FolderSync.
#pragma once
#include <functional>
#include <string>

#include "app/folder_sync.hpp"

namespace desk::platform {

enum class FolderAccess { unsupported, none, prompt, granted };
FolderAccess folder_access();
// The folder's name as the browser shows it ("" when none).
std::string folder_name();
using FolderDone = std::function<void(bool ok, std::string error)>;
// The browser's folder picker (must follow a click); error "cancelled" when
// the person closed it, "unsupported" without the folder API.
void choose_folder(FolderDone done);
// Asks the browser for the chosen folder again (must follow a click).
void regrant_folder(FolderDone done);
void forget_folder();
FolderIo& folder_io();
// Whether the page regained focus or became visible since the last call.
bool folder_take_poke();
bool page_visible();

}  // namespace desk::platform
