#include "core/trainer.hpp"

#include <algorithm>

#include "core/answer_check.hpp"

namespace desk {

namespace {

const Choice* find_choice(const ScenarioStep& step, const std::string& id) {
  for (const auto& c : step.choices)
    if (c.id == id) return &c;
  return nullptr;
}

// Scores a typed answer for `step` into `review`.
void score_typed(const ScenarioStep& step, const Wording& wording, const std::string& typed, StepReview& review) {
  const AnswerCheck check = check_answer(step, wording, typed);
  for (const auto* hits : {&check.forbidden, &check.shirking})
    for (const auto& hit : *hits)
      review.mistakes.push_back({step.id, hit.text, hit.explanation, hit.source,
                                 hit.kind == WordingKind::shirking ? MistakeKind::shirking : MistakeKind::forbidden});
  for (const auto& name : check.missing)
    review.mistakes.push_back(
        {step.id,
         name.zh,
         {step.rule.zh + "（缺少“" + name.zh + "”）", step.rule.en + " (missing " + name.en + ")"},
         step.source,
         MistakeKind::missing});
  if (!check.acceptable()) return;  // forbidden or shirking wording earns nothing
  review.earned =
      step.required.empty() ? step.points : static_cast<int>(step.points * check.met / step.required.size());
}

}  // namespace

Score score_attempt(const Scenario& scenario, const Wording& wording, const std::vector<Move>& moves, int pass_mark) {
  Score score;
  int earned = 0, possible = 0;
  std::size_t m = 0;
  for (const auto& step : scenario.steps) possible += step.points;
  for (const auto& step : scenario.steps) {
    if (m >= moves.size()) break;
    StepReview review{step.id, 0, step.points, {}};
    bool done = false;
    while (!done && m < moves.size()) {
      const Move& move = moves[m++];
      if (step.typed()) {
        score_typed(step, wording, move.typed, review);
        done = true;
        continue;
      }
      const Choice* c = find_choice(step, move.choice);
      if (c && c->repeat) {
        if (++score.repeats > 1)
          review.mistakes.push_back({step.id,
                                     c->text,
                                     {"请客户重复的要求只能有一次；出现将记录在案，作为定期考核的参考",
                                      "You may ask the customer to repeat only once; it is recorded for review"},
                                     "seed 000 step i",
                                     MistakeKind::repeat});
        continue;  // the customer repeats; the step still waits for a move
      }
      done = true;
      if (!c) {
        review.mistakes.push_back({step.id,
                                   move.choice.empty() ? move.typed : move.choice,
                                   {"请从选项中选择下一步", "Choose one of the moves"},
                                   ""});
      } else if (c->correct) {
        review.earned = step.points;
      } else {
        review.mistakes.push_back({step.id, c->text, c->rule, c->source});
      }
    }
    for (const auto& mk : review.mistakes) score.mistakes.push_back(mk);
    if (!done) break;  // still waiting (e.g. after a request to repeat)
    earned += review.earned;
    score.steps.push_back(std::move(review));
    ++score.answered;
  }
  score.complete = score.answered == scenario.steps.size();
  const int penalties = score.repeats > 1 ? (score.repeats - 1) * kExtraRepeatPenalty : 0;
  const int base = possible > 0 ? (earned * 100 + possible / 2) / possible : 0;
  score.score = std::max(0, base - penalties);
  score.passed = score.complete && score.score >= pass_mark;
  return score;
}

TrainingSession start_training(const Scenario& scenario, const Wording& wording, int pass_mark) {
  return TrainingSession{&scenario, &wording, pass_mark, {}};
}

const ScenarioStep* current_training_step(const TrainingSession& s) {
  const Score score = training_score(s);
  return score.answered < s.scenario->steps.size() ? &s.scenario->steps[score.answered] : nullptr;
}

Feedback answer(TrainingSession& s, Move move) {
  Feedback fb;
  const ScenarioStep* step = current_training_step(s);
  if (!step) return fb;
  const std::size_t before = training_score(s).mistakes.size();
  for (const auto& c : step->choices)
    if (c.id == move.choice) fb.reply = c.repeat && c.reply.empty() ? step->customer : c.reply;
  s.moves.push_back(std::move(move));
  const Score after = training_score(s);
  fb.accepted = true;
  fb.mistakes.assign(after.mistakes.begin() + static_cast<std::ptrdiff_t>(before), after.mistakes.end());
  fb.right = fb.mistakes.empty();
  return fb;
}

}  // namespace desk
