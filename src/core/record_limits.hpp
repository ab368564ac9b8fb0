// The writer's side of limits.hpp: a record version is stored only when
// every value in it is one the journal readers accept. Errors name the
// top-level field key (the form shows them beside that field) and say what
// the person calls the field: "来访内容过长：最多 5000 字，当前 5213 字".
#pragma once
#include <string>

#include "core/record.hpp"

namespace desk {

// A value kept in a history entry ("from"/"to"): every string valid text of
// at most kMaxTextLength, lists of at most kMaxListItems, finite numbers,
// nested at most 9 deep. Both journal readers and the writer ask this.
bool json_value_fits(const json& j, int depth = 0);

namespace limits_detail {

struct Place {
  std::string key;  // the form's field key, where the error is shown
  Msg label;        // the field as people call it
};

inline void check(const std::string& v, Errors& out, const Place& p) {
  if (!utf8_valid(v))
    out.push_back({p.key, text_invalid(p.label)});
  else if (const std::size_t n = utf8_length(v); n > kMaxTextLength)
    out.push_back({p.key, text_too_long(p.label, n)});
}
inline void check(bool, Errors&, const Place&) {}
inline void check(int v, Errors& out, const Place& p) {
  if (!int_fits(v)) out.push_back({p.key, number_out_of_range(-kMaxIntField, kMaxIntField)});
}
inline void check(std::int64_t v, Errors& out, const Place& p) {
  if (!long_fits(v)) out.push_back({p.key, number_out_of_range(-kMaxLongField, kMaxLongField)});
}
inline void check(Money v, Errors& out, const Place& p) {
  if (!money_fits(v)) out.push_back({p.key, money_too_large(p.label)});
}
inline void check(Timestamp v, Errors& out, const Place& p) {
  if (!time_fits(v)) out.push_back({p.key, time_out_of_range()});
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
  if (!list_fits(v.size())) return out.push_back({p.key, list_too_long(p.label, v.size())});
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    check(v[i], out, {p.key, {p.label.zh + "第 " + n + " 项", p.label.en + " item " + n}});
  }
}
template <HasFields T>
void check(const T& v, Errors& out, const Place& p) {
  std::apply(
      [&](const auto&... f) {
        ((check(v.*(f.member), out, {p.key, {p.label.zh + " " + f.zh, p.label.en + " " + f.en}})), ...);
      },
      T::fields());
  if constexpr (requires { shape_errors(v); })
    for (auto& e : shape_errors(v))
      out.push_back({p.key, {p.label.zh + "：" + e.message.zh, p.label.en + ": " + e.message.en}});
}

void check_meta(const RecordMeta& m, Errors& out);

}  // namespace limits_detail

// Every limit of limits.hpp on one record version (meta, history, fields).
template <HasFields R>
Errors check_limits(const R& r) {
  Errors out;
  std::apply(
      [&](const auto&... f) {
        ((limits_detail::check(r.*(f.member), out, {f.key, {f.zh, f.en}})), ...);
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
