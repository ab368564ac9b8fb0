// 服务禁用语 and 推诿 — what staff must not say, read from assets/wording.json
// (seed 000 语言标准 5–7 and step j, 首问负责制; seed 001 文明服务 7; seed 003
// 与客户初次交往 7; seed 004 三 d–g). A typed answer is scanned and each hit
// comes back with its span, its kind and the rule behind it; the required
// elements of an answer (抱歉, 理解, a time commitment) are data too.
//
// Rules of the detector (documented here so trainers know what is flagged):
// - Quoting a rule is not using it: text inside 「」『』“”‘’《》 or "…" is
//   ignored — unless the quote is the whole answer (a trainee who types the
//   answer in quotes is saying it).
// - After a rule marker (不能说, 不要说, 禁用语 … see `rule_markers`), the rest
//   of that sentence (up to 。！？；!?; or a line break) is ignored:
//   按规定不能说不知道 passes, 您不知道的话… is flagged.
// - After a negator (不用, 不必, 不会让 … see `negators`), the rest of that
//   clause (up to ，、 or a sentence end) is ignored: 不用您自己去找居委会
//   passes, 不用担心，您去找居委会 is flagged.
// - Per rule: `not_before` / `not_after` words directly after / before the
//   match cancel it (可能性, 听不清楚, 不能随便, 难怪您); `excused_by` words
//   later in the same sentence cancel it too (不归我直接负责，但我会马上转给…).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace desk {

enum class WordingKind {
  forbidden,  // 服务禁用语
  shirking,   // 推诿、推卸责任、指责客户
};

struct WordingRule {
  std::string id;
  WordingKind kind = WordingKind::forbidden;
  std::vector<std::string> words;       // any of these …
  std::vector<std::string> then;        // … then any of these within max_gap characters (empty: words alone)
  int max_gap = 0;                      // most characters allowed between the two parts
  std::vector<std::string> not_before;  // no hit when the match is directly followed by one of these
  std::vector<std::string> not_after;   // no hit when the match is directly preceded by one of these
  std::vector<std::string> excused_by;  // no hit when one of these follows in the same sentence ("但我会…")
  Msg explanation;
  std::string source;  // where the manual says it, e.g. "seed 004 三 e)"
};

// Something a good answer must contain (抱歉, 理解, 时间承诺): one of `words`,
// or a number (digits or 一二两三…十半) directly followed by one of `units`.
struct AnswerElement {
  std::string id;  // referred to from a scenario step as "@id"
  Msg name;        // shown under 缺少要素
  std::vector<std::string> words;
  std::vector<std::string> units;
};

struct Wording {
  std::vector<WordingRule> rules;  // in the order they are checked
  std::vector<std::string> rule_markers;
  std::vector<std::string> negators;
  std::vector<AnswerElement> elements;
  const AnswerElement* element(std::string_view id) const;
};

// Reads assets/wording.json. Refused, naming the rule, when ids repeat, a
// rule has no words, an unknown kind, or no explanation or source.
Expected<Wording> parse_wording(std::string_view json_text);

struct WordingHit {
  std::string rule;  // WordingRule::id
  WordingKind kind = WordingKind::forbidden;
  std::string text;                          // the words found, as typed
  std::size_t byte_begin = 0, byte_end = 0;  // [begin, end) in bytes of the UTF-8 text
  std::size_t char_begin = 0, char_end = 0;  // [begin, end) in code points
  Msg explanation;
  std::string source;
};

// Every hit of a rule in `text`, in order of position (one per place per rule).
std::vector<WordingHit> find_wording(const Wording& wording, std::string_view text);

// True when `text` contains the element.
bool has_element(const AnswerElement& element, std::string_view text);

}  // namespace desk
