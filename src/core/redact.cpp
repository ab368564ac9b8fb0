#include "core/redact.hpp"

#include <algorithm>
#include <array>

#include "core/access.hpp"
#include "core/exchange.hpp"

namespace desk {

namespace {

struct CodePoint {
  char32_t value;
  std::size_t size;  // bytes
};

// The code point at s[i] (an invalid byte reads as U+FFFD, one byte long).
CodePoint decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return {0xFFFD, 1};
  if (n == 1) return {b, 1};
  char32_t v = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 0x2) return {0xFFFD, 1};
    v = (v << 6) | (c & 0x3F);
  }
  return {v, n};
}

// '0'–'9' and the full-width ０–９ as their ASCII digit, else 0.
char digit_of(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<char>(c);
  if (c >= U'０' && c <= U'９') return static_cast<char>('0' + (c - U'０'));
  return 0;
}
bool is_x(char32_t c) {
  return c == U'X' || c == U'x' || c == U'Ｘ' || c == U'ｘ';
}
// What may stand between the groups of one number: "138 1234 5678",
// "0755-12345678", "(0755)12345678".
bool is_joiner(char32_t c) {
  return c == U' ' || c == U'-' || c == U')' || c == U'）' || c == U'－';
}

// One run of digits inside a number.
struct Group {
  std::string digits;     // ASCII
  std::size_t begin = 0;  // bytes into the text
  std::size_t end = 0;    // after the digits
  std::size_t end_x = 0;  // after a trailing X (ID numbers), when there is one
};

// The masked form of a number made of `digits` (with a final X when `x`), or
// nothing when it is not shaped like an ID number or a phone.
std::optional<std::string> mask_number(const std::string& d, bool x) {
  const std::size_t n = d.size();
  if (x) return n == 17 ? std::optional(mask_id_number(d + "X")) : std::nullopt;
  if (n == 18 || n == 15) return mask_id_number(d);
  if (n == 11 && d[0] == '1' && d[1] >= '3') return mask_phone(d);
  if (n == 13 && d.compare(0, 3, "861") == 0 && d[3] >= '3') return mask_phone(d);
  // Ten digits get three stars, so that masking never lengthens a text.
  if (n == 10 && d[0] == '0' && d[1] != '0') return d.substr(0, 3) + "***" + d.substr(6);
  if (n >= 11 && n <= 12 && d[0] == '0' && d[1] != '0') return mask_phone(d);
  return std::nullopt;
}

struct Replacement {
  std::size_t begin, end;
  std::string text;
};

// Groups [i, j) as one number, with or without the last group's X.
std::optional<Replacement> try_range(const std::vector<Group>& g, std::size_t i, std::size_t j) {
  std::string digits;
  for (std::size_t k = i; k < j; ++k) digits += g[k].digits;
  const Group& last = g[j - 1];
  if (last.end_x)
    if (auto m = mask_number(digits, true)) return Replacement{g[i].begin, last.end_x, *m};
  if (auto m = mask_number(digits, false)) return Replacement{g[i].begin, last.end, *m};
  return std::nullopt;
}

// The numbers in one run of joined groups: a group that is a number by
// itself first ("1201 13812345678" is a unit and a phone), then groups read
// together, longest first ("138 1234 5678").
void mask_groups(const std::vector<Group>& g, std::vector<Replacement>& out) {
  std::vector<std::optional<Replacement>> found(g.size());
  std::vector<bool> used(g.size());
  for (std::size_t i = 0; i < g.size(); ++i)
    if ((found[i] = try_range(g, i, i + 1))) used[i] = true;
  for (std::size_t i = 0; i < g.size();) {
    std::size_t stop = i;  // the end of the unused groups from i
    while (stop < g.size() && !used[stop]) ++stop;
    bool matched = false;
    for (std::size_t j = stop; j >= i + 2 && !matched; --j)
      if (auto r = try_range(g, i, j)) {
        found[i] = std::move(r);
        std::fill(used.begin() + static_cast<std::ptrdiff_t>(i), used.begin() + static_cast<std::ptrdiff_t>(j), true);
        i = j;
        matched = true;
      }
    if (!matched) ++i;
  }
  for (auto& r : found)
    if (r) out.push_back(std::move(*r));
}

