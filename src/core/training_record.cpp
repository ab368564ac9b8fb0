#include "core/training_record.hpp"

namespace desk {

Action create_permission(const TrainingAttempt&) {
  return Action::record_visit;
}

Errors validate(const TrainingAttempt& a) {
  Errors errors;
  if (trim(a.trainee).empty()) errors.push_back({"trainee", {"请填写学员工号", "Trainee is required"}});
  if (trim(a.scenario).empty()) errors.push_back({"scenario", {"请选择培训情景", "Scenario is required"}});
  if (a.score < 0 || a.score > 100) errors.push_back({"score", {"得分应在 0–100 之间", "Score must be 0–100"}});
  if (a.mistakes < 0) errors.push_back({"mistakes", {"错误数不能为负", "Mistakes cannot be negative"}});
  if (a.finished_at && *a.finished_at < a.started_at)
    errors.push_back({"finished_at", {"结束时间不能早于开始时间", "Finished cannot be before started"}});
  if (a.complete && !a.finished_at)
    errors.push_back({"finished_at", {"已完成的考核须有结束时间", "A complete attempt needs its finish time"}});
  if (a.passed && !a.complete)
    errors.push_back({"passed", {"未完成的考核不能合格", "An incomplete attempt cannot pass"}});
  for (std::size_t i = 0; i < a.moves.size(); ++i) {
    const TrainingMove& m = a.moves[i];
    if (m.choice.empty() == m.typed.empty())
      errors.push_back({"moves[" + std::to_string(i) + "]",
                        {"每一步须是一个选择或一段输入", "Each move is either a choice or typed words"}});
  }
  return errors;
}

std::string search_text(const TrainingAttempt& a) {
  std::string text = a.trainee + "\n" + a.scenario;
  for (const auto& m : a.moves)
    if (!m.typed.empty()) text += "\n" + m.typed;
  return text;
}

TrainingAttempt make_attempt(const TrainingSession& session, const std::string& trainee, Timestamp started,
                             Timestamp now) {
  TrainingAttempt a;
  a.trainee = trim(trainee);
  a.scenario = session.scenario ? session.scenario->id : std::string();
  a.started_at = started;
  if (session.scenario) {
    for (std::size_t i = 0; i < session.moves.size() && i < session.scenario->steps.size(); ++i)
      a.moves.push_back({session.scenario->steps[i].id, session.moves[i].choice, session.moves[i].typed});
    const Score s = training_score(session);
    a.score = s.score;
    a.complete = s.complete;
    a.passed = s.passed;
    a.mistakes = static_cast<int>(s.mistakes.size());
  }
  if (a.complete) a.finished_at = now;
  return a;
}

AttemptResult attempt_result(const TrainingAttempt& a) {
  return {a.trainee, a.scenario, a.finished_at.value_or(a.started_at), a.score, a.complete};
}

std::vector<AttemptResult> attempt_results(const std::vector<TrainingAttempt>& rows) {
  std::vector<AttemptResult> out;
  out.reserve(rows.size());
  for (const auto& a : rows)
    if (!a.meta.deleted) out.push_back(attempt_result(a));
  return out;
}

std::string trainee_label(const std::string& code, const std::vector<Staff>& staff) {
  for (const auto& s : staff)
    if (!s.meta.deleted && s.code == code && !s.name.empty()) return code + " " + s.name;
  return code;
}

std::vector<std::string> scenario_ids(const ScenarioSet& set) {
  std::vector<std::string> ids;
  for (const auto& s : set.scenarios) ids.push_back(s.id);
  return ids;
}

TraineeProgress stored_progress(const std::string& trainee, const std::vector<TrainingAttempt>& rows,
                                const ScenarioSet& set) {
  return trainee_progress(trim(trainee), attempt_results(rows), scenario_ids(set), set.pass_mark);
}

std::vector<TraineeProgress> team_progress(const std::vector<TrainingAttempt>& rows, const ScenarioSet& set) {
  return all_progress(attempt_results(rows), scenario_ids(set), set.pass_mark);
}

}  // namespace desk
