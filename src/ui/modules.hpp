// Every module's screen (SPEC §2–§10 and the staff list), made by one
// factory each; the visit register has its own view (visits_view.hpp).
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "core/deadline.hpp"
#include "ui/module_view.hpp"

namespace desk::ui {

std::unique_ptr<ModuleBase> make_complaints();
std::unique_ptr<ModuleBase> make_repairs();
std::unique_ptr<ModuleBase> make_callbacks();
std::unique_ptr<ModuleBase> make_violations();
std::unique_ptr<ModuleBase> make_key_loans();
std::unique_ptr<ModuleBase> make_access_log();
std::unique_ptr<ModuleBase> make_incidents();
std::unique_ptr<ModuleBase> make_inspections();
std::unique_ptr<ModuleBase> make_duty_logs();
std::unique_ptr<ModuleBase> make_staff();
std::unique_ptr<ModuleBase> make_calendar();    // 工作日历设置 (modules_calendar.cpp)
std::unique_ptr<ModuleBase> make_cases();       // 案例库 (modules_cases.cpp)
std::unique_ptr<ModuleBase> make_contracts();   // 特约服务 (modules_contracts.cpp)
std::unique_ptr<ModuleBase> make_referrals();   // 工作联系单 (modules_referrals.cpp)
std::unique_ptr<ModuleBase> make_gas_checks();  // 煤气安全检查 (modules_gas.cpp)
// Issue 14 item 14: refer a visit or complaint to a department with one
// action (a 工作联系单 linked back to it), and list the referrals it has.
// An empty subject takes the content's first line.
template <class Source>
void refer_button(Context& ctx, const Source& stored, const std::string& subject, const std::string& content,
                  const std::string& unit, const char* id);

// A titled section inside a form (ImGui 1.86 has no SeparatorText).
inline void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextColored(colors::accent, "%s", title);
  ImGui::Separator();
}

// The open deadline due first, else the last one fulfilled (for the badge).
// The deadline a list shows: the nearest open one; when none is open, how the
// last went, but only for a finished record.
std::optional<Deadline> nearest(std::initializer_list<std::optional<Deadline>> ds, bool record_open);

}  // namespace desk::ui
