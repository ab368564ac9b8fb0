#include "core/search.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <limits>

#include "core/caller_history.hpp"

namespace desk {

namespace {
constexpr char kFieldEnd = '\x1f';
constexpr char kRecordEnd = '\n';

// Boyer–Moore–Horspool over bytes (Emscripten's libc++ has no
// std::boyer_moore_horspool_searcher): a CJK word's last byte rarely repeats
// nearby, so most windows are skipped by the word's whole length. Shifts are
// capped at 255 (a shorter shift is never wrong).
std::array<std::uint8_t, 256> horspool_skips(std::string_view word) {
  std::array<std::uint8_t, 256> skip;
  skip.fill(static_cast<std::uint8_t>(std::min<std::size_t>(word.size(), 255)));
  for (std::size_t i = 0; i + 1 < word.size(); ++i)
    skip[static_cast<unsigned char>(word[i])] =
        static_cast<std::uint8_t>(std::min<std::size_t>(word.size() - 1 - i, 255));
  return skip;
}

// The first match of `word` in [from, last), or last.
const char* horspool_find(std::string_view word, const std::array<std::uint8_t, 256>& skip, const char* from,
                          const char* last) {
  const std::size_t n = word.size();
  const auto tail = static_cast<unsigned char>(word[n - 1]);
  while (static_cast<std::size_t>(last - from) >= n) {
    const auto c = static_cast<unsigned char>(from[n - 1]);
    if (c == tail && std::memcmp(from, word.data(), n - 1) == 0) return from;
    from += skip[c];
  }
  return last;
}

// Words of a query: split at ASCII and ideographic (U+3000) spaces, folded.
std::vector<std::string> words_of(std::string_view query) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(search_fold(word)), word.clear();
  };
  for (std::size_t i = 0; i < query.size(); ++i) {
    const auto c = static_cast<unsigned char>(query[i]);
    if (c <= ' ') {
      flush();
    } else if (c == 0xE3 && i + 2 < query.size() && static_cast<unsigned char>(query[i + 1]) == 0x80 &&
               static_cast<unsigned char>(query[i + 2]) == 0x80) {
      flush();
      i += 2;
    } else {
      word += static_cast<char>(c);
    }
  }
  flush();
  return words;
}

// The field of `record` around `at`, at most kExcerpt code points.
std::string excerpt_at(std::string_view record, std::size_t at) {
  constexpr std::size_t kExcerpt = 24;
  const std::size_t begin = record.rfind(kFieldEnd, at) == std::string_view::npos ? 0 : record.rfind(kFieldEnd, at) + 1;
  const std::size_t end = std::min(record.find(kFieldEnd, at), record.size());
  const std::string_view field = record.substr(begin, end - begin);
  std::size_t bytes = 0, points = 0;
  while (bytes < field.size() && points < kExcerpt) {
    ++bytes;
    while (bytes < field.size() && (static_cast<unsigned char>(field[bytes]) & 0xC0) == 0x80) ++bytes;
    ++points;
  }
  return std::string(field.substr(0, bytes)) + (bytes < field.size() ? "…" : "");
}
}  // namespace

std::string search_fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    // Full-width digits, letters and the dash (U+FF10–19, FF21–3A, FF41–5A,
    // FF0D: EF BC 90… EF BD 9A) read as ASCII; other full-width signs stay,
    // so an excerpt keeps its ，and 。
    if (c == 0xEF && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      const int cp = ((c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
          cp == 0xFF0D) {
        out += static_cast<char>(std::tolower(cp - 0xFF01 + 0x21));
        i += 3;
        continue;
      }
    }
    // Field and record separators never occur inside a field's folded text.
    out += c == kFieldEnd || c == kRecordEnd || c == '\r' ? ' ' : static_cast<char>(std::tolower(c));
    ++i;
  }
  return out;
}

template <class R>
void SearchIndex::add(const R& r, std::uint16_t type) {
  if (r.meta.deleted) return;
  Entry e;
  e.begin = static_cast<std::uint32_t>(text_.size());
  e.type = type;
  e.open = record_is_open(r);
  e.at = r.meta.created_at;
  e.id = r.meta.id;
  text_ += search_fold(r.meta.id);
  text_ += kFieldEnd;
  std::apply(
      [&](const auto&... f) {
        auto add_field = [&](const auto& field) {
          if constexpr (std::is_same_v<std::decay_t<decltype(r.*(field.member))>, std::string>) {
            const std::string& v = r.*(field.member);
            if (v.empty()) return;
            text_ += search_fold(v);
            text_ += kFieldEnd;
          }
        };
        (add_field(f), ...);
      },
      R::fields());
  if constexpr (requires { r.phone; }) {
    if (const std::string digits = phone_key(r.phone); !digits.empty() && digits != r.phone)
      text_ += digits, text_ += kFieldEnd;
  }
  e.end = static_cast<std::uint32_t>(text_.size());
  text_ += kRecordEnd;
  entries_.push_back(std::move(e));
}

