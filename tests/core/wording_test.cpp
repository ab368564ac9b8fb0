#include "core/wording.hpp"

#include <catch2/catch.hpp>

#include "assets.hpp"

using namespace desk;
using namespace desk::test;

namespace {

std::vector<std::string> rules_hit(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& h : find_wording(shipped_wording(), text)) out.push_back(h.rule);
  return out;
}

}  // namespace

TEST_CASE("wording: each forbidden or shirking phrase of the manual is flagged") {
  CHECK(rules_hit("这个我不知道。") == std::vector<std::string>{"dont_know"});
  CHECK(rules_hit("我也不清楚") == std::vector<std::string>{"not_clear"});
  CHECK(rules_hit("大概下周吧") == std::vector<std::string>{"probably"});
  CHECK(rules_hit("明天可能来修") == std::vector<std::string>{"maybe"});
  CHECK(rules_hit("你没看见我忙着吗？") == std::vector<std::string>{"busy"});
  CHECK(rules_hit("你没看见，我忙着呀") == std::vector<std::string>{"busy"});
  CHECK(rules_hit("你自己去找工程部门问") == std::vector<std::string>{"go_find_department"});
  CHECK(rules_hit("这事你去找保安部门") == std::vector<std::string>{"go_find_department"});
  CHECK(rules_hit("这个真没办法") == std::vector<std::string>{"no_way"});
  CHECK(rules_hit("这不归我管") == std::vector<std::string>{"not_my_business"});
  CHECK(rules_hit("这不是我的事") == std::vector<std::string>{"not_my_affair"});
  CHECK(rules_hit("随便你") == std::vector<std::string>{"whatever"});
  CHECK(rules_hit("这不可能") == std::vector<std::string>{"impossible"});  // not also "maybe"
}

TEST_CASE("wording: spans in bytes and characters, and the rule behind it") {
  const std::string text = "王先生，我不知道。";
  auto hits = find_wording(shipped_wording(), text);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].text == "不知道");
  CHECK(hits[0].char_begin == 5);
  CHECK(hits[0].char_end == 8);
  CHECK(hits[0].byte_begin == 15);
  CHECK(hits[0].byte_end == 24);
  CHECK(text.substr(hits[0].byte_begin, hits[0].byte_end - hits[0].byte_begin) == "不知道");
  CHECK(hits[0].source.find("seed 000") != std::string::npos);
  CHECK_FALSE(hits[0].explanation.zh.empty());
  CHECK_FALSE(hits[0].explanation.en.empty());
}

TEST_CASE("wording: several hits come back in order of position") {
  auto hits = find_wording(shipped_wording(), "可能吧，大概不清楚，你自己去找物业部门");
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].rule == "maybe");
  CHECK(hits[1].rule == "probably");
  CHECK(hits[2].rule == "not_clear");
  CHECK(hits[3].rule == "go_find_department");
  CHECK(hits[3].text == "自己去找物业部门");
}

TEST_CASE("wording: quoting the rule is not using it") {
  CHECK(rules_hit("按规定不能说“不知道”").empty());
  CHECK(rules_hit("按规定不能说不知道，要查资料。").empty());
  CHECK(rules_hit("「大概」「可能」都是禁用语").empty());
  CHECK(rules_hit("禁用语有：不清楚、没办法、随便").empty());
  CHECK(rules_hit("千万不能说：你没看见我忙着吗").empty());
  CHECK(rules_hit("他说\"不归我管\"，这是错的").empty());
  // The marker only covers its own sentence.
  CHECK(rules_hit("不能说“不知道”。可能明天修好") == std::vector<std::string>{"maybe"});
}

TEST_CASE("wording: 不知道 inside an ordinary sentence is still flagged") {
  CHECK(rules_hit("您不知道的话，可以问我们") == std::vector<std::string>{"dont_know"});
  CHECK(rules_hit("你不知道吗") == std::vector<std::string>{"dont_know"});
}

TEST_CASE("wording: words that merely contain the syllables") {
  CHECK(rules_hit("这种情况有可能性，我们会排查").empty());  // 可能性: a noun, not a hedge
  CHECK(rules_hit("对不起，我听不清楚，请您再说一遍").empty());
  CHECK(rules_hit("装修材料不能随便堆放在走廊").empty());
  CHECK(rules_hit("不知您现在是否方便听电话？").empty());  // the callback script's wording
  CHECK(rules_hit("我对这个问题不是很清楚，麻烦您稍等，我立即帮您向其他人查询一下。").empty());
  CHECK(rules_hit("好的，我马上就来").empty());
  CHECK(rules_hit("").empty());
}

TEST_CASE("wording: a two-part pattern stays within its sentence and gap") {
  CHECK(rules_hit("你自己去找。我们部门会跟进").empty());
  CHECK(rules_hit("你自己去找那个很远很远很远很远的大楼里面的部门").empty());
}

