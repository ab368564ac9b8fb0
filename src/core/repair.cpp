#include "core/repair.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
using S = RepairStatus;
using A = RepairAction;
constexpr Transition<S, A> kTransitions[] = {
    {A::dispatch, S::reported, S::dispatched},  {A::arrive, S::dispatched, S::arrived},
    {A::reschedule, S::arrived, S::dispatched}, {A::decline, S::arrived, S::declined},
    {A::finish, S::arrived, S::finished},       {A::accept, S::finished, S::accepted},
    {A::start_work, S::arrived, S::working},    {A::finish, S::working, S::finished},
    {A::callback, S::accepted, S::called_back},
};
}  // namespace

std::span<const Transition<RepairStatus, RepairAction>> transitions(const Repair&) {
  return kTransitions;
}

Action create_permission(const Repair&) {
  return Action::record_repair;
}

Action permission_for(const Repair&, RepairAction a) {
  switch (a) {
    case A::dispatch:
      return Action::dispatch_repair;
    case A::arrive:
    case A::reschedule:
    case A::decline:
    case A::start_work:
    case A::finish:
      return Action::work_repair;
    case A::accept:
      return Action::accept_repair;
    case A::callback:
      return Action::record_callback;
  }
  return Action::record_callback;
}

void on_action(Repair& r, RepairAction a, Timestamp now) {
  switch (a) {
    case A::dispatch:
      r.dispatched_at = now;
      break;
    case A::arrive:
      r.arrived_at = now;
      break;
    case A::reschedule:  // a new visit: the next arrival is stamped again
      r.arrived_at.reset();
      break;
    case A::finish:
      r.finished_at = now;
      break;
    case A::accept:
      r.accepted_at = now;
      break;
    case A::callback:
      r.called_back_at = now;
      break;
    case A::start_work:
      r.started_at = now;
      break;
    case A::decline:
      break;
  }
}

void on_action(Repair& r, RepairAction a, const Actor& actor) {
  on_action(r, a, actor.now);
  if (a == A::start_work && r.paid && r.customer_agreed) {
    r.agreed_at = actor.now;
    r.agreement_recorded_by = actor.staff;
  }
}

Errors validate(const Repair& r) {
  Errors errors;
  require_text(errors, r.unit, "unit", "楼栋-房号/位置", "Unit / place");
  require_text(errors, r.description, "description", "报修内容", "Description");
  require_text(errors, r.received_by, "received_by", "受理人", "Received by");
  check_phone(errors, r.phone);
  const bool dispatched = r.status != S::reported;
  if (dispatched) require_text(errors, r.technician, "technician", "维修人员", "Technician");
  // SPEC §3: 普通 → an appointment agreed with the customer.
  if (dispatched && r.urgency == Urgency::normal && !r.appointment)
    errors.push_back({"appointment", {"普通报修请与客户约定上门时间", "Agree an appointment time with the customer"}});
  if (!r.unfixable_reason.empty() && r.status == S::dispatched && !r.appointment)
    errors.push_back({"appointment", {"改约时请填写新的预约时间", "Give the new appointment time"}});
  if (r.fee.fen < 0) errors.push_back({"fee", {"收费不能为负数", "The fee cannot be negative"}});
  if (r.fee.fen > kMaxMoneyFen) errors.push_back({"fee", money_too_large({"收费", "The fee"})});
  if (!r.paid && r.fee.fen > 0) errors.push_back({"fee", {"无偿服务不收费", "A free service has no fee"}});
  // SPEC §3: paid work is quoted and agreed before it starts; declined → the job ends.
  const bool started = one_of(r.status, {S::working, S::finished, S::accepted, S::called_back});
  if (r.paid && (started || r.status == S::declined))
    require_text(errors, r.quote, "quote", "工时、材料及收费标准", "Quote");
  if (r.paid && started && !r.customer_agreed)
    errors.push_back({"customer_agreed",
                      {"有偿维修须先征得客户同意收费标准再开工", "Paid work needs the customer's agreement first"}});
  // Issue 14 item 8: paid work goes through 开工, where the agreement is recorded.
  if (r.paid && started && r.customer_agreed && !r.started_at)
    errors.push_back({"started_at",
                      {"有偿维修须在客户同意收费后先「开工」，再完工",
                       "Paid work is started (开工) after the agreement, before it is finished"}});
  if (r.status == S::declined && !r.paid)
    errors.push_back({"paid", {"只有有偿维修才会因报价被谢绝", "Only paid work can be declined over the quote"}});
  if (r.status == S::declined && r.customer_agreed)
    errors.push_back({"customer_agreed", {"客户已同意，不能记为谢绝", "The customer agreed; it is not declined"}});
  if (one_of(r.status, {S::finished, S::accepted, S::called_back}))
    require_text(errors, r.work_done, "work_done", "维修情况", "Work done");
  if (one_of(r.status, {S::accepted, S::called_back})) {
    require_text(errors, r.signed_by, "signed_by", "验收客户", "Accepted by");
    // Seed 002 (rule): the customer signs the work order on acceptance — on
    // the screen, or on the paper sheet whose number is kept.
    if (!signature_valid(r.customer_signature))
      errors.push_back({"customer_signature",
                        {"请客户在签字框内签字，或勾选纸质签字并填写单号",
                         "Have the customer sign in the box, or tick paper signature and give the sheet number"}});
    if (r.paid && r.fee.fen > 0 && !r.fee_collected)
      errors.push_back({"fee_collected", {"有偿维修须现场收费后验收", "Collect the fee before acceptance"}});
  }
  if (r.handed_to_cashier && !r.fee_collected)
    errors.push_back({"handed_to_cashier", {"尚未收费，不能交房管员", "Nothing collected to hand over"}});
  if (r.appointment && *r.appointment < r.received_at)
    errors.push_back({"appointment", {"预约时间不能早于报修时间", "The appointment cannot be before the request"}});
  return errors;
}

std::string search_text(const Repair& r) {
  return join_lines({r.requester, r.unit, r.phone, r.description, r.technician, r.work_done, r.received_by});
}

std::string next_work_order_number(const std::vector<Repair>& repairs, Timestamp received_at) {
  const std::string month = format_local(received_at).substr(0, 7);  // 2026-12
  long highest = 0;
  for (const Repair& r : repairs) {
    if (r.order_no.size() < 9 || r.order_no.compare(0, 7, month) != 0 || r.order_no[7] != '-') continue;
    long n = 0;
    bool digits = true;
    for (std::size_t i = 8; i < r.order_no.size() && digits; ++i) {
      digits = r.order_no[i] >= '0' && r.order_no[i] <= '9' && n < 100000000;
      n = n * 10 + (r.order_no[i] - '0');
    }
    if (digits) highest = std::max(highest, n);
  }
  char out[32];
  std::snprintf(out, sizeof out, "%s-%04ld", month.c_str(), highest + 1);
  return out;
}

bool is_open(const Repair& r) {
  return !r.meta.deleted && one_of(r.status, {S::reported, S::dispatched, S::arrived, S::working, S::finished});
}

std::optional<Deadline> repair_emergency_arrival_deadline(const Repair& r) {
  if (r.urgency != Urgency::emergency) return std::nullopt;
  return held_deadline(Deadline{r.received_at + kEmergencyArrivalWindow, r.arrived_at}, r.holds, r.received_at);
}

std::optional<Deadline> repair_appointment_deadline(const Repair& r) {
  if (r.urgency != Urgency::normal || !r.appointment) return std::nullopt;
  return held_deadline(Deadline{*r.appointment, r.arrived_at}, r.holds, r.received_at);
}

}  // namespace desk
