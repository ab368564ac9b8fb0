#include "ui/signature_pad.hpp"

#include <emscripten.h>

#include "imgui.h"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
// The pad's box in canvas pixels while open (0 size: closed).
void tell_box(ImVec2 min, ImVec2 size) {
  EM_ASM(
      {
        if (Module.deskSignBox) Module.deskSignBox($0, $1, $2, $3);
      },
      min.x, min.y, size.x, size.y);
}

// Points the pen made since the last frame, into the pad's strokes; a stroke
// longer than a list may hold goes on in a new one from its last point.
void take_points(SignaturePad& pad) {
  const int n = EM_ASM_INT({ return Module.deskSignTake ? (Module.deskSignQueue = Module.deskSignTake()).length : 0; });
  for (int i = 0; i + 2 < n; i += 3) {
    const int x = EM_ASM_INT({ return Module.deskSignQueue[$0]; }, i);
    const int y = EM_ASM_INT({ return Module.deskSignQueue[$0]; }, i + 1);
    const int p = EM_ASM_INT({ return Module.deskSignQueue[$0]; }, i + 2);
    if (x < 0) {
      pad.stroke_open = false;
      continue;
    }
    if (!pad.stroke_open || pad.strokes.empty()) {
      if (pad.strokes.size() >= kMaxSignatureStrokes) continue;
      pad.strokes.push_back({});
      pad.stroke_open = true;
    }
    auto* points = &pad.strokes.back().points;
    if (points->size() + 3 > kMaxListItems) {
      const std::vector<int> last(points->end() - 3, points->end());
      pad.strokes.push_back({last});
      points = &pad.strokes.back().points;
    }
    points->insert(points->end(), {x, y, p});
  }
}

std::size_t point_count(const std::vector<SignatureStroke>& strokes) {
  std::size_t n = 0;
  for (const auto& s : strokes) n += s.points.size() / 3;
  return n;
}

ImVec2 pad_size() {
  const float w = std::min(ImGui::GetContentRegionAvail().x, 480.0f);
  return {w, w * kSignatureHeight / kSignatureWidth};
}

void draw_signed(const Signature& s, const std::string& id, bool greyed) {
  const ImVec2 size{240, 80};
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton((id + ".view").c_str(), size);
  probe::item(id + ".view", s.signer);
  auto* dl = ImGui::GetWindowDrawList();
  dl->AddRect(min, {min.x + size.x, min.y + size.y}, IM_COL32(180, 186, 196, 255));
  if (!s.strokes.empty())
    draw_strokes(s.strokes, min, size, greyed ? IM_COL32(160, 160, 160, 255) : IM_COL32(20, 20, 60, 255));
  std::string line = s.signer + " · " + format_local(s.signed_at);
  if (!s.paper_sheet.empty()) line += std::string(tr(" · 纸质签字 单号 ", " · on paper, sheet ")) + s.paper_sheet;
  ImGui::TextColored(greyed ? colors::muted : colors::ok, "%s", line.c_str());
  if (s.voided)
    ImGui::TextColored(colors::error, "%s%s（%s %s）", tr("已作废：", "Voided: "), s.void_reason.c_str(),
                       s.voided_by.c_str(), s.voided_at ? format_local(*s.voided_at).c_str() : "");
}
}  // namespace

void draw_strokes(const std::vector<SignatureStroke>& strokes, ImVec2 min, ImVec2 size, ImU32 color) {
  auto* dl = ImGui::GetWindowDrawList();
  const float sx = size.x / kSignatureWidth, sy = size.y / kSignatureHeight;
  for (const auto& s : strokes) {
    const auto& p = s.points;
    for (std::size_t i = 0; i + 2 < p.size(); i += 3) {
      const ImVec2 a{min.x + p[i] * sx, min.y + p[i + 1] * sy};
      const float width = std::max(1.0f, (0.6f + p[i + 2] * 0.16f) * std::max(sx, 0.4f) * 2.5f);
      if (i + 5 < p.size())
        dl->AddLine(a, {min.x + p[i + 3] * sx, min.y + p[i + 4] * sy}, color, width);
      else if (p.size() == 3)
        dl->AddCircleFilled(a, width * 0.6f, color);
    }
  }
}

std::string signature_summary(const json& v) {
  if (!v.is_object() || !v.contains("signer") || !v.contains("strokes")) return {};
  std::string s = std::string(tr("签字：", "Signature: ")) + v.value("signer", "");
  if (v["strokes"].is_array() && !v["strokes"].empty())
    s += " · " + std::to_string(v["strokes"].size()) + tr(" 笔", " strokes");
  if (v.value("paper_sheet", "") != "") s += std::string(tr(" · 纸质 ", " · paper ")) + v.value("paper_sheet", "");
  if (v.value("voided", false)) s += std::string(tr(" · 已作废：", " · voided: ")) + v.value("void_reason", "");
  return s;
}

