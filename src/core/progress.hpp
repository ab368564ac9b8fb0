// 培训成绩 — a trainee's progress over the training scenarios (SPEC
// "Reception script" 2): best score per scenario, the history of attempts,
// and certification once every scenario has been passed at the pass mark.
// Pure functions over a list of attempt results.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"

namespace desk {

struct AttemptResult {
  std::string trainee;   // staff id
  std::string scenario;  // scenario id
  Timestamp time;
  int score = 0;
  bool complete = true;  // an abandoned run never passes
};

struct ScenarioProgress {
  std::string scenario;
  int attempts = 0;
  std::optional<int> best;  // none before the first attempt
  bool passed = false;      // some complete attempt scored ≥ pass mark
};

struct TraineeProgress {
  std::string trainee;
  std::vector<ScenarioProgress> scenarios;  // in the order given
  std::vector<AttemptResult> history;       // this trainee's attempts, oldest first
  int passed_count = 0;
  bool certified = false;                 // every scenario passed
  std::optional<Timestamp> certified_at;  // when the last missing scenario was passed
};

// True when the attempt passes at `pass_mark`.
inline bool attempt_passed(const AttemptResult& a, int pass_mark) {
  return a.complete && a.score >= pass_mark;
}

// The trainee's progress over `scenarios` from every attempt on record
// (other trainees' attempts and unknown scenarios are ignored).
TraineeProgress trainee_progress(const std::string& trainee, const std::vector<AttemptResult>& attempts,
                                 const std::vector<std::string>& scenarios, int pass_mark);

// Everyone who has attempted anything, sorted by trainee id.
std::vector<TraineeProgress> all_progress(const std::vector<AttemptResult>& attempts,
                                          const std::vector<std::string>& scenarios, int pass_mark);

}  // namespace desk
