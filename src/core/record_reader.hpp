// A fast reader for well-formed records: straight from the JSON text into the
// record's fields, without building a JSON tree first (loading 100,000
// journal lines spent most of its time making and freeing trees). It accepts
// only what the tree reader (record_from_json) accepts and yields the same
// record; on anything else — a type mismatch, a missing or unknown field, an
// escape it does not know — it says no, and the caller uses the tree reader,
// which gives the precise error. tests/core/record_reader_test.cpp checks
// both agree on every sample record and on thousands of mutated lines.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "core/dataset.hpp"

namespace desk {
// One record of any of the Dataset's types (the variant's index is the
// table's position in the Dataset).
template <class T>
struct AnyOf;
template <class... R>
struct AnyOf<TableSet<R...>> {
  using type = std::variant<R...>;
};
using AnyRecord = AnyOf<Dataset>::type;
}  // namespace desk

namespace desk::fast {

class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  bool eat(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) return ++i_, true;
    return false;
  }
  bool peek(char c) {
    ws();
    return i_ < s_.size() && s_[i_] == c;
  }
  bool at_end() {
    ws();
    return i_ == s_.size();
  }
  bool string(std::string& out);
  // An object key: a view into the text, or of a decoded copy kept until the
  // next key (a key holding escapes or non-ASCII characters).
  bool key(std::string_view& out);
  bool integer(std::int64_t& out);
  bool number(double& out);
  bool literal(std::string_view word);
  // Skips one value; `span` is its text.
  bool skip(std::string_view& span);
  // Skips a list the writer wrote, only matching brackets outside strings
  // (nothing in it is checked); `items` is the number of its elements.
  bool skip_written_list(std::string_view& span, std::size_t& items);

 private:
  bool skip_value(int depth);
  std::string_view s_;
  std::size_t i_ = 0;
  std::string scratch_;
  std::string key_;
};

// Reads one record line's JSON into the table of its type; false (nothing
// stored) when the fast path does not apply, or with `only_new` when a record
// of that id is already there (an import refuses duplicates).
bool read_record(std::string_view text, Dataset& into, bool only_new = false);
// read_record for a line of the journal, whose checksum says the writer wrote
// it: the record's history is kept as its text (History::from_text).
bool read_journal_record(std::string_view text, Dataset& into);
// The same into one record of any type; false when the fast path does not apply.
bool read_any(std::string_view text, AnyRecord& out);

}  // namespace desk::fast
