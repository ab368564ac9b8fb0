#include "core/visit.hpp"

#include "core/text.hpp"

namespace desk {

Timestamp inquiry_promise_due(const Visit& v) {
  return v.time + kInquiryPromiseWindow;
}

std::optional<Deadline> inquiry_promise_deadline(const Visit& v) {
  if (v.outcome != VisitOutcome::promised_24h) return std::nullopt;
  return Deadline{inquiry_promise_due(v), v.follow_up_done};
}

Timestamp inquiry_call_due(const Visit& v, const WorkCalendar& calendar, const SiteSchedule& site) {
  return calendar.next_working_day_start(v.time, site);
}

std::optional<Deadline> inquiry_call_deadline(const Visit& v, const WorkCalendar& calendar, const SiteSchedule& site) {
  if (v.outcome != VisitOutcome::promised_24h) return std::nullopt;
  return Deadline{inquiry_call_due(v, calendar, site), v.follow_up_done};
}

Action create_permission(const Visit&) {
  return Action::record_visit;
}

bool plausible_phone(const std::string& phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+' && i == 0) {
    } else if ((c == '-' || c == ' ') && digits > 0 && i + 1 < phone.size()) {
    } else {
      return false;
    }
  }
  return digits >= 7 && digits <= 20;
}

void check_phone(Errors& errors, const std::string& phone, const char* key) {
  if (!trim(phone).empty() && !plausible_phone(trim(phone)))
    errors.push_back({key,
                      {"电话号码格式不对（7–20 位数字，可含 - 或空格）",
                       "Phone number looks wrong (7–20 digits, '-' or spaces allowed)"}});
}

Errors validate(const Visit& v) {
  Errors errors;
  require_text(errors, v.content, "content", "来访内容", "Content");
  require_text(errors, v.received_by, "received_by", "接待人", "Received by");
  check_phone(errors, v.phone);
  if (v.outcome == VisitOutcome::promised_24h) {
    // SPEC §1: the promise needs the visitor's name and phone to call back.
    if (trim(v.visitor_name).empty())
      errors.push_back(
          {"visitor_name", {"承诺24小时内答复时必须登记访客姓名", "A 24-hour promise needs the visitor's name"}});
    if (trim(v.phone).empty())
      errors.push_back({"phone", {"承诺24小时内答复时必须登记联系电话", "A 24-hour promise needs a phone number"}});
  }
  const bool answered = v.outcome == VisitOutcome::answered_on_spot ||
                        v.outcome == VisitOutcome::answered_after_colleague ||
                        v.outcome == VisitOutcome::answered_after_outside_inquiry;
  if (answered) require_text(errors, v.answer, "answer", "答复内容", "Answer given");
  if (v.outcome == VisitOutcome::answered_after_colleague && v.consulted == Consulted::none)
    errors.push_back({"consulted", {"请选择请教了谁", "Choose whom you asked"}});
  if (v.follow_up_done && v.outcome != VisitOutcome::promised_24h)
    errors.push_back({"follow_up_done", {"只有承诺答复的来访才需回复", "Only a promised answer has a follow-up"}});
  if (v.follow_up_done && *v.follow_up_done < v.time)
    errors.push_back({"follow_up_done", {"回复时间不能早于来访时间", "The follow-up cannot be before the visit"}});
  return errors;
}

std::string search_text(const Visit& v) {
  return join_lines({v.visitor_name, v.unit, v.company, v.phone, v.content, v.answer, v.follow_up_note, v.received_by});
}

}  // namespace desk
