// 暂停计时 on a complaint or repair form (issue 14 item 5): the hold in
// force with 恢复计时, or a reason, a note and 暂停计时; the past holds below.
// Each is its own durable step (core/hold_steps.hpp).
#pragma once
#include <algorithm>
#include <string>

#include "core/hold_steps.hpp"
#include "ui/modules.hpp"

namespace desk::ui {

template <class R>
void hold_panel(Context& ctx, ModuleView<R>& view, const R& stored, const std::string& id) {
  const Hold* active = active_hold(stored.holds);
  if (!active && !is_open(stored) && stored.holds.empty()) return;
  section(tr("暂停计时", "Hold the clock"));
  const bool busy = ctx.desk.busy() || ctx.desk.read_only();
  // The form keeps what is typed but not yet saved; only the holds and the
  // revision come from the stored record.
  auto reload = [&view, &desk = ctx.desk](bool ok) {
    if (!ok) return;
    if (auto* r = desk.data().table<R>().find(view.draft().meta.id)) {
      view.draft().holds = r->holds;
      view.draft().meta = r->meta;
    }
  };
  if (active) {
    ImGui::TextColored(colors::due_soon, "%s · %s · %s", tr("暂停中", "On hold"),
                       tr(enum_label(active->reason)).c_str(), active->note.c_str());
    ImGui::TextColored(colors::muted, "%s %s · %s", tr("自", "Since"), format_local(active->from).c_str(),
                       active->by.c_str());
    if (permitted_button(tr("恢复计时", "Resume the clock"), (id + ".resume").c_str(), resume_permission(stored),
                         ctx.role, busy))
      view.form().errors = ctx.desk.store(end_hold(stored, ctx.actor()), {"已恢复计时", "Clock resumed"}, reload);
  } else if (is_open(stored)) {
    static HoldReason reason = HoldReason::customer_away;
    static std::string note;
    enum_combo((id + ".hold_reason").c_str(), reason, 170);
    ImGui::SameLine();
    // The note takes what the combo and the button leave, so the row fits the form.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::CalcTextSize(tr("暂停计时", "Hold the clock")).x + style.FramePadding.x * 2;
    ImGui::SetNextItemWidth(std::max(100.0f, ImGui::GetContentRegionAvail().x - button - style.ItemSpacing.x));
    ImGui::InputTextWithHint(("##" + id + ".hold_note").c_str(), tr("等什么、等谁", "Waiting for what, whom"), &note);
    ImGui::SameLine();
    if (permitted_button(tr("暂停计时", "Hold the clock"), (id + ".hold").c_str(), hold_permission(stored), ctx.role,
                         busy))
      view.form().errors = ctx.desk.store(place_on_hold(stored, reason, note, ctx.actor()),
                                          {"已暂停计时：" + enum_label(reason).zh, "On hold: " + enum_label(reason).en},
                                          [reload](bool ok) {
                                            if (ok) note.clear();
                                            reload(ok);
                                          });
  }
  for (const auto& h : stored.holds)
    if (h.to)
      ImGui::BulletText("%s → %s  %s · %s", format_local(h.from).c_str(), format_local(*h.to).c_str(),
                        tr(enum_label(h.reason)).c_str(), h.note.c_str());
  field_error(view.form().errors, "holds");
  probe::fact(id + ".onHold", active ? enum_code(active->reason) : "");
}

}  // namespace desk::ui
