// 接待培训 — scoring a trainee's run through a scenario (SPEC "Reception
// script" 2). Scoring is a pure function of the scenario and the moves; the
// session only keeps the moves so far and asks the scorer.
#pragma once
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "core/wording.hpp"

namespace desk {

// One move: a choice id, or typed words for a typed step.
struct Move {
  std::string choice;
  std::string typed;
  static Move pick(std::string id) { return Move{std::move(id), {}}; }
  static Move say(std::string words) { return Move{{}, std::move(words)}; }
};

// What kind of mistake, so the review can put each under its own heading.
enum class MistakeKind {
  wrong_move,  // a wrong choice
  repeat,      // a second request to repeat
  forbidden,   // 服务禁用语 in a typed answer
  shirking,    // 推诿 / blaming in a typed answer
  missing,     // a required element missing from a typed answer
};

struct Mistake {
  std::string step;    // scenario step id
  std::string detail;  // what the trainee chose, the words flagged, or the element missing
  Msg rule;            // the rule behind it
  std::string source;  // where the manual says it
  MistakeKind kind = MistakeKind::wrong_move;
};

struct StepReview {
  std::string step;
  int earned = 0;
  int possible = 0;
  std::vector<Mistake> mistakes;
};

struct Score {
  int score = 0;        // 0–100
  bool passed = false;  // complete and score ≥ pass mark
  bool complete = false;
  std::size_t answered = 0;  // steps finished
  int repeats = 0;           // requests to repeat
  std::vector<Mistake> mistakes;
  std::vector<StepReview> steps;  // one per answered step
};

// 请客户重复只能有一次 (seed 000 step i): each request beyond the first is a
// mistake and costs this many points off the final score.
constexpr int kExtraRepeatPenalty = 10;

// Scores the moves in order against the scenario's steps. A right move earns
// the step's points; a wrong move earns none and records its rule. A typed
// answer (answer_check.hpp) earns nothing if it uses forbidden wording or
// shirks (every hit is a mistake), otherwise a share for each required group
// it contains (each missing one is a mistake). Moves past the last step are
// ignored. Score = earned / possible × 100, rounded, less penalties.
Score score_attempt(const Scenario& scenario, const Wording& wording, const std::vector<Move>& moves, int pass_mark);

struct TrainingSession {
  const Scenario* scenario = nullptr;  // not owned: the caller keeps the scenario set alive
  const Wording* wording = nullptr;    // not owned: the rules typed answers are judged by
  int pass_mark = 80;
  std::vector<Move> moves;
};

struct Feedback {
  bool accepted = false;          // the move was taken (false after the end)
  bool right = false;             // no new mistake
  std::string reply;              // the customer's reaction, if any
  std::vector<Mistake> mistakes;  // new mistakes, with their rules
};

TrainingSession start_training(const Scenario& scenario, const Wording& wording, int pass_mark);
// The step waiting for a move, or nullptr when the scenario is done.
const ScenarioStep* current_training_step(const TrainingSession& s);
Feedback answer(TrainingSession& s, Move move);
inline bool training_finished(const TrainingSession& s) {
  return current_training_step(s) == nullptr;
}
inline Score training_score(const TrainingSession& s) {
  return score_attempt(*s.scenario, *s.wording, s.moves, s.pass_mark);
}

}  // namespace desk
