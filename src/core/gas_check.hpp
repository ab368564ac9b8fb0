// 煤气安全检查 — the engineering department's free gas safety checks, unit by
// unit (issue 14 item 9; seed 004 無償服務: 「工程部每兩個月為業主免費檢查和測試
// 煤氣的安全使用」「提前一天，與業主聯系好，確定次日上門服務」). Each unit's
// check is planned for a day; the owner is phoned the day before and the
// check confirmed; done, the owner signs. The day before, Today lists the
// units to phone, with the call script.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/deadline.hpp"
#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class GasCheckStatus { planned, confirmed, checked, cancelled };
DESK_ENUM_TABLE(GasCheckStatus, {GasCheckStatus::planned, "planned", "待通知", "To phone"},
                {GasCheckStatus::confirmed, "confirmed", "已约定", "Confirmed"},
                {GasCheckStatus::checked, "checked", "已检查", "Checked"},
                {GasCheckStatus::cancelled, "cancelled", "业主改期/取消", "Cancelled"})
enum class GasCheckAction { confirm, check, cancel };
DESK_ENUM_TABLE(GasCheckAction,
                {GasCheckAction::confirm, "confirm", "已致电业主，确定次日上门", "Owner phoned: confirmed"},
                {GasCheckAction::check, "check", "检查完成", "Check done"},
                {GasCheckAction::cancel, "cancel", "业主改期/取消", "Owner cancelled"})

struct GasCheck {
  static constexpr const char* kType = "gas_check";
  RecordMeta meta;

  std::string unit;
  std::string owner;
  std::string phone;
  Timestamp check_on;  // the planned day (its site midnight)
  GasCheckStatus status = GasCheckStatus::planned;
  std::optional<Timestamp> phoned_at;
  std::string phoned_by;
  std::string technician;
  std::optional<Timestamp> checked_at;
  std::string result;  // 正常 / what was found
  std::string note;

  bool operator==(const GasCheck&) const = default;
  static constexpr auto fields() {
    using G = GasCheck;
    return std::tuple{
        Field{"unit", &G::unit, "楼栋-房号", "Unit"},
        Field{"owner", &G::owner, "业主", "Owner"},
        Field{"phone", &G::phone, "联系电话", "Phone"},
        Field{"check_on", &G::check_on, "检查日期", "Check day"},
        Field{"status", &G::status, "状态", "Status"},
        Field{"phoned_at", &G::phoned_at, "致电时间", "Phoned at"},
        Field{"phoned_by", &G::phoned_by, "致电人", "Phoned by"},
        Field{"technician", &G::technician, "检查人员", "Technician"},
        Field{"checked_at", &G::checked_at, "检查时间", "Checked at"},
        Field{"result", &G::result, "检查结果", "Result"},
        Field{"note", &G::note, "备注", "Note"},
    };
  }
};

std::span<const Transition<GasCheckStatus, GasCheckAction>> transitions(const GasCheck&);
Action create_permission(const GasCheck&);
Action permission_for(const GasCheck&, GasCheckAction);
void on_action(GasCheck& g, GasCheckAction a, const Actor& actor);
void on_action(GasCheck& g, GasCheckAction a, Timestamp now);
Errors validate(const GasCheck& g);
std::string search_text(const GasCheck& g);
bool is_open(const GasCheck& g);

// (rule) gas_check_notice_day_before: the owner is phoned the day before the
// check (seed 004 「提前一天」; calendar days: 次日 is the next day, whatever
// it is) — due by the end of that day, and due soon all of it.
std::optional<Deadline> gas_check_notice_deadline(const GasCheck& g);
// The day before: from its site midnight.
Timestamp gas_check_notice_day(const GasCheck& g);

// The call script shown with the to-do (seed 004 無償服務 2–4).
const std::vector<std::string>& gas_check_call_script();

}  // namespace desk
