// 应急 — emergency plans and their checklists (SPEC §8).
// The plans are data (assets/plans.json): one plan per kind of incident —
// typhoon signals 1 → 4 and lifted, rainstorm signals 1 → 3 and after,
// earthquake, fire, pipe burst, sewage overflow, and the general kinds 停水,
// 停电, 电梯困人, 消防警报. An incident follows one plan; each checklist item
// is ticked with its time, and an item with a time limit has a deadline
// counted from the start of the incident.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadline.hpp"
#include "core/errors.hpp"

namespace desk {

// Who carries out a checklist item (the seeds' wording in Chinese).
enum class PlanRole {
  service_center,
  reception,
  supervisor,
  manager_assistant,
  center_manager,
  project_manager,
  technician,
  guard,
  cleaner,
  rescue_team,
  all_staff
};
DESK_ENUM_TABLE(PlanRole, {PlanRole::service_center, "service_center", "物业服务中心", "Service center"},
                {PlanRole::reception, "reception", "客服员", "Reception staff"},
                {PlanRole::supervisor, "supervisor", "主管", "Supervisor"},
                {PlanRole::manager_assistant, "manager_assistant", "经理助理", "Manager's assistant"},
                {PlanRole::center_manager, "center_manager", "物业服务中心经理", "Service-center manager"},
                {PlanRole::project_manager, "project_manager", "工程经理", "Project manager"},
                {PlanRole::technician, "technician", "维修工", "Technician"},
                {PlanRole::guard, "guard", "护卫员", "Guard"}, {PlanRole::cleaner, "cleaner", "清洁员", "Cleaner"},
                {PlanRole::rescue_team, "rescue_team", "抢险队", "Rescue team"},
                {PlanRole::all_staff, "all_staff", "全体员工", "All staff"})

// Seed 000: 重大 = likely to cost lives or great losses (typhoon signal 3 and
// above, fire, earthquake …); 一般 = inconvenience (停水, 停电, 电梯困人 …).
// A plan gives the default level of its incidents.
enum class IncidentLevel { general, major };
DESK_ENUM_TABLE(IncidentLevel, {IncidentLevel::general, "general", "一般", "General"},
                {IncidentLevel::major, "major", "重大", "Major"})

struct PlanItem {
  std::string id;  // stable within its plan, e.g. "notice"
  std::string zh;  // the seed's wording
  std::string en;  // optional translation for the English UI
  std::optional<PlanRole> role;
  std::optional<int> minutes;  // time limit from the start of the incident
  std::string source;          // seed number ("000") or "spec"
};

struct EmergencyPlan {
  std::string code;  // stable, e.g. "typhoon_1"
  std::string zh;
  std::string en;
  IncidentLevel level = IncidentLevel::general;
  std::string source;
  std::vector<PlanItem> items;

  const PlanItem* item(std::string_view id) const;
};

// Longest time limit a checklist item may have: one week.
constexpr int kMaxItemMinutes = 7 * 24 * 60;

// Reads assets/plans.json. Refused with every problem named by plan code and
// item id: unknown keys, duplicate codes or ids, empty Chinese text, unknown
// roles or levels, time limits outside 0 … kMaxItemMinutes.
Expected<std::vector<EmergencyPlan>> parse_plans(std::string_view json_text);
const EmergencyPlan* find_plan(const std::vector<EmergencyPlan>& plans, std::string_view code);

// SPEC §8 (seed 000, typhoon plan item 1): on typhoon signal 1 the service
// center posts the public notice within 30 minutes.
constexpr int kTyphoonNoticeMinutes = 30;
Deadline typhoon_notice_deadline(Timestamp signal_issued, std::optional<Timestamp> notice_posted);

// The deadline of a timed item for an incident started at `started`, ticked
// at `ticked` (if it was); nothing for an item without a time limit.
std::optional<Deadline> item_deadline(const PlanItem& item, Timestamp started, std::optional<Timestamp> ticked);

// A timed item is due soon in the last third of its time limit (10 minutes
// before a 30-minute notice is due).
std::int64_t item_due_soon_window(const PlanItem& item);

// Ticked items of one incident: item id → time ticked.
using Ticks = std::map<std::string, Timestamp>;

struct ItemStatus {
  std::string item_id;
  Deadline deadline;
  DeadlineStatus status;
};

// The deadline status of every timed item of `plan`, in checklist order.
std::vector<ItemStatus> checklist_deadlines(const EmergencyPlan& plan, Timestamp started, const Ticks& ticked,
                                            Timestamp now);

// Problems with an incident's ticks: an id the plan does not have, or a
// tick before the incident started.
Errors validate_ticks(const EmergencyPlan& plan, Timestamp started, const Ticks& ticked);

}  // namespace desk
