// 服务禁用语 — forbidden wording in what staff say or type (seed 000 语言标准
// 5–6 and step j, seed 004 三 d–e, seed 003 与客户初次交往 7). A typed answer is
// scanned and each hit comes back with its span and the rule behind it.
//
// Rules of the detector (documented here so trainers know what is flagged):
// - Quoting a rule is not using it: text inside 「」『』“”‘’《》 or "…", and
//   text after 不能说/不要说/不能讲/不可以说/不可以讲/不能以/不能用/禁用语/忌用语
//   up to the end of that sentence (。！？；!?; or a line break) is ignored:
//   按规定不能说不知道 passes, 您不知道的话… is flagged.
// - 可能性 (the noun "possibility") is not hedging and is not flagged; 不可能
//   is flagged by its own rule (seed 003 avoid 不可能), not as 可能.
// - 听不清楚/看不清楚 (I could not hear/see it) is the polite way to ask a
//   caller to repeat and is not flagged as 不清楚.
// - 随便 after 不/别/不能/不可/不要 (不能随便, 别随便) is not flagged.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace desk {

struct WordingRule {
  std::string id;
  std::string first;                    // the words, or the first part of a two-part pattern
  std::string second;                   // second part ("你自己去找" … "部门"), empty for plain words
  int max_gap = 0;                      // most characters allowed between the two parts
  std::vector<std::string> not_before;  // no hit when the match is directly followed by one of these
  std::vector<std::string> not_after;   // no hit when the match is directly preceded by one of these
  Msg explanation;
  std::string source;  // where the manual says it
};

// The rules, in the order they are checked.
std::span<const WordingRule> forbidden_wording_rules();

struct WordingHit {
  std::string rule;                          // WordingRule::id
  std::string text;                          // the words found, as typed
  std::size_t byte_begin = 0, byte_end = 0;  // [begin, end) in bytes of the UTF-8 text
  std::size_t char_begin = 0, char_end = 0;  // [begin, end) in code points
  Msg explanation;
  std::string source;
};

// Every use of forbidden wording in `text`, in order of position.
std::vector<WordingHit> find_forbidden_wording(std::string_view text);

}  // namespace desk
