#include "ui/widgets.hpp"

#include <SDL_scancode.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "core/limits.hpp"
#include "core/soft_wrap.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"

namespace desk::ui {

const char* id_label(const char* visible, const char* id) {
  static std::string buffer;
  buffer = std::string(visible) + "##" + id;
  return buffer.c_str();
}

bool primary_button(const char* label_with_id, ImVec2 size) {
  ImGui::PushStyleColor(ImGuiCol_Button, colors::accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.24f, 0.52f, 0.80f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.13f, 0.35f, 0.60f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const bool pressed = ImGui::Button(label_with_id, size);
  ImGui::PopStyleColor(4);
  return pressed;
}

void form_label(const char* label, bool required) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  // Wrapped at the column's edge: a long label takes two lines, never cut.
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(label);
  ImGui::PopTextWrapPos();
  if (required) {
    ImGui::SameLine(0, 2);
    ImGui::TextColored(colors::error, "*");
  }
  ImGui::TableSetColumnIndex(1);
}

const FieldError* general_error(const Errors& errors) {
  // No field of the form shows these: the record as a whole (its revision
  // or history at the limits of limits.hpp), or the role.
  for (const char* key : {"record", "revision", "history", "role"})
    if (const FieldError* e = error_for(errors, key)) return e;
  return nullptr;
}

void error_text_wrapped(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colors::error);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

float wrapped_height(const std::string& text) {
  return ImGui::CalcTextSize(text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y +
         ImGui::GetStyle().ItemSpacing.y;
}

void field_error(const Errors& errors, const char* key) {
  if (const FieldError* e = error_for(errors, key)) error_text_wrapped(tr(e->message));
}

bool imported_history_line(const std::string& action, const std::string& by, Timestamp at, const json& source) {
  if (action != "import") return false;
  const std::string from = source.is_string() ? source.get<std::string>() : std::string();
  const std::string line =
      format_local(at) + "  " + by + " " + tr("导入，来源：", "imported from: ") + from +
      tr("（此前的记录行随文件而来，未经本机核实）", " (earlier lines came with the file, unverified here)");
  ImGui::PushStyleColor(ImGuiCol_Text, colors::due_soon);
  ImGui::TextWrapped("%s", line.c_str());
  ImGui::PopStyleColor();
  probe::message("history.import", line);
  return true;
}

bool permitted_button(const char* visible, const char* id, Action action, Role role, bool busy) {
  const auto refused = check_permission(role, action);
  ImGui::BeginDisabled(refused.has_value() || busy);
  const bool clicked = ImGui::Button(id_label(visible, id));
  ImGui::EndDisabled();
  if (refused) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("%s", tr(refused->message).c_str());
    probe::message(std::string(id) + ".refused", tr(refused->message));
  }
  return clicked && !refused;
}

void text_limit_counter(const char* id, const std::string& value) {
  constexpr std::size_t kShowFrom = kMaxTextLength * 9 / 10;
  if (value.size() < kShowFrom) return;  // bytes ≥ code points: far from the limit
  const std::size_t n = utf8_length(value);
  if (n < kShowFrom) return;
  char text[48];
  std::snprintf(text, sizeof text, "%zu/%zu", n, kMaxTextLength);
  ImGui::TextColored(n > kMaxTextLength ? colors::error : colors::muted, "%s", text);
  probe::message(std::string("count.") + id, text);
}

bool input_text(const char* id, std::string& value, const char* hint) {
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string label = std::string("##") + id;
  const bool changed =
      hint ? ImGui::InputTextWithHint(label.c_str(), hint, &value) : ImGui::InputText(label.c_str(), &value);
  text_limit_counter(id, value);
  return changed;
}

namespace {
// The editor's buffer per multi-line field: the value with soft breaks
// (core/soft_wrap.hpp) for the width it was wrapped to.
struct Wrapped {
  std::string buffer;
  std::string value;  // the stored text the buffer shows (buffer without its soft breaks)
  float width = 0;
};
std::map<std::string, Wrapped> g_wrapped;
float g_wrap_width = 0;  // the width the current edit callback wraps to

std::size_t fit_bytes(std::string_view line) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const char* end = font->CalcWordWrapPositionA(scale, line.data(), line.data() + line.size(), g_wrap_width);
  return static_cast<std::size_t>(end - line.data());
}

// Rewraps after every edit, keeping the cursor and selection in place.
int rewrap(ImGuiInputTextCallbackData* data) {
  const std::string_view before(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  const auto raw_cursor = stripped_position(before, static_cast<std::size_t>(data->CursorPos));
  const auto raw_from = stripped_position(before, static_cast<std::size_t>(data->SelectionStart));
  const auto raw_to = stripped_position(before, static_cast<std::size_t>(data->SelectionEnd));
  const std::string wrapped = soft_wrap(strip_soft_wraps(before), fit_bytes);
  if (wrapped == before) return 0;
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, wrapped.data(), wrapped.data() + wrapped.size());
  data->CursorPos = static_cast<int>(wrapped_position(wrapped, raw_cursor));
  data->SelectionStart = static_cast<int>(wrapped_position(wrapped, raw_from));
  data->SelectionEnd = static_cast<int>(wrapped_position(wrapped, raw_to));
  return 0;
}
}  // namespace

