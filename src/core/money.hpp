// Money (SPEC §3 paid repairs): a whole number of fen (分), never a binary
// fraction of yuan. Stored in JSON as yuan ("fee": 12.5), as every earlier
// version wrote it; read back rounded to the fen, and refused beyond
// kMaxMoneyFen (limits.hpp) or when not a finite number.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "core/limits.hpp"

namespace desk {

struct Money {
  std::int64_t fen = 0;
  auto operator<=>(const Money&) const = default;
};

// Within what a reader accepts: |fen| ≤ kMaxMoneyFen.
inline bool money_fits(Money m) {
  return m.fen >= -kMaxMoneyFen && m.fen <= kMaxMoneyFen;
}
// A JSON number of yuan as fen, rounded; nothing when not finite or out of range.
std::optional<Money> money_from_yuan(double yuan);
inline double money_to_yuan(Money m) {
  return static_cast<double>(m.fen) / 100.0;
}
// "12.50", "-0.05", "1000000.00": exact, whatever the amount.
std::string format_yuan(Money m);
// What a person types: "12", "12.5", "12.50" (at most two decimals, at most
// nine digits before the point); nothing for anything else ("1e999", "12,5").
std::optional<Money> parse_yuan(const std::string& text);
// "收费超出上限：最多 1000000.00 元"
Msg money_too_large(const Msg& label);

}  // namespace desk
