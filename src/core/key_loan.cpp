#include "core/key_loan.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
using S = KeyLoanStatus;
using A = KeyLoanAction;
constexpr Transition<S, A> kTransitions[] = {{A::give_back, S::out, S::returned}, {A::report_lost, S::out, S::lost}};
}  // namespace

std::span<const Transition<KeyLoanStatus, KeyLoanAction>> transitions(const KeyLoan&) {
  return kTransitions;
}
Action create_permission(const KeyLoan&) {
  return Action::lend_key;
}
Action permission_for(const KeyLoan&, KeyLoanAction) {
  return Action::lend_key;
}
void on_action(KeyLoan& k, KeyLoanAction a, Timestamp now) {
  if (a == A::give_back) k.returned_at = now;
}

Errors validate(const KeyLoan& k) {
  Errors errors;
  require_text(errors, k.key, "key", "钥匙（单元/房间）", "Key");
  require_text(errors, k.borrower, "borrower", "借用人", "Borrower");
  require_text(errors, k.purpose, "purpose", "借用事由", "Purpose");
  require_text(errors, k.lent_by, "lent_by", "经手人", "Lent by");
  // SPEC §6: contractors never borrow directly.
  if (k.contractor && trim(k.responsible_staff).empty())
    errors.push_back({"responsible_staff",
                      {"施工单位不能直接借钥匙，须由员工代借并负责", "A staff member must borrow for a contractor"}});
  check_phone(errors, k.phone);
  if (k.expected_return <= k.out_at)
    errors.push_back({"expected_return", {"预计归还时间应晚于借出时间", "Expected return must be after lending"}});
  if (k.status == S::returned) {
    if (!k.power_off) errors.push_back({"power_off", {"归还时请确认已断电", "Confirm the power is off"}});
    if (!k.windows_closed)
      errors.push_back({"windows_closed", {"归还时请确认门窗已关", "Confirm the windows are closed"}});
  }
  if (k.status == S::lost && !k.reported_to_supervisor)
    errors.push_back(
        {"reported_to_supervisor", {"钥匙遗失/损坏须报告主管", "Report a lost or damaged key to the supervisor"}});
  return errors;
}

std::string search_text(const KeyLoan& k) {
  return join_lines({k.key, k.borrower, k.responsible_staff, k.phone, k.purpose, k.note});
}
bool is_open(const KeyLoan& k) {
  return !k.meta.deleted && k.status == S::out;
}
std::optional<Deadline> key_return_deadline(const KeyLoan& k) {
  if (k.status == S::lost) return std::nullopt;
  return Deadline{k.expected_return, k.returned_at};
}

std::vector<const KeyLoan*> keys_out(const std::vector<KeyLoan>& loans) {
  std::vector<const KeyLoan*> out;
  for (const auto& k : loans)
    if (!k.meta.deleted && k.status == S::out) out.push_back(&k);
  std::stable_sort(out.begin(), out.end(), [](const KeyLoan* a, const KeyLoan* b) { return a->out_at < b->out_at; });
  return out;
}

Msg key_out_line(const KeyLoan& k, Timestamp now) {
  const std::string since = format_local(k.out_at).substr(5);  // MM-DD HH:MM
  std::string zh = k.key + " · " + k.borrower + (k.contractor ? "（施工）" : "");
  std::string en = k.key + " · " + k.borrower + (k.contractor ? " (contractor)" : "");
  const std::string& responsible = k.responsible_staff.empty() ? k.lent_by : k.responsible_staff;
  if (!responsible.empty()) zh += " · 责任人 " + responsible, en += " · responsible " + responsible;
  zh += " · 借出 " + since, en += " · out since " + since;
  if (now > k.expected_return) zh += " · 已逾期", en += " · overdue";
  return {zh, en};
}

DutyLog key_register_check(const std::vector<const KeyLoan*>& out, const std::string& checker, Timestamp now) {
  DutyLog d;
  d.duty = kKeyCheckDuty;
  d.done_at = now;
  d.done_by = checker;
  if (out.empty()) {
    d.note = "钥匙已全部收回";
    return d;
  }
  d.note = "未收回 " + std::to_string(out.size()) + " 把：";
  for (std::size_t i = 0; i < out.size(); ++i) d.note += (i ? "；" : "") + key_out_line(*out[i], now).zh;
  return d;
}

}  // namespace desk
