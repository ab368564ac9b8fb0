// 培训记录: a training attempt is stored, exported and merged like every other
// record, and progress (best score per scenario, certification) comes from
// the stored attempts (SPEC "Reception script" 2).
#include "core/training_record.hpp"

#include <catch2/catch.hpp>

#include "assets.hpp"
#include "core/dataset.hpp"
#include "core/exchange.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {

const ScenarioSet& shipped_scenarios() {
  static const ScenarioSet set = [] {
    auto parsed = parse_scenarios(read_asset("scenarios.json"));
    if (!parsed) throw std::runtime_error("assets/scenarios.json: " + parsed.errors().front().where);
    return parsed.value();
  }();
  return set;
}

// Plays `scenario` choosing the correct move everywhere, except a wrong move
// at step `wrong_at` (-1: none); typed steps get `typed`.
TrainingSession play(const std::string& scenario, int wrong_at, const std::string& typed) {
  const ScenarioSet& set = shipped_scenarios();
  TrainingSession s = start_training(*set.find(scenario), shipped_wording(), set.pass_mark);
  int i = 0;
  while (const ScenarioStep* step = current_training_step(s)) {
    if (step->typed()) {
      // No words given: say the first word of every required group.
      std::string words = typed;
      if (words.empty()) {
        for (const auto& group : step->required) {
          const std::string& w = group.front();  // "@id": the element's first word
          const AnswerElement* e = w.front() == '@' ? shipped_wording().element(w.substr(1)) : nullptr;
          words += (e ? e->words.front() : w) + "，";
        }
        words += "请您放心。";
      }
      answer(s, Move::say(words));
    } else {
      const Choice* pick = nullptr;
      for (const auto& c : step->choices)
        if (c.correct != (i == wrong_at) && (!pick || (pick->repeat && !c.repeat))) pick = &c;
      REQUIRE(pick);
      answer(s, Move::pick(pick->id));
    }
    ++i;
  }
  return s;
}

const std::string kGoodAnswer = "本月为双月抄表，含两个月用量。您对我的答复满意吗？";

TrainingAttempt stored_attempt(const std::string& trainee, const std::string& scenario, int wrong_at, int hour,
                               std::uint64_t seed) {
  const Timestamp start = from_civil({2026, 11, 22, hour, 0});
  const TrainingSession s = play(scenario, wrong_at, scenario == "simple_inquiry" ? kGoodAnswer : "");
  return create_record(make_attempt(s, trainee, start, start + 5 * kMinute), actor(trainee, start, seed));
}

}  // namespace

TEST_CASE("training attempt: made from a session with its moves, score and mistakes") {
  const TrainingSession s = play("simple_inquiry", 0, "不清楚，大概是双月抄表吧");
  const TrainingAttempt a = make_attempt(s, " S007 ", morning(), morning() + 3 * kMinute);
  CHECK(a.trainee == "S007");
  CHECK(a.scenario == "simple_inquiry");
  REQUIRE(a.moves.size() == 5);
  CHECK(a.moves[0].step == "greet");
  CHECK_FALSE(a.moves[0].choice.empty());
  CHECK(a.moves[3].typed == "不清楚，大概是双月抄表吧");
  CHECK(a.complete);
  CHECK(a.finished_at == morning() + 3 * kMinute);
  CHECK(a.mistakes >= 3);  // the wrong choice, 不清楚 and 大概
  CHECK(a.score == training_score(s).score);
  CHECK_FALSE(a.passed);
  CHECK(validate(a).empty());
}

TEST_CASE("training attempt: an abandoned run is stored without a finish and never passes") {
  const ScenarioSet& set = shipped_scenarios();
  TrainingSession s = start_training(*set.find("simple_inquiry"), shipped_wording(), set.pass_mark);
  answer(s, Move::pick("stand"));
  const TrainingAttempt a = make_attempt(s, "S007", morning(), morning() + kMinute);
  CHECK_FALSE(a.complete);
  CHECK_FALSE(a.finished_at.has_value());
  CHECK_FALSE(a.passed);
  CHECK(validate(a).empty());
}

TEST_CASE("training attempt: validation names the field") {
  TrainingAttempt a = make_attempt(play("too_fast", -1, ""), "", morning(), morning() + kMinute);
  a.score = 120;
  a.moves.push_back({"x", "a", "b"});
  const Errors e = validate(a);
  CHECK(error_for(e, "trainee"));
  CHECK(error_for(e, "score"));
  CHECK(error_for(e, "moves[2]"));
  a = make_attempt(play("too_fast", -1, ""), "S1", morning(), morning() + kMinute);
  a.complete = false;
  CHECK(error_for(validate(a), "passed"));
  CHECK(create_permission(a) == Action::record_visit);
}

