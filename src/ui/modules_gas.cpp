// 煤气安全检查 — each unit's free gas check (issue 14 item 9): planned for a
// day, the owner phoned the day before with the script below, done and
// signed. The rules live in core/gas_check.hpp.
#include "core/gas_check.hpp"
#include "imgui.h"
#include "ui/modules.hpp"

namespace desk::ui {

template <>
struct ModuleSpec<GasCheck> {
  static constexpr const char* kId = "gas";
  static constexpr const char* kType = GasCheck::kType;
  static Msg title() { return {"煤气安全检查", "Gas checks"}; }
  static Msg new_label() { return {"安排检查", "Plan a check"}; }
  static std::vector<Column<GasCheck>> columns() {
    return {{{"检查日期", "Day"}, [](const GasCheck& g) { return format_local(g.check_on); }, 128},
            {{"楼栋-房号", "Unit"}, [](const GasCheck& g) { return g.unit; }, 100},
            {{"业主", "Owner"}, [](const GasCheck& g) { return g.owner + " " + g.phone; }},
            {{"状态", "State"}, [](const GasCheck& g) { return tr(enum_label(g.status)); }, 90}};
  }
  static void setup_form(FormState& f) {
    f.readonly = {"phoned_at", "phoned_by", "checked_at"};
    f.required = {"unit", "check_on"};
  }
  static GasCheck blank(const Context& ctx) {
    GasCheck g;
    const CivilTime c = to_civil(ctx.now + 2 * kDay);
    g.check_on = from_civil(CivilTime{c.year, c.month, c.day, 9});
    return g;
  }
  static std::optional<Deadline> deadline(const GasCheck& g) {
    return g.status == GasCheckStatus::planned ? gas_check_notice_deadline(g) : std::nullopt;
  }
  // Seed 004: phone the day before, then the visit's manners.
  static void extras(Context&, ModuleView<GasCheck>& view, const GasCheck*) {
    section(tr("提前一天致电业主（话术）", "Phone the owner the day before (script)"));
    ImGui::TextColored(colors::muted, "%s %s", tr("致电日：", "Phone on:"),
                       format_local(gas_check_notice_day(view.draft())).substr(0, 10).c_str());
    for (const auto& line : gas_check_call_script()) {
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextWrapped("%s", line.c_str());
    }
  }
};

std::unique_ptr<ModuleBase> make_gas_checks() {
  return std::make_unique<ModuleView<GasCheck>>();
}

}  // namespace desk::ui
