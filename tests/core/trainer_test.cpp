#include "core/trainer.hpp"

#include <catch2/catch.hpp>

#include "assets.hpp"

using namespace desk;
using namespace desk::test;

namespace {

const ScenarioSet& shipped() {
  static const ScenarioSet set = [] {
    auto parsed = parse_scenarios(read_asset("scenarios.json"));
    if (!parsed) throw std::runtime_error(parsed.errors().front().where);
    return parsed.value();
  }();
  return set;
}

// The word itself, or an element's first word for "@id".
std::string first_word(const std::string& w) {
  if (w.front() != '@') return w;
  const AnswerElement* e = shipped_wording().element(w.substr(1));
  return e ? e->words.front() : w;
}

// The right move for every step (typed steps: every required group's first word).
std::vector<Move> perfect_run(const Scenario& s) {
  std::vector<Move> moves;
  for (const auto& step : s.steps) {
    if (step.typed()) {
      std::string words;
      for (const auto& g : step.required) words += first_word(g.front()) + "，";
      moves.push_back(Move::say(words));
    } else {
      for (const auto& c : step.choices)
        if (c.correct) {
          moves.push_back(Move::pick(c.id));
          break;
        }
    }
  }
  return moves;
}

}  // namespace

TEST_CASE("trainer: the shipped scenarios parse; at least ten, each with a right move per step") {
  auto parsed = parse_scenarios(read_asset("scenarios.json"));
  if (!parsed.ok())
    for (const auto& e : parsed.errors()) FAIL_CHECK(e.where + ": " + e.message.en);
  REQUIRE(parsed.ok());
  CHECK(parsed->scenarios.size() >= 10);
  CHECK(parsed->pass_mark == 80);
  for (const char* id : {"simple_inquiry", "nobody_knows", "too_fast", "second_visitor", "angry_complainant",
                         "serious_complaint", "contractor_no_id", "emergency_repair", "absent_person", "ask_by_name"})
    CHECK(parsed->find(id));
}

TEST_CASE("trainer: a perfect run scores 100 and passes, for every scenario") {
  for (const auto& s : shipped().scenarios) {
    INFO(s.id);
    const Score score = score_attempt(s, shipped_wording(), perfect_run(s), shipped().pass_mark);
    CHECK(score.score == 100);
    CHECK(score.passed);
    CHECK(score.complete);
    CHECK(score.mistakes.empty());
  }
}

TEST_CASE("trainer: a wrong choice costs the step and explains the rule with its source") {
  const Scenario& s = *shipped().find("simple_inquiry");
  auto moves = perfect_run(s);
  moves[0] = Move::pick("sit");
  const Score score = score_attempt(s, shipped_wording(), moves, 80);
  CHECK(score.score == 80);  // 40 of 50 points
  CHECK(score.passed);
  REQUIRE(score.mistakes.size() == 1);
  CHECK(score.mistakes[0].step == "greet");
  CHECK(score.mistakes[0].source.find("seed 000") != std::string::npos);
  CHECK(score.mistakes[0].rule.zh.find("3米") != std::string::npos);
  moves[1] = Move::pick("hurry");
  const Score two = score_attempt(s, shipped_wording(), moves, 80);
  CHECK(two.score == 60);
  CHECK_FALSE(two.passed);
  CHECK(two.mistakes.size() == 2);
}

TEST_CASE("trainer: asking to repeat once is allowed, a second time is a mistake") {
  const Scenario& s = *shipped().find("too_fast");
  std::vector<Move> once{Move::pick("repeat"), Move::pick("restate"), Move::pick("agree_time")};
  const Score a = score_attempt(s, shipped_wording(), once, 80);
  CHECK(a.score == 100);
  CHECK(a.repeats == 1);
  CHECK(a.mistakes.empty());
  std::vector<Move> twice{Move::pick("repeat"), Move::pick("repeat"), Move::pick("restate"), Move::pick("agree_time")};
  const Score b = score_attempt(s, shipped_wording(), twice, 80);
  CHECK(b.repeats == 2);
  CHECK(b.score == 100 - kExtraRepeatPenalty);
  REQUIRE(b.mistakes.size() == 1);
  CHECK(b.mistakes[0].source == "seed 000 step i");
  CHECK(b.mistakes[0].rule.zh.find("只能有一次") != std::string::npos);
}

TEST_CASE("trainer: a typed answer with forbidden wording earns nothing; missing content earns a share") {
  const Scenario& s = *shipped().find("second_visitor");
  const Score clean = score_attempt(s, shipped_wording(), {Move::pick("nod"), Move::say("对不起，让您久等了！")}, 80);
  CHECK(clean.score == 100);
  const Score half = score_attempt(s, shipped_wording(), {Move::pick("nod"), Move::say("对不起，您有什么事？")}, 80);
  CHECK(half.score == 75);  // 10 + 5 of 20
  REQUIRE(half.mistakes.size() == 1);
  CHECK(half.mistakes[0].kind == MistakeKind::missing);
  CHECK(half.mistakes[0].detail == "久等");
  const Score rude =
      score_attempt(s, shipped_wording(), {Move::pick("nod"), Move::say("对不起让您久等了，你没看见我忙着吗")}, 80);
  CHECK(rude.score == 50);
  REQUIRE(rude.mistakes.size() == 1);
  CHECK(rude.mistakes[0].detail == "没看见我忙");
  CHECK(rude.mistakes[0].kind == MistakeKind::forbidden);
  // Quoting the rule is fine.
  const Score quoted = score_attempt(
      s, shipped_wording(), {Move::pick("nod"), Move::say("对不起让您久等了（按规定不能说“你没看见我忙着吗”）")}, 80);
  CHECK(quoted.score == 100);
}

