// 全局搜索 — one search across every module (issue 13 item 7): a name, a
// phone, a unit, a record id or any words of a record's text, answered from
// an index built once per data version, so a keystroke at 100,000 records
// costs one pass over a flat buffer, not a walk of every record's fields.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.hpp"

namespace desk {

struct SearchHit {
  std::string type;  // Visit::kType …
  std::string id;
  Timestamp at;  // when the record was made
  bool open = false;
  std::string excerpt;  // the field the first word was found in, shortened
};

struct SearchGroup {
  std::string type;
  std::vector<SearchHit> hits;  // newest first, at most the limit asked for
  std::size_t total = 0;        // every match of this type
};

// The form text is matched in: ASCII lower-cased, full-width letters, digits
// and signs made half-width (Ｂ栋１２０２ finds B栋1202).
std::string search_fold(std::string_view text);

class SearchIndex {
 public:
  // Indexes every live record a desk user looks up: each text field, the id,
  // and a phone's bare digits (138-1234-5678 is found by 13812345678). The
  // team's own records (staff with their PIN data, training attempts) are
  // left out; case studies only `with_cases` (a role that may read them).
  void build(const Dataset& data, bool with_cases);
  std::size_t size() const { return entries_.size(); }
  std::size_t bytes() const { return text_.size(); }

  // (rule) global_search: the records holding every word of `query` (words
  // split at spaces, each folded), grouped by type in the order of the
  // modules, newest first, at most `per_group` hits per type with the count
  // of all. Nothing for a blank query.
  std::vector<SearchGroup> find(std::string_view query, std::size_t per_group = 5) const;

 private:
  struct Entry {
    std::uint32_t begin = 0, end = 0;  // the record's text in text_
    std::uint16_t type = 0;            // index into types_
    bool open = false;
    Timestamp at;
    std::string id;
  };
  std::string text_;  // every record's folded fields, \x1f between fields, \n after a record
  std::vector<Entry> entries_;
  std::vector<std::string> types_;
};

}  // namespace desk
