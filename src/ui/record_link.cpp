#include "ui/record_link.hpp"

#include "imgui.h"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
std::optional<std::pair<std::string, std::string>> g_request;

template <class R>
std::string describe(const R& r) {
  std::string out = tr(record_type_label(R::kType));
  if constexpr (requires { r.unit; })
    if (!r.unit.empty()) out += " · " + r.unit;
  if constexpr (requires { r.status; }) out += " · " + tr(enum_label(r.status));
  return out;
}
}  // namespace

std::optional<LinkedRecord> find_linked(const Dataset& data, const std::string& id) {
  std::optional<LinkedRecord> found;
  if (id.empty()) return found;
  data.each_table([&](const auto& table) {
    if (found) return;
    if (const auto* r = table.find(id); r && !r->meta.deleted)
      found = LinkedRecord{std::decay_t<decltype(*r)>::kType, describe(*r)};
  });
  return found;
}

bool record_link(const Dataset& data, const std::string& id, const std::string& widget) {
  const auto linked = find_linked(data, id);
  if (!linked) return false;
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_Text, colors::accent);
  const std::string label = linked->label + " ›";
  if (ImGui::SmallButton(id_label(label.c_str(), widget.c_str()))) request_open(linked->type, id);
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  probe::message(widget, linked->label);
  return true;
}

void request_open(const std::string& type, const std::string& id) {
  g_request = {type, id};
}

std::optional<std::pair<std::string, std::string>> take_open_request() {
  return std::exchange(g_request, std::nullopt);
}

}  // namespace desk::ui
