#include "core/wording.hpp"

#include <algorithm>

namespace desk {

namespace {

struct Char {
  std::size_t byte;
  char32_t cp;
};

std::vector<Char> decode(std::string_view s) {
  std::vector<Char> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      if (i + k >= s.size() || (s[i + k] & 0xC0) != 0x80) {
        n = k;  // a broken sequence ends where the continuation bytes do
        break;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    out.push_back({i, cp});
    i += n;
  }
  return out;
}

bool opens(char32_t c) {
  return c == U'「' || c == U'『' || c == U'“' || c == U'‘' || c == U'《';
}
bool closes(char32_t c) {
  return c == U'」' || c == U'』' || c == U'”' || c == U'’' || c == U'》';
}
bool ends_sentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' || c == U'?' || c == U';' || c == U'\n';
}
bool ends_clause(char32_t c) {
  return ends_sentence(c) || c == U'，' || c == U'、' || c == U',' || c == U'：' || c == U':';
}
bool space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\u3000';
}

bool starts_with_any(std::string_view text, std::size_t byte, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (text.substr(byte, w.size()) == w) return true;
  return false;
}

// True when the whole answer is one quotation: the trainee is saying it.
bool all_quoted(const std::vector<Char>& chars) {
  std::size_t first = 0, last = chars.size();
  while (first < last && space(chars[first].cp)) ++first;
  while (last > first && space(chars[last - 1].cp)) --last;
  if (last - first < 2) return false;
  const char32_t a = chars[first].cp, z = chars[last - 1].cp;
  if (!((opens(a) && closes(z)) || (a == U'"' && z == U'"'))) return false;
  int depth = 0;  // the opening quote must close only at the end
  for (std::size_t i = first; i + 1 < last; ++i) {
    if (opens(chars[i].cp) || (chars[i].cp == U'"' && i == first)) ++depth;
    if (closes(chars[i].cp) || (chars[i].cp == U'"' && i != first)) --depth;
    if (depth == 0) return false;
  }
  return true;
}

// Per character: true when it is quoted, follows a rule marker in the same
// sentence, or follows a negator in the same clause.
std::vector<bool> shielded(const Wording& w, std::string_view text, const std::vector<Char>& chars) {
  std::vector<bool> out(chars.size(), false);
  const bool speaking = all_quoted(chars);
  int depth = 0;
  bool ascii_quote = false, after_marker = false, after_negator = false;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i].cp;
    if (!speaking) {
      if (c == U'"') ascii_quote = !ascii_quote;
      if (opens(c)) ++depth;
      if (closes(c) && depth > 0) --depth;
    }
    const bool outside = depth == 0 && !ascii_quote;
    if (ends_sentence(c) && outside) after_marker = false;
    if (ends_clause(c) && outside) after_negator = false;
    out[i] = !outside || after_marker || after_negator;
    if (starts_with_any(text, chars[i].byte, w.rule_markers)) after_marker = true;
    if (starts_with_any(text, chars[i].byte, w.negators)) after_negator = true;
  }
  return out;
}

std::size_t char_index(const std::vector<Char>& chars, std::size_t byte) {
  auto it = std::lower_bound(chars.begin(), chars.end(), byte, [](const Char& c, std::size_t b) { return c.byte < b; });
  return static_cast<std::size_t>(it - chars.begin());
}

bool ends_with_any(std::string_view text, std::size_t byte, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (byte >= w.size() && text.substr(byte - w.size(), w.size()) == w) return true;
  return false;
}

// The end (bytes) of the rule's second part after `after`, or npos.
std::size_t second_part(const WordingRule& rule, std::string_view text, const std::vector<Char>& chars,
                        std::size_t after) {
  if (rule.then.empty()) return after;
  for (std::size_t i = char_index(chars, after), gap = 0; i < chars.size() && gap <= std::size_t(rule.max_gap);
       ++i, ++gap) {
    if (ends_sentence(chars[i].cp)) break;
    for (const auto& w : rule.then)
      if (text.substr(chars[i].byte, w.size()) == w) return chars[i].byte + w.size();
  }
  return std::string_view::npos;
}

// True when one of `words` starts at or after byte `from` in the same sentence.
bool later_in_sentence(std::string_view text, const std::vector<Char>& chars, std::size_t from,
                       const std::vector<std::string>& words) {
  for (std::size_t i = char_index(chars, from); i < chars.size() && !ends_sentence(chars[i].cp); ++i)
    if (starts_with_any(text, chars[i].byte, words)) return true;
  return false;
}

bool is_numeral(char32_t c) {
  static const std::u32string_view kNumerals = U"0123456789０１２３４５６７８９一二两三四五六七八九十百半";
  return kNumerals.find(c) != std::u32string_view::npos;
}

}  // namespace

std::vector<WordingHit> find_wording(const Wording& wording, std::string_view text) {
  const auto chars = decode(text);
  const auto shield = shielded(wording, text, chars);
  std::vector<WordingHit> hits;
  for (const auto& rule : wording.rules) {
    std::size_t covered = 0;  // one hit per place: the rule's words may overlap (你得去找, 去找)
    for (std::size_t i = 0; i < chars.size(); ++i) {
      const std::size_t at = chars[i].byte;
      if (shield[i] || at < covered) continue;
      for (const auto& word : rule.words) {
        if (text.substr(at, word.size()) != word) continue;
        const std::size_t end = second_part(rule, text, chars, at + word.size());
        if (end == std::string_view::npos) continue;
        if (ends_with_any(text, at, rule.not_after) || starts_with_any(text, end, rule.not_before)) continue;
        if (later_in_sentence(text, chars, end, rule.excused_by)) continue;
        hits.push_back({rule.id, rule.kind, std::string(text.substr(at, end - at)), at, end, i, char_index(chars, end),
                        rule.explanation, rule.source});
        covered = end;
        break;
      }
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const WordingHit& a, const WordingHit& b) { return a.byte_begin < b.byte_begin; });
  return hits;
}

bool has_element(const AnswerElement& element, std::string_view text) {
  for (const auto& w : element.words)
    if (text.find(w) != std::string_view::npos) return true;
  const auto chars = decode(text);
  for (std::size_t i = 1; i < chars.size(); ++i)
    if (is_numeral(chars[i - 1].cp) && starts_with_any(text, chars[i].byte, element.units)) return true;
  return false;
}

}  // namespace desk
