#include "core/soft_wrap.hpp"

namespace desk {

namespace {
// The byte length of the UTF-8 character starting at s[i] (1 for a stray byte).
std::size_t char_bytes(std::string_view s, std::size_t i) {
  std::size_t n = 1;
  while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
  return n;
}
bool soft_byte(std::string_view s, std::size_t i) {
  return s[i] == '\r' || (s[i] == '\n' && i > 0 && s[i - 1] == '\r');
}
}  // namespace

std::string soft_wrap(std::string_view raw, const FitBytes& fit) {
  std::string out;
  out.reserve(raw.size() + raw.size() / 16);
  std::size_t start = 0;
  while (start <= raw.size()) {
    const std::size_t nl = std::min(raw.find('\n', start), raw.size());
    std::string_view rest = raw.substr(start, nl - start);
    while (!rest.empty()) {
      std::size_t n = std::min(fit(rest), rest.size());
      if (n == 0) n = char_bytes(rest, 0);
      while (n < rest.size() && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) ++n;  // never mid-character
      out.append(rest.substr(0, n));
      rest.remove_prefix(n);
      if (!rest.empty()) out += "\r\n";
    }
    if (nl == raw.size()) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string strip_soft_wraps(std::string_view wrapped) {
  std::string out;
  out.reserve(wrapped.size());
  for (std::size_t i = 0; i < wrapped.size(); ++i)
    if (!soft_byte(wrapped, i)) out += wrapped[i];
  return out;
}

std::size_t stripped_position(std::string_view wrapped, std::size_t at) {
  std::size_t raw = 0;
  for (std::size_t i = 0; i < at && i < wrapped.size(); ++i)
    if (!soft_byte(wrapped, i)) ++raw;
  return raw;
}

std::size_t wrapped_position(std::string_view wrapped, std::size_t raw_at) {
  std::size_t raw = 0, i = 0;
  for (; i < wrapped.size(); ++i) {
    if (soft_byte(wrapped, i)) continue;
    if (raw == raw_at) break;
    ++raw;
  }
  return i;
}

}  // namespace desk
