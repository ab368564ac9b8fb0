#include "core/anonymise.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "core/redact.hpp"
#include "core/text.hpp"

namespace desk {

namespace {

// One code point of the text and where its bytes are.
struct Char {
  char32_t c;
  std::size_t at, size;
};

std::vector<Char> code_points(const std::string& s) {
  std::vector<Char> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    char32_t v = n == 1 ? b : b & (0x7F >> n);
    std::size_t k = 1;
    for (; k < n && i + k < s.size() && (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2; ++k)
      v = (v << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back({k == n ? v : 0xFFFD, i, k});
    i += k;
  }
  return out;
}

bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９');
}
bool is_latin(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}
// What follows a range of amounts, not a room: 1-1000元, 3-5天.
bool is_measure(char32_t c) {
  constexpr std::u32string_view kWords = U"元块米天个次年月日时分秒小周%";
  return kWords.find(c) != std::u32string_view::npos;
}
bool is_hyphen(char32_t c) {
  return c == U'-' || c == U'－' || c == U'—';
}

// Reads units of the text from position i on; every reader returns the
// position after what it read, or i when it read nothing.
class Scanner {
 public:
  explicit Scanner(const std::vector<Char>& t) : t_(t) {}
  char32_t at(std::size_t i) const { return i < t_.size() ? t_[i].c : 0; }
  std::size_t digits(std::size_t i, std::size_t least, std::size_t most) const {
    std::size_t j = i;
    while (j < t_.size() && is_digit(t_[j].c)) ++j;
    return j - i >= least && j - i <= most ? j : i;
  }
  // The building: 1–4 letters and digits with a digit or a letter, then 栋/幢/座/号楼.
  std::size_t building(std::size_t i) const {
    std::size_t j = i;
    while (j < t_.size() && j - i < 4 && (is_digit(t_[j].c) || is_latin(t_[j].c))) ++j;
    if (j == i) return i;
    if (at(j) == U'栋' || at(j) == U'幢' || at(j) == U'座') return j + 1;
    if (at(j) == U'号' && at(j + 1) == U'楼') return j + 2;
    return i;
  }
  std::size_t separators(std::size_t i) const {
    while (is_hyphen(at(i)) || at(i) == U' ' || at(i) == U'　') ++i;
    return i;
  }
  // 2单元
  std::size_t entrance(std::size_t i) const {
    const std::size_t j = digits(i, 1, 2);
    return j != i && at(j) == U'单' && at(j + 1) == U'元' ? j + 2 : i;
  }
  // 1201, 1201室, 602房, 1201号 — the digits not running on into more digits.
  std::size_t room(std::size_t i, bool needs_suffix) const {
    const std::size_t j = digits(i, 2, 4);
    if (j == i) return i;
    if (at(j) == U'室' || at(j) == U'房') return j + 1;
    if (needs_suffix) return i;  // "300户" alone is a count, "5号" a date or a number
    return at(j) == U'户' || at(j) == U'号' ? j + 1 : j;
  }

 private:
  const std::vector<Char>& t_;
};

struct Cut {
  std::size_t from, to;  // code point positions
  const char* with;
};

// The unit number starting at code point i, if there is one.
std::optional<Cut> unit_at(const Scanner& s, std::size_t i) {
  // A building, then perhaps an entrance and a room.
  if (std::size_t b = s.building(i); b != i) {
    std::size_t end = b;
    bool room = false;
    if (std::size_t e = s.entrance(s.separators(end)); e != s.separators(end)) end = e;
    if (std::size_t r = s.room(s.separators(end), false); r != s.separators(end)) end = r, room = true;
    return Cut{i, end, room ? "某栋某户" : "某栋"};
  }
  // An entrance and a room.
  if (std::size_t e = s.entrance(i); e != i) {
    if (std::size_t r = s.room(s.separators(e), false); r != s.separators(e)) return Cut{i, r, "某栋某户"};
    return std::nullopt;
  }
  // 3-1201: a short building number, a hyphen, a room (not a date: 2026-12-02).
  if (std::size_t b = s.digits(i, 1, 3); b != i && is_hyphen(s.at(b))) {
    const std::size_t r = s.digits(b + 1, 3, 4);
    if (r != b + 1 && !is_hyphen(s.at(r)) && !is_measure(s.at(r))) return Cut{i, r, "某栋某户"};
  }
  // A room with its word: 1201室.
  if (std::size_t r = s.room(i, true); r != i) return Cut{i, r, "某户"};
  return std::nullopt;
}

void replace_all(std::string& text, const std::string& what, const std::string& with) {
  if (what.empty()) return;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

}  // namespace

std::string mask_units_in_text(const std::string& text) {
  const std::vector<Char> t = code_points(text);
  const Scanner s(t);
  std::string out;
  std::size_t copied = 0;  // bytes of text already in out
  for (std::size_t i = 0; i < t.size();) {
    // A unit number starts a token: not in the middle of letters or digits.
    const bool starts = i == 0 || !(is_digit(t[i - 1].c) || is_latin(t[i - 1].c) || is_hyphen(t[i - 1].c));
    if (starts && (is_digit(t[i].c) || is_latin(t[i].c)))
      if (auto cut = unit_at(s, i)) {
        out.append(text, copied, t[cut->from].at - copied);
        out += cut->with;
        copied = cut->to < t.size() ? t[cut->to].at : text.size();
        i = cut->to;
        continue;
      }
    ++i;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

std::string anonymise_text(const std::string& text, const PersonalData& who) {
  std::string out = text;
  // Longest first, so a name inside the unit text (or the other way round)
  // cannot leave a piece behind.
  std::vector<std::pair<std::string, std::string>> cuts;
  if (const std::string u = trim(who.unit); !u.empty()) cuts.push_back({u, "某栋某户"});
  if (const std::string p = trim(who.phone); !p.empty()) cuts.push_back({p, "***"});
  if (const std::string n = trim(who.name); !n.empty()) cuts.push_back({n, redact_person(n)});
  std::sort(cuts.begin(), cuts.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [what, with] : cuts) replace_all(out, what, with);
  return mask_numbers_in_text(mask_units_in_text(out));
}

}  // namespace desk
