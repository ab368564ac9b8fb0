// 报修单/派工单 (SPEC §3; issue 13 item 9): the printable sheet the technician
// takes along and the customer signs — a self-contained HTML page that fits
// one A5 or one A4 sheet (the browser prints it).
#pragma once
#include <string>

#include "core/repair.hpp"

namespace desk {

enum class Paper { a5, a4 };

struct SheetOptions {
  std::string site;         // 项目名称, in the header
  std::string received_by;  // 受理人 as printed ("S001 张丽"); the stored code when empty
  std::string technician;   // 维修人员 as printed; the stored text when empty
  Paper paper = Paper::a5;
};

std::string repair_sheet_html(const Repair& r, const SheetOptions& options);
// A5, with the stored codes.
std::string repair_sheet_html(const Repair& r, const std::string& site_name = "");

}  // namespace desk
