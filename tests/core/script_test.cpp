#include "core/script.hpp"

#include <catch2/catch.hpp>

#include "assets.hpp"

using namespace desk;
using namespace desk::test;

namespace {

// A small sound script: hello → ask → (answer | bye) → bye.
json small_script() {
  return json::parse(R"({
    "format": "desk-script", "version": 1, "id": "t", "zh": "测试", "en": "Test", "start": "hello",
    "steps": [
      {"id": "hello", "says": "先生您好！", "phrases": ["greet.one"], "next": "ask"},
      {"id": "ask", "who": "customer", "branches": [
        {"label": "咨询", "next": "answer", "effects": {"purpose": "consult"}},
        {"label": "没事", "next": "bye"}]},
      {"id": "answer", "inputs": ["answer"], "branches": [
        {"label": "满意", "next": "bye", "effects": {"outcome": "answered_on_spot", "requires": ["answer"]}}]},
      {"id": "bye", "says": "先生您慢走，再见！", "finish": true}
    ]})");
}

Errors refusal(const json& doc) {
  auto r = parse_script(doc.dump(), shipped_phrases());
  return r.ok() ? Errors{} : r.errors();
}

}  // namespace

TEST_CASE("script: every shipped script is sound") {
  for (const char* name : {"visit_reception", "telephone", "callback_call", "complaint_intake", "repair_home_visit"}) {
    INFO(name);
    auto s = parse_script(read_asset(std::string("scripts/") + name + ".json"), shipped_phrases());
    if (!s.ok())
      for (const auto& e : s.errors()) FAIL_CHECK(e.where + ": " + e.message.en);
    REQUIRE(s.ok());
    CHECK(s->id == name);
    CHECK(s->find(s->start));
  }
}

TEST_CASE("script: the visit reception covers seed 000 steps a–q") {
  auto s = parse_script(read_asset("scripts/visit_reception.json"), shipped_phrases());
  REQUIRE(s.ok());
  for (char letter = 'a'; letter <= 'q'; ++letter) {
    bool found = false;
    for (const auto& st : s->steps) found |= st.source == std::string("seed 000 step ") + letter;
    INFO(letter);
    CHECK(found);
  }
  CHECK(s->find("i_restate")->branches[2].limit == 1);  // 请客户重复只能一次
}

TEST_CASE("script: a small sound script parses; next is shorthand for one branch") {
  auto s = parse_script(small_script().dump(), shipped_phrases());
  REQUIRE(s.ok());
  REQUIRE(s->find("hello")->branches.size() == 1);
  CHECK(s->find("hello")->branches[0].next == "ask");
  CHECK(s->find("ask")->who == Speaker::customer);
  CHECK(s->find("answer")->branches[0].effects.outcome == VisitOutcome::answered_on_spot);
}

TEST_CASE("script: an unreachable step is refused, naming it") {
  json doc = small_script();
  doc["steps"].push_back(json::parse(R"({"id": "orphan", "next": "bye"})"));
  const Errors e = refusal(doc);
  REQUIRE(error_for(e, "orphan"));
  CHECK(error_for(e, "orphan")->message.en == "step cannot be reached from the start");
}

TEST_CASE("script: a dead end (no exits, not a finish) is refused, naming it") {
  json doc = small_script();
  doc["steps"][2]["branches"].push_back(json::parse(R"({"label": "转交", "next": "stuck"})"));
  doc["steps"].push_back(json::parse(R"({"id": "stuck", "does": "等待"})"));
  const Errors e = refusal(doc);
  REQUIRE(error_for(e, "stuck"));
  CHECK(error_for(e, "stuck")->message.en == "step has no exit and is not a finish");
}

TEST_CASE("script: a loop with no way to a finish is refused, naming its steps") {
  json doc = small_script();
  doc["steps"][1]["branches"].push_back(json::parse(R"({"label": "绕圈", "next": "loop1"})"));
  doc["steps"].push_back(json::parse(R"({"id": "loop1", "next": "loop2"})"));
  doc["steps"].push_back(json::parse(R"({"id": "loop2", "next": "loop1"})"));
  const Errors e = refusal(doc);
  REQUIRE(error_for(e, "loop1"));
  CHECK(error_for(e, "loop1")->message.en == "no path from this step to a finish (dead end)");
  CHECK(error_for(e, "loop2"));
  CHECK_FALSE(error_for(e, "ask"));  // ask can still finish another way
}

TEST_CASE("script: a dangling next is refused, naming the step") {
  json doc = small_script();
  doc["steps"][0]["next"] = "nowhere";
  const Errors e = refusal(doc);
  REQUIRE(error_for(e, "hello"));
  CHECK(error_for(e, "hello")->message.zh == "分支指向不存在的步骤：nowhere");
}

TEST_CASE("script: a phrase missing from the book is refused, naming the step") {
  json doc = small_script();
  doc["steps"][3]["phrases"] = json::array({"farewell.no_such"});
  const Errors e = refusal(doc);
  REQUIRE(error_for(e, "bye"));
  CHECK(error_for(e, "bye")->message.en == "phrase not in the book: farewell.no_such");
}

TEST_CASE("script: a duplicate step id is refused, naming it") {
  json doc = small_script();
  doc["steps"].push_back(json::parse(R"({"id": "answer", "finish": true})"));
  const Errors e = refusal(doc);
  REQUIRE(error_for(e, "answer"));
  CHECK(error_for(e, "answer")->message.en == "duplicate step id");
}

TEST_CASE("script: bad fields, unknown effects and a missing start are refused") {
  json doc = small_script();
  doc["steps"][2]["inputs"] = json::array({"password"});
  CHECK(error_for(refusal(doc), "answer"));
  doc = small_script();
  doc["steps"][1]["branches"][0]["effects"]["purpose"] = "holiday";
  CHECK_FALSE(refusal(doc).empty());
  doc = small_script();
  doc["steps"][0]["sayz"] = "typo";
  CHECK(error_for(refusal(doc), "hello"));
  doc = small_script();
  doc["start"] = "nope";
  CHECK(error_for(refusal(doc), "start"));
  CHECK_FALSE(parse_script("[]", shipped_phrases()).ok());
  CHECK_FALSE(parse_script("{", shipped_phrases()).ok());
}
