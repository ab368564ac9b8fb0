// The desk's look: a calm light theme with room between rows.
#pragma once

namespace desk::ui {
void apply_style();
}
