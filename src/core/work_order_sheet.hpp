// 报修单/派工单 (SPEC §3): the printable sheet the technician takes along and
// the customer signs — a self-contained A5 HTML page (the browser prints it).
#pragma once
#include <string>

#include "core/repair.hpp"

namespace desk {

std::string repair_sheet_html(const Repair& r, const std::string& site_name = "");

}  // namespace desk
