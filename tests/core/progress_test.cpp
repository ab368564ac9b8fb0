#include "core/progress.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {

const std::vector<std::string> kScenarios{"simple_inquiry", "nobody_knows", "too_fast"};

AttemptResult attempt(const std::string& who, const std::string& scenario, int hour, int score, bool complete = true) {
  return {who, scenario, from_civil({2026, 11, 22, hour, 0}), score, complete};
}

}  // namespace

TEST_CASE("progress: best score and attempts per scenario") {
  const std::vector<AttemptResult> log{attempt("S001", "simple_inquiry", 9, 60),
                                       attempt("S001", "simple_inquiry", 10, 90),
                                       attempt("S001", "simple_inquiry", 11, 70), attempt("S002", "too_fast", 9, 100)};
  const TraineeProgress p = trainee_progress("S001", log, kScenarios, 80);
  REQUIRE(p.scenarios.size() == 3);
  CHECK(p.scenarios[0].attempts == 3);
  CHECK(p.scenarios[0].best == 90);
  CHECK(p.scenarios[0].passed);
  CHECK(p.scenarios[1].attempts == 0);
  CHECK_FALSE(p.scenarios[1].best.has_value());
  CHECK(p.history.size() == 3);  // other trainees' attempts are not mixed in
  CHECK(p.passed_count == 1);
  CHECK_FALSE(p.certified);
}

TEST_CASE("progress: certified once every scenario is passed at the pass mark") {
  std::vector<AttemptResult> log{attempt("S001", "too_fast", 12, 80), attempt("S001", "simple_inquiry", 9, 85),
                                 attempt("S001", "nobody_knows", 10, 79)};
  TraineeProgress p = trainee_progress("S001", log, kScenarios, 80);
  CHECK_FALSE(p.certified);  // 79 is below the mark
  CHECK(p.scenarios[1].best == 79);
  log.push_back(attempt("S001", "nobody_knows", 14, 95));
  p = trainee_progress("S001", log, kScenarios, 80);
  CHECK(p.certified);
  CHECK(p.certified_at == from_civil({2026, 11, 22, 14, 0}));
  CHECK(p.history.front().time == from_civil({2026, 11, 22, 9, 0}));  // oldest first
  // A later poor attempt does not take the certificate away.
  log.push_back(attempt("S001", "too_fast", 16, 30));
  CHECK(trainee_progress("S001", log, kScenarios, 80).certified);
  // A higher pass mark does.
  CHECK_FALSE(trainee_progress("S001", log, kScenarios, 90).certified);
}

TEST_CASE("progress: an abandoned run never passes; unknown scenarios are ignored") {
  const std::vector<AttemptResult> log{attempt("S001", "simple_inquiry", 9, 100, false),
                                       attempt("S001", "retired_scenario", 10, 100)};
  const TraineeProgress p = trainee_progress("S001", log, kScenarios, 80);
  CHECK_FALSE(p.scenarios[0].passed);
  CHECK(p.scenarios[0].best == 100);
  CHECK(p.passed_count == 0);
  CHECK_FALSE(trainee_progress("S001", log, {}, 80).certified);  // nothing to certify
}

TEST_CASE("progress: everyone on record, by trainee id") {
  const std::vector<AttemptResult> log{attempt("S002", "too_fast", 9, 100), attempt("S001", "too_fast", 9, 50)};
  const auto all = all_progress(log, kScenarios, 80);
  REQUIRE(all.size() == 2);
  CHECK(all[0].trainee == "S001");
  CHECK(all[1].scenarios[2].passed);
}
