#include "ui/style.hpp"

#include "imgui.h"
#include "imgui_internal.h"

namespace desk::ui {

void apply_style() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowPadding = ImVec2(12, 10);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.ItemInnerSpacing = ImVec2(6, 4);
  s.CellPadding = ImVec2(6, 5);
  s.FrameRounding = 4;
  s.ChildRounding = 6;
  s.PopupRounding = 6;
  s.WindowRounding = 0;
  s.GrabRounding = 4;
  s.ScrollbarSize = 14;
  s.FrameBorderSize = 1;
  s.DisabledAlpha = 0.38f;  // issue 13: a disabled button plainly looks disabled (default 0.6)
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.953f, 0.961f, 0.973f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_Border] = ImVec4(0.80f, 0.83f, 0.87f, 1.0f);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.89f, 0.92f, 0.95f, 1.0f);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(0.97f, 0.98f, 0.99f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.80f, 0.88f, 0.97f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.87f, 0.92f, 0.98f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.96f, 1.0f);
  c[ImGuiCol_NavHighlight] = ImVec4(0.18f, 0.43f, 0.70f, 1.0f);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.12f, 0.15f, 0.35f);
}

void draw_focus_ring() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* w = g.NavWindow;
  if (!w || g.ActiveId == 0 || g.ActiveId != g.InputTextState.ID || g.NavId != g.ActiveId) return;
  ImRect r = ImGui::WindowRectRelToAbs(w, w->NavRectRel[g.NavLayer]);
  r.Expand(2.0f);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->PushClipRect(w->ClipRect.Min, w->ClipRect.Max);  // not over a neighbouring pane
  dl->AddRect(r.Min, r.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight), g.Style.FrameRounding + 1.0f, 0, 2.0f);
  dl->PopClipRect();
}

}  // namespace desk::ui
