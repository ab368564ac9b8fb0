#include "core/progress.hpp"

#include <algorithm>
#include <set>

namespace desk {

TraineeProgress trainee_progress(const std::string& trainee, const std::vector<AttemptResult>& attempts,
                                 const std::vector<std::string>& scenarios, int pass_mark) {
  TraineeProgress p;
  p.trainee = trainee;
  for (const auto& a : attempts)
    if (a.trainee == trainee) p.history.push_back(a);
  std::stable_sort(p.history.begin(), p.history.end(),
                   [](const AttemptResult& x, const AttemptResult& y) { return x.time < y.time; });
  for (const auto& id : scenarios) p.scenarios.push_back({id, 0, std::nullopt, false});

  std::set<std::string> passed;
  for (const auto& a : p.history) {
    auto it = std::find_if(p.scenarios.begin(), p.scenarios.end(),
                           [&](const ScenarioProgress& s) { return s.scenario == a.scenario; });
    if (it == p.scenarios.end()) continue;
    ++it->attempts;
    it->best = std::max(it->best.value_or(0), a.score);
    if (attempt_passed(a, pass_mark)) {
      it->passed = true;
      if (passed.insert(a.scenario).second && passed.size() == scenarios.size()) p.certified_at = a.time;
    }
  }
  p.passed_count = static_cast<int>(passed.size());
  p.certified = !scenarios.empty() && passed.size() == scenarios.size();
  return p;
}

std::vector<TraineeProgress> all_progress(const std::vector<AttemptResult>& attempts,
                                          const std::vector<std::string>& scenarios, int pass_mark) {
  std::set<std::string> trainees;
  for (const auto& a : attempts) trainees.insert(a.trainee);
  std::vector<TraineeProgress> out;
  for (const auto& t : trainees) out.push_back(trainee_progress(t, attempts, scenarios, pass_mark));
  return out;
}

}  // namespace desk