TEST_CASE("trainer: an unfinished run does not pass") {
  const Scenario& s = *shipped().find("simple_inquiry");
  const Score score = score_attempt(s, shipped_wording(), {Move::pick("stand"), Move::pick("what")}, 80);
  CHECK_FALSE(score.complete);
  CHECK(score.answered == 2);
  CHECK(score.score == 40);
  CHECK_FALSE(score.passed);
}

TEST_CASE("trainer: a session walks the steps, gives feedback and a review") {
  const Scenario& s = *shipped().find("too_fast");
  TrainingSession t = start_training(s, shipped_wording(), 80);
  REQUIRE(current_training_step(t)->id == "unclear");
  Feedback f = answer(t, Move::pick("repeat"));
  CHECK(f.right);
  CHECK(f.reply.find("滴水") != std::string::npos);
  CHECK(current_training_step(t)->id == "unclear");
  f = answer(t, Move::pick("repeat"));
  CHECK_FALSE(f.right);
  REQUIRE(f.mistakes.size() == 1);
  f = answer(t, Move::pick("restate"));
  CHECK(f.right);
  f = answer(t, Move::pick("maybe"));
  CHECK_FALSE(f.right);
  CHECK(f.mistakes[0].rule.zh.find("可能") != std::string::npos);
  CHECK(training_finished(t));
  CHECK_FALSE(answer(t, Move::pick("restate")).accepted);
  const Score score = training_score(t);
  CHECK(score.score == 40);  // 10 of 20 → 50, less 10 for the second repeat
  CHECK_FALSE(score.passed);
  REQUIRE(score.steps.size() == 2);
  CHECK(score.steps[0].mistakes.size() == 1);
  CHECK(score.steps[1].earned == 0);
}

TEST_CASE("trainer: broken scenario files are refused, naming the step") {
  auto bad = parse_scenarios(R"({"format":"desk-scenarios","version":1,"pass_mark":80,"scenarios":[
    {"id":"x","zh":"测试","en":"Test","brief":"b","steps":[
      {"id":"s1","prompt":"?","choices":[{"id":"a","text":"错","rule":"r","source":"seed 000"}]},
      {"id":"s2","prompt":"?","choices":[{"id":"a","text":"对","correct":true},{"id":"b","text":"错"}]},
      {"id":"s3","prompt":"输入"}]}]})");
  REQUIRE_FALSE(bad.ok());
  CHECK(error_for(bad.errors(), "x/s1"));    // no correct choice
  CHECK(error_for(bad.errors(), "x/s2/b"));  // wrong choice without its rule
  CHECK(error_for(bad.errors(), "x/s3"));    // typed step without a rule
  CHECK_FALSE(parse_scenarios("nope").ok());
}

TEST_CASE("trainer: every element a scenario step asks for (@id) is in the wording file") {
  for (const auto& s : shipped().scenarios)
    for (const auto& step : s.steps)
      for (const auto& group : step.required)
        for (const auto& w : group) {
          INFO(s.id + "/" + step.id + " " + w);
          if (w.front() == '@') CHECK(shipped_wording().element(w.substr(1)) != nullptr);
        }
}

TEST_CASE("trainer: shirking, forbidden wording and a missing element are three kinds of mistake") {
  const Scenario& s = *shipped().find("angry_complainant");
  std::vector<Move> moves;
  for (const auto& step : s.steps) {
    if (step.id == "empathy") break;
    for (const auto& c : step.choices)
      if (c.correct) {
        moves.push_back(Move::pick(c.id));
        break;
      }
  }
  // Understanding but no apology, a hedge, and sending the customer off.
  moves.push_back(Move::say("我理解您的心情，这可能是楼上漏的，您去找楼上邻居协商吧"));
  const Score score = score_attempt(s, shipped_wording(), moves, 80);
  std::vector<MistakeKind> kinds;
  std::vector<std::string> details;
  for (const auto& m : score.mistakes)
    if (m.step == "empathy") {
      kinds.push_back(m.kind);
      details.push_back(m.detail);
    }
  CHECK(kinds == std::vector<MistakeKind>{MistakeKind::forbidden, MistakeKind::shirking, MistakeKind::missing});
  CHECK(details == std::vector<std::string>{"可能", "您去找楼上", "抱歉"});
  // The step earns nothing: shirking costs the whole step, like forbidden wording.
  REQUIRE_FALSE(score.steps.empty());
  CHECK(score.steps.back().earned == 0);
  // 不好意思 is an apology too: the element, not one fixed word.
  moves.back() = Move::say("我非常理解您的心情，真不好意思，我马上安排人处理");
  const Score good = score_attempt(s, shipped_wording(), moves, 80);
  CHECK(good.steps.back().mistakes.empty());
  CHECK(good.steps.back().earned == good.steps.back().possible);
}
