#include "ui/stats_view.hpp"

#include <algorithm>

#include "imgui.h"
#include "platform/platform.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {

// Records created per day of the month, as a column chart with the busiest
// day's count; hovering a column shows its day.
void daily_chart(const std::vector<int>& per_day) {
  if (per_day.empty()) return;
  std::vector<float> values(per_day.begin(), per_day.end());
  const int top = *std::max_element(per_day.begin(), per_day.end());
  char overlay[64];
  std::snprintf(overlay, sizeof overlay, tr("每日新建（最多 %d）", "Created per day (max %d)"), top);
  ImGui::PlotHistogram("##stats.daily", values.data(), static_cast<int>(values.size()), 0, overlay, 0.0f,
                       std::max(1.0f, static_cast<float>(top) * 1.15f),
                       ImVec2(ImGui::GetContentRegionAvail().x, 90));  // PlotEx takes no -FLT_MIN (1.86)
  probe::fact("statsDays", std::to_string(per_day.size()));
}

// One horizontal bar chart: label, bar scaled to the largest value, count.
// Issue 13: the core counts by Chinese label (the report's language); the
// screen shows them in the language chosen.
template <DeskEnum E>
std::map<std::string, int> translated(const std::map<std::string, int>& by_zh) {
  std::map<std::string, int> out;
  for (const auto& [zh, n] : by_zh) {
    std::string key = zh;
    for (const auto& e : enum_entries(E{}))
      if (zh == e.zh) key = lang() == Lang::zh ? e.zh : e.en;
    out[key] += n;
  }
  return out;
}

void bars(const char* id, const std::map<std::string, int>& values) {
  int top = 1;
  for (const auto& [k, v] : values) top = std::max(top, v);
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, 110);
  ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
  for (const auto& [k, v] : values) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(k.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::ProgressBar(static_cast<float>(v) / top, ImVec2(-FLT_MIN, 0), std::to_string(v).c_str());
  }
  ImGui::EndTable();
}
}  // namespace

