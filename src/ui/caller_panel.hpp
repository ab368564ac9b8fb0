// The caller in front of you (issue 13 item 6): under an intake form's
// phone and unit, that caller's earlier records across every module, newest
// first, open ones marked, each a link that opens it. The rule is
// core/caller_history.hpp.
#pragma once
#include <string>

#include "ui/context.hpp"

namespace desk::ui {

// `id` names the panel's widgets (e.g. "repairs" → repairs.history.<n>).
// Nothing is drawn while neither the phone nor the unit names a caller.
void caller_panel(Context& ctx, const std::string& phone, const std::string& unit, const std::string& exclude_id,
                  const std::string& id);

}  // namespace desk::ui
