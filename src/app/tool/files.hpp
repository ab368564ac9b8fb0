// desk-tool's file access, the only I/O of the tool:
//   - reading refuses what is not a regular file (a directory, a FIFO, a
//     device such as /dev/zero) and checks the size before reading a byte,
//     then reads at most that many bytes in bounded chunks;
//   - writing goes to a new temporary file created exclusively (O_EXCL,
//     random name, same directory, never through a symlink), is flushed to
//     disk and renamed over the target; on any failure the temporary file is
//     removed and the target is untouched.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace desk::tool {

// Exports read from disk may be larger than the browser accepts.
constexpr std::size_t kToolMaxBytes = std::size_t{4} << 30;

Expected<std::string> read_file(const std::string& path, std::size_t max_bytes = kToolMaxBytes);
// Nothing on success, else why it failed (the target is then unchanged).
std::optional<Msg> write_file(const std::string& path, const std::string& text);

// The regular files under a folder (recursively, never following a
// symbolic link), as paths relative to it with "/" separators, sorted;
// nothing when `path` is not a folder. Refuses a folder holding more than
// kToolMaxFolderFiles files.
constexpr std::size_t kToolMaxFolderFiles = 1'000'000;
std::optional<Expected<std::vector<std::string>>> list_folder(const std::string& path);

}  // namespace desk::tool
