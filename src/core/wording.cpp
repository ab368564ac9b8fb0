#include "core/wording.hpp"

#include <algorithm>

namespace desk {

std::span<const WordingRule> forbidden_wording_rules() {
  static const std::vector<WordingRule> kRules = {
      {"dont_know",
       "不知道",
       "",
       0,
       {},
       {},
       {"不能以“不知道”作答：自己不清楚的事应查找资料或请示上级，尽量答复客户",
        "Never answer \"I don't know\": look it up or ask a superior and answer"},
       "seed 000 语言标准 5; seed 004 三 d)"},
      {"not_clear",
       "不清楚",
       "",
       0,
       {},
       {"听", "看"},
       {"不能以“不清楚”作答：应查找有关资料或请示上级，尽量答复客户",
        "Never answer \"not clear to me\": look it up or ask a superior"},
       "seed 000 语言标准 5; seed 004 三 d)"},
      {"probably",
       "大概",
       "",
       0,
       {},
       {},
       {"答复时措辞要准确，决不能用“大概”、“可能”等词句", "Answer precisely; never \"probably\" or \"maybe\""},
       "seed 000 step j"},
      {"impossible",
       "不可能",
       "",
       0,
       {},
       {},
       {"尽量避免使用“不能”、“不可能”、“不可以”等字眼", "Avoid flat refusals such as \"impossible\""},
       "seed 003 与客户初次交往 7"},
      {"maybe",
       "可能",
       "",
       0,
       {"性"},
       {"不"},
       {"答复时措辞要准确，决不能用“大概”、“可能”等词句", "Answer precisely; never \"probably\" or \"maybe\""},
       "seed 000 step j"},
      {"busy",
       "没看见",
       "忙",
       3,
       {},
       {},
       {"千万不能说“你没看见我忙着吗？”，应说“好的，我马上就来（办）”",
        "Never say \"can't you see I'm busy?\"; say \"certainly, right away\""},
       "seed 000 语言标准 6; seed 004 三 e)"},
      {"go_find_yourself",
       "自己去找",
       "部门",
       10,
       {},
       {},
       {"不属自己服务范围也不能说“你自己去找××部门”：先承诺业主，再通知物业助理落实",
        "Never send the customer to find a department; promise, then pass it on"},
       "seed 004 三 e)"},
      {"go_find",
       "你去找",
       "部门",
       10,
       {},
       {"自己"},
       {"不属自己服务范围也不能说“你自己去找××部门”：先承诺业主，再通知物业助理落实",
        "Never send the customer to find a department; promise, then pass it on"},
       "seed 004 三 e)"},
      {"no_way",
       "没办法",
       "",
       0,
       {},
       {},
       {"一时满足不了时要讲清原因、表示歉意，并给出解决问题的建议或主动联系解决",
        "When you cannot help now, explain, apologise and offer a way forward"},
       "seed 000 语言标准 7"},
      {"not_my_business",
       "不归我管",
       "",
       0,
       {},
       {},
       {"首问负责制：第一接待人负责跟踪直至客户满意，不能推诿、扯皮、推卸责任",
        "First-contact responsibility: never push the customer away"},
       "seed 000 首问负责制; seed 001 文明服务 7"},
      {"not_my_affair",
       "不是我的事",
       "",
       0,
       {},
       {},
       {"首问负责制：第一接待人负责跟踪直至客户满意，不能推诿、扯皮、推卸责任",
        "First-contact responsibility: never push the customer away"},
       "seed 000 首问负责制; seed 001 文明服务 7"},
      {"none_of_my_business",
       "不关我的事",
       "",
       0,
       {},
       {},
       {"首问负责制：第一接待人负责跟踪直至客户满意，不能推诿、扯皮、推卸责任",
        "First-contact responsibility: never push the customer away"},
       "seed 000 首问负责制; seed 001 文明服务 7"},
      {"nagging",
       "这么啰嗦",
       "",
       0,
       {},
       {},
       {"不要表现出厌烦、冷漠，千万不能说“你怎么这么啰嗦”", "Never show impatience (\"why do you go on so\")"},
       "seed 004 三 e)"},
      {"nagging_alt",
       "这么哆嗦",
       "",
       0,
       {},
       {},
       {"不要表现出厌烦、冷漠，千万不能说“你怎么这么哆嗦”", "Never show impatience (\"why do you go on so\")"},
       "seed 004 三 e)"},
      {"whatever",
       "随便",
       "",
       0,
       {},
       {"不", "别", "不能", "不可", "不要"},
       {"对工作严谨，小处不可随便；“随便”显得冷漠、不负责任", "\"Whatever\" sounds careless and cold"},
       "seed 001 客服人员守则 3"},
  };
  return kRules;
}

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

// Per character: true when it is quoted or follows a "must not say" marker
// in the same sentence.
std::vector<bool> shielded(std::string_view text, const std::vector<Char>& chars) {
  static const char* kMarkers[] = {"不能说", "不要说", "不能讲", "不可以说", "不可以讲",
                                   "不能以", "不能用", "禁用语", "忌用语"};
  std::vector<bool> out(chars.size(), false);
  int depth = 0;
  bool ascii_quote = false, after_marker = false;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i].cp;
    if (c == U'"') ascii_quote = !ascii_quote;
    if (opens(c)) ++depth;
    if (closes(c) && depth > 0) --depth;
    if (ends_sentence(c) && depth == 0 && !ascii_quote) after_marker = false;
    out[i] = depth > 0 || ascii_quote || after_marker;
    for (const char* m : kMarkers) {
      const std::string_view mv(m);
      if (text.substr(chars[i].byte, mv.size()) == mv) {
        after_marker = true;
        break;
      }
    }
  }
  return out;
}