void SearchIndex::build(const Dataset& data, bool with_cases) {
  Builder builder(data, with_cases);
  builder.step(std::numeric_limits<std::size_t>::max());
  *this = builder.take();
}

bool SearchIndex::Builder::step(std::size_t rows) {
  std::size_t left = std::max<std::size_t>(rows, 1);
  while (!done() && left > 0) {
    std::size_t t = 0;
    data_->each_table([&](const auto& table) {
      if (t++ != table_) return;
      using R = typename std::decay_t<decltype(table.rows())>::value_type;
      if constexpr (std::is_same_v<R, Staff> || std::is_same_v<R, TrainingAttempt> ||
                    std::is_same_v<R, CalendarOverride>) {
        ++table_;  // the team's own records are not looked up
      } else if (std::is_same_v<R, CaseStudy> && !with_cases_) {
        ++table_;
      } else {
        const auto& all = table.rows();
        if (!started_) {
          // Newest made first, ties in the table's order; the keys packed
          // beside the rows' numbers (comparing through the rows read two
          // records far apart in memory per comparison).
          struct Key {
            std::int64_t at;
            std::size_t row;
          };
          std::vector<Key> keys(all.size());
          for (std::size_t i = 0; i < all.size(); ++i) keys[i] = {all[i].meta.created_at.ms, i};
          std::sort(keys.begin(), keys.end(),
                    [](const Key& a, const Key& b) { return a.at != b.at ? a.at > b.at : a.row < b.row; });
          order_.resize(keys.size());
          for (std::size_t i = 0; i < keys.size(); ++i) order_[i] = keys[i].row;
          next_ = 0;
          started_ = true;
          index_.types_.push_back(R::kType);
        }
        const auto type = static_cast<std::uint16_t>(index_.types_.size() - 1);
        for (; next_ < order_.size() && left > 0; ++next_, --left) index_.add(all[order_[next_]], type);
        if (next_ == order_.size()) ++table_, started_ = false;
      }
    });
  }
  return done();
}

std::vector<SearchGroup> SearchIndex::find(std::string_view query, std::size_t per_group) const {
  Search search = start(query, per_group);
  search.step(text_.size());
  return search.groups();
}

SearchIndex::Search SearchIndex::start(std::string_view query, std::size_t per_group) const {
  Search s;
  s.words_ = words_of(query);
  if (s.words_.empty() || entries_.empty()) return s;  // done, with nothing found
  // Scan for the longest word (the rarest, and the fastest to skip with);
  // check the others only inside the records it was found in.
  std::sort(s.words_.begin(), s.words_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  s.index_ = this;
  s.skip_ = horspool_skips(s.words_[0]);
  s.per_group_ = per_group;
  s.groups_.resize(types_.size());
  for (std::size_t t = 0; t < types_.size(); ++t) s.groups_[t].type = types_[t];
  return s;
}

bool SearchIndex::Search::step(std::size_t bytes) {
  if (done()) return true;
  const std::string& text = index_->text_;
  const auto& entries = index_->entries_;
  const std::string_view word = words_[0];
  const char* const base = text.data();
  const char* const last = base + text.size();
  const char* from = base + at_;
  // Matches starting before `stop` are found whole: the window reaches a
  // word's length past it. The next step starts at `stop`.
  const char* const stop = base + std::min(text.size(), at_ + std::max<std::size_t>(bytes, 1));
  const char* const window = stop + std::min<std::size_t>(static_cast<std::size_t>(last - stop), word.size() - 1);
  while (from < stop) {
    const char* hit = horspool_find(word, skip_, from, window);
    if (hit == window) {
      from = stop;
      break;
    }
    const auto pos = static_cast<std::uint32_t>(hit - base);
    while (entries[entry_].end <= pos) ++entry_;
    const Entry& e = entries[entry_];
    const std::string_view record(base + e.begin, e.end - e.begin);
    const bool all = std::all_of(words_.begin() + 1, words_.end(),
                                 [&](const std::string& w) { return record.find(w) != std::string_view::npos; });
    if (all) {
      SearchGroup& g = groups_[e.type];
      if (g.hits.size() < per_group_)
        g.hits.push_back({index_->types_[e.type], e.id, e.at, e.open, excerpt_at(record, pos - e.begin)});
      ++g.total;
    }
    from = base + e.end;
  }
  at_ = static_cast<std::size_t>(from - base);
  return done();
}

std::vector<SearchGroup> SearchIndex::Search::groups() const {
  std::vector<SearchGroup> out;
  for (const SearchGroup& g : groups_)
    if (g.total > 0) out.push_back(g);
  return out;
}

}  // namespace desk