TEST_CASE("training attempt: JSON round trip, alone and through an export") {
  const TrainingAttempt a = stored_attempt("S001", "simple_inquiry", 1, 9, 11);
  TrainingAttempt back;
  Errors errors;
  REQUIRE(record_from_json(record_to_json(a), back, errors, "r"));
  CHECK(back == a);

  Dataset data;
  data.table<TrainingAttempt>().upsert(a);
  data.table<Visit>().upsert(create_record(sample_visit(), actor()));
  const auto parsed = parse_export(export_document(data, {"site-A", "desk-1", morning(), {}, {}, false}));
  REQUIRE(parsed.ok());
  const TrainingAttempt* found = parsed->records.table<TrainingAttempt>().find(a.meta.id);
  REQUIRE(found);
  CHECK(*found == a);
  CHECK(parsed->records.size() == 2);
}

TEST_CASE("training attempt: merged like every other record") {
  const TrainingAttempt a = stored_attempt("S001", "simple_inquiry", -1, 9, 21);
  const TrainingAttempt b = stored_attempt("S002", "too_fast", 0, 10, 22);
  // Desk 2 also has a corrected version of a (a later revision).
  TrainingAttempt edited = a;
  edited.trainee = "S003";
  const TrainingAttempt a2 = revise_record(a, edited, actor("S009", morning() + kHour));

  Dataset one, two;
  one.table<TrainingAttempt>().upsert(a);
  two.table<TrainingAttempt>().upsert(a2);
  two.table<TrainingAttempt>().upsert(b);
  Dataset ab = one, ba = two;
  merge_into(ab, two);
  merge_into(ba, one);
  CHECK(export_document(ab, {"s", "d", morning(), {}, {}, false}) ==
        export_document(ba, {"s", "d", morning(), {}, {}, false}));
  REQUIRE(ab.table<TrainingAttempt>().size() == 2);
  CHECK(ab.table<TrainingAttempt>().find(a.meta.id)->trainee == "S003");  // higher revision wins
  CHECK(merge_into(ab, two) == 0);                                        // idempotent

  // A tombstone wins and the deleted attempt no longer counts.
  Dataset three = ab;
  three.table<TrainingAttempt>().upsert(tombstone_record(*ab.table<TrainingAttempt>().find(b.meta.id), actor()));
  merge_into(ab, three);
  CHECK(ab.table<TrainingAttempt>().find(b.meta.id)->meta.deleted);
  CHECK(attempt_results(ab.table<TrainingAttempt>().rows()).size() == 1);
}

TEST_CASE("training attempt: progress from the stored attempts, certified when every scenario passes") {
  const ScenarioSet& set = shipped_scenarios();
  std::vector<TrainingAttempt> rows;
  std::uint64_t seed = 100;
  int hour = 8;
  // S001: first simple_inquiry with a wrong move, then everything right.
  rows.push_back(stored_attempt("S001", "simple_inquiry", 0, hour++, seed++));
  const TraineeProgress before = stored_progress("S001", rows, set);
  REQUIRE(before.scenarios.size() == set.scenarios.size());
  CHECK(before.scenarios[0].attempts == 1);
  CHECK(before.scenarios[0].best == rows[0].score);
  CHECK_FALSE(before.certified);

  for (const auto& sc : set.scenarios) rows.push_back(stored_attempt("S001", sc.id, -1, hour++, seed++));
  rows.push_back(stored_attempt("S002", "too_fast", -1, hour++, seed++));
  const TraineeProgress after = stored_progress("S001", rows, set);
  CHECK(after.scenarios[0].attempts == 2);
  CHECK(after.scenarios[0].best == 100);
  CHECK(after.passed_count == static_cast<int>(set.scenarios.size()));
  CHECK(after.certified);
  CHECK(after.certified_at == rows[set.scenarios.size()].finished_at);

  const auto team = team_progress(rows, set);
  REQUIRE(team.size() == 2);
  CHECK(team[0].trainee == "S001");
  CHECK(team[1].trainee == "S002");
  CHECK(team[1].passed_count == 1);
  CHECK_FALSE(team[1].certified);
}

TEST_CASE("training attempt: the trainee is shown with the staff member's name beside the code") {
  Staff wang;
  wang.code = "S007";
  wang.name = "王芳";
  Staff gone;
  gone.code = "S008";
  gone.name = "李四";
  gone.meta.deleted = true;
  const std::vector<Staff> staff{wang, gone};
  CHECK(trainee_label("S007", staff) == "S007 王芳");
  CHECK(trainee_label("S008", staff) == "S008");  // deleted: the code alone
  CHECK(trainee_label("S099", staff) == "S099");
}
