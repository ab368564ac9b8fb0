// Workflows as explicit state machines: each record type lists its legal
// transitions (action, from, to) in a table; anything else is refused with
// a reason that names the action, the current state and the states it needs.
#pragma once
#include <optional>
#include <span>

#include "core/enums.hpp"
#include "core/errors.hpp"
#include "core/record.hpp"
#include "core/record_limits.hpp"
#include "core/roles.hpp"
#include "core/signature.hpp"

namespace desk {

template <class S, class A>
struct Transition {
  A action;
  S from;
  S to;
};

// The state `action` leads to from `from`, or a refusal.
template <DeskEnum S, DeskEnum A>
Expected<S> next_state(std::span<const Transition<S, A>> table, S from, A action) {
  std::string zh, en;
  for (const auto& t : table) {
    if (t.action != action) continue;
    if (t.from == from) return t.to;
    zh += (zh.empty() ? "" : "、") + enum_label(t.from).zh;
    en += (en.empty() ? "" : ", ") + enum_label(t.from).en;
  }
  const Msg a = enum_label(action), s = enum_label(from);
  if (zh.empty())
    return Errors{{"status", {"「" + a.zh + "」不适用于此记录", "\"" + a.en + "\" does not apply to this record"}}};
  return Errors{{"status",
                 {"当前状态为「" + s.zh + "」，不能「" + a.zh + "」（需要：" + zh + "）",
                  "Cannot \"" + a.en + "\" while " + s.en + " (needs: " + en + ")"}}};
}

// The actions legal from `from`, in table order (for buttons).
template <class S, class A>
std::vector<A> actions_from(std::span<const Transition<S, A>> table, S from) {
  std::vector<A> out;
  for (const auto& t : table)
    if (t.from == from) out.push_back(t.action);
  return out;
}

// ---- checked mutations -------------------------------------------------------
// A record type R with a workflow provides, found by argument lookup:
//   transitions(const R&)            -> span of Transition<Status, RAction>
//   create_permission(const R&)      -> Action needed to record or edit it
//   permission_for(const R&, RAction) -> Action needed for the workflow step
//   on_action(R&, RAction, Timestamp) -> stamps the step's time fields
//   validate(const R&)               -> Errors for the record in its state
//   edit_guard(const R&, const R&)   -> (optional) Errors for fields an edit may not change
// Types without a workflow provide only the first two and validate.

inline Errors refusal(const std::optional<FieldError>& e) {
  return e ? Errors{*e} : Errors{};
}

// The version about to be stored, or why a reader would refuse it
// (limits.hpp): nothing is stored that cannot be read back.
template <HasFields R>
Expected<R> within_limits(R r) {
  if (auto errors = check_limits(r); !errors.empty()) return errors;
  return r;
}

// A new record, checked: the actor's role, then the fields.
template <HasFields R>
Expected<R> create_checked(const R& draft, const Actor& actor) {
  if (auto e = check_permission(actor.role, create_permission(draft))) return refusal(e);
  if (auto errors = validate(draft); !errors.empty()) return errors;
  return within_limits(create_record(draft, actor));
}

// An edit of the fields, checked; the workflow state cannot change by editing.
template <HasFields R>
Expected<R> edit_checked(const R& current, R draft, const Actor& actor) {
  if (current.meta.deleted)
    return Errors{{"deleted", {"记录已删除，不能修改", "The record is deleted and cannot be changed"}}};
  if (auto e = check_permission(actor.role, create_permission(current))) return refusal(e);
  if constexpr (requires { draft.status; }) draft.status = current.status;
  if (auto errors = holds_kept(current, draft); !errors.empty()) return errors;
  if constexpr (requires { edit_guard(current, draft); })
    if (auto errors = edit_guard(current, draft); !errors.empty()) return errors;
  if (auto errors = signatures_kept(current, draft); !errors.empty()) return errors;
  if (auto errors = validate(draft); !errors.empty()) return errors;
  if (auto errors = check_can_revise(current.meta); !errors.empty()) return errors;
  return within_limits(revise_record(current, std::move(draft), actor));
}

// A soft delete (tombstone), checked.
template <HasFields R>
Expected<R> delete_checked(const R& current, const Actor& actor) {
  if (current.meta.deleted) return Errors{{"deleted", {"记录已删除", "The record is already deleted"}}};
  if (auto e = check_permission(actor.role, Action::delete_record)) return refusal(e);
  if (auto errors = check_can_revise(current.meta); !errors.empty()) return errors;
  return within_limits(tombstone_record(current, actor));
}

// Issue 14 item 5: holds are placed and ended by their own steps
// (hold_steps.hpp), never by an edit or another step's draft.
template <class R>
Errors holds_kept(const R& current, const R& draft) {
  if constexpr (requires { draft.holds; })
    if (!(draft.holds == current.holds))
      return {
          {"holds", {"暂停记录只能用「暂停计时」「恢复计时」办理", "Holds are placed and ended with their own steps"}}};
  return {};
}

// A workflow step: role, then the state machine, then the fields of `draft`
// (the current record with whatever the step fills in) in the new state.
template <HasFields R, DeskEnum A>
Expected<R> perform(const R& current, R draft, A action, const Actor& actor) {
  if (current.meta.deleted)
    return Errors{{"deleted", {"记录已删除，不能办理", "The record is deleted and cannot be processed"}}};
  if (auto e = check_permission(actor.role, permission_for(current, action))) return refusal(e);
  auto to = next_state(transitions(current), current.status, action);
  if (!to) return to.errors();
  if (auto errors = signatures_kept(current, draft); !errors.empty()) return errors;
  if (auto errors = holds_kept(current, draft); !errors.empty()) return errors;
  if constexpr (requires { draft.holds; }) {
    // Issue 14 item 5: a step taken while on hold ends the hold — the record moved on.
    if (!draft.holds.empty() && !draft.holds.back().to) {
      draft.holds.back().to = actor.now;
      draft.holds.back().resumed_by = actor.staff;
    }
  }
  draft.status = to.value();
  // A step that records who took it has on_action(R&, A, const Actor&).
  if constexpr (requires { on_action(draft, action, actor); })
    on_action(draft, action, actor);
  else
    on_action(draft, action, actor.now);
  if (auto errors = validate(draft); !errors.empty()) return errors;
  if (auto errors = check_can_revise(current.meta); !errors.empty()) return errors;
  return within_limits(revise_record(current, std::move(draft), actor, enum_code(action)));
}

}  // namespace desk
