#include "core/record_reader.hpp"

#include <cstdlib>
#include <iterator>
#include <limits>

#include "core/record_limits.hpp"
#include "core/text.hpp"

namespace desk::fast {

namespace {
void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex(char c) {
  return c >= '0' && c <= '9'   ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                : -1;
}

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629, as the tree
// reader checks it), or 0.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = b(0);
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return b(k) >= lo && b(k) <= hi; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
}  // namespace

bool Cursor::string(std::string& out) {
  if (!eat('"')) return false;
  out.clear();
  while (i_ < s_.size()) {
    const char c = s_[i_];
    if (c == '"') return ++i_, true;
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c == '\\') {
      if (i_ + 1 >= s_.size()) return false;
      const char e = s_[i_ + 1];
      i_ += 2;
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          auto unit = [&](std::uint32_t& v) {
            if (i_ + 4 > s_.size()) return false;
            v = 0;
            for (int k = 0; k < 4; ++k) {
              const int h = hex(s_[i_ + k]);
              if (h < 0) return false;
              v = v << 4 | static_cast<std::uint32_t>(h);
            }
            i_ += 4;
            return true;
          };
          std::uint32_t cp = 0;
          if (!unit(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo = 0;
            if (i_ + 2 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
            i_ += 2;
            if (!unit(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          return false;
      }
      continue;
    }
    // A run of plain characters goes in at once.
    std::size_t j = i_;
    while (j < s_.size()) {
      const auto u = static_cast<unsigned char>(s_[j]);
      if (u == '"' || u == '\\' || u < 0x20) break;
      if (u < 0x80) {
        ++j;
        continue;
      }
      // Most Chinese text: E1–EC or EE–EF and two continuation bytes.
      if (((u >= 0xE1 && u <= 0xEC) || u >= 0xEE) && u <= 0xEF && j + 2 < s_.size() &&
          (static_cast<unsigned char>(s_[j + 1]) & 0xC0) == 0x80 &&
          (static_cast<unsigned char>(s_[j + 2]) & 0xC0) == 0x80) {
        j += 3;
        continue;
      }
      const std::size_t n = utf8_sequence(s_, j);
      if (n == 0) return false;
      j += n;
    }
    // No valid text is longer: decline early (the tree reader, or the
    // import's pre-scan, says why) instead of copying megabytes.
    if (out.size() + (j - i_) > kMaxTextLength * 4) return false;
    out.append(s_.data() + i_, j - i_);
    i_ = j;
  }
  return false;
}

bool Cursor::key(std::string_view& out) {
  ws();
  if (i_ >= s_.size() || s_[i_] != '"') return false;
  // The writer's keys are plain ASCII: taken in place, without a copy.
  for (std::size_t j = i_ + 1; j < s_.size(); ++j) {
    const auto u = static_cast<unsigned char>(s_[j]);
    if (u == '"') {
      out = s_.substr(i_ + 1, j - i_ - 1);
      i_ = j + 1;
      return true;
    }
    if (u == '\\' || u < 0x20 || u >= 0x80) break;
  }
  // Anything else is decoded as a string value is.
  if (!string(key_)) return false;
  out = key_;
  return true;
}

bool Cursor::integer(std::int64_t& out) {
  ws();
  const std::size_t start = i_;
  const bool negative = i_ < s_.size() && s_[i_] == '-';
  if (negative) ++i_;
  if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') return false;
  if (s_[i_] == '0' && i_ + 1 < s_.size() && s_[i_ + 1] >= '0' && s_[i_ + 1] <= '9') return false;
  std::uint64_t v = 0;
  for (; i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; ++i_) {
    if (v > (std::numeric_limits<std::uint64_t>::max() - 9) / 10) return false;
    v = v * 10 + static_cast<std::uint64_t>(s_[i_] - '0');
  }
  if (i_ < s_.size() && (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E')) return false;  // not an integer
  const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  if (v > limit || i_ == start) return false;
  out = negative ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  return true;
}

bool Cursor::number(double& out) {
  ws();
  std::size_t j = i_;
  if (j < s_.size() && s_[j] == '-') ++j;
  const std::size_t digits = j;
  while (j < s_.size() && s_[j] >= '0' && s_[j] <= '9') ++j;
  if (j == digits || (s_[digits] == '0' && j - digits > 1)) return false;
  if (j < s_.size() && s_[j] == '.') {
    const std::size_t f = ++j;
    while (j < s_.size() && s_[j] >= '0' && s_[j] <= '9') ++j;
    if (j == f) return false;
  }
  if (j < s_.size() && (s_[j] == 'e' || s_[j] == 'E')) {
    ++j;
    if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
    const std::size_t e = j;
    while (j < s_.size() && s_[j] >= '0' && s_[j] <= '9') ++j;
    if (j == e) return false;
  }
  const std::string text(s_.substr(i_, j - i_));
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(out == out) || out > std::numeric_limits<double>::max() ||
      out < -std::numeric_limits<double>::max())
    return false;
  i_ = j;
  return true;
}

bool Cursor::literal(std::string_view word) {
  ws();
  if (s_.substr(i_, word.size()) != word) return false;
  i_ += word.size();
  return true;
}

bool Cursor::skip_value(int depth) {
  if (depth > 64) return false;
  ws();
  if (i_ >= s_.size()) return false;
  const char c = s_[i_];
  std::string& scratch = scratch_;  // reused: skipping builds nothing new
  if (c == '"') return string(scratch);
  if (c == '{' || c == '[') {
    const char close = c == '{' ? '}' : ']';
    ++i_;
    if (eat(close)) return true;
    do {
      if (c == '{' && !(string(scratch) && eat(':'))) return false;
      if (!skip_value(depth + 1)) return false;
    } while (eat(','));
    return eat(close);
  }
  if (c == 't') return literal("true");
  if (c == 'f') return literal("false");
  if (c == 'n') return literal("null");
  double d = 0;
  return number(d);
}

bool Cursor::skip(std::string_view& span) {
  ws();
  const std::size_t start = i_;
  if (!skip_value(0)) return false;
  span = s_.substr(start, i_ - start);
  return true;
}

bool Cursor::skip_written_list(std::string_view& span, std::size_t& items) {
  ws();
  const std::size_t start = i_;
  if (!eat('[')) return false;
  // An empty list has no items; any other has one more than its top-level commas.
  items = eat(']') ? 0 : 1;
  for (int depth = items; depth > 0; ++i_) {
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '"') {
      for (++i_; i_ < s_.size() && s_[i_] != '"'; ++i_)
        if (s_[i_] == '\\') ++i_;
      if (i_ >= s_.size()) return false;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      ++items;
    }
  }
  span = s_.substr(start, i_ - start);
  return true;
}

// ---- values, as fields.hpp's from_value accepts them ------------------------
namespace {
// Cursor::string yields only well-formed UTF-8 (it checks every sequence and
// escape), so of text_fits only the length is left to check.
bool read(Cursor& c, std::string& out) {
  return c.string(out) && text_length_fits(out);
}
bool read(Cursor& c, bool& out) {
  if (c.literal("true")) return out = true, true;
  if (c.literal("false")) return out = false, true;
  return false;
}
bool read(Cursor& c, std::int64_t& out) {
  return c.integer(out) && long_fits(out);
}
bool read(Cursor& c, int& out) {
  std::int64_t v = 0;
  if (!c.integer(v) || !int_fits(v)) return false;
  out = static_cast<int>(v);
  return true;
}
bool read(Cursor& c, Money& out) {
  double yuan = 0;
  if (!c.number(yuan)) return false;
  const auto m = money_from_yuan(yuan);
  if (!m) return false;
  out = *m;
  return true;
}
bool read_revision(Cursor& c, std::int64_t& out, bool (*fits)(std::int64_t)) {
  return c.integer(out) && fits(out);
}
bool read(Cursor& c, Timestamp& out) {
  std::string s;
  if (!c.string(s)) return false;
  const auto t = parse_iso(s);
  if (!t || !time_fits(*t)) return false;
  out = *t;
  return true;
}
template <DeskEnum E>
bool read(Cursor& c, E& out) {
  std::string s;
  if (!c.string(s)) return false;
  const auto v = enum_from_code<E>(s);
  if (!v) return false;
  out = *v;
  return true;
}
template <class T>
bool read(Cursor& c, std::optional<T>& out);
template <class T>
bool read(Cursor& c, std::vector<T>& out, std::size_t max_items = kMaxListItems);
bool read(Cursor& c, json& out);
bool read(Cursor& c, FieldChange& out);
bool read(Cursor& c, Change& out);
template <HasFields T>
bool read(Cursor& c, T& out);

template <class T>
bool read(Cursor& c, std::optional<T>& out) {
  if (c.literal("null")) return out.reset(), true;
  T v{};
  if (!read(c, v)) return false;
  out = std::move(v);
  return true;
}
template <class T>
bool read(Cursor& c, std::vector<T>& out, std::size_t max_items) {
  out.clear();
  if (!c.eat('[')) return false;
  if (c.eat(']')) return true;
  // The items gather in a scratch list kept from line to line, then move
  // into `out` at their exact count: one allocation per list, not one per
  // doubling (a replay of 100,000 records reads 100,000 history lists of
  // about eight changes each). A list of T inside a list of T reads directly.
  static thread_local std::vector<T> scratch;
  static thread_local bool in_use = false;
  const bool own = !in_use;
  std::vector<T>& items = own ? scratch : out;
  in_use = true;
  items.clear();
  bool ok = true;
  do {
    T v{};
    if (items.size() == max_items || !read(c, v)) {
      ok = false;
      break;
    }
    items.push_back(std::move(v));
  } while (c.eat(','));
  ok = ok && c.eat(']');
  if (own) {
    in_use = false;
    if (ok) out.assign(std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    items.clear();
  }
  return ok;
}
// Calls f(key) for each member of a non-empty object; f reads the value.
template <class F>
bool members(Cursor& c, F&& f) {
  std::string_view key;
  if (!c.eat('{') || c.eat('}')) return false;
  do {
    if (!c.key(key) || !c.eat(':') || !f(key)) return false;
  } while (c.eat(','));
  return c.eat('}');
}

// Marks `bit` seen; false when it was already (a key given twice: the tree
// reader, which keeps the last one, decides).
bool once(std::uint64_t& seen, std::uint64_t bit) {
  if (seen & bit) return false;
  seen |= bit;
  return true;
}

// Every listed field exactly once; no other keys.
template <HasFields T>
bool read(Cursor& c, T& out) {
  constexpr std::size_t n = std::tuple_size_v<decltype(T::fields())>;
  static_assert(n > 0 && n < 64);
  std::uint64_t seen = 0;
  const bool ok = members(c, [&](std::string_view key) {
    bool matched = false, good = false;
    std::size_t index = 0;
    std::apply(
        [&](const auto&... f) {
          (
              [&] {
                if (!matched && !key.empty() && key[0] == f.key[0] && key == f.key)
                  matched = true, good = once(seen, std::uint64_t{1} << index) && read(c, out.*(f.member));
                ++index;
              }(),
              ...);
        },
        T::fields());
    return matched && good;
  });
  // Optional fields may be absent (added after the type was first written).
  std::uint64_t required = 0;
  std::size_t bit = 0;
  std::apply(
      [&](const auto&... f) {
        ((required |=
          is_optional_v<std::decay_t<decltype(out.*(f.member))>> || f.added_later ? 0 : std::uint64_t{1} << bit,
          ++bit),
         ...);
      },
      T::fields());
  if (!ok || (seen & required) != required) return false;
  if constexpr (requires { shape_errors(out); })
    if (!shape_errors(out).empty()) return false;
  return true;
}

// A value kept as JSON (a history entry's before and after): text, null,
// true/false and whole numbers directly (as the tree reader types them),
// anything else through the tree.
bool read(Cursor& c, json& out) {
  std::string text;
  std::int64_t n = 0;
  if (c.peek('"')) return c.string(text) && text_length_fits(text) ? (out = std::move(text), true) : false;
  if (c.literal("null")) return out = nullptr, true;
  if (c.literal("true")) return out = true, true;
  if (c.literal("false")) return out = false, true;
  Cursor probe = c;
  if (probe.integer(n) && (probe.peek(',') || probe.peek('}') || probe.peek(']'))) {
    c = probe;
    out = n < 0 ? json(n) : json(static_cast<std::uint64_t>(n));  // the tree makes non-negative numbers unsigned
    return true;
  }
  std::string_view span;
  if (!c.skip(span)) return false;
  out = json::parse(span, nullptr, false);
  return !out.is_discarded() && json_value_fits(out);
}

// {field, from, to} of a history entry (other keys ignored, as in record.cpp).
bool read(Cursor& c, FieldChange& out) {
  std::uint64_t seen = 0;
  std::string_view span;
  return members(c,
                 [&](std::string_view key) {
                   if (key == "field") return once(seen, 1) && read(c, out.field);
                   if (key == "from") return once(seen, 2) && read(c, out.from);
                   if (key == "to") return once(seen, 4) && read(c, out.to);
                   return c.skip(span);
                 }) &&
         seen == 7;
}

// A history entry (record.cpp's change_from_json; other keys ignored).
bool read(Cursor& c, Change& out) {
  std::uint64_t seen = 0;
  std::string_view span;
  return members(c,
                 [&](std::string_view key) {
                   if (key == "at") return once(seen, 1) && read(c, out.at);
                   if (key == "by") return once(seen, 2) && read(c, out.by);
                   if (key == "revision") return once(seen, 4) && read_revision(c, out.revision, history_revision_fits);
                   if (key == "action") return once(seen, 8) && read(c, out.action);
                   if (key == "changes") return once(seen, 16) && read(c, out.changes, kMaxChangesPerEntry);
                   return c.skip(span);
                 }) &&
         seen == 31;
}

// The record envelope (record.cpp's meta_from_json) with R's data; with
// `history_as_text`, the history is kept as its text (a journal line).
template <class R>
bool read_record_of(std::string_view text, R& r, bool history_as_text = false) {
  Cursor c(text);
  RecordMeta& m = r.meta;
  std::uint64_t seen = 0;
  std::string_view span;
  std::string type;
  const bool ok = members(c, [&](std::string_view key) {
    if (key == "id") return once(seen, 1) && read(c, m.id) && is_record_id(m.id);
    if (key == "site") return once(seen, 2) && read(c, m.site);
    if (key == "created_at") return once(seen, 4) && read(c, m.created_at);
    if (key == "created_by") return once(seen, 8) && read(c, m.created_by);
    if (key == "updated_at") return once(seen, 16) && read(c, m.updated_at);
    if (key == "updated_by") return once(seen, 32) && read(c, m.updated_by);
    if (key == "revision") return once(seen, 64) && read_revision(c, m.revision, revision_fits);
    if (key == "deleted") return once(seen, 128) && read(c, m.deleted);
    if (key == "history") {
      if (!once(seen, 256)) return false;
      if (!history_as_text) return read(c, m.history.entries(), kMaxHistoryEntries);
      std::size_t items = 0;
      return c.skip_written_list(span, items) && (m.history = History::from_text(span, items), true);
    }
    if (key == "data") return once(seen, 512) && read(c, static_cast<R&>(r));
    if (key == "type") return once(seen, 1024) && c.string(type) && type == R::kType;  // the guess was right
    return c.skip(span);                                                               // keys the tree reader ignores
  });
  if (!ok || !c.at_end() || seen != 2047) return false;
  if (!history_as_text && !history_in_order(m.history))
    m.history = merge_history(m.history, {});  // as written: no copy
  return true;
}

// A guess at the record's type without a pass over the whole text: the last
// `"type":"…"` in it. Keys are written sorted, so after the top-level "type"
// come only "updated_at" and "updated_by", whose string values cannot hold
// that sequence unescaped. read_record_of checks the guess against the
// top-level key; a wrong guess (keys in another order, a nested "type") only
// sends the line to the tree reader.
bool guess_type(std::string_view text, std::string_view& type) {
  constexpr std::string_view kKey = "\"type\":\"";
  const std::size_t at = text.rfind(kKey);
  if (at == std::string_view::npos) return false;
  const std::size_t begin = at + kKey.size();
  const std::size_t end = text.find('"', begin);
  if (end == std::string_view::npos) return false;
  type = text.substr(begin, end - begin);
  return true;
}
}  // namespace

namespace {
bool read_into(std::string_view text, Dataset& into, bool only_new, bool history_as_text) {
  std::string_view type;
  if (!guess_type(text, type)) return false;
  bool stored = false;
  auto try_one = [&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    if (stored || type != R::kType) return;
    R r;
    if (!read_record_of(text, r, history_as_text) || (only_new && table.find(r.meta.id))) return;
    table.upsert(std::move(r));
    stored = true;
  };
  std::apply([&](auto&... t) { (try_one(t), ...); }, into.tables);
  return stored;
}
}  // namespace

bool read_record(std::string_view text, Dataset& into, bool only_new) {
  return read_into(text, into, only_new, false);
}

bool read_journal_record(std::string_view text, Dataset& into) {
  return read_into(text, into, false, true);
}

namespace {
template <std::size_t I = 0>
bool read_any_of(std::string_view type, std::string_view text, AnyRecord& out) {
  if constexpr (I == std::variant_size_v<AnyRecord>) {
    return false;
  } else {
    using R = std::variant_alternative_t<I, AnyRecord>;
    if (type == R::kType) return read_record_of(text, out.emplace<R>());
    return read_any_of<I + 1>(type, text, out);
  }
}
}  // namespace

bool read_any(std::string_view text, AnyRecord& out) {
  std::string_view type;
  return guess_type(text, type) && read_any_of(type, text, out);
}

}  // namespace desk::fast

namespace desk {

History History::from_text(std::string_view text, std::size_t count) {
  History h;
  if (count == 0) return h;
  h.text_ = text;
  h.count_ = count;
  return h;
}

void History::read() const {
  fast::Cursor c(text_);
  std::vector<Change> entries;
  if (fast::read(c, entries, kMaxHistoryEntries) && c.at_end()) {
    if (!history_in_order(entries)) entries = merge_history(entries, {});
    entries_ = std::move(entries);
  } else {
    entries_.clear();
  }
  count_ = entries_.size();
  read_ = true;
}

}  // namespace desk
