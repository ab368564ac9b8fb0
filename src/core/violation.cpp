#include "core/violation.hpp"

#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
using S = ViolationStatus;
using A = ViolationAction;
constexpr Transition<S, A> kTransitions[] = {{A::close, S::open, S::closed}, {A::reopen, S::closed, S::open}};
}  // namespace

std::span<const Transition<ViolationStatus, ViolationAction>> transitions(const Violation&) {
  return kTransitions;
}

Action create_permission(const Violation&) {
  return Action::record_violation;
}

// SPEC §5: 一般 cases are handled by the service center, 重大 by the manager.
Action permission_for(const Violation& v, ViolationAction) {
  return v.level == ViolationLevel::major ? Action::close_major_violation : Action::close_general_violation;
}

void on_action(Violation& v, ViolationAction a, Timestamp now) {
  if (a == A::close) v.closed_at = now;
  if (a == A::reopen) v.closed_at.reset();
}

Action violation_measure_permission(Measure m) {
  return m == Measure::persuasion ? Action::persuade_violation : Action::impose_violation_measure;
}

bool needs_sign_off(Measure m) {
  return m == Measure::compensation || m == Measure::cut_utilities || m == Measure::public_criticism ||
         m == Measure::lawsuit;
}

bool in_effect(const MeasureEntry& m) {
  return !needs_sign_off(m.measure) || (m.logistics_consulted && m.gm_signed);
}

Errors validate(const Violation& v) {
  Errors errors;
  require_text(errors, v.unit, "unit", "楼栋-房号/位置", "Unit / place");
  require_text(errors, v.description, "description", "违章情况", "Description");
  require_text(errors, v.recorded_by, "recorded_by", "登记人", "Recorded by");
  check_phone(errors, v.phone);
  bool beyond_persuasion = false;
  for (std::size_t i = 0; i < v.measures.size(); ++i) {
    const auto& m = v.measures[i];
    const std::string where = "measures[" + std::to_string(i) + "]";
    beyond_persuasion |= m.measure != Measure::persuasion;
    if (m.measure == Measure::rectify_by_deadline && (!m.deadline || *m.deadline <= m.at))
      errors.push_back(
          {where + ".deadline", {"限期整改须填写晚于当前的整改期限", "Rectification needs a later deadline"}});
    if (m.measure != Measure::rectify_by_deadline && m.deadline)
      errors.push_back({where + ".deadline", {"只有限期整改有期限", "Only rectification has a deadline"}});
  }
  if (v.status == S::closed && beyond_persuasion && trim(v.relations_follow_up).empty())
    errors.push_back({"relations_follow_up",
                      {"采取措施后须主动与当事人沟通，缓和关系，再结案",
                       "After a measure, record the follow-up that eases relations before closing"}});
  return errors;
}

// Measures are added one at a time through add_measure, never by editing.
Errors edit_guard(const Violation& current, const Violation& draft) {
  if (current.measures == draft.measures) return {};
  return {{"measures", {"处理措施只能逐条添加", "Measures are added one at a time, not edited"}}};
}

std::string search_text(const Violation& v) {
  return join_lines({v.unit, v.party, v.phone, v.description, v.recorded_by});
}

bool is_open(const Violation& v) {
  return !v.meta.deleted && v.status == S::open;
}

Expected<Violation> add_measure(const Violation& current, MeasureEntry entry, const Actor& actor) {
  if (auto e = check_permission(actor.role, violation_measure_permission(entry.measure))) return Errors{*e};
  if (current.meta.deleted || current.status != S::open)
    return Errors{{"status", {"已结案的违章不能再添加措施", "A closed case takes no more measures"}}};
  entry.at = actor.now;
  entry.by = actor.staff;
  const std::string action = std::string("measure:") + enum_code(entry.measure);
  Violation next = current;
  next.measures.push_back(std::move(entry));
  if (auto errors = validate(next); !errors.empty()) return errors;
  return revise_record(current, std::move(next), actor, action);
}

Expected<Violation> record_sign_off(const Violation& current, std::size_t index, bool logistics_consulted,
                                    bool gm_signed, const Actor& actor) {
  if (auto e = check_permission(actor.role, Action::record_measure_sign_off)) return Errors{*e};
  if (current.meta.deleted || current.status != S::open)
    return Errors{{"status", {"已结案的违章不能再登记签署", "A closed case takes no more sign-offs"}}};
  if (index >= current.measures.size()) return Errors{{"measures", {"没有这条处理措施", "There is no such measure"}}};
  Violation next = current;
  MeasureEntry& m = next.measures[index];
  const std::string where = "measures[" + std::to_string(index) + "]";
  if (!needs_sign_off(m.measure))
    return Errors{
        {where,
         {"「" + enum_label(m.measure).zh + "」不需要总经理签署", enum_label(m.measure).en + " needs no GM sign-off"}}};
  const bool consulted = m.logistics_consulted || logistics_consulted;
  const bool signed_now = !m.gm_signed && gm_signed;
  if (consulted == m.logistics_consulted && !signed_now)
    return Errors{{where, {"没有新的沟通或签署可登记", "Nothing new to record"}}};
  if (gm_signed && !consulted)
    return Errors{{where + ".logistics_consulted",
                   {"须先与后勤管理中心沟通，再由总经理签署", "Consult the logistics center before the GM signs"}}};
  m.logistics_consulted = consulted;
  if (signed_now) {
    m.gm_signed = true;
    m.signed_at = actor.now;
    m.sign_off_by = actor.staff;
  }
  const std::string action = std::string("sign_off:") + enum_code(m.measure);
  if (auto errors = validate(next); !errors.empty()) return errors;
  return revise_record(current, std::move(next), actor, action);
}

std::vector<Deadline> rectification_deadlines(const Violation& v) {
  std::vector<Deadline> out;
  for (const auto& m : v.measures)
    if (m.measure == Measure::rectify_by_deadline && m.deadline) out.push_back({*m.deadline, m.rectified_at});
  return out;
}

}  // namespace desk
