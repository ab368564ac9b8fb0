// A record's 修改历史, newest first, as every form shows it: when, who, the
// step in the form's own words (新建, 修改, 开始调查…), and each changed
// value as the form shows it. An import's line says where the file came
// from. Probes: `<id>.history.entry` and `<id>.history.change`.
#pragma once
#include <string>

#include "core/change_text.hpp"
#include "core/time.hpp"
#include "imgui.h"
#include "ui/signature_pad.hpp"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

template <HasFields R>
void draw_history(const R& record, const std::string& id) {
  auto shown = [](const std::string& field, const json& v) {
    const std::string s = signature_summary(v);  // not the strokes' numbers
    return s.empty() ? tr(change_value_label<R>(field, v)) : s;
  };
  const auto& history = record.meta.history;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (imported_history_line(it->action, it->by, it->at, it->changes.empty() ? json() : it->changes.front().to))
      continue;
    const std::string head = format_local(it->at) + "  " + it->by + "  " + tr(history_action_label<R>(it->action));
    ImGui::TextColored(colors::muted, "%s", head.c_str());
    probe::message(id + ".history.entry", head);
    if (it->action == "create") continue;  // the first values are the form's, or the next edit's "from"
    for (const auto& c : it->changes) {
      const std::string line =
          tr(field_label<R>(c.field)) + ": " + shown(c.field, c.from) + " → " + shown(c.field, c.to);
      ImGui::TextWrapped("    %s", line.c_str());
      probe::message(id + ".history.change", line);
    }
  }
}

}  // namespace desk::ui
