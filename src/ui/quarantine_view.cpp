#include "ui/quarantine_view.hpp"

#include "imgui.h"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

void draw_quarantine(Context& ctx) {
  const auto& lines = ctx.desk.quarantined();
  ImGui::TextColored(colors::accent, "%s", tr("隔离记录", "Quarantine"));
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextWrapped("%s",
                     tr("以下记录已写入存储，但本版本无法读取（例如超出记录上限）。它们被原样保留，不会被删除；"
                        "请导出后交总部处理。",
                        "These lines were written to storage but this version cannot read them (e.g. beyond the "
                        "record limits). They are kept as they are and never deleted; export them for head office."));
  ImGui::PopStyleColor();
  // Supervisors and above (the same people who may import).
  if (const auto refused = check_permission(ctx.role, Action::import_data)) {
    error_text_wrapped(tr(refused->message));
    probe::message("quarantine.refused", tr(refused->message));
    return;
  }
  if (ImGui::Button(id_label(tr("导出隔离记录", "Export quarantine"), "quarantine.export"))) {
    const ExportOptions o{ctx.site, ctx.device, ctx.now, {}, {}, false};
    platform::download("wuye-desk-quarantine-" + format_date(ctx.now) + ".json", "application/json",
                       ctx.desk.quarantine_text(o));
  }
  if (!ImGui::BeginTable("quarantine.rows", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) return;
  ImGui::TableSetupColumn(tr("位置", "Where"), ImGuiTableColumnFlags_WidthFixed, 160);
  ImGui::TableSetupColumn(tr("类型", "Type"), ImGuiTableColumnFlags_WidthFixed, 90);
  ImGui::TableSetupColumn(tr("记录编号", "Record id"), ImGuiTableColumnFlags_WidthFixed, 240);
  ImGui::TableSetupColumn(tr("原因", "Reason"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const auto& q : lines) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string where = q.segment.empty() ? "—" : q.segment + ":" + std::to_string(q.line.line_no);
    ImGui::TextUnformatted(where.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(q.line.type.empty() ? "—" : tr(record_type_label(q.line.type)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(q.line.id.empty() ? "—" : q.line.id.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", tr(q.line.reason).c_str());
    probe::message("quarantine.row", q.line.id + " " + tr(q.line.reason));
  }
  ImGui::EndTable();
}

}  // namespace desk::ui
