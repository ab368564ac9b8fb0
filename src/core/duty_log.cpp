#include "core/duty_log.hpp"

#include "core/text.hpp"

namespace desk {

Action create_permission(const DutyLog&) {
  return Action::record_duty;
}

Errors validate(const DutyLog& d) {
  Errors errors;
  if (trim(d.duty).empty()) errors.push_back({"duty", {"请选择例行工作", "Choose the duty"}});
  require_text(errors, d.done_by, "done_by", "负责人", "Done by");
  for (std::size_t i = 0; i < d.attendees.size(); ++i)
    if (trim(d.attendees[i]).empty())
      errors.push_back({"attendees[" + std::to_string(i) + "]", {"参加人员姓名为空", "An attendee has no name"}});
  // SPEC §10: water tanks are cleaned with a water sample sent for testing.
  if (d.duty == "water_tank_cleaning" && !d.water_sample_sent)
    errors.push_back({"water_sample_sent", {"水池清洗须送水样检测", "Send a water sample with the tank cleaning"}});
  return errors;
}

std::string search_text(const DutyLog& d) {
  std::string s = join_lines({d.duty, d.done_by, d.issues, d.actions, d.note});
  for (const auto& a : d.attendees) s += "\n" + a;
  return s;
}

}  // namespace desk