bool is_staff_code(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  bool digit = false;
  for (const char c : s) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (!alnum && c != '-' && c != '_') return false;
    digit |= c >= '0' && c <= '9';
  }
  return digit;
}

bool is_name_separator(char32_t c) {
  return c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'/' || c == U' ' || c == U'　' ||
         c == U'\n' || c == U'\t';
}

std::string redact_one_name(std::string_view name) {
  if (name.empty() || is_staff_code(name)) return std::string(name);
  return std::string(name.substr(0, decode(name, 0).size)) + "**";
}

}  // namespace

std::string redact_person(const std::string& text) {
  std::string out;
  std::size_t part = 0;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint c = decode(text, i);
    if (is_name_separator(c.value)) {
      out += redact_one_name(std::string_view(text).substr(part, i - part));
      out.append(text, i, c.size);
      part = i + c.size;
    }
    i += c.size;
  }
  out += redact_one_name(std::string_view(text).substr(part));
  // "a b c …" grows three times; the export must still read back.
  if (utf8_length(out) > kMaxTextLength) return "**";
  return out;
}

std::string mask_numbers_in_text(const std::string& text) {
  std::vector<Replacement> masks;
  std::vector<Group> groups;
  std::size_t i = 0;
  while (i < text.size()) {
    CodePoint c = decode(text, i);
    if (!digit_of(c.value)) {
      i += c.size;
      continue;
    }
    // A run of groups: digits, then either a joiner and more digits, or an X
    // (which ends the number), or the end of the number.
    groups.clear();
    while (true) {
      Group g;
      g.begin = i;
      for (; i < text.size() && digit_of((c = decode(text, i)).value); i += c.size) g.digits += digit_of(c.value);
      g.end = i;
      if (i < text.size() && is_x(c.value)) {
        g.end_x = i + c.size;
        groups.push_back(std::move(g));
        i = groups.back().end_x;
        break;
      }
      groups.push_back(std::move(g));
      if (i >= text.size() || !is_joiner(c.value)) break;
      const std::size_t after = i + c.size;
      if (after >= text.size() || !digit_of(decode(text, after).value)) break;
      i = after;
    }
    mask_groups(groups, masks);
  }
  if (masks.empty()) return text;
  std::sort(masks.begin(), masks.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t at = 0;
  for (const auto& m : masks) {
    out.append(text, at, m.begin - at);
    out += m.text;
    at = m.end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

TextRole text_role(std::string_view key) {
  // People: visitors, residents, contractors, and staff named by hand in a
  // "who" field (a staff code there is kept).
  static constexpr std::array kPeople = {
      "visitor_name", "complainant", "requester",       "contact",      "party",       "borrower",
      "contractor",   "person",      "visiting_person", "escort",       "signed_by",   "name",
      "attendees",    "received_by", "technician",      "called_by",    "lent_by",     "logged_by",
      "inspector",    "done_by",     "reported_by",     "confirmed_by", "recorded_by", "responsible_staff",
      "by",           "trainee"};
  // Record ids and codes from the app's own tables.
  static constexpr std::array kReferences = {"linked_record", "linked_visit", "source_id", "rework_of", "rework_repair",
                                             "plan",          "duty",         "scenario",  "step",      "choice",
                                             "item",          "code",         "pin_salt",  "pin_hash"};
  if (key == "phone" || key == "host_phone") return TextRole::phone;
  if (key == "id_number") return TextRole::id_number;
  if (std::find(kPeople.begin(), kPeople.end(), key) != kPeople.end()) return TextRole::person;
  if (std::find(kReferences.begin(), kReferences.end(), key) != kReferences.end()) return TextRole::reference;
  return TextRole::free_text;
}

std::string redact_text(TextRole role, const std::string& text) {
  switch (role) {
    case TextRole::person:
      return redact_person(text);
    case TextRole::phone:
      return mask_phone(text);
    case TextRole::id_number:
      return mask_id_number(text);
    case TextRole::reference:
      return text;
    case TextRole::free_text:
      return mask_numbers_in_text(text);
  }
  return text;
}

}  // namespace desk
