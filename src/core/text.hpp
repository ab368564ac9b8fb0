// Text shown to people: every message the core produces exists in Chinese
// and English, and the UI picks one at runtime.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace desk {

enum class Lang { zh, en };

struct Msg {
  std::string zh;
  std::string en;
  const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
  bool operator==(const Msg&) const = default;
};

// Number of Unicode code points in a UTF-8 string (invalid bytes count as one).
std::size_t utf8_length(std::string_view s);
// True when s is well-formed UTF-8.
bool utf8_valid(std::string_view s);
// Escapes &, <, > and " for HTML text and attribute values.
std::string html_escape(const std::string& s);
// The <meta> every printed page carries: no scripts, no network, inline styles only.
inline constexpr const char* kPrintCsp =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    "img-src data:\">";
// Trims ASCII and ideographic (U+3000) spaces at both ends.
std::string trim(const std::string& s);

// The parts joined by newlines, in one allocation: the search texts of a
// 100,000-record store are made at load for the glyphs and the lists, and
// a chain of + made a new string at every step.
std::string join_lines(std::initializer_list<std::string_view> parts);

}  // namespace desk
