#include "simd_record_reader.hpp"

#include <simdjson.h>

#include <cstring>

#include "core/record_limits.hpp"

namespace desk::simd {

namespace {
namespace od = simdjson::ondemand;

// ---- values, as fields.hpp's from_value accepts them ------------------------
// Every reader consumes its value or says no: On Demand validates only what
// is read (the document's UTF-8 and unescaped control characters are checked
// up front, in stage 1).
bool read(od::value v, std::string& out) {
  std::string_view s;
  if (v.get_string().get(s)) return false;
  out.assign(s.data(), s.size());
  return text_fits(out);
}
bool read(od::value v, bool& out) {
  return !v.get_bool().get(out);
}
bool read(od::value v, std::int64_t& out) {
  return !v.get_int64().get(out) && long_fits(out);
}
bool read(od::value v, int& out) {
  std::int64_t n = 0;
  if (v.get_int64().get(n) || !int_fits(n)) return false;
  out = static_cast<int>(n);
  return true;
}
bool read(od::value v, Money& out) {
  double yuan = 0;
  if (v.get_double().get(yuan)) return false;
  const auto m = money_from_yuan(yuan);
  return m ? (out = *m, true) : false;
}
bool read_revision(od::value v, std::int64_t& out, bool (*fits)(std::int64_t)) {
  return !v.get_int64().get(out) && fits(out);
}
bool read(od::value v, Timestamp& out) {
  std::string_view s;
  if (v.get_string().get(s)) return false;
  const auto t = parse_iso(std::string(s));
  return t && time_fits(*t) ? (out = *t, true) : false;
}
template <DeskEnum E>
bool read(od::value v, E& out) {
  std::string_view s;
  if (v.get_string().get(s)) return false;
  const auto e = enum_from_code<E>(s);
  return e ? (out = *e, true) : false;
}
template <class T>
bool read(od::value v, std::optional<T>& out);
template <class T>
bool read(od::value v, std::vector<T>& out, std::size_t max_items = kMaxListItems);
bool read(od::value v, json& out);
bool read(od::value v, FieldChange& out);
bool read(od::value v, Change& out);
template <HasFields T>
bool read(od::value v, T& out);

template <class T>
bool read(od::value v, std::optional<T>& out) {
  bool null = false;
  if (v.is_null().get(null)) return false;
  if (null) return out.reset(), true;
  T x{};
  if (!read(v, x)) return false;
  out = std::move(x);
  return true;
}
template <class T>
bool read(od::value v, std::vector<T>& out, std::size_t max_items) {
  od::array a;
  if (v.get_array().get(a)) return false;
  out.clear();
  for (auto item : a) {
    od::value x;
    T t{};
    if (std::move(item).get(x) || out.size() == max_items || !read(x, t)) return false;
    out.push_back(std::move(t));
  }
  return true;
}

// Marks `bit` seen; false when it was already (a key given twice: the tree
// reader, which keeps the last one, decides).
bool once(std::uint64_t& seen, std::uint64_t bit) {
  if (seen & bit) return false;
  seen |= bit;
  return true;
}

// Calls f(key, value) for each member of an object; f reads the value or
// says no. Keys are compared as written: a key with an escape in it matches
// no name and is refused (the tree reader decides).
template <class F>
bool members(od::object o, F&& f) {
  for (auto member : o) {
    od::field m;
    if (std::move(member).get(m) || !f(m.key(), m.value())) return false;
  }
  return true;
}

// Every listed field exactly once; no other keys.
template <HasFields T>
bool read(od::value v, T& out) {
  static_assert(std::tuple_size_v<decltype(T::fields())> < 64);
  od::object o;
  if (v.get_object().get(o)) return false;
  std::uint64_t seen = 0;
  const bool ok = members(o, [&](od::raw_json_string key, od::value value) {
    bool good = false;
    std::size_t index = 0;
    std::apply(
        [&](const auto&... f) {
          (void)((key.unsafe_is_equal(f.key)
                      ? (good = once(seen, std::uint64_t{1} << index) && read(value, out.*(f.member)), true)
                      : (++index, false)) ||
                 ...);
        },
        T::fields());
    return good;
  });
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

// A value kept as JSON (a history entry's before and after): text directly,
// anything else parsed from its own text by nlohmann, so the value is the
// one the tree holds (numbers typed alike).
bool read(od::value v, json& out) {
  od::json_type type;
  if (v.type().get(type)) return false;
  std::string_view raw;
  if (type == od::json_type::string) {
    std::string s;
    if (!read(v, s)) return false;
    out = std::move(s);
    return true;
  }
  od::array a;
  od::object o;
  const bool got = type == od::json_type::array    ? !v.get_array().get(a) && !a.raw_json().get(raw)
                   : type == od::json_type::object ? !v.get_object().get(o) && !o.raw_json().get(raw)
                                                   : (raw = v.raw_json_token(), true);
  if (!got) return false;
  // A scalar is only looked at; On Demand skips it, unvalidated, on the way
  // to the next key, but nlohmann has just parsed all of its text.
  out = json::parse(raw, nullptr, false);
  return !out.is_discarded() && json_value_fits(out);
}

// {field, from, to} of a history entry.
bool read(od::value v, FieldChange& out) {
  od::object o;
  std::uint64_t seen = 0;
  return !v.get_object().get(o) && members(o, [&](od::raw_json_string key, od::value value) {
    if (key.unsafe_is_equal("field")) return once(seen, 1) && read(value, out.field);
    if (key.unsafe_is_equal("from")) return once(seen, 2) && read(value, out.from);
    if (key.unsafe_is_equal("to")) return once(seen, 4) && read(value, out.to);
    return false;  // other keys: the tree reader ignores them
  }) && seen == 7;
}

// A history entry (record.cpp's change_from_json).
bool read(od::value v, Change& out) {
  od::object o;
  std::uint64_t seen = 0;
  return !v.get_object().get(o) && members(o, [&](od::raw_json_string key, od::value value) {
    if (key.unsafe_is_equal("at")) return once(seen, 1) && read(value, out.at);
    if (key.unsafe_is_equal("by")) return once(seen, 2) && read(value, out.by);
    if (key.unsafe_is_equal("revision"))
      return once(seen, 4) && read_revision(value, out.revision, history_revision_fits);
    if (key.unsafe_is_equal("action")) return once(seen, 8) && read(value, out.action);
    if (key.unsafe_is_equal("changes")) return once(seen, 16) && read(value, out.changes, kMaxChangesPerEntry);
    return false;
  }) && seen == 31;
}

// The record envelope (record.cpp's meta_from_json) with R's data.
template <class R>
bool read_record_of(od::document& doc, R& r) {
  RecordMeta& m = r.meta;
  std::uint64_t seen = 0;
  od::object o;
  if (doc.get_object().get(o)) return false;
  const bool ok = members(o, [&](od::raw_json_string key, od::value v) {
    if (key.unsafe_is_equal("id")) return once(seen, 1) && read(v, m.id) && is_record_id(m.id);
    if (key.unsafe_is_equal("site")) return once(seen, 2) && read(v, m.site);
    if (key.unsafe_is_equal("created_at")) return once(seen, 4) && read(v, m.created_at);
    if (key.unsafe_is_equal("created_by")) return once(seen, 8) && read(v, m.created_by);
    if (key.unsafe_is_equal("updated_at")) return once(seen, 16) && read(v, m.updated_at);
    if (key.unsafe_is_equal("updated_by")) return once(seen, 32) && read(v, m.updated_by);
    if (key.unsafe_is_equal("revision")) return once(seen, 64) && read_revision(v, m.revision, revision_fits);
    if (key.unsafe_is_equal("deleted")) return once(seen, 128) && read(v, m.deleted);
    if (key.unsafe_is_equal("history")) return once(seen, 256) && read(v, m.history.entries(), kMaxHistoryEntries);
    if (key.unsafe_is_equal("data")) return once(seen, 512) && read(v, static_cast<R&>(r));
    std::string_view type;
    if (key.unsafe_is_equal("type")) return once(seen, 1024) && !v.get_string().get(type) && type == R::kType;
    return false;  // keys the tree reader ignores: it reads the line
  });
  // Nothing after the object (On Demand stops at its closing brace).
  const char* end = nullptr;
  if (!ok || seen != 2047 || doc.current_location().get(end) != simdjson::OUT_OF_BOUNDS) return false;
  if (m.history.size() > 1) m.history = merge_history(m.history, {});
  return true;
}

// The type from the last `"type":"…"` in the text, as fast::read_record
// guesses it (read_record_of checks the guess against the top-level key).
bool guess_type(std::string_view text, std::string_view& type) {
  constexpr std::string_view kKey = "\"type\":\"";
  const std::size_t at = text.rfind(kKey);
  if (at == std::string_view::npos) return false;
  const std::size_t end = text.find('"', at + kKey.size());
  if (end == std::string_view::npos) return false;
  type = text.substr(at + kKey.size(), end - at - kKey.size());
  return true;
}

// One parser, and a copy of the line with the padding simdjson reads past
// its end, reused for every line.
struct Scratch {
  od::parser parser;
  std::string padded;
};
Scratch& scratch() {
  static thread_local Scratch s;
  return s;
}
}  // namespace

bool read_record(std::string_view text, Dataset& into, bool only_new) {
  std::string_view type;
  if (!guess_type(text, type)) return false;
  Scratch& s = scratch();
  if (s.padded.size() < text.size() + simdjson::SIMDJSON_PADDING)
    s.padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(s.padded.data(), text.data(), text.size());
  bool stored = false;
  auto try_one = [&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    if (stored || type != R::kType) return;
    od::document doc;
    R r;
    if (s.parser.iterate(s.padded.data(), text.size(), s.padded.size()).get(doc) || !read_record_of(doc, r) ||
        (only_new && table.find(r.meta.id)))
      return;
    table.upsert(std::move(r));
    stored = true;
  };
  std::apply([&](auto&... t) { (try_one(t), ...); }, into.tables);
  return stored;
}

bool dom_parse_only(std::string_view text) {
  static thread_local simdjson::dom::parser parser;
  Scratch& s = scratch();
  if (s.padded.size() < text.size() + simdjson::SIMDJSON_PADDING)
    s.padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(s.padded.data(), text.data(), text.size());
  simdjson::dom::element root;
  return !parser.parse(s.padded.data(), text.size(), false).get(root);
}

#define DESK_STRING(x) #x
#define DESK_EXPAND(x) DESK_STRING(x)
const char* version() {
  return DESK_EXPAND(SIMDJSON_VERSION);
}
const char* active_implementation() {
  return simdjson::get_active_implementation()->name().c_str();
}
// The namespace this file's On Demand code is compiled in (the library's
// builtin_implementation() names the one the library was compiled for).
const char* builtin_implementation() {
  return DESK_EXPAND(SIMDJSON_BUILTIN_IMPLEMENTATION);
}

}  // namespace desk::simd
