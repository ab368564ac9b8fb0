// 应急 — emergency incidents (SPEC §8). An incident follows one emergency
// plan (assets/plans.json); each checklist item is ticked with time and
// staff. Afterwards a damage list is confirmed by the manager and reported
// to the quality department.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/plans.hpp"
#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

struct ChecklistTick {
  std::string item;  // the plan item's id
  Timestamp at;
  std::string by;
  std::string note;
  bool operator==(const ChecklistTick&) const = default;
  static constexpr auto fields() {
    using T = ChecklistTick;
    return std::tuple{Field{"item", &T::item, "清单项", "Item"}, Field{"at", &T::at, "时间", "Time"},
                      Field{"by", &T::by, "执行人", "By"}, Field{"note", &T::note, "说明", "Note"}};
  }
};

enum class IncidentStatus { active, ended, closed };
DESK_ENUM_TABLE(IncidentStatus, {IncidentStatus::active, "active", "处置中", "Active"},
                {IncidentStatus::ended, "ended", "已解除", "Ended"},
                {IncidentStatus::closed, "closed", "已上报结案", "Reported and closed"})
enum class IncidentAction { end, confirm_damage };
DESK_ENUM_TABLE(IncidentAction, {IncidentAction::end, "end", "解除", "End"},
                {IncidentAction::confirm_damage, "confirm_damage", "确认损失清单并上报品质部",
                 "Confirm the damage list and report"})

struct Incident {
  static constexpr const char* kType = "incident";
  RecordMeta meta;

  std::string plan;  // plan code, e.g. "typhoon_1"
  IncidentLevel level = IncidentLevel::general;
  Timestamp started_at;
  std::string location;
  std::string description;
  std::string reported_by;
  std::vector<ChecklistTick> ticks;
  IncidentStatus status = IncidentStatus::active;
  std::optional<Timestamp> ended_at;
  std::string damage_list;
  std::string confirmed_by;
  std::optional<Timestamp> reported_at;  // to the quality department

  bool operator==(const Incident&) const = default;
  static constexpr auto fields() {
    using I = Incident;
    return std::tuple{
        Field{"plan", &I::plan, "应急预案", "Plan"},
        Field{"level", &I::level, "级别", "Level"},
        Field{"started_at", &I::started_at, "发生时间", "Started at"},
        Field{"location", &I::location, "地点", "Location"},
        Field{"description", &I::description, "情况", "Description"},
        Field{"reported_by", &I::reported_by, "报告人", "Reported by"},
        Field{"ticks", &I::ticks, "处置清单", "Checklist"},
        Field{"status", &I::status, "状态", "Status"},
        Field{"ended_at", &I::ended_at, "解除时间", "Ended at"},
        Field{"damage_list", &I::damage_list, "损失清单", "Damage list"},
        Field{"confirmed_by", &I::confirmed_by, "确认人", "Confirmed by"},
        Field{"reported_at", &I::reported_at, "上报品质部时间", "Reported at"},
    };
  }
};

std::span<const Transition<IncidentStatus, IncidentAction>> transitions(const Incident&);
Action create_permission(const Incident&);
Action permission_for(const Incident&, IncidentAction a);
void on_action(Incident& i, IncidentAction a, Timestamp now);
Errors validate(const Incident& i);
Errors edit_guard(const Incident& current, const Incident& draft);
std::string search_text(const Incident& i);
bool is_open(const Incident& i);

// Ticks one checklist item now, checked (role, an active incident, not ticked before).
Expected<Incident> tick_item(const Incident& current, const std::string& item, const std::string& note,
                             const Actor& actor);
const ChecklistTick* find_tick(const Incident& i, const std::string& item);
// Issue 13: a tick made by mistake is taken back by the person who made it,
// while the incident is active; the history keeps the tick ("untick:<item>").
Expected<Incident> untick_item(const Incident& current, const std::string& item, const Actor& actor);

}  // namespace desk
