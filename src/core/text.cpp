#include "core/text.hpp"

#include <cstdint>

namespace desk {

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool utf8_valid(std::string_view s) {
  static constexpr std::uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII needs no decoding
      ++i;
      continue;
    }
    const int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return false;
    std::uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::string trim(const std::string& s) {
  static const std::string kIdeographicSpace = "\xE3\x80\x80";
  std::size_t b = 0, e = s.size();
  for (;;) {
    if (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) {
      ++b;
    } else if (e - b >= 3 && s.compare(b, 3, kIdeographicSpace) == 0) {
      b += 3;
    } else {
      break;
    }
  }
  for (;;) {
    if (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) {
      --e;
    } else if (e - b >= 3 && s.compare(e - 3, 3, kIdeographicSpace) == 0) {
      e -= 3;
    } else {
      break;
    }
  }
  return s.substr(b, e - b);
}

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string join_lines(std::initializer_list<std::string_view> parts) {
  std::size_t size = parts.size();
  for (const auto part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  bool first = true;
  for (const auto part : parts) {
    if (!first) out += '\n';
    first = false;
    out += part;
  }
  return out;
}

}  // namespace desk
