#include "ui/today_view.hpp"

#include "imgui.h"
#include "ui/assets.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

void TodayView::draw(Context& ctx, const OpenFn& open) {
  // Issue 13: each person starts from the whole list (filters are not inherited).
  if (person_ != ctx.staff) mine_only_ = include_not_due_ = false, person_ = ctx.staff;
  ImGui::TextColored(colors::accent, "%s", tr("今日待办", "Today"));
  ImGui::SameLine(0, 24);
  ImGui::Checkbox(id_label(tr("只看我的", "Mine only"), "today.mine"), &mine_only_);
  ImGui::SameLine();
  ImGui::Checkbox(id_label(tr("含未到期", "Include not yet due"), "today.all"), &include_not_due_);
  // Recomputed when the data changes, the filter changes, or a minute passes.
  const std::string key = std::to_string(mine_only_) + std::to_string(include_not_due_) + ctx.staff +
                          std::to_string(ctx.schedule.shift_start);
  const std::int64_t minute = ctx.now.ms / kMinute;
  if (version_ != ctx.desk.version() || key_ != key || computed_minute_ != minute) {
    TodoOptions o;
    o.staff = mine_only_ ? ctx.staff : "";
    o.include_not_due = include_not_due_;
    o.plans = &assets().plans;
    o.duties = &assets().duties;
    o.schedule = ctx.schedule;
    o.calendar = &work_calendar(ctx.desk);
    items_ = todo(ctx.desk.data(), ctx.now, o);
    version_ = ctx.desk.version();
    key_ = key;
    computed_minute_ = minute;
  }
  int overdue = 0, soon = 0, waiting = 0;
  for (const auto& i : items_)
    overdue += i.status == DeadlineStatus::overdue, soon += i.status == DeadlineStatus::due_soon, waiting += i.waiting;
  ImGui::SameLine(0, 24);
  ImGui::TextColored(colors::overdue, "%s %d", tr("已逾期", "Overdue"), overdue);
  ImGui::SameLine();
  ImGui::TextColored(colors::due_soon, "%s %d", tr("即将到期", "Due soon"), soon);
  probe::fact("todoOverdue", std::to_string(overdue));
  ImGui::SameLine();
  ImGui::TextColored(colors::accent, "%s %d", tr("待办理", "To do"), waiting);
  probe::fact("todoDueSoon", std::to_string(soon));
  probe::fact("todoWaiting", std::to_string(waiting));
  // Issue 14: from 1 December, next year's holidays must be entered.
  if (auto warning = calendar_missing_year_warning(work_calendar(ctx.desk), ctx.now)) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::due_soon);
    ImGui::TextWrapped("%s", tr(*warning).c_str());
    ImGui::PopStyleColor();
    probe::message("today.calendar_warning", tr(*warning));
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable(table_id("today.table").c_str(), 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("时限", "Deadline"), ImGuiTableColumnFlags_WidthFixed, deadline_column_width());
  ImGui::TableSetupColumn(tr("类别", "Kind"), ImGuiTableColumnFlags_WidthFixed, 70);
  ImGui::TableSetupColumn(tr("要做的事", "What"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("记录", "Record"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(tr("负责", "Owner"), ImGuiTableColumnFlags_WidthFixed, 150);
  ImGui::TableHeadersRow();
  for (std::size_t k = 0; k < items_.size(); ++k) {
    const TodoItem& i = items_[k];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(k));
    if (ImGui::Selectable("##today.row", false, ImGuiSelectableFlags_SpanAllColumns)) open(i.type, i.id);
    probe::record("todo", i.id, i.rule + " " + i.subject);
    ImGui::PopID();
    ImGui::SameLine();
    if (i.waiting)
      ImGui::TextColored(colors::accent, "%s", tr("待办理", "To do"));
    else
      deadline_badge(Deadline{i.due, std::nullopt}, ctx.now);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(tr(record_type_label(i.type)).c_str());
    ImGui::TableSetColumnIndex(2);
    text_fit(tr(i.what));
    ImGui::TableSetColumnIndex(3);
    text_fit(i.subject);
    ImGui::TableSetColumnIndex(4);
    // Who acts: the person the record names, and the role the step needs.
    std::string owner = i.role ? tr(enum_label(*i.role)) : tr("服务中心", "Center");
    if (!i.owner.empty()) owner = i.owner + (i.role ? " · " + owner : "");
    text_fit(owner);
  }
  if (items_.empty()) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(2);
    ImGui::TextColored(colors::ok, "%s",
                       tr("没有逾期、即将到期或待办理的事项", "Nothing overdue, due soon or waiting"));
  }
  ImGui::EndTable();
}

}  // namespace desk::ui
