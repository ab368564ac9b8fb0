// The desk's to-do list (SPEC §1–§10): one function answers "what is due or
// overdue now, and for whom", from every deadline rule of every module.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"
#include "core/duties.hpp"
#include "core/plans.hpp"

namespace desk {

struct TodoItem {
  std::string type;     // record type (Visit::kType …) or "duty"
  std::string id;       // record id, or the duty code
  std::string rule;     // the named rule, e.g. "complaint_serious_result"
  Msg what;             // the duty the rule sets, in words
  std::string subject;  // the record in a few words (unit, name, content)
  Timestamp due;
  DeadlineStatus status = DeadlineStatus::not_due;
  std::string owner;         // staff code responsible; empty = the center
  std::optional<Role> role;  // the role that must act, when the rule names one
  bool waiting = false;      // no timed rule: the record waits for a step (due = since when)
};

struct TodoOptions {
  std::string staff;             // only items owned by this staff code or by the center; empty = all
  bool include_not_due = false;  // also list what is open but not yet due soon
  const std::vector<EmergencyPlan>* plans = nullptr;  // for incident checklists
  const std::vector<DutyRule>* duties = nullptr;      // for recurring duties
  SiteSchedule schedule{};
  const WorkCalendar* calendar = nullptr;  // for "the next working day"; none: Monday–Friday
};

// Overdue first, then due soon, each by due time; then records waiting for
// a step, oldest first; then (include_not_due) what is not yet due.
std::vector<TodoItem> todo(const Dataset& data, Timestamp now, const TodoOptions& options = {});

}  // namespace desk
