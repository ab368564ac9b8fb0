#include "core/referral.hpp"

#include "core/text.hpp"

namespace desk {

namespace {
using S = ReferralStatus;
using A = ReferralAction;
constexpr Transition<S, A> kTransitions[] = {{A::record_answer, S::sent, S::answered},
                                             {A::close, S::answered, S::closed}};
}  // namespace

std::span<const Transition<ReferralStatus, ReferralAction>> transitions(const Referral&) {
  return kTransitions;
}

Action create_permission(const Referral&) {
  return Action::record_visit;  // the desk refers what it cannot solve
}

Action permission_for(const Referral&, ReferralAction) {
  return Action::record_visit;
}

void on_action(Referral& r, ReferralAction a, Timestamp now) {
  if (a == A::record_answer) r.answered_at = now;
  if (a == A::close) r.closed_at = now;
}

Errors validate(const Referral& r) {
  Errors errors;
  require_text(errors, r.subject, "subject", "事项", "Subject");
  require_text(errors, r.sent_by, "sent_by", "发出人", "Sent by");
  if (r.source_type.empty() != r.source_id.empty())
    errors.push_back({"source_id", {"来源记录不完整", "The source record is incomplete"}});
  if (r.status != S::sent) {
    require_text(errors, r.answer, "answer", "部门处理情况", "Department's answer");
    require_text(errors, r.answered_by, "answered_by", "部门回复人", "Answered by");
  }
  if (r.answered_at && *r.answered_at < r.sent_at)
    errors.push_back({"answered_at", {"回复时间不能早于发出时间", "The answer cannot come before the referral"}});
  return errors;
}

std::string search_text(const Referral& r) {
  return join_lines({r.subject, r.content, r.unit, r.sent_by, r.answer, r.answered_by});
}

bool is_open(const Referral& r) {
  return !r.meta.deleted && r.status != S::closed;
}

std::optional<Deadline> referral_response_deadline(const Referral& r) {
  return Deadline{r.sent_at + kReferralResponseWindow, r.answered_at};
}

}  // namespace desk
