// 巡查/保洁考核, 工作日历 and 员工 screens (SPEC §9, §10, staff).
#include <algorithm>

#include "core/duty_log.hpp"
#include "core/inspection.hpp"
#include "core/staff.hpp"
#include "core/team.hpp"
#include "ui/assets.hpp"
#include "ui/modules.hpp"

namespace desk::ui {

template <>
struct ModuleSpec<Inspection> {
  static constexpr const char* kId = "inspections";
  static constexpr auto kKind = &Inspection::kind;
  static constexpr const char* kType = Inspection::kType;
  static Msg title() { return {"巡查考核", "Inspections"}; }
  static Msg new_label() { return {"登记检查", "New check"}; }
  static std::vector<Column<Inspection>> columns() {
    return {{{"时间", "Time"}, [](const Inspection& i) { return format_local(i.at); }, 128},
            {{"类别", "Kind"}, [](const Inspection& i) { return tr(enum_label(i.kind)); }, 56},
            {{"区域", "Area"}, [](const Inspection& i) { return i.area; }, 110},
            {{"问题数", "Problems"}, [](const Inspection& i) { return std::to_string(i.problems); }, 56},
            {{"周评", "Weekly"},
             [](const Inspection& i) {
               return i.kind == InspectionKind::weekly ? tr(enum_label(weekly_grade(i.problems))) : std::string();
             },
             44},
            {{"发现问题", "Findings"}, [](const Inspection& i) { return i.findings; }}};
  }
  static void setup_form(FormState& f) {
    f.multiline = {"findings", "rectification"};
    f.required = {"area", "inspector"};
  }
  static Inspection blank(const Context& ctx) {
    Inspection i;
    i.at = ctx.now;
    i.inspector = ctx.staff;
    return i;
  }
  // SPEC §9: the weekly grade of this check and the area's monthly grade.
  static void extras(Context& ctx, ModuleView<Inspection>& view, const Inspection*) {
    const Inspection& d = view.draft();
    section(tr("评分", "Grades"));
    if (d.kind == InspectionKind::weekly)
      ImGui::Text("%s %s", tr("本次周检评分：", "This weekly check: "),
                  tr(enum_label(weekly_grade(d.problems))).c_str());
    const CivilTime c = to_civil(d.at);
    const auto& rows = ctx.desk.data().table<Inspection>().rows();
    if (auto g = monthly_grade_of(rows, d.area, c.year, c.month))
      ImGui::Text("%s %d-%02d %s", tr("本区域月评（截至25日）：", "Area's monthly grade (to the 25th): "), c.year,
                  c.month, tr(enum_label(*g)).c_str());
    ImGui::TextColored(
        colors::muted, "%s",
        tr("周检：0个问题=优，1–3=良，4–5=中，5个以上=差", "Weekly: 0 = excellent, 1–3 good, 4–5 fair, >5 poor"));
  }
};

template <>
struct ModuleSpec<DutyLog> {
  static constexpr const char* kId = "duties";
  static constexpr const char* kType = DutyLog::kType;
  static Msg title() { return {"工作日历", "Duties"}; }
  static Msg new_label() { return {"登记完成", "Record done"}; }
  static std::string duty_name(const std::string& code) {
    const DutyRule* r = find_duty(assets().duties, code);
    return r ? (lang() == Lang::zh ? r->zh : r->en) : code;
  }
  static std::vector<Column<DutyLog>> columns() {
    return {{{"完成时间", "Done"}, [](const DutyLog& d) { return format_local(d.done_at); }, 128},
            {{"例行工作", "Duty"}, [](const DutyLog& d) { return duty_name(d.duty); }, 150},
            {{"负责人", "By"}, [](const DutyLog& d) { return d.done_by; }, 70},
            {{"议题/备注", "Issues / note"}, [](const DutyLog& d) { return d.issues.empty() ? d.note : d.issues; }}};
  }
  static void setup_form(FormState& f) {
    f.hidden = {"duty"};
    f.multiline = {"attendees", "issues", "actions", "note"};
    f.required = {"done_by"};
  }
  static DutyLog blank(const Context& ctx) {
    DutyLog d;
    d.done_at = ctx.now;
    d.done_by = ctx.staff;
    if (!assets().duties.empty()) d.duty = assets().duties.front().code;
    return d;
  }
  // SPEC §10: each duty's period, count and warning.
  static void toolbar(Context& ctx, ModuleView<DutyLog>&) {
    std::map<std::string, std::vector<Timestamp>> done;
    for (const auto& d : ctx.desk.data().table<DutyLog>().rows())
      if (!d.meta.deleted) done[d.duty].push_back(d.done_at);
    // At most about six rows tall (it scrolls), so the list and the form
    // below keep their room at 1366×768.
    const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
    const float rows = static_cast<float>(assets().duties.size()) + 1.0f;
    if (ImGui::BeginTable("duties.calendar", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                          ImVec2(0, std::min(rows, 6.5f) * row_h))) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn(tr("例行工作", "Duty"));
      ImGui::TableSetupColumn(tr("本期完成", "Done"), ImGuiTableColumnFlags_WidthFixed, 80);
      ImGui::TableSetupColumn(tr("到期", "Due"), ImGuiTableColumnFlags_WidthFixed, 140);
      ImGui::TableSetupColumn(tr("提醒", "Warning"), ImGuiTableColumnFlags_WidthFixed, 110);
      ImGui::TableHeadersRow();
      for (const auto& rule : assets().duties) {
        const DutyReport r = duty_status(rule, done[rule.code], ctx.now);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(tr(duty_title(rule, r.current.period)).c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("%d / %d", r.current.done, r.current.required);
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(format_local(r.current.due).c_str());
        ImGui::TableSetColumnIndex(3);
        // A period still open, but the one before it ended short: say so,
        // rather than "overdue" beside a due time still ahead.
        const bool previous_short =
            r.warning() == DeadlineStatus::overdue && r.current.status != DeadlineStatus::overdue;
        ImGui::TextColored(deadline_color(r.warning()), "%s",
                           previous_short ? tr("上期未完成", "Prev. missed") : tr(enum_label(r.warning())).c_str());
      }
      ImGui::EndTable();
    }
  }
  static void extras(Context&, ModuleView<DutyLog>& view, const DutyLog*) {
    section(tr("例行工作", "Duty"));
    for (const auto& r : assets().duties)
      if (ImGui::RadioButton((duty_name(r.code) + "##duties.duty." + r.code).c_str(), view.draft().duty == r.code))
        view.draft().duty = r.code;
  }
};

template <>
struct ModuleSpec<Staff> {
  static constexpr const char* kId = "staff";
  static constexpr const char* kType = Staff::kType;
  static constexpr bool kRegisterFilters = true;  // issue 13: by 工号, no date or staff filter
  static Msg search_hint() { return {"搜索工号、姓名", "Search code, name"}; }
  static Msg title() { return {"员工", "Staff"}; }
  static Msg new_label() { return {"添加员工", "Add staff"}; }
  static std::vector<Column<Staff>> columns() {
    return {{{"工号", "No."}, [](const Staff& s) { return s.code; }, 70},
            {{"姓名", "Name"}, [](const Staff& s) { return s.name; }, 100},
            {{"岗位", "Role"}, [](const Staff& s) { return tr(enum_label(s.role)); }},
            {{"PIN", "PIN"}, [](const Staff& s) { return std::string(s.pin_hash.empty() ? "未设置" : "已设置"); }, 60},
            {{"在职", "Active"}, [](const Staff& s) { return std::string(s.active ? "√" : "—"); }, 44}};
  }
  static void setup_form(FormState& f) {
    f.hidden = {"pin_salt", "pin_hash", "pin_iterations"};
    f.required = {"code", "name"};
  }
  static Staff blank(const Context&) { return Staff{}; }
  // The PIN is typed, hashed with a fresh salt and only the hash is kept.
  static void extras(Context&, ModuleView<Staff>& view, const Staff* stored) {
    static std::string pin, again;
    section(tr("设置 PIN（6–8 位数字，输入两次）", "Set the PIN (6–8 digits, twice)"));
    ImGui::SetNextItemWidth(140);
    ImGui::InputTextWithHint("##staff.pin", "PIN", &pin,
                             ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    ImGui::InputTextWithHint("##staff.pin_again", tr("再输一次", "Again"), &again,
                             ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    if (ImGui::Button(id_label(tr("设置", "Set"), "staff.pin.set"))) {
      auto bits = platform::random_bits();
      auto with = with_new_pin(view.draft(), pin, again, std::span<const std::uint8_t>(bits.data(), bits.size()));
      pin.clear();
      again.clear();
      if (with) {
        view.draft() = with.value();
        view.form().errors.clear();
      } else {
        view.form().errors = with.errors();
      }
    }
    field_error(view.form().errors, "pin");
    field_error(view.form().errors, "pin_again");
    if (!view.draft().pin_hash.empty() && (!stored || stored->pin_hash != view.draft().pin_hash))
      ImGui::TextColored(colors::ok, "%s", tr("新 PIN 已设置，保存后生效", "New PIN set; save to keep it"));
    ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
    ImGui::TextWrapped("%s", tr("第一个PIN须设给物业服务中心经理或项目经理；PIN只存在本机，不随导出离开。",
                                "The first PIN goes to a manager; PINs stay on this desk and are never exported."));
    ImGui::PopStyleColor();
  }
};

std::unique_ptr<ModuleBase> make_inspections() {
  return std::make_unique<ModuleView<Inspection>>();
}
std::unique_ptr<ModuleBase> make_duty_logs() {
  return std::make_unique<ModuleView<DutyLog>>();
}
std::unique_ptr<ModuleBase> make_staff() {
  return std::make_unique<ModuleView<Staff>>();
}

}  // namespace desk::ui
