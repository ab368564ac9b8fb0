#include "core/gas_check.hpp"

#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
using S = GasCheckStatus;
using A = GasCheckAction;
constexpr Transition<S, A> kTransitions[] = {
    {A::confirm, S::planned, S::confirmed},
    {A::check, S::confirmed, S::checked},
    {A::cancel, S::planned, S::cancelled},
    {A::cancel, S::confirmed, S::cancelled},
};
Timestamp midnight(Timestamp t) {
  const CivilTime c = to_civil(t);
  return from_civil(CivilTime{c.year, c.month, c.day});
}
}  // namespace

std::span<const Transition<GasCheckStatus, GasCheckAction>> transitions(const GasCheck&) {
  return kTransitions;
}

Action create_permission(const GasCheck&) {
  return Action::record_repair;  // planned by the desk or the engineering staff
}

Action permission_for(const GasCheck&, GasCheckAction a) {
  return a == A::check ? Action::work_repair : Action::record_repair;
}

void on_action(GasCheck& g, GasCheckAction a, Timestamp now) {
  if (a == A::confirm) g.phoned_at = now;
  if (a == A::check) g.checked_at = now;
}

void on_action(GasCheck& g, GasCheckAction a, const Actor& actor) {
  on_action(g, a, actor.now);
  if (a == A::confirm) g.phoned_by = actor.staff;
}

Errors validate(const GasCheck& g) {
  Errors errors;
  require_text(errors, g.unit, "unit", "楼栋-房号", "Unit");
  check_phone(errors, g.phone);
  if (g.status == S::checked) {
    require_text(errors, g.technician, "technician", "检查人员", "Technician");
    require_text(errors, g.result, "result", "检查结果", "Result");
  }
  return errors;
}

std::string search_text(const GasCheck& g) {
  return join_lines({g.unit, g.owner, g.phone, g.technician, g.result, g.note});
}

bool is_open(const GasCheck& g) {
  return !g.meta.deleted && (g.status == S::planned || g.status == S::confirmed);
}

Timestamp gas_check_notice_day(const GasCheck& g) {
  return midnight(g.check_on) + (-kDay);
}

std::optional<Deadline> gas_check_notice_deadline(const GasCheck& g) {
  if (g.status == S::cancelled) return std::nullopt;
  return Deadline{midnight(g.check_on) + (-1), g.phoned_at};  // the day before's last millisecond
}

const std::vector<std::string>& gas_check_call_script() {
  static const std::vector<std::string> script = {
      "您好，我是物业服务中心的客服员，工程部明天为业主免费检查和测试煤气的安全使用。",
      "请问明天什么时间方便上门？我们会先按门铃，讲明来意，经您同意后才入户。",
      "检查时需要移动物品会先征得您同意，完成后请您在维修服务单上签名确认。谢谢！",
  };
  return script;
}

}  // namespace desk
