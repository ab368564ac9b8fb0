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
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace desk::tool {

// Exports read from disk may be larger than the browser accepts.
constexpr std::size_t kToolMaxBytes = std::size_t{4} << 30;

Expected<std::string> read_file(const std::string& path, std::size_t max_bytes = kToolMaxBytes);
// Nothing on success, else why it failed (the target is then unchanged).
std::optional<Msg> write_file(const std::string& path, const std::string& text);

// The same file a line at a time, in bounded memory: `line` gets each line
// without its '\n', and after the last '\n' the rest (perhaps empty), and
// returns false to stop. True: read to the end; false: stopped, by `line`
// or at a line longer than kToolMaxLineBytes. Refuses what read_file refuses.
constexpr std::size_t kToolMaxLineBytes = std::size_t{64} << 20;
using LineFn = std::function<bool(std::string_view line)>;
Expected<bool> read_lines(const std::string& path, const LineFn& line, std::size_t max_bytes = kToolMaxBytes);
// write_file for text made piece by piece: `produce` calls `emit` with each
// piece, in order, written as it comes.
using EmitFn = std::function<void(std::string_view piece)>;
using ProduceFn = std::function<void(const EmitFn& emit)>;
std::optional<Msg> write_file_with(const std::string& path, const ProduceFn& produce);

// The regular files under a folder (recursively, never following a
// symbolic link), as paths relative to it with "/" separators, sorted;
// nothing when `path` is not a folder. Refuses a folder holding more than
// kToolMaxFolderFiles files.
constexpr std::size_t kToolMaxFolderFiles = 1'000'000;
std::optional<Expected<std::vector<std::string>>> list_folder(const std::string& path);

}  // namespace desk::tool
