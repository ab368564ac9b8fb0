// Putting a record on hold and resuming it (issue 14 item 5): each its own
// step, role-checked, in the record's history as "hold:<reason>" and
// "resume". Any record with `holds`, is_open, hold_permission and
// resume_permission (complaints, repairs).
#pragma once
#include <string>

#include "core/hold.hpp"
#include "core/workflow.hpp"

namespace desk {

template <HasFields R>
Expected<R> place_on_hold(const R& current, HoldReason reason, std::string note, const Actor& actor) {
  if (auto e = check_permission(actor.role, hold_permission(current))) return refusal(e);
  if (current.meta.deleted || !is_open(current))
    return Errors{{"holds", {"记录已办结，不能暂停计时", "A finished record cannot be put on hold"}}};
  Hold hold{reason, std::move(note), actor.now, std::nullopt, actor.staff, ""};
  if (auto errors = check_new_hold(current.holds, hold); !errors.empty()) return errors;
  if (auto errors = check_can_revise(current.meta); !errors.empty()) return errors;
  R next = current;
  next.holds.push_back(std::move(hold));
  if (auto errors = validate(next); !errors.empty()) return errors;
  return within_limits(revise_record(current, std::move(next), actor, std::string("hold:") + enum_code(reason)));
}

template <HasFields R>
Expected<R> end_hold(const R& current, const Actor& actor) {
  if (auto e = check_permission(actor.role, resume_permission(current))) return refusal(e);
  if (auto errors = check_end_hold(current.holds, actor.now); !errors.empty()) return errors;
  if (auto errors = check_can_revise(current.meta); !errors.empty()) return errors;
  R next = current;
  next.holds.back().to = actor.now;
  next.holds.back().resumed_by = actor.staff;
  if (auto errors = validate(next); !errors.empty()) return errors;
  return within_limits(revise_record(current, std::move(next), actor, "resume"));
}

}  // namespace desk
