#include "ui/field_editor.hpp"

namespace desk::ui {

bool edit_time_text(const std::string& id, std::string& text, Timestamp now, bool optional) {
  ImGui::SetNextItemWidth(170);
  // The hint is today's date and time (issue 13: never a date in the past).
  bool changed = ImGui::InputTextWithHint(("##" + id).c_str(), format_local(now).c_str(), &text);
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