std::size_t char_index(const std::vector<Char>& chars, std::size_t byte) {
  auto it = std::lower_bound(chars.begin(), chars.end(), byte, [](const Char& c, std::size_t b) { return c.byte < b; });
  return static_cast<std::size_t>(it - chars.begin());
}

bool any_at(std::string_view text, std::size_t byte, const std::vector<std::string>& words, bool before) {
  for (const auto& w : words) {
    if (before && byte >= w.size() && text.substr(byte - w.size(), w.size()) == w) return true;
    if (!before && text.substr(byte, w.size()) == w) return true;
  }
  return false;
}

}  // namespace

std::vector<WordingHit> find_forbidden_wording(std::string_view text) {
  const auto chars = decode(text);
  const auto shield = shielded(text, chars);
  std::vector<WordingHit> hits;
  for (const auto& rule : forbidden_wording_rules()) {
    for (std::size_t at = text.find(rule.first); at != std::string_view::npos; at = text.find(rule.first, at + 1)) {
      const std::size_t begin_char = char_index(chars, at);
      if (begin_char >= chars.size() || chars[begin_char].byte != at || shield[begin_char]) continue;
      std::size_t end = at + rule.first.size();
      if (!rule.second.empty()) {
        const std::size_t after = end;
        end = std::string_view::npos;
        for (std::size_t i = char_index(chars, after), gap = 0; i < chars.size() && gap <= std::size_t(rule.max_gap);
             ++i, ++gap) {
          if (ends_sentence(chars[i].cp)) break;
          if (text.substr(chars[i].byte, rule.second.size()) == rule.second) {
            end = chars[i].byte + rule.second.size();
            break;
          }
        }
        if (end == std::string_view::npos) continue;
      }
      if (any_at(text, at, rule.not_after, true) || any_at(text, end, rule.not_before, false)) continue;
      hits.push_back({rule.id, std::string(text.substr(at, end - at)), at, end, begin_char, char_index(chars, end),
                      rule.explanation, rule.source});
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const WordingHit& a, const WordingHit& b) { return a.byte_begin < b.byte_begin; });
  return hits;
}

}  // namespace desk
