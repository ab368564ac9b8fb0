// The test map (README "Writing browser tests"): while enabled, every
// interactive ImGui item reports its stable id, label and rectangle through
// ImGui's test-engine hooks, and views report the records they show. The
// JavaScript side (web/js/desk_test.js) reads it as window.deskTest. While
// disabled the hooks are switched off inside ImGui and nothing is collected.
#pragma once
#include <string>

namespace desk::ui::probe {

bool enabled();
void set_enabled(bool on);
// Starts a new frame's map (the previous complete frame stays readable).
void begin_frame();
void end_frame();
// A record drawn in a list, at the last ImGui item's rectangle.
void record(const char* type, const std::string& id, const std::string& label);
// A widget the ImGui hooks do not report (a combo's button), at the last
// item's rectangle.
void item(const std::string& id, const std::string& label);
// A message currently on screen (status, dialog, field error).
void message(const std::string& id, const std::string& text);
// Extra facts for tests ("saveState", "lang", …).
void fact(const std::string& key, const std::string& value);

}  // namespace desk::ui::probe
