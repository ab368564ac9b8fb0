// How a record's history reads to the staff (the 修改历史 sections): the
// entry's action by its name, and each changed value as the form shows it,
// never the stored codes ("r2 edit", "1970-01-01T08:00:00+08:00",
// "pending").
#pragma once
#include <string>
#include <type_traits>

#include "core/enums.hpp"
#include "core/fields.hpp"
#include "core/time.hpp"

namespace desk {

namespace change_text_detail {
template <class T>
struct Unwrap {
  using type = T;
};
template <class T>
struct Unwrap<std::optional<T>> {
  using type = T;
};

// A value of field type T (optional or not) as text; false when it is not
// one of the kinds named here.
template <class T>
bool value_text(const json& v, Msg& out) {
  using U = typename Unwrap<T>::type;
  if constexpr (std::is_same_v<U, Timestamp>) {
    const auto t = v.is_string() ? parse_iso(v.get<std::string>()) : std::nullopt;
    if (!t) return false;
    const std::string s = t->ms == 0 ? "—" : format_local(*t);  // the unset time of a new form
    out = {s, s};
    return true;
  } else if constexpr (DeskEnum<U>) {
    const auto e = v.is_string() ? enum_from_code<U>(v.get<std::string>()) : std::nullopt;
    if (!e) return false;
    out = enum_label(*e);
    return true;
  } else if constexpr (std::is_same_v<U, bool>) {
    if (!v.is_boolean()) return false;
    out = v.get<bool>() ? Msg{"是", "yes"} : Msg{"否", "no"};
    return true;
  } else {
    return false;
  }
}
}  // namespace change_text_detail

// A history entry's action: 新建, 修改, 删除, 导入, or the name of the
// workflow step (开始调查) for a record type with one; otherwise the code.
template <HasFields R>
Msg history_action_label(const std::string& action) {
  if (action == "create") return {"新建", "Created"};
  if (action == "edit") return {"修改", "Edited"};
  if (action == "delete") return {"删除", "Deleted"};
  if (action == "import") return {"导入", "Imported"};
  if (action == "resume") return {"恢复计时", "Resumed the clock"};
  if (action == "void_signature") return {"作废签名", "Voided a signature"};
  if (action == "recover_pin") return {"用恢复码重设 PIN", "Reset a PIN with the recovery code"};
  if constexpr (requires(const R& r) { transitions(r); }) {
    using A = std::remove_cvref_t<decltype(transitions(std::declval<const R&>())[0].action)>;
    if (const auto a = enum_from_code<A>(action)) return enum_label(*a);
  }
  return {action, action};
}

// A changed value of field `key` of R as the form shows it: a time in site
// time (2026-12-05 11:32), a choice by its label, 是/否, "—" for nothing
// (null, "", the unset time); other text as it is, anything else as JSON.
template <HasFields R>
Msg change_value_label(const std::string& key, const json& v) {
  if (v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty())) return {"—", "—"};
  Msg out;
  bool done = false;
  std::apply(
      [&](const auto&... f) {
        ((!done && key == f.key ? (void)(done = change_text_detail::value_text<
                                             std::remove_cvref_t<decltype(std::declval<R&>().*(f.member))>>(v, out))
                                : void()),
         ...);
      },
      R::fields());
  if (done) return out;
  const std::string s = v.is_string() ? v.get<std::string>() : v.dump();
  return {s, s};
}

}  // namespace desk
