// Field tables: each record type lists its fields once, as
//   static constexpr auto fields() { return std::tuple{Field{"key", &T::member, "中文", "English"}, ...}; }
// and gets JSON reading/writing, change detection for the history and field
// labels for messages from that single list.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/enums.hpp"
#include "core/errors.hpp"
#include "core/limits.hpp"
#include "core/money.hpp"
#include "core/time.hpp"

namespace desk {

using json = nlohmann::json;

template <class T>
inline constexpr bool is_optional_v = false;
template <class T>
inline constexpr bool is_optional_v<std::optional<T>> = true;

template <class R, class T>
struct Field {
  const char* key;
  T R::*member;
  const char* zh;
  const char* en;
  // A field added after its record type was first written: records and
  // exports from before it may lack it, and read it as empty (as an absent
  // optional field reads). Every other field must be present.
  bool added_later = false;
};

// Marks a Field as added_later: Field{"holds", &C::holds, "暂停记录", "Holds", kAddedLater}.
inline constexpr bool kAddedLater = true;

// Clang 14 (Emscripten 3.1.6) has no aggregate deduction; spell it out.
template <class R, class T>
Field(const char*, T R::*, const char*, const char*) -> Field<R, T>;
template <class R, class T>
Field(const char*, T R::*, const char*, const char*, bool) -> Field<R, T>;

template <class T>
concept HasFields = requires {
  T::fields();
};

// Field types: text, bool, int, std::int64_t, Money, Timestamp, enums, and
// optionals and lists of them or of field tables. No floating point: a NaN or
// an infinity would be written as null and never read back. Every reader
// below applies the limits of limits.hpp.

// ---- writing -------------------------------------------------------------
inline json to_value(const std::string& v) {
  return v;
}
inline json to_value(bool v) {
  return v;
}
inline json to_value(int v) {
  return v;
}
inline json to_value(std::int64_t v) {
  return v;
}
inline json to_value(Money v) {
  return money_to_yuan(v);
}
inline json to_value(Timestamp v) {
  return format_iso(v);
}
template <DeskEnum E>
json to_value(E v) {
  return enum_code(v);
}
template <class T>
json to_value(const std::optional<T>& v);
template <class T>
json to_value(const std::vector<T>& v);
template <HasFields T>
json to_value(const T& v);

template <class T>
json to_value(const std::optional<T>& v) {
  return v ? to_value(*v) : json(nullptr);
}
template <class T>
json to_value(const std::vector<T>& v) {
  json a = json::array();
  for (const auto& x : v) a.push_back(to_value(x));
  return a;
}
template <HasFields T>
json to_value(const T& v) {
  json o = json::object();
  std::apply([&](const auto&... f) { ((o[f.key] = to_value(v.*(f.member))), ...); }, T::fields());
  return o;
}

// ---- reading -------------------------------------------------------------
// Each reader checks the JSON type and range and reports with `path`.
// Objects and lists read their members with an empty path and put their own
// path in front of any error afterwards: building "records[7].data.phone"
// for every field read cost a third of loading 100,000 records.
namespace detail {
inline void prefix_errors(Errors& errors, std::size_t from, const std::string& path) {
  for (std::size_t k = from; k < errors.size(); ++k) errors[k].where = path + errors[k].where;
}
}  // namespace detail
inline Msg type_error(const char* zh_kind, const char* en_kind) {
  return {std::string("应为") + zh_kind, std::string("expected ") + en_kind};
}

inline bool from_value(const json& j, std::string& out, Errors& errors, const std::string& path) {
  if (!j.is_string()) return errors.push_back({path, type_error("文本", "text")}), false;
  out = j.get<std::string>();
  if (text_fits(out)) return true;
  const Msg label{"文本", "Text"};
  errors.push_back({path, utf8_valid(out) ? text_too_long(label, utf8_length(out)) : text_invalid(label)});
  return false;
}
inline bool from_value(const json& j, bool& out, Errors& errors, const std::string& path) {
  if (!j.is_boolean()) return errors.push_back({path, type_error("是/否", "true or false")}), false;
  out = j.get<bool>();
  return true;
}
inline bool from_value(const json& j, std::int64_t& out, Errors& errors, const std::string& path) {
  if (!j.is_number_integer()) return errors.push_back({path, type_error("整数", "an integer")}), false;
  const bool too_big = j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxLongField);
  out = j.get<std::int64_t>();
  if (too_big || !long_fits(out))
    return errors.push_back({path, number_out_of_range(-kMaxLongField, kMaxLongField)}), false;
  return true;
}
inline bool from_value(const json& j, int& out, Errors& errors, const std::string& path) {
  if (!j.is_number_integer()) return errors.push_back({path, type_error("整数", "an integer")}), false;
  const auto v = j.get<std::int64_t>();
  if ((j.is_number_unsigned() && j.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxIntField)) || !int_fits(v))
    return errors.push_back({path, number_out_of_range(-kMaxIntField, kMaxIntField)}), false;
  out = static_cast<int>(v);
  return true;
}
// Yuan as a JSON number, rounded to the fen.
inline bool from_value(const json& j, Money& out, Errors& errors, const std::string& path) {
  if (!j.is_number()) return errors.push_back({path, type_error("金额（数字）", "an amount (a number)")}), false;
  const auto m = money_from_yuan(j.get<double>());
  if (!m) return errors.push_back({path, money_too_large({"金额", "The amount"})}), false;
  out = *m;
  return true;
}
inline bool from_value(const json& j, Timestamp& out, Errors& errors, const std::string& path) {
  if (!j.is_string()) return errors.push_back({path, type_error("时间文本", "a time string")}), false;
  auto t = parse_iso(j.get<std::string>());
  if (!t)
    return errors.push_back(
               {path,
                {"时间格式不对，应为 2026-11-22T14:30:00+08:00", "bad time, expected 2026-11-22T14:30:00+08:00"}}),
           false;
  if (!time_fits(*t)) return errors.push_back({path, time_out_of_range()}), false;
  out = *t;
  return true;
}
template <DeskEnum E>
bool from_value(const json& j, E& out, Errors& errors, const std::string& path) {
  if (j.is_string())
    if (auto v = enum_from_code<E>(j.get<std::string>())) return out = *v, true;
  std::string codes;
  for (const auto& e : enum_entries(E{})) codes += (codes.empty() ? "" : ", ") + std::string(e.code);
  errors.push_back({path, {"取值无效，可选：" + codes, "invalid value, one of: " + codes}});
  return false;
}
template <class T>
bool from_value(const json& j, std::optional<T>& out, Errors& errors, const std::string& path);
template <class T>
bool from_value(const json& j, std::vector<T>& out, Errors& errors, const std::string& path);
template <HasFields T>
bool from_value(const json& j, T& out, Errors& errors, const std::string& path);

