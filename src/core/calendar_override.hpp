// 工作日历设置 — the site's own entries of the working calendar (issue 14): a
// day off (放假) or a make-up working day (调休上班) for a year the package
// does not know yet, or a correction of the package. A record like any other:
// history, export, merge. Entered by a supervisor or above.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/record.hpp"
#include "core/work_calendar.hpp"

namespace desk {

struct CalendarOverride {
  static constexpr const char* kType = "calendar_override";
  RecordMeta meta;

  std::string date;  // "2027-02-06"
  DayKind kind = DayKind::rest_day;
  std::string name;  // 春节, 春节调休 …
  std::string note;  // where it comes from (国务院办公厅通知 …)

  bool operator==(const CalendarOverride&) const = default;
  static constexpr auto fields() {
    using C = CalendarOverride;
    return std::tuple{
        Field{"date", &C::date, "日期", "Date"},
        Field{"kind", &C::kind, "安排", "Arrangement"},
        Field{"name", &C::name, "节日名称", "Holiday"},
        Field{"note", &C::note, "依据/备注", "Source / note"},
    };
  }
};

Action create_permission(const CalendarOverride&);
// The date must be a real day (YYYY-MM-DD, 2000–2100) and the holiday named.
Errors validate(const CalendarOverride& c);
std::string search_text(const CalendarOverride& c);

// (rule) calendar_override_one_per_date: a date has at most one live
// override at a desk; a second is refused (edit the first instead).
std::optional<FieldError> check_override_unique(const std::vector<CalendarOverride>& rows,
                                                const CalendarOverride* stored, const CalendarOverride& next);

// (rule) calendar_override_winner: the live overrides as calendar entries.
// Two desks may each have entered the same date before their data merged:
// the one changed last wins (then the larger id), so every desk agrees.
std::vector<SpecialDay> live_overrides(const std::vector<CalendarOverride>& rows);

// The site's working calendar: the package's data and the live overrides.
WorkCalendar site_calendar(const PackageCalendar& package, const std::vector<CalendarOverride>& rows);

}  // namespace desk
