// 案例库 — the case library screen (issue 15): browse, search, filter by
// type and year; a case opens with its deadlines and turns into a training
// scenario. Cases are made by the desk (a closed 严重 complaint, or a
// supervisor's 列入案例库 on a complaint), never typed from scratch.
#include <set>

#include "core/case_study.hpp"
#include "ui/case_training.hpp"
#include "ui/modules.hpp"

namespace desk::ui {

namespace {
std::optional<std::string> g_case_training;

std::string case_title(const CaseStudy& c) {
  return c.title.empty() ? c.what_happened : c.title;
}
// "按时" or "2项逾期": the deadlines missed (or still open) when the case was made.
std::string deadline_summary(const CaseStudy& c) {
  int missed = 0;
  for (const auto& d : c.deadlines)
    missed += d.outcome == DeadlineStatus::missed || d.outcome == DeadlineStatus::overdue;
  if (c.deadlines.empty()) return "—";
  if (missed == 0) return tr("均按时", "All met");
  return std::to_string(missed) + tr("项逾期", " missed");
}
}  // namespace

void request_case_training(const std::string& case_id) {
  g_case_training = case_id;
}
std::optional<std::string> take_case_training() {
  return std::exchange(g_case_training, std::nullopt);
}

template <>
struct ModuleSpec<CaseStudy> {
  static constexpr const char* kId = "cases";
  static constexpr auto kKind = &CaseStudy::type;
  static constexpr const char* kType = CaseStudy::kType;
  static constexpr bool kNoNew = true;
  static constexpr bool kExtrasFirst = true;
  inline static int year = 0;  // 0 = every year
  static Msg title() { return {"案例库", "Case library"}; }
  static Msg new_label() { return {"新建案例", "New case"}; }
  static std::vector<Column<CaseStudy>> columns() {
    return {{{"发生日期", "Date"}, [](const CaseStudy& c) { return format_local(c.occurred_at).substr(0, 10); }, 92},
            {{"类型", "Type"}, [](const CaseStudy& c) { return tr(enum_label(c.type)); }, 84},
            {{"程度", "Severity"}, [](const CaseStudy& c) { return tr(enum_label(c.severity)); }, 56},
            {{"案例", "Case"}, case_title},
            {{"时限", "Deadlines"}, deadline_summary, 76},
            {{"来源", "Origin"},
             [](const CaseStudy& c) {
               // Short in English: the form's 来源 row says it in full.
               return c.origin == CaseOrigin::marked ? tr("主管列入", "Marked") : tr("严重投诉关闭", "Closed serious");
             },
             104}};
  }
  static void setup_form(FormState& f) {
    f.hidden = {"deadlines", "source_id"};
    f.readonly = {"origin", "occurred_at", "type", "severity", "serious_criteria", "escalation"};
    f.multiline = {"what_happened", "cause_analysis", "responsibility", "corrective_action", "prevention", "reply"};
    f.required = {"what_happened"};
  }
  static CaseStudy blank(const Context& ctx) {
    CaseStudy c;
    c.occurred_at = ctx.now;
    return c;
  }
  static bool keep(const CaseStudy& c) { return year == 0 || case_year(c) == year; }
  static std::string filter_key() { return std::to_string(year); }
  // The year filter: the years the cases happened in, newest first.
  static void toolbar(Context& ctx, ModuleView<CaseStudy>&) {
    std::set<int, std::greater<>> years;
    for (const auto& c : ctx.desk.data().table<CaseStudy>().rows())
      if (!c.meta.deleted) years.insert(case_year(c));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    const std::string all = tr("全部年份", "All years");
    const std::string preview = year == 0 ? all : std::to_string(year) + tr("年", "");
    const bool open = ImGui::BeginCombo("##cases.filter.year", preview.c_str());
    probe::item("cases.filter.year", preview);
    if (!open) return;
    if (ImGui::Selectable((all + "##cases.filter.year.all").c_str(), year == 0)) year = 0;
    for (int y : years) {
      const std::string label = std::to_string(y) + tr("年", "") + "##cases.filter.year." + std::to_string(y);
      if (ImGui::Selectable(label.c_str(), year == y)) year = y;
    }
    ImGui::EndCombo();
  }
  // The training button first, then the deadlines as they stood at the close.
  static void extras(Context& ctx, ModuleView<CaseStudy>&, const CaseStudy* stored) {
    if (!stored) return;
    if (permitted_button(tr("转为培训情景，开始练习", "Train on this case"), "cases.train", Action::view_cases,
                         ctx.role))
      request_case_training(stored->meta.id);
    ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
    ImGui::TextWrapped("%s",
                       tr("按投诉处理流程，用本案事实练习", "The complaint-handling script with this case's facts"));
    ImGui::PopStyleColor();
    section(tr("时限执行", "Deadlines"));
    if (stored->deadlines.empty()) ImGui::TextColored(colors::muted, "—");
    for (const auto& d : stored->deadlines) {
      const bool ok = d.outcome == DeadlineStatus::met;
      ImGui::BulletText("%s", tr(case_deadline_label(d.rule)).c_str());
      ImGui::SameLine();
      ImGui::TextColored(ok ? colors::ok : colors::error, "%s", tr(enum_label(d.outcome)).c_str());
      ImGui::Indent();
      ImGui::TextColored(colors::muted, "%s %s%s%s", tr("期限", "Due"), format_local(d.due).c_str(),
                         d.done ? tr(" · 完成 ", " · done ") : "", d.done ? format_local(*d.done).c_str() : "");
      ImGui::Unindent();
      probe::message("cases.deadline." + d.rule, enum_code(d.outcome));
    }
    ImGui::Spacing();
  }
};

std::unique_ptr<ModuleBase> make_cases() {
  return std::make_unique<ModuleView<CaseStudy>>();
}

}  // namespace desk::ui