template <class T>
bool from_value(const json& j, std::optional<T>& out, Errors& errors, const std::string& path) {
  if (j.is_null()) return out.reset(), true;
  T v{};
  if (!from_value(j, v, errors, path)) return false;
  out = std::move(v);
  return true;
}
template <class T>
bool from_value(const json& j, std::vector<T>& out, Errors& errors, const std::string& path) {
  if (!j.is_array()) return errors.push_back({path, type_error("列表", "a list")}), false;
  if (!list_fits(j.size())) return errors.push_back({path, list_too_long({"列表", "The list"}, j.size())}), false;
  out.clear();
  out.reserve(j.size());
  bool ok = true;
  for (std::size_t i = 0; i < j.size(); ++i) {
    T v{};
    const std::size_t before = errors.size();
    if (!from_value(j[i], v, errors, std::string()))
      ok = false, detail::prefix_errors(errors, before, path + "[" + std::to_string(i) + "]");
    out.push_back(std::move(v));
  }
  return ok;
}
// Objects: every listed field must be present; unknown keys are refused.
template <HasFields T>
bool from_value(const json& j, T& out, Errors& errors, const std::string& path) {
  if (!j.is_object()) return errors.push_back({path, type_error("对象", "an object")}), false;
  bool ok = true;
  std::size_t known = 0;
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              auto it = j.find(f.key);
              using V = std::decay_t<decltype(out.*(f.member))>;
              if (it == j.end() && (is_optional_v<V> || f.added_later)) {
                out.*(f.member) = V{};  // added after the record type was first written
              } else if (it == j.end()) {
                errors.push_back({path + "." + f.key, {"缺少字段", "missing field"}});
                ok = false;
              } else {
                ++known;
                const std::size_t before = errors.size();
                if (!from_value(*it, out.*(f.member), errors, std::string()))
                  ok = false, detail::prefix_errors(errors, before, path + "." + f.key);
              }
            }(),
            ...);
      },
      T::fields());
  if (ok)
    if constexpr (requires { shape_errors(out); }) {
      auto shape = shape_errors(out);
      for (auto& e : shape) errors.push_back({path + e.where, std::move(e.message)});
      ok = shape.empty();
    }
  if (known != j.size()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool listed = false;
      std::apply([&](const auto&... f) { ((listed |= it.key() == f.key), ...); }, T::fields());
      if (!listed) errors.push_back({path + "." + it.key(), {"未知字段", "unknown field"}});
    }
    ok = false;
  }
  return ok;
}

