#include "core/calendar_override.hpp"

#include <map>

#include "core/text.hpp"

namespace desk {

Action create_permission(const CalendarOverride&) {
  return Action::set_work_calendar;
}

Errors validate(const CalendarOverride& c) {
  Errors errors;
  const auto d = parse_date(trim(c.date));
  if (!d || d->year < 2000 || d->year > 2100)
    errors.push_back({"date",
                      {"日期应为 YYYY-MM-DD 格式的真实日期（2000–2100 年）",
                       "The date must be a real day, YYYY-MM-DD (2000–2100)"}});
  require_text(errors, c.name, "name", "节日名称", "Holiday");
  return errors;
}

std::string search_text(const CalendarOverride& c) {
  return join_lines({c.date, c.name, c.note});
}

std::optional<FieldError> check_override_unique(const std::vector<CalendarOverride>& rows,
                                                const CalendarOverride* stored, const CalendarOverride& next) {
  if (next.meta.deleted) return std::nullopt;
  for (const auto& r : rows)
    if (!r.meta.deleted && r.date == trim(next.date) && (!stored || r.meta.id != stored->meta.id))
      return FieldError{"date",
                        {trim(next.date) + " 已有工作日历设置（" + r.name + "），请修改那一条",
                         trim(next.date) + " already has an entry (" + r.name + "); edit that one"}};
  return std::nullopt;
}

std::vector<SpecialDay> live_overrides(const std::vector<CalendarOverride>& rows) {
  std::map<CalendarDate, const CalendarOverride*> winner;
  for (const auto& r : rows) {
    if (r.meta.deleted) continue;
    const auto d = parse_date(trim(r.date));
    if (!d) continue;
    const CalendarOverride*& w = winner[*d];
    if (!w || r.meta.updated_at > w->meta.updated_at ||
        (r.meta.updated_at == w->meta.updated_at && r.meta.id > w->meta.id))
      w = &r;
  }
  std::vector<SpecialDay> out;
  for (const auto& [date, r] : winner) out.push_back({date, r->kind, trim(r->name)});
  return out;
}

WorkCalendar site_calendar(const PackageCalendar& package, const std::vector<CalendarOverride>& rows) {
  return WorkCalendar(package, live_overrides(rows));
}

}  // namespace desk
