// 培训情景 — training scenarios as data (SPEC "Reception script" 2), read
// from assets/scenarios.json. Each step shows what happens and what the
// customer says; the trainee either picks a move (right and wrong ones, each
// wrong one with the rule it breaks and where the manual says it) or types
// what they would say, checked for forbidden wording and required content.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace desk {

struct Choice {
  std::string id;
  std::string text;      // the move, as the trainee sees it
  bool correct = false;  // a right move earns the step's points
  bool repeat = false;   // asks the customer to repeat: allowed once per scenario
  std::string reply;     // what the customer says or does next, optional
  Msg rule;              // for a wrong move: the rule it breaks
  std::string source;    // where the manual says it, e.g. "seed 000 step i"
};

struct ScenarioStep {
  std::string id;
  std::string event;     // what happens (narration), optional
  std::string customer;  // the customer's line, optional
  std::string prompt;    // the question to the trainee
  int points = 10;
  std::vector<Choice> choices;  // empty for a typed step
  // Typed step: every group needs one of its words in the answer.
  std::vector<std::vector<std::string>> required;
  Msg rule;            // typed step: what a good answer contains
  std::string source;  // typed step: where the manual says it
  bool typed() const { return choices.empty(); }
};

struct Scenario {
  std::string id;
  Msg title;
  std::string brief;  // the situation, in Chinese
  std::vector<ScenarioStep> steps;
};

struct ScenarioSet {
  int pass_mark = 80;  // a score at or above certifies the scenario
  std::vector<Scenario> scenarios;
  const Scenario* find(std::string_view id) const;
};

// Reads assets/scenarios.json. Refused, `where` = "scenario/step" ids, when
// ids repeat, a choice step has no correct move, a wrong move lacks its rule
// or source, or a typed step has neither required words nor a rule.
Expected<ScenarioSet> parse_scenarios(std::string_view json_text);

}  // namespace desk
