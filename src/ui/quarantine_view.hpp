// 隔离记录: stored lines no reader accepts (journal.hpp), shown to a
// supervisor with the record id and the reason, and exportable for head
// office. Nothing here deletes them.
#pragma once
#include "ui/context.hpp"

namespace desk::ui {

void draw_quarantine(Context& ctx);

}  // namespace desk::ui
