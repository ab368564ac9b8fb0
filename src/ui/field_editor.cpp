#include "ui/field_editor.hpp"

namespace desk::ui {

bool edit_time_text(const std::string& id, std::string& text, Timestamp now, bool optional) {
  ImGui::SetNextItemWidth(170);
  bool changed = ImGui::InputTextWithHint(("##" + id).c_str(), "2026-11-22 14:30", &text);
  ImGui::SameLine();
  if (ImGui::SmallButton(id_label(tr(S::now_button), (id + ".now").c_str()))) {
    text = format_local(now);
    changed = true;
  }
  if (optional && !text.empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label(tr("清空", "Clear"), (id + ".clear").c_str()))) {
      text.clear();
      changed = true;
    }
  }
  return changed;
}

}  // namespace desk::ui
