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
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/exchange.hpp"

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

class Consolidation {
 public:
  Consolidation();
  ~Consolidation();
  Consolidation(const Consolidation&) = delete;
  Consolidation& operator=(const Consolidation&) = delete;

  // Merges one file's records under the rules above; `file` names it in notes.
  FileOutcome add(const std::string& file, const Imported& imported);
  const std::vector<ConsolidationNote>& notes() const { return notes_; }
  // The records merged so far, without those whose site is disputed. Call
  // once, at the end: the records are moved out.
  Dataset take_result();

  struct Tracking;  // per record type: origin files, disputes, superseded versions

 private:
  Dataset all_;
  std::vector<std::string> files_;
  std::vector<ConsolidationNote> notes_;
  std::unique_ptr<Tracking> tracking_;
};

}  // namespace desk
