// The desk's look: a calm light theme with room between rows.
#pragma once

namespace desk::ui {
void apply_style();
// A 2-pixel ring around the text field being edited, however it got the
// focus (click or Tab): ImGui only rings items reached by keyboard, and a
// tabbed-into text field not even then. Call once a frame, before Render().
void draw_focus_ring();
}  // namespace desk::ui
