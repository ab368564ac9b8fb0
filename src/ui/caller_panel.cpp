#include "ui/caller_panel.hpp"

#include <map>

#include "core/caller_history.hpp"
#include "imgui.h"
#include "ui/record_link.hpp"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
// The hits of the last (phone, unit, record, data version) per panel: the
// scan runs when something changed, not every frame.
struct Cached {
  std::string key;
  std::vector<CallerHit> hits;
};
std::map<std::string, Cached> g_cache;
}  // namespace

void caller_panel(Context& ctx, const std::string& phone, const std::string& unit, const std::string& exclude_id,
                  const std::string& id) {
  if (phone_key(phone).empty() && unit_key(unit).empty()) return;
  Cached& c = g_cache[id];
  const std::string key =
      phone_key(phone) + "\n" + unit_key(unit) + "\n" + exclude_id + "\n" + std::to_string(ctx.desk.version());
  if (c.key != key) c = {key, caller_history(ctx.desk.data(), phone, unit, exclude_id)};
  probe::fact(id + ".history", std::to_string(c.hits.size()));
  if (c.hits.empty()) return;
  ImGui::Spacing();
  ImGui::TextColored(colors::accent, "%s（%zu）", tr("此电话/房号的往来记录", "This caller's earlier records"),
                     c.hits.size());
  ImGui::Separator();
  int n = 0;
  for (const auto& h : c.hits) {
    ImGui::TextColored(h.open ? colors::due_soon : colors::muted, "%s", h.open ? "●" : "○");
    ImGui::SameLine();
    ImGui::TextColored(colors::muted, "%s", format_local(h.at).substr(0, 10).c_str());
    ImGui::SameLine();
    record_link(ctx.desk.data(), h.id, id + ".history." + std::to_string(n++));
    if (h.open) {
      ImGui::SameLine();
      ImGui::TextColored(colors::due_soon, "%s", tr("未办结", "open"));
    }
  }
}

}  // namespace desk::ui
