// 全局搜索 — one search across every module (issue 13 item 7): a name, a
// phone, a unit, a record id or any words of a record's text, answered from
// an index built once per data version, so a keystroke at 100,000 records
// costs one pass over a flat buffer, not a walk of every record's fields.
#pragma once
#include <array>
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

  // The same search, a slice at a time: at 100,000 records one search reads
  // tens of megabytes of index, more than a frame may take while someone
  // types. `step` reads about `bytes` more of the index; once `done`,
  // `groups` is what `find` returns. The index must outlive the search and
  // not be rebuilt under it.
  class Search {
   public:
    bool step(std::size_t bytes);  // true once the whole index is read
    bool done() const { return index_ == nullptr || at_ >= index_->text_.size(); }
    std::vector<SearchGroup> groups() const;

   private:
    friend class SearchIndex;
    const SearchIndex* index_ = nullptr;
    std::vector<std::string> words_;        // longest first: the first is scanned for
    std::array<std::uint8_t, 256> skip_{};  // Horspool's shifts for words_[0]
    std::size_t at_ = 0;                    // the next byte of the index to read
    std::size_t entry_ = 0;                 // the entry holding at_
    std::size_t per_group_ = 0;
    std::vector<SearchGroup> groups_;
  };
  Search start(std::string_view query, std::size_t per_group = 5) const;

  // The same build, a slice at a time (below).
  class Builder;

 private:
  // Appends a live record's entry (nothing for a deleted one).
  template <class R>
  void add(const R& r, std::uint16_t type);

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

// The index built a slice at a time: at 100,000 records a whole build is
// about 0.2 s, which held the frame the search box opened in. `step` indexes
// about `rows` more rows; once `done`, `take` hands over what `build` makes.
// The data must not change under a build: start another.
class SearchIndex::Builder {
 public:
  Builder() = default;
  Builder(const Dataset& data, bool with_cases) : data_(&data), with_cases_(with_cases) {}
  bool step(std::size_t rows);  // true once every table is indexed
  bool done() const { return data_ == nullptr || table_ >= std::tuple_size_v<decltype(Dataset::tables)>; }
  SearchIndex take() { return std::move(index_); }

 private:
  const Dataset* data_ = nullptr;
  bool with_cases_ = false;
  std::size_t table_ = 0;           // the table being indexed, in the dataset's order
  bool started_ = false;            // its rows are ordered in order_
  std::vector<std::size_t> order_;  // its rows, newest first
  std::size_t next_ = 0;            // the next of order_ to index
  SearchIndex index_;
};

}  // namespace desk
