// Redaction for training exports (脱敏导出): what could identify a resident,
// a visitor or a staff member is masked in every record type, by field role:
//   person names   → the surname and two stars ("王小明" → "王**"); staff
//                    codes such as "S001" are kept (they are pseudonyms)
//   phone fields   → mask_phone ("138****5678")
//   ID numbers     → mask_id_number ("1101**********4512")
//   any other text → ID-number- and phone-shaped digit runs inside it masked
//                    ("身份证110101199003074512" → "身份证1101**********4512")
// References to other records and codes are left alone.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/fields.hpp"

namespace desk {

// "王小明" → "王**": the first character (the surname, by which the reception
// scripts address people as 王先生 / 王女士) and two stars whatever the
// length, so neither the given name nor its length shows. A list such as
// "张三、李四" is redacted name by name; a staff code ("S001", "T003": ASCII
// letters and digits with at least one digit) is kept.
std::string redact_person(const std::string& text);

// Masks, inside free text, digit runs shaped like
//   ID numbers: 18 digits, 17 digits + X, 15 digits      → first 4, last 4 shown
//   mobiles: 11 digits starting 13–19 (also after 86)    → "138****5678"
//   landlines: 0 + area code + number, 10–12 digits      → "075****5678"
// (never longer than the number masked).
// Groups joined by one space, hyphen or closing bracket ("138 1234 5678",
// "0755-12345678", "(010)12345678") count as one number; full-width digits
// count as digits. Dates (2026-12-02), amounts, unit numbers (3栋2单元1201)
// and other numbers are left as they are.
std::string mask_numbers_in_text(const std::string& text);

// How a text field is redacted, from its key in the field table.
enum class TextRole { person, phone, id_number, reference, free_text };
TextRole text_role(std::string_view key);
std::string redact_text(TextRole role, const std::string& text);

namespace detail {
template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
}  // namespace detail

template <HasFields T>
void redact_fields(T& value);

template <class V>
void redact_value(V& v, TextRole role) {
  if constexpr (std::is_same_v<V, std::string>)
    v = redact_text(role, v);
  else if constexpr (HasFields<V>)
    redact_fields(v);
  else if constexpr (detail::is_vector<V>::value)
    for (auto& x : v) redact_value(x, role);
  else if constexpr (detail::is_optional<V>::value) {
    if (v) redact_value(*v, role);
  }
}

// Redacts every text field of `value`, nested objects and lists included.
template <HasFields T>
void redact_fields(T& value) {
  std::apply([&](const auto&... f) { (redact_value(value.*(f.member), text_role(f.key)), ...); }, T::fields());
}

}  // namespace desk