bool input_multiline(const char* id, std::string& value, float lines) {
  const std::string label = std::string("##") + id;
  const ImGuiStyle& st = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  g_wrap_width = width - st.FramePadding.x * 2 - st.ScrollbarSize - 2;
  Wrapped& w = g_wrapped[id];
  // The value changed from outside (a phrase inserted, another record
  // opened) or the column's width changed: wrap it afresh.
  if (w.width != width || w.value != value) {
    w.buffer = soft_wrap(strip_soft_wraps(value), fit_bytes);
    w.value = value;
    w.width = width;
  }
  // Grows with the text up to 8 lines, then scrolls.
  const auto line_count = std::count(w.buffer.begin(), w.buffer.end(), '\n') + 1;
  const float shown = std::clamp(static_cast<float>(line_count), lines, 8.0f);
  const bool changed =
      ImGui::InputTextMultiline(label.c_str(), &w.buffer, ImVec2(width, ImGui::GetTextLineHeight() * shown + 8),
                                ImGuiInputTextFlags_NoHorizontalScroll | ImGuiInputTextFlags_CallbackEdit, rewrap);
  if (changed) w.value = value = strip_soft_wraps(w.buffer);
  probe::fact(std::string(id) + ".lines", std::to_string(line_count));
  text_limit_counter(id, value);
  return changed;
}

void text_fit(const std::string& text) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  if (size.x <= width) {
    ImGui::TextUnformatted(text.c_str());
    return;
  }
  const float h = ImGui::GetTextLineHeight();
  ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, ImVec2(pos.x + width, pos.y + h), pos.x + width,
                            pos.x + width, text.c_str(), nullptr, &size);
  ImGui::Dummy(ImVec2(width, h));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
}

ImVec4 deadline_color(DeadlineStatus s) {
  switch (s) {
    case DeadlineStatus::overdue:
    case DeadlineStatus::missed:
      return colors::overdue;
    case DeadlineStatus::due_soon:
      return colors::due_soon;
    case DeadlineStatus::met:
      return colors::ok;
    default:
      return colors::muted;
  }
}

void deadline_badge(const Deadline& d, Timestamp now) {
  // Issue 14 item 5: a paused clock says so, with why.
  if (d.paused_at && !d.done) {
    const std::string reason = d.paused_for ? tr(enum_label(*d.paused_for)) : std::string();
    ImGui::TextColored(colors::muted, "○ %s%s%s", tr("暂停中", "On hold"), reason.empty() ? "" : " · ", reason.c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s %s%s%s", tr("暂停计时自", "Clock stopped since"), format_local(*d.paused_at).c_str(),
                        reason.empty() ? "" : " · ", reason.c_str());
    return;
  }
  const DeadlineStatus s = deadline_status(d, now);
  char text[64];
  const std::int64_t left = d.due - now, over = now - d.due;
  switch (s) {
    case DeadlineStatus::overdue:
      if (over >= 48 * kHour)
        std::snprintf(text, sizeof text, tr(S::days_over), static_cast<int>(over / kDay));
      else if (over >= kHour)
        std::snprintf(text, sizeof text, tr(S::hours_over), static_cast<int>(over / kHour));
      else
        std::snprintf(text, sizeof text, tr(S::minutes_over), static_cast<int>(over / kMinute) + 1);
      break;
    case DeadlineStatus::not_due:
    case DeadlineStatus::due_soon:
      if (left >= 48 * kHour)
        std::snprintf(text, sizeof text, tr(S::days_left), static_cast<int>(left / kDay));
      else if (left >= kHour)
        std::snprintf(text, sizeof text, tr(S::hours_left), static_cast<int>(left / kHour));
      else
        std::snprintf(text, sizeof text, tr(S::minutes_left), static_cast<int>(left / kMinute));
      break;
    default:
      std::snprintf(text, sizeof text, "%s", tr(enum_label(s)).c_str());
  }
  ImGui::TextColored(deadline_color(s), "%s %s", s == DeadlineStatus::overdue ? "●" : "○", text);
}

FormKeys form_keys() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return {};
  if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows)) return {};  // e.g. typing in the list's search box
  const bool editing = ImGui::IsAnyItemActive();
  const bool multiline =
      editing && g.InputTextState.ID == g.ActiveId && (g.InputTextState.Flags & ImGuiInputTextFlags_Multiline) != 0;
  FormKeys k;
  k.enter = !multiline && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
  k.escape = !editing && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
  return k;
}

bool shortcut(char letter) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!(io.KeyCtrl || io.KeyAlt) || io.KeyShift || letter < 'a' || letter > 'z') return false;
  return ImGui::IsKeyPressed(SDL_SCANCODE_A + (letter - 'a'), false);  // the SDL backend indexes keys by scancode
}

float deadline_column_width() {
  const float text = std::max(ImGui::CalcTextSize(tr("● 逾期 30 天", "● 30 days overdue")).x,
                              ImGui::CalcTextSize(tr("○ 暂停中 · 等待配件", "○ On hold · Waiting")).x);
  return std::max(110.0f, text + ImGui::GetStyle().CellPadding.x * 2 + 6);
}

std::string table_id(const std::string& base) {
  return base + (lang() == Lang::en ? ".en" : ".zh");
}

const char* weekday_name(CalendarDate d) {
  static const char* const kZh[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  static const char* const kEn[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const int i = iso_weekday(d) - 1;
  return tr(kZh[i], kEn[i]);
}

}  // namespace desk::ui
