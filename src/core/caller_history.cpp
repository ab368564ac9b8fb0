#include "core/caller_history.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace desk {

std::string phone_key(const std::string& phone) {
  std::string digits;
  for (unsigned char c : phone)
    if (c >= '0' && c <= '9') digits += static_cast<char>(c);
  return digits.size() >= 7 ? digits : std::string();
}

std::string unit_key(const std::string& unit) {
  const std::string t = trim(unit);
  std::string out;
  for (std::size_t i = 0; i < t.size();) {
    const auto c = static_cast<unsigned char>(t[i]);
    // Full-width ASCII (U+FF01–U+FF5E) is EF BC 81–EF BD 9E: shift to ASCII.
    if (c == 0xEF && i + 2 < t.size()) {
      const auto b1 = static_cast<unsigned char>(t[i + 1]), b2 = static_cast<unsigned char>(t[i + 2]);
      const int cp = ((c & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(std::tolower(cp - 0xFF01 + 0x21));  // Ｂ栋 is b栋, as B栋 is
        i += 3;
        continue;
      }
    }
    out += static_cast<char>(std::tolower(c));
    ++i;
  }
  return out;
}

std::vector<CallerHit> caller_history(const Dataset& data, const std::string& phone, const std::string& unit,
                                      const std::string& exclude_id, std::size_t limit) {
  const std::string pk = phone_key(phone), uk = unit_key(unit);
  std::vector<CallerHit> hits;
  if (pk.empty() && uk.empty()) return hits;
  data.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    // The team's own records are not a caller's history.
    if constexpr (std::is_same_v<R, Staff> || std::is_same_v<R, TrainingAttempt> || std::is_same_v<R, CaseStudy>)
      return;
    for (const R& r : table.rows()) {
      if (r.meta.deleted || r.meta.id == exclude_id) continue;
      bool by_phone = false, by_unit = false;
      if constexpr (requires { r.phone; }) by_phone = !pk.empty() && phone_key(r.phone) == pk;
      if constexpr (requires { r.unit; }) by_unit = !uk.empty() && unit_key(r.unit) == uk;
      if constexpr (std::is_same_v<R, KeyLoan>) by_unit = !uk.empty() && unit_key(r.key) == uk;
      if (by_phone || by_unit)
        hits.push_back({R::kType, r.meta.id, r.meta.created_at, record_is_open(r), by_phone, by_unit});
    }
  });
  std::stable_sort(hits.begin(), hits.end(), [](const CallerHit& a, const CallerHit& b) { return b.at < a.at; });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace desk