bool signature_field(const std::string& id, std::optional<Signature>& value, SignaturePad& pad,
                     const SignatureHooks& hooks, const std::string& key, const std::string& signer, Timestamp now) {
  ImGui::PushID(id.c_str());
  bool changed = false;
  const bool confirmed = value && !value->voided && hooks.stored.count(key);
  if (value) draw_signed(*value, id, value->voided);
  if (confirmed) {
    if (hooks.may_void && !pad.voiding &&
        ImGui::Button(id_label(tr("作废签字", "Void signature"), (id + ".void").c_str())))
      pad.voiding = true;
    if (pad.voiding) {
      input_text((id + ".void_reason").c_str(), pad.reason, tr("作废原因（必填）", "Why (required)"));
      if (ImGui::Button(id_label(tr("确认作废", "Void it"), (id + ".void_confirm").c_str())) && hooks.void_it)
        hooks.void_it(key, pad.reason);
      ImGui::SameLine();
      if (ImGui::Button(id_label(tr("取消", "Cancel"), (id + ".void_cancel").c_str()))) pad.voiding = false;
    }
    ImGui::PopID();
    return false;
  }
  if (value && !value->voided) {  // taken in this form, saved with it
    ImGui::TextColored(colors::muted, "%s", tr("随「保存」或下一步一起保存", "Saved with the form or the next step"));
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label(tr("重签", "Sign again"), (id + ".redo").c_str()))) value.reset(), changed = true;
    ImGui::PopID();
    return changed;
  }
  if (!pad.open) {
    if (ImGui::Button(id_label(tr("签字", "Sign"), (id + ".sign").c_str())))
      pad = SignaturePad{}, pad.open = pad.just_opened = true;
    ImGui::SameLine();
    ImGui::Checkbox(id_label(tr("纸质签字", "Signed on paper"), (id + ".paper").c_str()), &pad.paper);
    if (pad.paper) {
      input_text((id + ".sheet").c_str(), pad.sheet, tr("纸质签字单号", "Paper sheet no."));
      if (ImGui::Button(id_label(tr("确认", "Confirm"), (id + ".paper_confirm").c_str()))) {
        Signature s = paper_signature(trim(signer), now, trim(pad.sheet));
        auto errors = shape_errors(s);
        if (errors.empty())
          value = s, changed = true, pad = SignaturePad{};
        else
          pad.error = tr(errors.front().message);
      }
    }
  } else {
    const ImVec2 size = pad_size(), min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton((id + ".pad").c_str(), size);
    probe::item(id + ".pad", tr("签字框", "Signature pad"));
    tell_box(min, size);
    take_points(pad);
    auto* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, {min.x + size.x, min.y + size.y}, IM_COL32(255, 255, 255, 255));
    dl->AddRect(min, {min.x + size.x, min.y + size.y}, IM_COL32(90, 110, 140, 255), 0, 0, 1.5f);
    const float base = min.y + size.y * 0.78f;
    dl->AddLine({min.x + 16, base}, {min.x + size.x - 16, base}, IM_COL32(200, 205, 215, 255));
    if (pad.strokes.empty())
      dl->AddText({min.x + 16, base - ImGui::GetTextLineHeight() - 4}, IM_COL32(150, 155, 165, 255),
                  tr("请在此处签字（鼠标、手指或手写笔）", "Sign here (mouse, finger or pen)"));
    draw_strokes(pad.strokes, min, size, IM_COL32(20, 20, 60, 255));
    const std::size_t points = point_count(pad.strokes);
    if (points > kMaxSignaturePoints)
      pad.error = tr("签字过大，请清除后写得简短些", "Too large: clear and sign shorter");
    ImGui::TextColored(colors::muted, "%s %s", tr("签字人：", "Signer: "),
                       signer.empty() ? tr("（请先填写姓名）", "(type the name first)") : signer.c_str());
    if (ImGui::Button(id_label(tr("清除", "Clear"), (id + ".clear").c_str()))) pad.strokes.clear(), pad.error.clear();
    ImGui::SameLine();
    ImGui::BeginDisabled(pad.strokes.empty());
    if (ImGui::Button(id_label(tr("确认签字", "Confirm signature"), (id + ".confirm").c_str()))) {
      Signature s = paper_signature(trim(signer), now, "");
      s.strokes = pad.strokes;
      auto errors = shape_errors(s);
      if (errors.empty()) {
        value = s, changed = true;
        tell_box({}, {});
        pad = SignaturePad{};
      } else {
        pad.error = tr(errors.front().message);
      }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(id_label(tr("取消", "Cancel"), (id + ".cancel").c_str()))) tell_box({}, {}), pad = SignaturePad{};
    if (pad.just_opened) ImGui::SetScrollHereY(1.0f), pad.just_opened = false;  // the whole pad in view
  }
  if (!pad.error.empty()) error_text_wrapped(pad.error);
  ImGui::PopID();
  return changed;
}

}  // namespace desk::ui
