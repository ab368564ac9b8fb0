// The progress table of TrainerView: the trainee's best score per scenario
// and certification, and the whole team for the manager (progress.hpp over
// the stored TrainingAttempt records).
#include <cstdio>

#include "imgui.h"
#include "ui/test_probe.hpp"
#include "ui/trainer_view.hpp"
#include "ui/training_strings.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
using namespace training_text;

const char* scenario_title(const ScenarioSet& set, const std::string& id) {
  const Scenario* s = set.find(id);
  return s ? t(s->title) : id.c_str();
}

void certified_badge(const TraineeProgress& p) {
  if (p.certified) {
    ImGui::TextColored(colors::ok, "★ %s", t(certified));
    if (ImGui::IsItemHovered() && p.certified_at) ImGui::SetTooltip("%s", format_local(*p.certified_at).c_str());
  } else {
    ImGui::TextColored(colors::muted, "%s", t(not_certified));
  }
}

void trainee_table(const TraineeProgress& p, const ScenarioSet& set) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("trainer.progress.table", 4, flags)) return;
  ImGui::TableSetupColumn(t(col_scenario), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(t(col_attempts), ImGuiTableColumnFlags_WidthFixed, 40);
  ImGui::TableSetupColumn(t(col_best), ImGuiTableColumnFlags_WidthFixed, 52);
  ImGui::TableSetupColumn(t(col_passed), ImGuiTableColumnFlags_WidthFixed, 56);
  ImGui::TableHeadersRow();
  for (const auto& s : p.scenarios) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_fit(scenario_title(set, s.scenario));
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%d", s.attempts);
    ImGui::TableSetColumnIndex(2);
    if (s.best)
      ImGui::Text("%d", *s.best);
    else
      ImGui::TextColored(colors::muted, "—");
    ImGui::TableSetColumnIndex(3);
    if (s.passed)
      ImGui::TextColored(colors::ok, "√ %s", t(passed));
    else if (s.attempts > 0)
      ImGui::TextColored(colors::error, "%s", t(failed));
    const std::string best = s.best ? std::to_string(*s.best) : "-";
    probe::message("progress." + s.scenario, std::to_string(s.attempts) + "/" + best + "/" + (s.passed ? "1" : "0"));
  }
  ImGui::EndTable();
}

void team_table(const std::vector<TraineeProgress>& team, std::size_t scenarios, const std::vector<Staff>& staff) {
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("trainer.team.table", 3, flags)) return;
  ImGui::TableSetupColumn(t(col_trainee), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(t(col_progress), ImGuiTableColumnFlags_WidthFixed, 90);
  ImGui::TableSetupColumn(t(col_certified), ImGuiTableColumnFlags_WidthFixed, 80);
  ImGui::TableHeadersRow();
  for (const auto& p : team) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const std::string label = trainee_label(p.trainee, staff);
    text_fit(label);
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%d / %d", p.passed_count, static_cast<int>(scenarios));
    ImGui::TableSetColumnIndex(2);
    certified_badge(p);
    probe::message("team." + p.trainee, std::to_string(p.passed_count) + (p.certified ? "/certified" : ""));
    probe::message("team.label", label);
  }
  ImGui::EndTable();
}
}  // namespace

void TrainerView::draw_progress(Context& ctx, const ScenarioSet& set) {
  const auto& rows = ctx.desk.data().table<TrainingAttempt>().rows();
  const auto& staff = ctx.desk.data().table<Staff>().rows();
  const std::string who = trim(trainee_);
  ImGui::TextColored(colors::accent, "%s%s", t(progress_of), who.empty() ? "—" : trainee_label(who, staff).c_str());
  if (!who.empty()) {
    const TraineeProgress p = stored_progress(who, rows, set);
    ImGui::SameLine(0, 12);
    certified_badge(p);
    if (p.history.empty())
      ImGui::TextColored(colors::muted, "%s", t(no_attempts));
    else
      trainee_table(p, set);
  }
  ImGui::Spacing();
  // The whole team's progress is for supervisors and managers.
  const auto refused = check_permission(ctx.role, Action::view_team_training);
  ImGui::BeginDisabled(refused.has_value());
  ImGui::Checkbox(id_label(t(team), "trainer.team"), &team_);
  ImGui::EndDisabled();
  if (refused) {
    team_ = false;
    ImGui::TextColored(colors::muted, "%s", tr(refused->message).c_str());
  }
  if (team_) {
    const auto all = team_progress(rows, set);
    if (all.empty())
      ImGui::TextColored(colors::muted, "%s", t(no_attempts));
    else
      team_table(all, set.scenarios.size(), staff);
  }
}

}  // namespace desk::ui
