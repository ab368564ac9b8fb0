// Head office's consolidation of many sites' exports (SPEC "Export, import
// and consolidation"), with the rules that keep one site's file from
// changing another site's figures:
//   - a record belongs to the site that created it, for good: a version
//     claiming another site for a record already seen is not merged, and
//     the record is kept out of the result (both claims are reported);
//   - a site's file carries (and deletes) only its own site's records
//     (record site = header site); a consolidation output (header site
//     "consolidated", device "desk-tool", as `desk-tool consolidate` writes
//     it) carries any site's;
//   - two different contents under one id and revision are a conflict: the
//     merge rule still picks one (record.hpp, `wins_over`), and the conflict
//     is reported with the fields that differ.
// Everything reported is a ConsolidationNote; the caller prints or refuses.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/exchange.hpp"
#include "core/record_reader.hpp"

namespace desk {

constexpr const char* kConsolidatedSite = "consolidated";
constexpr const char* kConsolidationDevice = "desk-tool";

// The header `desk-tool consolidate` writes. Only head office's own storage
// makes it trustworthy: anyone can write this header into a file.
bool is_consolidation_output(const ExportHeader& header);

struct ConsolidationNote {
  enum class Kind {
    conflict,      // same id and revision, different content: one picked, reported
    foreign_site,  // the record's site is not the file's: skipped
    site_changed,  // another site than an earlier version's: skipped, record held back
  };
  Kind kind = Kind::conflict;
  std::string file;  // the file holding the version reported
  std::string type;  // record type code
  std::string id;
  std::int64_t revision = 0;
  std::string site;                 // the version's site
  std::string other_file;           // the file of the version it clashes with
  std::string other_site;           // foreign_site: the file's site; site_changed: the earlier version's
  std::vector<std::string> fields;  // conflict: the keys that differ (empty: not known)
  Msg message() const;
};

struct FileOutcome {
  std::size_t records = 0;  // in the file
  std::size_t changed = 0;  // added or changed a stored record
  std::size_t skipped = 0;  // refused by the site rules
};

// The merge holds each record once, as the text of its line in the output
// (export_lines.hpp), and reads a stored version back only when another
// version of it arrives that is not the same line: memory grows with the
// records kept, not with the files read.
class Consolidation {
 public:
  Consolidation();
  ~Consolidation();
  Consolidation(const Consolidation&) = delete;
  Consolidation& operator=(const Consolidation&) = delete;

  // One file's records, checked against the merge as it stands and held
  // (those that would change it, as text) until the file is known whole;
  // then `add(Batch&&)` merges them. Merge a batch before making the next.
  class Batch {
   public:
    // Takes one record of the file (`line`: its text in the file, when it
    // has one). False: the file already had this id (the file is bad).
    bool add(AnyRecord&& record, std::string_view line = {});
    // A line that is the very line of a version held: taken without being
    // read (true); false as `add`; nothing: read it and `add` it.
    std::optional<bool> known(std::string_view line);
    std::size_t size() const { return records_; }

   private:
    friend class Consolidation;
    Batch(const Consolidation& owner, std::string file, const ExportHeader& header);
    void stage(AnyRecord&& record, std::string_view line);
    struct Staged {
      std::string id;
      std::string text;  // record_text of the version
      bool foreign;      // of another site than the file's
    };
    static constexpr std::size_t kTypes = std::variant_size_v<AnyRecord>;
    const Consolidation* owner_;
    std::string file_;
    std::string site_;
    bool any_site_;
    std::size_t records_ = 0;
    std::array<std::vector<Staged>, kTypes> staged_;             // by type, in the file's order
    std::array<std::unordered_set<std::uint64_t>, kTypes> ids_;  // hashes: a clash only sends the file to parse_export
  };
  Batch batch(const std::string& file, const ExportHeader& header) const;
  // A batch of every record of a file read whole.
  Batch batch(const std::string& file, const Imported& imported) const;
  FileOutcome add(Batch&& batch);
  // Merges one file's records under the rules above; `file` names it in notes.
  FileOutcome add(const std::string& file, const Imported& imported);
  const std::vector<ConsolidationNote>& notes() const { return notes_; }

  // The records of the result (those whose site is not disputed).
  std::size_t size() const;
  // Each record of the result as export_document writes its line, in the
  // same order (type by type, each in the order first seen).
  void each_line(const std::function<void(std::string_view line)>& f) const;
  // Room in `data` for the result's records, type by type.
  void reserve(Dataset& data) const;
  // The result as records; with_history false: without it (what statistics
  // need, in less memory). Call once, at the end.
  Dataset take_result(bool with_history = true);

  struct Tracking;  // per record type: texts, origin files, disputes, superseded versions

 private:
  template <std::size_t I>
  void merge_staged(Batch& batch, std::size_t file, FileOutcome& outcome);
  std::vector<std::string> files_;
  std::vector<ConsolidationNote> notes_;
  std::unique_ptr<Tracking> tracking_;
};

}  // namespace desk
