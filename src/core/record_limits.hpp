// The writer's side of limits.hpp: a record version is stored only when
// every value in it is one the journal readers accept. Errors name the
// top-level field key (the form shows them beside that field) and say what
// the person calls the field: "来访内容过长：最多 5000 字，当前 5213 字".
#pragma once
#include <string>
#include <string_view>

#include "core/record.hpp"

namespace desk {

// A value kept in a history entry ("from"/"to"): every string valid text of
// at most kMaxTextLength, lists of at most kMaxListItems, finite numbers,
// nested at most 9 deep. Both journal readers and the writer ask this.
bool json_value_fits(const json& j, int depth = 0);

namespace limits_detail {

// Where a value sits: its top-level field key (where the form shows the
// error) and the path of names to it. The label people read ("收费项目 第 2
// 项 金额") is built only when there is an error to report: checking a
// record builds no strings.
struct Place {
  std::string_view key;
  std::string_view zh, en;        // this level's name
  const Place* parent = nullptr;  // the enclosing field or list
  std::size_t item = 0;           // 1-based: this place is the parent list's item

  Msg label() const {
    if (!parent) return {std::string(zh), std::string(en)};
    Msg m = parent->label();
    if (item) {
      const std::string n = std::to_string(item);
      return {m.zh + "第 " + n + " 项", m.en + " item " + n};
    }
    return {m.zh + " " + std::string(zh), m.en + " " + std::string(en)};
  }
  std::string where() const { return std::string(key); }
};

inline void check(const std::string& v, Errors& out, const Place& p) {
  if (!utf8_valid(v))
    out.push_back({p.where(), text_invalid(p.label())});
  else if (!text_length_fits(v))
    out.push_back({p.where(), text_too_long(p.label(), utf8_length(v))});
}
inline void check(bool, Errors&, const Place&) {}
inline void check(int v, Errors& out, const Place& p) {
  if (!int_fits(v)) out.push_back({p.where(), number_out_of_range(-kMaxIntField, kMaxIntField)});
}
inline void check(std::int64_t v, Errors& out, const Place& p) {
  if (!long_fits(v)) out.push_back({p.where(), number_out_of_range(-kMaxLongField, kMaxLongField)});
}
inline void check(Money v, Errors& out, const Place& p) {
  if (!money_fits(v)) out.push_back({p.where(), money_too_large(p.label())});
}
inline void check(Timestamp v, Errors& out, const Place& p) {
  if (!time_fits(v)) out.push_back({p.where(), time_out_of_range()});
}
template <DeskEnum E>
void check(E, Errors&, const Place&) {}
template <class T>
void check(const std::optional<T>& v, Errors& out, const Place& p);
template <class T>
void check(const std::vector<T>& v, Errors& out, const Place& p);
template <HasFields T>
void check(const T& v, Errors& out, const Place& p);

template <class T>
void check(const std::optional<T>& v, Errors& out, const Place& p) {
  if (v) check(*v, out, p);
}
template <class T>
void check(const std::vector<T>& v, Errors& out, const Place& p) {
  if (!list_fits(v.size())) return out.push_back({p.where(), list_too_long(p.label(), v.size())});
  for (std::size_t i = 0; i < v.size(); ++i) check(v[i], out, Place{p.key, {}, {}, &p, i + 1});
}
template <HasFields T>
void check(const T& v, Errors& out, const Place& p) {
  std::apply([&](const auto&... f) { ((check(v.*(f.member), out, Place{p.key, f.zh, f.en, &p})), ...); }, T::fields());
  if constexpr (requires { shape_errors(v); })
    for (auto& e : shape_errors(v)) {
      const Msg label = p.label();
      out.push_back({p.where(), {label.zh + "：" + e.message.zh, label.en + ": " + e.message.en}});
    }
}

void check_meta(const RecordMeta& m, Errors& out);

}  // namespace limits_detail

// Every limit of limits.hpp on one record version (meta, history, fields).
template <HasFields R>
Errors check_limits(const R& r) {
  Errors out;
  std::apply(
      [&](const auto&... f) {
        ((limits_detail::check(r.*(f.member), out, limits_detail::Place{f.key, f.zh, f.en})), ...);
      },
      R::fields());
  // A field past its limit is also in the new history entry's "to": say it
  // once, beside the field, not again as a history problem.
  Errors meta;
  limits_detail::check_meta(r.meta, meta);
  for (auto& e : meta)
    if (out.empty() || e.where != "history") out.push_back(std::move(e));
  return out;
}

// The next revision of `current` is still within kMaxRevision.
inline Errors check_can_revise(const RecordMeta& current) {
  if (current.revision >= kMaxRevision) return {{"revision", revision_exhausted()}};
  return {};
}

}  // namespace desk