TEST_CASE("wording: broken UTF-8 does not crash the scan") {
  CHECK(rules_hit(std::string("\xE4\xB8") + "不知道") == std::vector<std::string>{"dont_know"});
  CHECK(rules_hit("\xFF\xFE").empty());
}

namespace {

std::vector<WordingKind> kinds(const std::string& text) {
  std::vector<WordingKind> out;
  for (const auto& h : find_wording(shipped_wording(), text)) out.push_back(h.kind);
  return out;
}

}  // namespace

TEST_CASE("wording: shirking and blaming (推诿) are their own kind, with the rule and its source") {
  using K = WordingKind;
  CHECK(rules_hit("这事不归我们管") == std::vector<std::string>{"not_my_business"});
  CHECK(rules_hit("你得去找居委会") == std::vector<std::string>{"send_elsewhere"});
  CHECK(rules_hit("这个您自己去找开发商吧") == std::vector<std::string>{"send_elsewhere"});
  CHECK(rules_hit("这不是我们的责任") == std::vector<std::string>{"not_our_duty"});
  CHECK(rules_hit("我也没办法") == std::vector<std::string>{"no_way"});
  CHECK(rules_hit("那是你自己的问题") == std::vector<std::string>{"blame_customer"});
  CHECK(rules_hit("谁让你不关窗") == std::vector<std::string>{"blame_words"});
  CHECK(rules_hit("跟我们没关系") == std::vector<std::string>{"not_my_affair"});
  CHECK(kinds("这事不归我们管，你得去找居委会") == std::vector<K>{K::shirking, K::shirking});
  CHECK(kinds("我不知道，你去找居委会") == std::vector<K>{K::forbidden, K::shirking});
  const auto hits = find_wording(shipped_wording(), "这不是我们的责任");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].source.find("seed 001") != std::string::npos);
  CHECK(hits[0].explanation.zh.find("推卸责任") != std::string::npos);
}

TEST_CASE("wording: taking the matter on is not shirking") {
  CHECK(rules_hit("我帮您联系居委会，今天下班前给您回电").empty());
  CHECK(rules_hit("我们去找居委会协调，明天上午答复您").empty());
  CHECK(rules_hit("不用您自己去找开发商，我们来联系").empty());  // a negator covers its clause
  CHECK(rules_hit("这不怪您，是我们的疏忽").empty());
  CHECK(rules_hit("这不是您的问题，我们马上处理").empty());
  CHECK(rules_hit("您找哪位？我帮您转接").empty());
  CHECK(rules_hit("我们会尽可能在今天修好").empty());
  // …but the negator ends with its clause.
  CHECK(rules_hit("不用担心，您去找居委会就行") == std::vector<std::string>{"send_elsewhere"});
}

TEST_CASE("wording: an answer typed entirely in quotes is said, not quoted") {
  CHECK(rules_hit("“这不归我们管”") == std::vector<std::string>{"not_my_business"});
  CHECK(rules_hit("\"我也没办法\"") == std::vector<std::string>{"no_way"});
  // Two quotations, or a quotation inside a sentence, are still quotes.
  CHECK(rules_hit("“不知道”和“没办法”都是禁用语").empty());
  CHECK(rules_hit("他说“不归我们管”，这是不对的").empty());
}

TEST_CASE("wording: required elements — apology, understanding, a time commitment") {
  const Wording& w = shipped_wording();
  REQUIRE(w.element("apology"));
  REQUIRE(w.element("understanding"));
  REQUIRE(w.element("time"));
  CHECK(has_element(*w.element("apology"), "真不好意思"));
  CHECK_FALSE(has_element(*w.element("apology"), "好的，请稍等"));
  CHECK(has_element(*w.element("understanding"), "我理解您的心情"));
  CHECK(has_element(*w.element("time"), "30分钟内到"));
  CHECK(has_element(*w.element("time"), "两个小时内答复"));
  CHECK(has_element(*w.element("time"), "今天下班前"));
  CHECK_FALSE(has_element(*w.element("time"), "我们会尽快处理"));
  CHECK_FALSE(has_element(*w.element("time"), "麻烦您说慢一点"));  // 一点: not a time
  CHECK(has_element(*w.element("time"), "下午3点前回复您"));
}

TEST_CASE("wording: broken wording files are refused, naming the rule") {
  auto bad = parse_wording(R"({"format":"desk-wording","version":1,"rules":[
    {"id":"a","kind":"rude","words":["x"],"zh":"z","en":"e","source":"seed 000"},
    {"id":"b","kind":"forbidden","words":[],"zh":"z","en":"e","source":"seed 000"},
    {"id":"c","kind":"forbidden","words":["y"],"zh":"z","en":"e"}]})");
  REQUIRE_FALSE(bad.ok());
  CHECK(error_for(bad.errors(), "wording/a"));  // unknown kind
  CHECK(error_for(bad.errors(), "wording/b"));  // no words
  CHECK(error_for(bad.errors(), "wording/c"));  // no source
  CHECK_FALSE(parse_wording("[]").ok());
}