void StatsView::draw(Context& ctx) {
  if (year_ == 0) {
    const CivilTime c = to_civil(ctx.now);
    year_ = c.year, month_ = c.month;
  }
  ImGui::TextColored(colors::accent, "%s", tr("月度统计", "Monthly statistics"));
  ImGui::SameLine(0, 24);
  if (ImGui::ArrowButton("##stats.prev", ImGuiDir_Left)) month_ == 1 ? (month_ = 12, --year_) : --month_;
  ImGui::SameLine();
  ImGui::Text("%04d-%02d", year_, month_);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##stats.next", ImGuiDir_Right)) month_ == 12 ? (month_ = 1, ++year_) : ++month_;
  ImGui::SameLine(0, 16);
  ImGui::Checkbox(id_label(tr("全部站点", "All sites"), "stats.all_sites"), &all_sites_);
  const std::string key = std::to_string(year_) + "-" + std::to_string(month_) + (all_sites_ ? "*" : ctx.site);
  if (!stats_ || version_ != ctx.desk.version() || key_ != key) {
    stats_ = monthly_stats(ctx.desk.data(), all_sites_ ? "" : ctx.site, year_, month_, ctx.now);
    version_ = ctx.desk.version();
    key_ = key;
  }
  const MonthlyStats& s = *stats_;
  char title[96];
  std::snprintf(title, sizeof title, "%s %04d-%02d", all_sites_ ? tr("全部站点", "All sites") : ctx.site.c_str(), year_,
                month_);
  ImGui::SameLine(0, 16);
  if (permitted_button(tr("导出CSV（Excel）", "Export CSV (Excel)"), "stats.csv", Action::export_statistics, ctx.role))
    platform::download(std::string("统计-") + title + ".csv", "text/csv;charset=utf-8", stats_csv(s));
  ImGui::SameLine();
  if (permitted_button(tr("打印报告", "Print report"), "stats.print", Action::export_statistics, ctx.role))
    platform::print_html(stats_html(s, std::string(tr("月度统计 ", "Monthly statistics ")) + title));
  probe::fact("statsRows", std::to_string(stats_rows(s).size()));

  int total = 0;
  for (const auto& [type, n] : s.created) total += n;
  if (total == 0) {
    const char* hint = all_sites_ ? tr("本月没有记录。", "No records this month.")
                                  : tr("本站点本月没有记录（导入的其他站点数据可勾选「全部站点」查看）。",
                                       "No records of this site this month (tick All sites for imported sites).");
    ImGui::TextColored(colors::muted, "%s", hint);
    probe::message("stats.empty", hint);
  }
  ImGui::BeginChild("stats.body");
  const float half = ImGui::GetContentRegionAvail().x * 0.5f - 6;
  ImGui::BeginChild("stats.left", ImVec2(half, 0));
  ImGui::TextColored(colors::accent, "%s", tr("本月新建记录", "Records created"));
  std::map<std::string, int> created;
  for (const auto& [type, n] : s.created)
    if (n) created[tr(record_type_label(type))] = n;
  bars("stats.created", created);
  daily_chart(s.created_per_day);
  ImGui::TextColored(colors::accent, "%s", tr("投诉类型", "Complaints by type"));
  bars("stats.complaints", translated<ComplaintType>(s.complaints_by_type));
  ImGui::TextColored(colors::accent, "%s", tr("维修类型", "Repairs by fault"));
  bars("stats.repairs", translated<FaultType>(s.repairs_by_fault));
  ImGui::TextColored(colors::accent, "%s", tr("违章类别", "Violations"));
  bars("stats.violations", translated<ViolationCategory>(s.violations_by_category));
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("stats.right", ImVec2(0, 0));
  ImGui::TextColored(colors::accent, "%s", tr("时限达标率", "Deadline compliance"));
  if (ImGui::BeginTable("stats.compliance", 3, ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& c : s.compliance) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(tr(c.label).c_str());
      ImGui::TableSetColumnIndex(1);
      if (c.judged() == 0) {  // issue 13: nothing fell due is not a green 100 %
        ImGui::TextColored(colors::muted, "—");
      } else {
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.0f%%", 100 * c.rate());
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, c.rate() >= 0.999 ? colors::ok : colors::due_soon);
        ImGui::ProgressBar(static_cast<float>(c.rate()), ImVec2(120, 0), pct);
        ImGui::PopStyleColor();
      }
      ImGui::TableSetColumnIndex(2);
      ImGui::TextColored(colors::muted, "%d/%d", c.met, c.judged());
      // Issue 14 item 5: with the hold time counted, when holds changed it.
      if (c.judged_counting_holds != c.judged() || c.met_counting_holds != c.met) {
        ImGui::SameLine();
        ImGui::TextColored(colors::muted, "%s %.0f%%", tr("暂停照计", "counting holds"), 100 * c.rate_counting_holds());
      }
    }
    ImGui::EndTable();
  }
  if (!s.hold_ms_by_reason.empty()) {
    ImGui::TextColored(colors::accent, "%s（%d）", tr("暂停时长", "Time on hold"), s.held_records);
    for (const auto& [code, ms] : s.hold_ms_by_reason)
      if (auto reason = enum_from_code<HoldReason>(code))
        ImGui::BulletText("%s  %.1f %s", tr(enum_label(*reason)).c_str(), static_cast<double>(ms) / kHour,
                          tr("小时", "h"));
  }
  ImGui::TextColored(colors::accent, "%s", tr("回访率", "Callback rates"));
  if (ImGui::BeginTable("stats.callbacks", 3, ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& r : s.callback_rates) {
      const float rate = r.required ? static_cast<float>(r.done) / static_cast<float>(r.required) : 1.0f;
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(tr(enum_label(r.source)).c_str());
      ImGui::TableSetColumnIndex(1);
      char pct[32];
      std::snprintf(pct, sizeof pct, "%.0f%%", 100 * rate);
      // Issue 13: short only by callbacks not yet due is 进行中, not a failure.
      ImGui::PushStyleColor(ImGuiCol_PlotHistogram, r.meets()         ? colors::ok
                                                    : r.in_progress() ? colors::due_soon
                                                                      : colors::overdue);
      ImGui::ProgressBar(std::min(rate, 1.0f), ImVec2(120, 0), pct);
      ImGui::PopStyleColor();
      ImGui::TableSetColumnIndex(2);
      ImGui::TextColored(colors::muted, "%d/%d %s %d", r.done, r.required, tr("完成", "finished"), r.finished);
      if (r.in_progress()) {
        ImGui::SameLine();
        ImGui::TextColored(colors::due_soon, "%s %d", tr("未到期", "not yet due"), r.pending);
      }
    }
    ImGui::EndTable();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s", tr("满意率", "Satisfaction"));
  ImGui::SameLine(0, 12);
  char sat[48];
  std::snprintf(sat, sizeof sat, "%.0f%%  (%d)", 100 * s.satisfaction(), s.rated);
  ImGui::ProgressBar(static_cast<float>(s.satisfaction()), ImVec2(160, 0), s.rated ? sat : tr("无评价", "none rated"));
  if (s.median_id_handling_ms)
    ImGui::Text("%s %.1f s", tr("证件登记用时中位数", "Median ID handling"), *s.median_id_handling_ms / 1000.0);
  ImGui::TextColored(colors::accent, "%s", tr("需书面报告的情况", "Flags for the written report"));
  ImGui::TextColored(s.failed_callbacks.empty() ? colors::muted : colors::overdue, "%s %zu",
                     tr("回访不合格", "Failed callbacks"), s.failed_callbacks.size());
  for (const auto& r : s.repeat_complaints)
    ImGui::TextColored(colors::overdue, "%s %s「%s」× %d", tr("连续同一事项投诉", "Repeat complaint"),
                       r.customer.c_str(), r.matter.c_str(), r.times);
  for (const auto& r : s.repeat_repairs)
    ImGui::TextColored(colors::overdue, "%s %s %s × %d", tr("同一维修3次以上", "Repeat repair"), r.unit.c_str(),
                       tr(enum_label(r.fault)).c_str(), r.times);
  if (s.repeat_complaints.empty() && s.repeat_repairs.empty())
    ImGui::TextColored(colors::muted, "%s", tr("无重复投诉或重复维修", "No repeat complaints or repairs"));
  ImGui::EndChild();
  ImGui::EndChild();
}

}  // namespace desk::ui
