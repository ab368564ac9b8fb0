// 匿名化 — making a complaint's words fit for the case library (SPEC §2, issue
// 15): no names, phones or unit numbers. It builds on the redaction of
// redact.hpp (names → 王**, ID- and phone-shaped numbers masked) and adds
// what a case needs beyond a training export: the unit numbers in free text
// become 某栋某户, and the complainant's own name, phone and unit are cut out
// wherever they were typed.
#pragma once
#include <string>

namespace desk {

// Unit numbers inside free text → "某栋某户" (a building alone → "某栋", a
// room alone → "某户"):
//   3栋2单元1201 · 5栋-1703 · A座1203室 · 12号楼602 · 2单元1201 → 某栋某户
//   3-1201 (1–3 digits, a hyphen, 3–4 digits)                → 某栋某户
//   1201室 · 602房                                           → 某户
//   3栋门口                                                  → 某栋门口
// Floors (12楼), dates (2026-12-02), amounts and times are left alone.
std::string mask_units_in_text(const std::string& text);

// The person a complaint is about, as typed in its fields.
struct PersonalData {
  std::string name;
  std::string phone;
  std::string unit;
};

// Free text with `who`'s exact name (→ 王**), phone (→ ***) and unit
// (→ 某栋某户) cut out, then unit numbers and ID- and phone-shaped numbers
// masked (mask_units_in_text, mask_numbers_in_text).
std::string anonymise_text(const std::string& text, const PersonalData& who);

}  // namespace desk
