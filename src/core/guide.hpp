// 来访接待 live: the desk follows the visit-reception script step by step
// while the 来访登记 fills itself (SPEC "Reception script" 1). Choosing a
// branch applies its record effects to the visit draft; staff may leave at
// any step and keep the draft.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/script.hpp"
#include "core/visit.hpp"

namespace desk {

struct GuidedVisit {
  const Script* script = nullptr;  // not owned: the caller keeps the parsed script alive
  std::string step;                // the current step id
  Visit draft;                     // the visit as filled so far
  std::vector<std::string> path;   // step ids in the order they were entered
  std::vector<int> taken;          // per branch (script order), how often it was taken
  std::vector<Msg> notes;          // things to put on record, e.g. a second request to repeat
  bool finished = false;
};

// Starts at the script's start step. `draft` carries what is known already
// (time, receiving staff, visitor if known); its outcome is set to pending.
GuidedVisit start_guided_visit(const Script& script, Visit draft);

// The step the desk is at.
const Step& current_step(const GuidedVisit& g);

// How many steps, at fewest, lie between step `from` and a finish step (0
// at a finish step; -1 when none can be reached).
int steps_to_finish(const Script& script, std::string_view from);

// "第 3 步 / 共 9 步": the step the desk is at (counting every step entered)
// and the total if the shortest way on is taken from here.
struct StepCount {
  int at = 0;
  int total = 0;
};
StepCount step_count(const GuidedVisit& g);

// Types a visit field ("content", "answer", "visitor_name", "phone", "unit",
// "company"). Refused for other keys and after the visit finished.
Errors set_visit_field(GuidedVisit& g, std::string_view key, std::string value);

// The visit after taking `branch` from `draft`: the branch's required fields
// must be filled (a 24 h promise needs the visitor's name and a plausible
// phone, SPEC §1), then purpose/outcome/consulted are applied. Errors name
// the missing field.
Expected<Visit> visit_after_branch(const Visit& draft, const Branch& branch);

// Takes branch `index` of the current step: applies its effects and moves
// on. Refused (nothing changes) when a required field is missing. Taking a
// limited branch again (请客户重复只能一次) is allowed but noted.
Errors choose_branch(GuidedVisit& g, std::size_t index);

// Ends the visit at a finish step; refused elsewhere or when the draft does
// not validate (see validate(const Visit&)).
Errors finish_guided_visit(GuidedVisit& g);

// Staff leaves the script: the draft as it stands, to be saved or edited.
inline Visit leave_guided_visit(const GuidedVisit& g) {
  return g.draft;
}

// The visit's text field a script input key names (visitor_name, phone,
// content, answer, unit, company), or nullptr.
std::string* visit_field(Visit& v, std::string_view key);
const std::string* visit_field(const Visit& v, std::string_view key);

// The record the visit turns into (SPEC §1), when its purpose is repair or
// complaint: "repair", "complaint", or empty.
std::string turns_into(const Visit& v);

}  // namespace desk
