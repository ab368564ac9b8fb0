#include "core/money.hpp"

#include <cmath>

namespace desk {

std::optional<Money> money_from_yuan(double yuan) {
  if (!std::isfinite(yuan)) return std::nullopt;
  const double fen = std::round(yuan * 100.0);
  if (fen < static_cast<double>(-kMaxMoneyFen) || fen > static_cast<double>(kMaxMoneyFen)) return std::nullopt;
  return Money{static_cast<std::int64_t>(fen)};
}

std::string format_yuan(Money m) {
  // |fen| ≤ INT64_MAX whatever the value: negate in unsigned arithmetic.
  const bool negative = m.fen < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(m.fen) : static_cast<std::uint64_t>(m.fen);
  const std::uint64_t cents = abs % 100;
  return (negative ? "-" : "") + std::to_string(abs / 100) + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

std::optional<Money> parse_yuan(const std::string& text) {
  const std::string s = trim(text);
  std::size_t i = 0;
  std::int64_t yuan = 0, fen = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9) yuan = yuan * 10 + (s[i++] - '0');
  if (i == 0) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    const std::size_t start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 2) fen = fen * 10 + (s[i++] - '0');
    if (i == start) return std::nullopt;
    if (i - start == 1) fen *= 10;
  }
  if (i != s.size()) return std::nullopt;
  return Money{yuan * 100 + fen};
}

Msg money_too_large(const Msg& label) {
  const std::string max = format_yuan(Money{kMaxMoneyFen});
  return {label.zh + "超出上限：最多 " + max + " 元", label.en + " is over the limit: at most " + max + " yuan"};
}

}  // namespace desk
