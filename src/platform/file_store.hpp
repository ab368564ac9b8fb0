// The record store on a file system: journal segments in one folder
// (seg-000001.lz4, seg-000002.lz4, …, seg-000009.log): the last is open and
// in text, the closed ones are packed (core/segment_pack.hpp). Natively it is a real folder; in the
// browser it is the IndexedDB-backed mount, made durable by `persist` (see
// web_persist.hpp). Appending one record rewrites at most one segment.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/journal.hpp"

namespace desk {

class FileStore {
 public:
  explicit FileStore(std::string dir) : dir_(std::move(dir)) {}

  struct LoadReport {
    std::size_t segments = 0;
    std::size_t lines = 0;
    std::size_t dropped = 0;
    std::vector<std::string> problems;  // damaged lines, with segment names
    // Every line kept aside in kQuarantineFile (this load's and earlier
    // ones'), with the reason; `line_no` and `segment` for those found now.
    struct Quarantined {
      std::string segment;
      QuarantinedLine line;
    };
    std::vector<Quarantined> quarantined;
    bool quarantine_written = false;      // new lines were added to the file (persist it)
    bool sizes_written = false;           // the table sizes changed (core/table_sizes.hpp; persist them)
    std::size_t packed = 0;               // closed segments packed by this load (persist them)
    std::vector<std::string> unreadable;  // packed segments that cannot be unpacked (kept, not read)
    int found_version = 0;                // the store's version as found (1: no marker)
    bool upgraded = false;                // an older store was brought to kStoreVersion
    bool newer = false;                   // written by a newer build: opened read-only
    bool bad_marker = false;              // store.json unreadable: opened read-only
  };
  // Replays every segment into `into`. A damaged tail is cut off the file so
  // later appends start on a clean line. A complete line no reader accepts
  // stays in its segment and is copied to kQuarantineFile (writing tab only);
  // nothing here ever deletes that file or a quarantined line. With `upgrade` (the writing tab) an
  // older or new store gets the current marker; a newer or unreadable one
  // leaves the store read-only (append refuses).
  LoadReport load(Dataset& into, bool upgrade = true);

  // Where an append went, so a failed persist can be undone.
  struct Appended {
    std::string path;
    std::size_t old_size = 0;
    std::string packed;  // the segment this append closed and packed, if any
  };
  // Appends journal lines to the open segment. When they do not fit, that
  // segment is closed (packed) and a new one opened.
  Expected<Appended> append(std::string_view lines);
  // Writes the lines as one new closed segment, packed (after closing the
  // open one), for a save of many segments' worth (Desk::commit).
  Expected<Appended> append_packed(const std::vector<std::string_view>& pieces);
  // Cuts the segment back to its size before the append, and opens again
  // (in text) the segment the append closed. Undo appends newest first.
  void undo(const Appended& a);

  // A small file of the desk's own beside the segments (e.g. security.json):
  // read whole ("" when missing), written whole through a temporary file.
  std::string read_side(const std::string& name) const;
  bool write_side(const std::string& name, const std::string& text);

  const std::string& dir() const { return dir_; }
  bool writable() const { return writable_; }
  std::size_t segment_count() const { return segments_.size(); }

 private:
  // Packs closed segment i (.log -> .lz4); false leaves it in text.
  bool pack_segment_at(std::size_t i);
  // The last segment, packed, back to text (it becomes the open one).
  bool unpack_last();
  std::size_t next_number() const;

  std::string dir_;
  std::vector<std::string> segments_;  // sorted paths
  std::size_t current_size_ = 0;
  std::string run_;  // append_packed's text, reused
  bool writable_ = true;
};

}  // namespace desk
