// The site folder (issue 12): one folder every desk of a site can reach (a
// folder on the PC or the office's shared network folder). Each desk appends
// its own saved record versions to its own files and reads everyone else's:
//
//   desks/<device>/journal-0001.jsonl
//   desks/<device>/journal-0002.jsonl   (a file is closed at kFolderFileBytes)
//
// A desk file is journal lines (journal.hpp: "<crc32> <json>\n"). Its first
// line is a header naming the format, its version, the site and the desk:
//   {"device":"…","format":"wuye-desk-folder","site":"…","version":1}
// A desk never writes, renames or deletes another desk's files, so no two
// writers ever touch one file. Readers remember how far they have read each
// file (FolderFileState) and read only what was appended since.
//
// What a reader refuses is reported by file and line and skipped; it never
// stops the other files: a damaged line (torn, bad checksum), a file of
// another format or a newer version, a file claiming another site or desk
// than its path, a record of another site, a file over kMaxFolderFileBytes.
// No I/O here: the caller (browser or desk-tool) lists and reads the files.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/team.hpp"

namespace desk {

constexpr const char* kFolderFormat = "wuye-desk-folder";
constexpr int kFolderVersion = 1;
constexpr const char* kFolderDesksDir = "desks";
// A desk's file is closed for appends at this size: an append never
// rewrites much, and a reader catching up reads bounded pieces.
constexpr std::size_t kFolderFileBytes = 1024 * 1024;
// A file this large was not written by a desk (which closes at
// kFolderFileBytes plus one record line): refused unread.
constexpr std::size_t kMaxFolderFileBytes = 16 * 1024 * 1024;

// A device id usable as a folder name on every file system: 1–64 of
// A–Z a–z 0–9 - _ (what the desk generates; nothing else is read or written).
bool valid_device_id(std::string_view device);

// "desks/<device>/journal-0001.jsonl" for file number n (1-based).
std::string desk_file_path(std::string_view device, int n);

struct DeskFileName {
  std::string device;
  int number = 0;
};
// The device and number of a desk file's path relative to the folder (with
// "/" separators); nothing for any other path (which readers ignore).
std::optional<DeskFileName> parse_desk_file_path(std::string_view path);

// The header line (with its newline) that begins each desk file.
std::string folder_header_line(std::string_view site, std::string_view device);

// How far one file has been read.
struct FolderFileState {
  std::size_t offset = 0;   // bytes consumed (always at a line end)
  std::size_t line_no = 0;  // lines consumed
  bool header_read = false;
  bool refused = false;  // the whole file is refused: never read again
};

struct FolderReadResult {
  Dataset records;                    // versions read from the new lines
  std::size_t lines = 0;              // record lines read
  std::size_t skipped = 0;            // lines or records skipped (reported)
  std::vector<std::string> problems;  // "desks/…/journal-0001.jsonl line 4: …", in English (logs, desk-tool)
  std::vector<Msg> refusals;          // the same, for the screen
};

// Reads the bytes of `path` from state.offset on (`tail` = the file's bytes
// from that offset). Only complete lines are consumed: a last line without
// its newline may still be being written, and is read next time. `site` is
// the site the reader belongs to; `file_size` the file's whole size.
FolderReadResult read_desk_file(std::string_view path, std::string_view tail, std::size_t file_size,
                                std::string_view site, FolderFileState& state);

// Where a desk's next lines go: the lines to append to its newest file
// (number `newest`, `newest_size` bytes, 0 when it has no file yet), and
// the files to start when that one fills up. Each append is one file's new
// bytes; a new file starts with its header line.
struct FolderAppend {
  std::string path;
  std::string bytes;
  bool new_file = false;
};
std::vector<FolderAppend> plan_folder_append(std::string_view site, std::string_view device, int newest,
                                             std::size_t newest_size, const std::vector<std::string>& lines);

// For head office (desk-tool): a listing of files (paths relative to the
// folder given, "/" separators) grouped into site folders — each group is
// the folder holding a "desks/" folder ("" for the folder given itself), with
// its desk files relative to it, in order. Paths that are not desk files are
// not listed.
struct SiteFolderFiles {
  std::string root;
  std::vector<std::string> files;
};
std::vector<SiteFolderFiles> group_site_folders(const std::vector<std::string>& listing);

// The site a desk file's header line names; "" when it has no valid header.
std::string desk_file_site(std::string_view bytes);

// ---- the desk's name ------------------------------------------------------------
// desks/<device>/desk.json names the desk for people (前台1): "来自 前台1 的 3 条更新".
constexpr const char* kDeskInfoFormat = "wuye-desk-info";
constexpr std::size_t kMaxDeskNameChars = 20;
std::string desk_info_path(std::string_view device);
std::optional<std::string> parse_desk_info_path(std::string_view path);
std::string desk_info_text(std::string_view site, std::string_view device, std::string_view name);
// The name in a desk.json of `site`, trimmed; nothing for another site's
// file, a damaged one, or a name that is empty, too long or has control characters.
std::optional<std::string> parse_desk_info(std::string_view bytes, std::string_view site);

// ---- the site's recovery key ---------------------------------------------------
// PINs never go to the folder (issue 11): a PIN is set on each desk. On a
// desk that got its staff from the folder (a second desk, a restored PC) an
// administrator sets it with the site's recovery code, the one printed at
// set-up. So the desk holding the recovery key also writes it beside its
// journal, desks/<device>/recovery.json: a salted, slow hash of an 80-bit
// code, which no offline search finds. A desk takes one only when it has no
// key and nobody can sign in there (Desk::adopt_recovery_key): the folder
// never replaces a key a desk has.
constexpr const char* kRecoveryFormat = "wuye-desk-recovery";
std::string recovery_file_path(std::string_view device);
// The device of a recovery file's path; nothing for any other path.
std::optional<std::string> parse_recovery_file_path(std::string_view path);
std::string recovery_file_text(std::string_view site, std::string_view device, const RecoveryKey& key);
// The key in a recovery file of `site`; nothing for another site's file, a
// damaged one, or a key whose parameters this version would not accept.
std::optional<RecoveryKey> parse_recovery_file(std::string_view bytes, std::string_view site);

}  // namespace desk
