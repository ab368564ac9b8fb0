#include "core/inspection.hpp"

#include <vector>

#include "core/text.hpp"

namespace desk {

Action create_permission(const Inspection&) {
  return Action::record_inspection;
}

Errors validate(const Inspection& i) {
  Errors errors;
  require_text(errors, i.area, "area", "检查区域", "Area");
  require_text(errors, i.inspector, "inspector", "检查人", "Inspector");
  if (i.problems < 0 || i.problems > 1000)
    errors.push_back({"problems", {"问题数应为 0–1000", "Problems must be 0–1000"}});
  if (i.problems > 0 && trim(i.findings).empty())
    errors.push_back({"findings", {"有问题时请写明发现的问题", "Describe the problems found"}});
  return errors;
}

std::string search_text(const Inspection& i) {
  return join_lines({i.area, i.inspector, i.findings, i.rectification});
}

Deadline daily_check_deadline(std::span<const Inspection> all, const std::string& area, Timestamp day) {
  const Timestamp start = start_of_day(day);
  const Deadline none{start + kDailyCheckHour * kHour, std::nullopt};
  Deadline d = none;
  for (const auto& i : all) {
    if (i.meta.deleted || i.kind != InspectionKind::daily || i.area != area) continue;
    if (i.at < start || !(i.at < start + kDay)) continue;
    if (!d.done || i.at < *d.done) d.done = i.at;
  }
  return d;
}

std::optional<Grade> monthly_grade_of(std::span<const Inspection> all, const std::string& area, int year, int month) {
  const Timestamp from = from_civil({year, month, 1});
  const Timestamp until = from_civil({year, month, kMonthlyGradeDay}) + kDay;
  std::vector<Grade> weekly;
  for (const auto& i : all)
    if (!i.meta.deleted && i.kind == InspectionKind::weekly && i.area == area && !(i.at < from) && i.at < until)
      weekly.push_back(weekly_grade(i.problems));
  if (weekly.empty()) return std::nullopt;
  return monthly_grade(weekly);
}

}  // namespace desk
