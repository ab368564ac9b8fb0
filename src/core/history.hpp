// A record's history (SPEC "Records"): the append-only list of who changed
// what and when. A record read back from the journal keeps its history as the
// text the writer wrote ("[…]") and reads it into entries only when something
// first looks at them: loading a store builds no history entries. At 100,000
// visits the entries were about 60% of the memory of each loaded record and
// half of the replay, and nothing on a list, a search or a statistic reads
// them. A record written back unchanged copies the text.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/fields.hpp"

namespace desk {

struct Change {
  Timestamp at;
  std::string by;
  std::int64_t revision = 0;
  std::string action;  // "create", "edit", "delete", or a workflow action code
  std::vector<FieldChange> changes;
  bool operator==(const Change&) const = default;
};

class History {
 public:
  using value_type = Change;
  using iterator = std::vector<Change>::iterator;
  using const_iterator = std::vector<Change>::const_iterator;
  using const_reverse_iterator = std::vector<Change>::const_reverse_iterator;

  History() = default;
  History(std::vector<Change> entries) : entries_(std::move(entries)) {}  // NOLINT: a list is a history
  History(std::initializer_list<Change> entries) : entries_(entries) {}

  // The writer's text of a list of `count` entries, read when first needed.
  // The text must be one the writer wrote (a checksummed journal line): it is
  // not checked here. If reading it ever fails, the entries are empty and
  // the text is kept and written back unchanged.
  static History from_text(std::string_view text, std::size_t count);
  // The text while the entries are unread; null once they are read.
  const std::string* text() const { return text_.empty() ? nullptr : &text_; }

  const std::vector<Change>& entries() const {
    if (!text_.empty() && !read_) read();
    return entries_;
  }
  // For a change: the entries, read, and the text dropped.
  std::vector<Change>& entries() {
    if (!text_.empty()) {
      if (!read_) read();
      text_.clear(), text_.shrink_to_fit(), read_ = false;
    }
    return entries_;
  }
  operator const std::vector<Change>&() const { return entries(); }  // NOLINT: reads as the list it is

  // The number of entries, known without reading the text.
  std::size_t size() const { return text_.empty() ? entries_.size() : count_; }
  bool empty() const { return size() == 0; }
  const Change& operator[](std::size_t i) const { return entries()[i]; }
  const Change& front() const { return entries().front(); }
  const Change& back() const { return entries().back(); }
  const_iterator begin() const { return entries().begin(); }
  const_iterator end() const { return entries().end(); }
  const_reverse_iterator rbegin() const { return entries().rbegin(); }
  const_reverse_iterator rend() const { return entries().rend(); }
  Change& operator[](std::size_t i) { return entries()[i]; }
  Change& back() { return entries().back(); }
  iterator begin() { return entries().begin(); }
  iterator end() { return entries().end(); }
  void push_back(Change c) { entries().push_back(std::move(c)); }
  void resize(std::size_t n) { entries().resize(n); }
  void clear() { text_.clear(), entries_.clear(), read_ = false, count_ = 0; }

  // Equal entries (two texts that are equal are equal without reading them).
  bool operator==(const History& o) const {
    if (!text_.empty() && text_ == o.text_) return true;
    return entries() == o.entries();
  }

 private:
  void read() const;
  mutable std::vector<Change> entries_;
  mutable bool read_ = false;  // the text has been read into entries_
  std::string text_;
  mutable std::size_t count_ = 0;  // entries in text_ (0 if it could not be read)
};

}  // namespace desk
