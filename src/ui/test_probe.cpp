#include "ui/test_probe.hpp"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace desk::ui::probe {

namespace {
using nlohmann::json;
bool on = false;
int frame = 0;
json building = json::object();
std::string last_complete = R"({"frame":0,"widgets":[],"records":[],"messages":[]})";

json rect_json(const ImRect& r) {
  return {{"x", r.Min.x}, {"y", r.Min.y}, {"w", r.GetWidth()}, {"h", r.GetHeight()}};
}
void reset() {
  building = {{"widgets", json::array()}, {"records", json::array()}, {"messages", json::array()}};
}
}  // namespace

bool enabled() {
  return on;
}

void set_enabled(bool value) {
  on = value;
  if (ImGui::GetCurrentContext()) ImGui::GetCurrentContext()->TestEngineHookItems = value;
}

void begin_frame() {
  ++frame;
  if (!on) return;
  ImGui::GetCurrentContext()->TestEngineHookItems = true;
  reset();
}

void end_frame() {
  if (!on) return;
  building["frame"] = frame;
  last_complete = building.dump(-1, ' ', false, json::error_handler_t::replace);
}

void record(const char* type, const std::string& id, const std::string& label) {
  if (!on) return;
  json r = rect_json(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
  r["type"] = type;
  r["id"] = id;
  r["label"] = label;
  building["records"].push_back(std::move(r));
}

void item(const std::string& id, const std::string& label) {
  if (!on) return;
  ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  r.ClipWith(ImGui::GetCurrentWindow()->ClipRect);  // as the hooks do: only what can be clicked
  if (r.GetWidth() <= 0 || r.GetHeight() <= 0) return;
  json w = rect_json(r);
  w["id"] = id;
  w["label"] = label;
  w["window"] = ImGui::GetCurrentWindow()->Name;
  w["disabled"] = false;
  building["widgets"].push_back(std::move(w));
}

void message(const std::string& id, const std::string& text) {
  if (on) building["messages"].push_back({{"id", id}, {"text", text}});
}

void fact(const std::string& key, const std::string& value) {
  if (on) building[key] = value;
}

}  // namespace desk::ui::probe

// ---- ImGui test-engine hooks (IMGUI_ENABLE_TEST_ENGINE) -----------------------
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID item, const char* label, ImGuiItemStatusFlags) {
  using namespace desk::ui::probe;
  if (!on || !label) return;
  const std::string full(label);
  const auto hashes = full.find("##");
  const std::string visible = full.substr(0, hashes);
  std::string id = hashes == std::string::npos ? full : full.substr(hashes + 2);
  if (!id.empty() && id[0] == '#') id.erase(0, 1);  // "###id"
  ImRect r = ctx->LastItemData.NavRect;
  if (ctx->CurrentWindow) r.ClipWith(ctx->CurrentWindow->ClipRect);
  if (r.GetWidth() <= 0 || r.GetHeight() <= 0) return;
  nlohmann::json w = rect_json(r);
  w["id"] = id;
  w["label"] = visible;
  w["window"] = ctx->CurrentWindow ? ctx->CurrentWindow->Name : "";
  w["disabled"] = (ctx->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  if (item == ctx->ActiveId) building["focus"] = id;  // the field being typed into
  building["widgets"].push_back(std::move(w));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) {
  return nullptr;
}

extern "C" {
EMSCRIPTEN_KEEPALIVE void desk_test_enable(int value) {
  desk::ui::probe::set_enabled(value != 0);
}
EMSCRIPTEN_KEEPALIVE const char* desk_test_snapshot() {
  return desk::ui::probe::last_complete.c_str();
}
}
