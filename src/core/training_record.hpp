// 培训记录 — one trainee's run through a training scenario, stored, exported
// and merged like every other record (SPEC "Reception script" 2: progress and
// scores are kept per trainee). The moves are kept as data so the score can
// be recomputed and reviewed; progress.hpp turns the stored attempts into the
// best score per scenario and certification.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/progress.hpp"
#include "core/record.hpp"
#include "core/staff.hpp"
#include "core/trainer.hpp"

namespace desk {

// One move as stored: the scenario step it answered, the choice id or the
// typed words.
struct TrainingMove {
  std::string step;
  std::string choice;
  std::string typed;
  bool operator==(const TrainingMove&) const = default;
  static constexpr auto fields() {
    using M = TrainingMove;
    return std::tuple{
        Field{"step", &M::step, "情景步骤", "Step"},
        Field{"choice", &M::choice, "选择", "Choice"},
        Field{"typed", &M::typed, "输入的答复", "Typed answer"},
    };
  }
};

struct TrainingAttempt {
  static constexpr const char* kType = "training_attempt";
  RecordMeta meta;

  std::string trainee;   // staff code of the trainee
  std::string scenario;  // scenario id (assets/scenarios.json)
  Timestamp started_at;
  std::optional<Timestamp> finished_at;  // none: abandoned
  std::vector<TrainingMove> moves;
  int score = 0;  // 0–100
  bool complete = false;
  bool passed = false;
  int mistakes = 0;

  bool operator==(const TrainingAttempt&) const = default;
  static constexpr auto fields() {
    using T = TrainingAttempt;
    return std::tuple{
        Field{"trainee", &T::trainee, "学员", "Trainee"},
        Field{"scenario", &T::scenario, "培训情景", "Scenario"},
        Field{"started_at", &T::started_at, "开始时间", "Started"},
        Field{"finished_at", &T::finished_at, "结束时间", "Finished"},
        Field{"moves", &T::moves, "作答", "Moves"},
        Field{"score", &T::score, "得分", "Score"},
        Field{"complete", &T::complete, "已完成", "Complete"},
        Field{"passed", &T::passed, "合格", "Passed"},
        Field{"mistakes", &T::mistakes, "错误数", "Mistakes"},
    };
  }
};

// Any desk staff may train (the same right as recording a visit).
Action create_permission(const TrainingAttempt&);
Errors validate(const TrainingAttempt& a);
std::string search_text(const TrainingAttempt& a);

// The attempt record of a session: moves, score, pass and mistakes from the
// scorer (trainer.hpp). `finished` is set only when the session is complete.
TrainingAttempt make_attempt(const TrainingSession& session, const std::string& trainee, Timestamp started,
                             Timestamp now);

// The scorer's view of a stored attempt.
AttemptResult attempt_result(const TrainingAttempt& a);
// Every stored attempt that is not deleted, as progress input.
std::vector<AttemptResult> attempt_results(const std::vector<TrainingAttempt>& rows);

// The scenario ids of a set, in order.
std::vector<std::string> scenario_ids(const ScenarioSet& set);

// The trainee as shown: "S007 王芳" — the staff code with the name of the
// staff record that has it (not deleted), or the code alone when none does.
std::string trainee_label(const std::string& code, const std::vector<Staff>& staff);

// Progress of one trainee, and of the whole team, from the stored attempts.
TraineeProgress stored_progress(const std::string& trainee, const std::vector<TrainingAttempt>& rows,
                                const ScenarioSet& set);
std::vector<TraineeProgress> team_progress(const std::vector<TrainingAttempt>& rows, const ScenarioSet& set);

}  // namespace desk
