// 培训考核: a trainee plays a training scenario (SPEC "Reception script" 2):
// customer lines, a choice or a typed answer per step, immediate feedback
// (right/wrong with the rule and where the manual says it; forbidden wording
// highlighted), the final score with pass/fail and a review of mistakes. The
// attempt is saved as a TrainingAttempt record; the progress table shows the
// trainee's best score per scenario and certification, and the whole team.
#pragma once
#include <optional>
#include <string>

#include "core/training_record.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class TrainerView {
 public:
  void draw(Context& ctx, const ScenarioSet& set, const Wording& wording);
  // A scenario from outside the set (a case of the case library, issue 15),
  // offered first in the list and chosen; any session in play ends.
  void offer(Scenario scenario);

 private:
  void draw_setup(Context& ctx, const ScenarioSet& set);
  void draw_play(Context& ctx);
  void draw_step(Context& ctx, const ScenarioStep& step);
  void draw_feedback(Context& ctx);
  void draw_result(Context& ctx);
  void draw_progress(Context& ctx, const ScenarioSet& set);  // trainer_progress.cpp
  void submit(Context& ctx, Move move);
  void save_attempt(Context& ctx);

  std::string trainee_;
  std::size_t scenario_ = 0;
  Errors setup_errors_;
  std::optional<TrainingSession> session_;
  Timestamp started_;
  std::string typed_;
  // The move just made and what it earned, shown until "next".
  const ScenarioStep* answered_ = nullptr;
  Move last_move_;
  Feedback last_;
  bool show_result_ = false;
  // The attempt record: saving, saved, or refused.
  bool saving_ = false, saved_ = false;
  Errors save_errors_;
  bool team_ = false;
  std::optional<Scenario> offered_;  // kept here: the session points into it
  bool use_offered_ = false;
  const Wording* wording_ = nullptr;  // the rules typed answers are judged by
};

}  // namespace desk::ui
