// Shared widgets: form rows with their error, enum pickers, deadline badges.
#pragma once
#include <string>

#include "core/deadline.hpp"
#include "core/enums.hpp"
#include "core/errors.hpp"
#include "core/fields.hpp"
#include "core/roles.hpp"
#include "core/work_calendar.hpp"
#include "imgui.h"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"

namespace desk::ui {

namespace colors {
inline const ImVec4 error{0.75f, 0.12f, 0.10f, 1.0f};
inline const ImVec4 overdue{0.80f, 0.10f, 0.10f, 1.0f};
inline const ImVec4 due_soon{0.80f, 0.50f, 0.00f, 1.0f};
inline const ImVec4 ok{0.10f, 0.50f, 0.20f, 1.0f};
inline const ImVec4 muted{0.42f, 0.46f, 0.52f, 1.0f};
inline const ImVec4 accent{0.18f, 0.43f, 0.70f, 1.0f};
}  // namespace colors

// The one main action of a screen: filled accent colour, white text.
bool primary_button(const char* label_with_id, ImVec2 size = ImVec2(0, 0));
// A button for `action`: disabled, with the refusal on hover and in the test
// map (`<id>.refused`), when `role` may not do it.
// A history line that says a version arrived by import (who imported it,
// from which file, site and device): true when `c` is one and was drawn.
bool imported_history_line(const std::string& action, const std::string& by, Timestamp at, const json& source);
bool permitted_button(const char* visible, const char* id, Action action, Role role, bool busy = false);

// "label##id" in a per-call buffer, valid until the next call of id_label.
const char* id_label(const char* visible, const char* id);

// A form row: label in the first table column, the widget in the second.
// Call inside a two-column table; returns after drawing the label.
void form_label(const char* label, bool required = false);
// The error that belongs to no field ("record", "revision", "history", then "role"), if any.
const FieldError* general_error(const Errors& errors);
// Text in the error colour, wrapped to the width available; and the height
// it will take, to reserve room for it under a form's scrolling fields.
void error_text_wrapped(const std::string& text);
float wrapped_height(const std::string& text);
// Draws the error for `key` (if any) under the widget, in red.
void field_error(const Errors& errors, const char* key);

// Text fields; near the limit of limits.hpp (from 90 %) they show a counter
// under the field, "4890/5000", red once past it.
bool input_text(const char* id, std::string& value, const char* hint = nullptr);
bool input_multiline(const char* id, std::string& value, float lines = 3);
void text_limit_counter(const char* id, const std::string& value);

// Radio buttons over an enum's values, on one line (wrapping).
template <DeskEnum E>
bool enum_radios(const char* id, E& value) {
  bool changed = false;
  ImGui::PushID(id);
  const float right = ImGui::GetContentRegionMax().x;
  bool first = true;
  for (const auto& e : enum_entries(E{})) {
    const char* label = lang() == Lang::zh ? e.zh : e.en;
    const float w = ImGui::CalcTextSize(label).x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
    }
    first = false;
    const std::string full = std::string(label) + "##" + id + "." + e.code;
    if (ImGui::RadioButton(full.c_str(), value == e.value)) {
      value = e.value;
      changed = true;
    }
  }
  ImGui::PopID();
  return changed;
}

template <DeskEnum E>
bool enum_combo(const char* id, E& value, float width = 180) {
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  const auto* current = enum_entry(value);
  const char* preview = current ? (lang() == Lang::zh ? current->zh : current->en) : "";
  const bool open = ImGui::BeginCombo((std::string("##") + id).c_str(), preview);
  probe::item(id, preview);  // combos are not reported by ImGui's hooks
  if (open) {
    for (const auto& e : enum_entries(E{})) {
      const std::string full = std::string(lang() == Lang::zh ? e.zh : e.en) + "##" + id + "." + e.code;
      if (ImGui::Selectable(full.c_str(), value == e.value)) {
        value = e.value;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

// Text that fits the remaining width of its cell: cut with "…" when too long,
// the whole text in a tooltip on hover.
void text_fit(const std::string& text);

// Colored status text for a deadline ("剩 5 小时", "逾期 2 小时", "按时完成").
void deadline_badge(const Deadline& d, Timestamp now);
// "周五" / "Fri".
const char* weekday_name(CalendarDate d);
// Form keys for the current window (a form): Enter while in one of its
// one-line fields (or on none of its items), Esc when no field is being
// edited (the first Esc leaves the field). Nothing while a popup is open.
struct FormKeys {
  bool enter = false;
  bool escape = false;
};
FormKeys form_keys();
// Ctrl+<letter> or Alt+<letter> (Chrome keeps Ctrl+N for a new window, so
// Alt+N is the one that always reaches the page).
bool shortcut(char letter);

// Width of a table column holding deadline badges, in the current language.
float deadline_column_width();
// A table id that differs per language: fixed column widths are taken when
// a table is first drawn, so each language gets its own.
std::string table_id(const std::string& base);
ImVec4 deadline_color(DeadlineStatus s);

}  // namespace desk::ui