// ---- field labels and changes ---------------------------------------------
// The label of a field key of T, or the key itself.
template <HasFields T>
Msg field_label(const std::string& key) {
  Msg label{key, key};
  std::apply([&](const auto&... f) { ((key == f.key ? (void)(label = Msg{f.zh, f.en}) : void()), ...); }, T::fields());
  return label;
}

// Issue 13: the fields of T with an error, in form order ("status" is the
// workflow's refusal, not a field to fill).
template <HasFields T>
std::vector<std::string> fields_in_error(const Errors& errors) {
  std::vector<std::string> keys;
  auto add = [&](const char* key) {
    if (std::string_view(key) != "status" && error_for(errors, key)) keys.push_back(key);
  };
  std::apply([&](const auto&... f) { (add(f.key), ...); }, T::fields());
  return keys;
}

// Issue 13: what a refused save or step says where the person is looking:
// the fields to fill, in form order (请先填写：调查情况、纠正期限), or to
// correct when one holds something wrong; a refusal of the record as a
// whole (its state, the role) says its own message.
template <HasFields T>
Msg refusal_summary(const Errors& errors) {
  const auto keys = fields_in_error<T>(errors);
  if (keys.empty()) return errors.empty() ? Msg{} : errors.front().message;
  bool missing = true;
  std::string zh, en;
  for (const auto& key : keys) {
    const FieldError* e = error_for(errors, key);
    missing = missing && (e->message.zh.rfind("请填写", 0) == 0 || e->message.zh.rfind("请选择", 0) == 0);
    const Msg label = field_label<T>(key);
    zh += (zh.empty() ? "" : "、") + label.zh;
    en += (en.empty() ? "" : ", ") + label.en;
  }
  return missing ? Msg{"请先填写：" + zh, "Fill in first: " + en} : Msg{"请先改正：" + zh, "Correct first: " + en};
}

struct FieldChange {
  std::string field;
  json from;
  json to;
  bool operator==(const FieldChange&) const = default;
};

// The fields whose values differ between a and b, in table order.
template <HasFields T>
std::vector<FieldChange> diff_fields(const T& a, const T& b) {
  std::vector<FieldChange> out;
  std::apply(
      [&](const auto&... f) {
        (
            [&] {
              if (!(a.*(f.member) == b.*(f.member)))
                out.push_back({f.key, to_value(a.*(f.member)), to_value(b.*(f.member))});
            }(),
            ...);
      },
      T::fields());
  return out;
}

}  // namespace desk
