// 钥匙借用 — the key register (SPEC §6). A contractor never borrows a key
// directly: a staff member borrows on their behalf and is responsible. On
// return, power off and windows closed are confirmed; the daily check lists
// keys not returned.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/deadline.hpp"
#include "core/duty_log.hpp"
#include "core/record.hpp"
#include "core/signature.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class KeyLoanStatus { out, returned, lost };
DESK_ENUM_TABLE(KeyLoanStatus, {KeyLoanStatus::out, "out", "借出", "Out"},
                {KeyLoanStatus::returned, "returned", "已归还", "Returned"},
                {KeyLoanStatus::lost, "lost", "遗失/损坏", "Lost or damaged"})
enum class KeyLoanAction { give_back, report_lost };
DESK_ENUM_TABLE(KeyLoanAction, {KeyLoanAction::give_back, "give_back", "归还", "Return"},
                {KeyLoanAction::report_lost, "report_lost", "报告遗失/损坏", "Report lost or damaged"})

struct KeyLoan {
  static constexpr const char* kType = "key_loan";
  RecordMeta meta;

  std::string key;  // unit or room
  std::string borrower;
  bool contractor = false;
  std::string responsible_staff;  // borrows on a contractor's behalf
  std::string phone;
  std::string purpose;
  Timestamp out_at;
  Timestamp expected_return;
  KeyLoanStatus status = KeyLoanStatus::out;
  std::optional<Timestamp> returned_at;
  std::optional<Signature> return_signature;  // the borrower signs the return (optional)
  bool power_off = false;
  bool windows_closed = false;
  std::string lent_by;
  std::string note;
  bool reported_to_supervisor = false;

  bool operator==(const KeyLoan&) const = default;
  static constexpr auto fields() {
    using K = KeyLoan;
    return std::tuple{
        Field{"key", &K::key, "钥匙（单元/房间）", "Key (unit / room)"},
        Field{"borrower", &K::borrower, "借用人", "Borrower"},
        Field{"contractor", &K::contractor, "施工单位人员", "Contractor"},
        Field{"responsible_staff", &K::responsible_staff, "代借责任员工", "Responsible staff"},
        Field{"phone", &K::phone, "联系电话", "Phone"},
        Field{"purpose", &K::purpose, "借用事由", "Purpose"},
        Field{"out_at", &K::out_at, "借出时间", "Out at"},
        Field{"expected_return", &K::expected_return, "预计归还", "Expected return"},
        Field{"status", &K::status, "状态", "Status"},
        Field{"returned_at", &K::returned_at, "归还时间", "Returned at"},
        Field{"power_off", &K::power_off, "已断电", "Power off"},
        Field{"windows_closed", &K::windows_closed, "门窗已关", "Windows closed"},
        Field{"lent_by", &K::lent_by, "经手人", "Lent by"},
        Field{"note", &K::note, "备注", "Note"},
        Field{"reported_to_supervisor", &K::reported_to_supervisor, "已报告主管", "Reported to the supervisor"},
        Field{"return_signature", &K::return_signature, "归还签字", "Return signature"},
    };
  }
};

std::span<const Transition<KeyLoanStatus, KeyLoanAction>> transitions(const KeyLoan&);
Action create_permission(const KeyLoan&);
Action permission_for(const KeyLoan&, KeyLoanAction);
void on_action(KeyLoan& k, KeyLoanAction a, Timestamp now);
Errors validate(const KeyLoan& k);
std::string search_text(const KeyLoan& k);
bool is_open(const KeyLoan& k);

// Returned by the expected time (SPEC §6).
std::optional<Deadline> key_return_deadline(const KeyLoan& k);

// Issue 14 item 10 — the daily key register check (seed 001 「負責人每日要認真檢查
// 鑰匙登記表，對未收回的鑰匙要查明原因並搞好記錄」): every key still out, not only
// the overdue ones, oldest first.
std::vector<const KeyLoan*> keys_out(const std::vector<KeyLoan>& loans);
// One line per key as the check lists it: 「3栋-1202 · 张师傅（施工）· 责任人 S002 ·
// 借出 11-20 09:00 · 已逾期」.
Msg key_out_line(const KeyLoan& k, Timestamp now);
// The check as staff tick it: a duty log of kKeyCheckDuty by `checker` at
// `now`, its note the keys out at that moment (a snapshot, so the record
// says what was checked even after the keys come back).
inline constexpr const char* kKeyCheckDuty = "key_register_check";
DutyLog key_register_check(const std::vector<const KeyLoan*>& out, const std::string& checker, Timestamp now);

}  // namespace desk
