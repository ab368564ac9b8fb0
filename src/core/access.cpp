#include "core/access.hpp"

#include <algorithm>
#include <vector>

#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
constexpr Transition<AccessStatus, AccessAction> kTransitions[] = {
    {AccessAction::leave, AccessStatus::inside, AccessStatus::left}};
}

std::span<const Transition<AccessStatus, AccessAction>> transitions(const AccessEntry&) {
  return kTransitions;
}
Action create_permission(const AccessEntry&) {
  return Action::log_access;
}
Action permission_for(const AccessEntry&, AccessAction) {
  return Action::log_access;
}
void on_action(AccessEntry& e, AccessAction, Timestamp now) {
  e.time_out = now;
}

Errors validate(const AccessEntry& e) {
  Errors errors;
  require_text(errors, e.person, "person", "来访人", "Person");
  require_text(errors, e.logged_by, "logged_by", "登记人", "Logged by");
  // Seed 000: the visitor names the person and department visited.
  if (!e.contractor && e.official == Official::none) {
    require_text(errors, e.visiting_person, "visiting_person", "被访人", "Person visited");
    require_text(errors, e.visiting_department, "visiting_department", "被访部门", "Department visited");
  }
  if (e.group_size < 1 || e.group_size > 200)
    errors.push_back({"group_size", {"同行人数应为 1–200", "Group size must be 1–200"}});
  if (e.id_type != IdType::none) {
    require_text(errors, e.id_number, "id_number", "证件号码", "ID number");
    if (e.no_id_check != NoIdCheck::none)
      errors.push_back({"no_id_check", {"已登记证件，无需无证件处理", "An ID was registered"}});
  } else {
    // Seed 000: 未带有效证件 → 电话联系被访人同意，或由被访人带领.
    if (e.official != Official::none)
      errors.push_back({"id_type", {"执行公务人员须出示证件", "Officials on duty must show their ID"}});
    if (e.no_id_check == NoIdCheck::none)
      errors.push_back(
          {"no_id_check", {"无证件须电话联系被访人或由被访人带领", "Without ID: phone the host or be escorted"}});
    if (e.no_id_check == NoIdCheck::host_phoned && !plausible_phone(trim(e.host_phone)))
      errors.push_back({"host_phone", {"请记录被访人的电话号码", "Record the host's phone number"}});
    if (e.no_id_check == NoIdCheck::host_escorts) require_text(errors, e.escort, "escort", "带领人", "Escort");
  }
  if (e.contractor) require_text(errors, e.pass_number, "pass_number", "出入证号", "Pass number");
  if (e.id_handling_ms < 0) errors.push_back({"id_handling_ms", {"用时不能为负", "Time cannot be negative"}});
  if (e.time_out && *e.time_out < e.time_in)
    errors.push_back({"time_out", {"离开时间不能早于进入时间", "Time out cannot be before time in"}});
  return errors;
}

std::string search_text(const AccessEntry& e) {
  return join_lines({e.person, e.visiting_person, e.visiting_department, e.pass_number, e.escort, e.logged_by});
}
bool is_open(const AccessEntry& e) {
  return !e.meta.deleted && e.status == AccessStatus::inside;
}

std::string mask_id_number(const std::string& id) {
  if (id.size() <= 8) return std::string(id.size(), '*');
  return id.substr(0, 4) + std::string(id.size() - 8, '*') + id.substr(id.size() - 4);
}

bool id_handling_within_standard(const AccessEntry& e) {
  return e.id_handling_ms <= kIdHandlingStandardMs;
}

std::optional<std::int64_t> median_id_handling_ms(std::span<const AccessEntry> entries) {
  std::vector<std::int64_t> times;
  for (const auto& e : entries)
    if (!e.meta.deleted && e.id_type != IdType::none && e.id_handling_ms > 0) times.push_back(e.id_handling_ms);
  if (times.empty()) return std::nullopt;
  auto mid = times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2);
  std::nth_element(times.begin(), mid, times.end());
  if (times.size() % 2 == 1) return *mid;
  const auto upper = *mid;
  const auto lower = *std::max_element(times.begin(), mid);
  return (lower + upper) / 2;
}

}  // namespace desk
