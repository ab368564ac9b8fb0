// The on-disk journal, as bytes (no file access here): one line per saved
// record version, "<crc32 as 8 hex digits> <record JSON>\n". Lines are
// appended to segment files; replaying them in order and merging by the
// record rule rebuilds the dataset. A line cut short by a crash (no newline,
// or a checksum that does not match) is dropped and reported. A complete
// line with a good checksum that neither reader accepts (a record beyond
// limits.hpp, a type this build does not know) is never dropped: it is
// quarantined — reported with its record id and the reason, kept aside
// beside the segments (kQuarantineFile) and shown to a supervisor. A good
// line's history is kept as its text and read only when needed (history.hpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"
#include "core/record_writer.hpp"

namespace desk {

// A segment file is closed for appends once it reaches this size, so saving
// one record rewrites at most this many bytes however large the store grows.
constexpr std::size_t kSegmentBytes = 256 * 1024;

// The store's format version, in "store.json" beside the segments:
//   1  segments only (every release before the marker existed);
//   2  the same segments plus the marker;
//   3  closed segments packed (seg-NNNNNN.lz4, core/segment_pack.hpp), the
//      last one open in text (a build of version 2 would not see the rest).
// A build opens older stores and upgrades them (FileStore::load); a store of
// a newer version than the build is opened read-only and never written, so
// an old copy of the app (a stale cached page) cannot damage newer data.
constexpr const char* kStoreFormat = "wuye-desk-store";
constexpr int kStoreVersion = 3;
constexpr const char* kStoreMarkerFile = "store.json";
std::string store_marker_text(int version = kStoreVersion);
// The version a marker names; 0 when the text is not a valid marker.
int read_store_marker(std::string_view text);

std::uint32_t crc32(std::string_view bytes);

std::string journal_line(const json& record);
// The line of a record's text (record_text: the fast writer).
std::string journal_line_of(std::string_view body);
// Finishes a line whose body was appended to `out` after the 9 bytes
// reserved at `start`: writes its checksum there and ends the line.
void finish_journal_line(std::string& out, std::size_t start);
// Appends the record's line to `out`, its text written in place. In the
// browser a copy of 512 bytes or more is a call out to JavaScript: copying
// each line into the import's lines cost 0.85 s at 100,000 records.
template <HasFields R>
void append_journal_line(const R& r, std::string& out) {
  const std::size_t start = out.size();
  out.append(9, ' ');
  if (!fast::write_record(r, out)) out += record_to_json(r).dump(-1, ' ', false, json::error_handler_t::replace);
  finish_journal_line(out, start);
}
template <HasFields R>
std::string journal_line(const R& r) {
  std::string line;
  append_journal_line(r, line);
  return line;
}

// Lines kept aside, one journal line (as stored) per line of this file; no
// compaction or clean-up ever deletes it.
constexpr const char* kQuarantineFile = "quarantine.log";

// A stored line that neither reader accepts, and why.
struct QuarantinedLine {
  std::size_t line_no = 0;  // in its segment (0: not known)
  std::string text;         // the line as stored, checksum included, no newline
  std::string id;           // the record id, when the line names one
  std::string type;         // the record type code, when it names one
  Msg reason;
};
// Says why the tree reader refuses a journal line's record (its first error).
QuarantinedLine describe_refused_line(std::string_view line);

struct JournalReadReport {
  std::size_t lines = 0;                     // good lines read
  std::size_t dropped = 0;                   // torn or bad-checksum lines skipped
  std::vector<QuarantinedLine> quarantined;  // complete, checksum good, refused
  bool torn_tail = false;                    // the last line was incomplete
  std::size_t good_bytes = 0;                // length of the prefix up to the last good or quarantined line
  std::vector<std::string> problems;         // one per damaged line, for the log
};

// The JSON of a line (no newline) whose checksum is good; nothing otherwise.
std::optional<std::string_view> journal_line_body(std::string_view line);

// One line (no newline) merged into `into`: good; refused (intact, but no
// reader accepts it: `why` says why); or damaged (checksum or form bad).
enum class LineRead { good, refused, damaged };
LineRead read_journal_line(std::string_view line, Dataset& into, Msg& why);

// Replays one segment's bytes into `into`.
JournalReadReport read_journal(std::string_view bytes, Dataset& into);

}  // namespace desk
