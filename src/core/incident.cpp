#include "core/incident.hpp"

#include "core/text.hpp"

namespace desk {

namespace {
using S = IncidentStatus;
using A = IncidentAction;
constexpr Transition<S, A> kTransitions[] = {{A::end, S::active, S::ended}, {A::confirm_damage, S::ended, S::closed}};
}  // namespace

std::span<const Transition<IncidentStatus, IncidentAction>> transitions(const Incident&) {
  return kTransitions;
}
Action create_permission(const Incident&) {
  return Action::open_incident;
}
Action permission_for(const Incident&, IncidentAction a) {
  return a == A::confirm_damage ? Action::confirm_damage : Action::open_incident;
}
void on_action(Incident& i, IncidentAction a, Timestamp now) {
  if (a == A::end) i.ended_at = now;
  if (a == A::confirm_damage) i.reported_at = now;
}

Errors validate(const Incident& i) {
  Errors errors;
  if (trim(i.plan).empty()) errors.push_back({"plan", {"请选择应急预案", "Choose the emergency plan"}});
  require_text(errors, i.reported_by, "reported_by", "报告人", "Reported by");
  if (i.status == S::closed) {
    if (trim(i.damage_list).empty())
      errors.push_back(
          {"damage_list", {"请填写损失清单（无损失请写“无”）", "Fill in the damage list (\"none\" if none)"}});
    if (trim(i.confirmed_by).empty())
      errors.push_back({"confirmed_by", {"损失清单须经理确认", "The manager confirms the damage list"}});
  }
  for (std::size_t k = 0; k < i.ticks.size(); ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (i.ticks[j].item == i.ticks[k].item)
        errors.push_back({"ticks[" + std::to_string(k) + "]", {"清单项重复勾选", "Item ticked twice"}});
  return errors;
}

Errors edit_guard(const Incident& current, const Incident& draft) {
  if (current.ticks == draft.ticks) return {};
  return {{"ticks", {"清单项只能逐项勾选", "Checklist items are ticked one at a time"}}};
}

std::string search_text(const Incident& i) {
  return join_lines({i.plan, i.location, i.description, i.damage_list, i.reported_by});
}
bool is_open(const Incident& i) {
  return !i.meta.deleted && i.status != S::closed;
}

const ChecklistTick* find_tick(const Incident& i, const std::string& item) {
  for (const auto& t : i.ticks)
    if (t.item == item) return &t;
  return nullptr;
}

Expected<Incident> tick_item(const Incident& current, const std::string& item, const std::string& note,
                             const Actor& actor) {
  if (auto e = check_permission(actor.role, Action::tick_checklist)) return Errors{*e};
  if (current.meta.deleted || current.status != S::active)
    return Errors{{"status", {"事件已解除，不能再勾选", "The incident has ended"}}};
  if (find_tick(current, item)) return Errors{{"ticks", {"该项已勾选", "Already ticked"}}};
  Incident next = current;
  next.ticks.push_back({item, actor.now, actor.staff, note});
  return revise_record(current, std::move(next), actor, "tick:" + item);
}

Expected<Incident> untick_item(const Incident& current, const std::string& item, const Actor& actor) {
  if (auto e = check_permission(actor.role, Action::tick_checklist)) return Errors{*e};
  if (current.meta.deleted || current.status != S::active)
    return Errors{{"status", {"事件已解除，不能再撤销勾选", "The incident has ended"}}};
  const ChecklistTick* t = find_tick(current, item);
  if (!t) return Errors{{"ticks", {"该项尚未勾选", "Not ticked"}}};
  if (t->by != actor.staff)
    return Errors{
        {"ticks", {"只有勾选人（" + t->by + "）可以撤销", "Only " + t->by + ", who ticked it, may untick it"}}};
  Incident next = current;
  std::erase_if(next.ticks, [&](const ChecklistTick& x) { return x.item == item; });
  return revise_record(current, std::move(next), actor, "untick:" + item);
}

}  // namespace desk
