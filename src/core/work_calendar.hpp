// 工作日历 — which days are working days at the site (issue 14): China's
// public holidays (放假) and 调休 make-up working days from the npm package
// chinese-days (turned into calendar.json at build time by
// web/calendar_asset.mjs), corrected and extended by the site's own
// overrides (calendar_override.hpp). Pure: callers pass the asset's text.
#pragma once
#include <compare>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/enums.hpp"
#include "core/errors.hpp"
#include "core/time.hpp"

namespace desk {

// A day of the site's calendar (UTC+8, time.hpp).
struct CalendarDate {
  int year = 1970, month = 1, day = 1;
  auto operator<=>(const CalendarDate&) const = default;
};
CalendarDate date_of(Timestamp t);   // the site-local date of an instant
Timestamp start_of(CalendarDate d);  // site midnight
CalendarDate add_days(CalendarDate d, int days);
int iso_weekday(CalendarDate d);  // 1 = Monday … 7 = Sunday
// Strict "YYYY-MM-DD" of a real day in 1970–9999; nothing otherwise.
std::optional<CalendarDate> parse_date(std::string_view s);
std::string date_text(CalendarDate d);  // "2027-02-06"

// What the State Council's arrangement says about a day.
enum class DayKind { rest_day, working_day };
DESK_ENUM_TABLE(DayKind, {DayKind::rest_day, "rest_day", "放假", "Day off"},
                {DayKind::working_day, "working_day", "调休上班", "Make-up working day"})

struct SpecialDay {
  CalendarDate date;
  DayKind kind = DayKind::rest_day;
  std::string name;  // 春节, 国庆节 …
  bool operator==(const SpecialDay&) const = default;
};

// The package's data as the build wrote it: which years it covers and their days.
struct PackageCalendar {
  std::string package;  // "chinese-days"
  std::string version;  // "1.5.7"
  std::set<int> years;
  std::vector<SpecialDay> days;
};
// Reads calendar.json ({"format": "desk.calendar", "version": 1, "package",
// "package_version", "years": [...], "days": [{"date", "kind", "name"}]}).
// Strict: a bad date, a day outside the listed years, a date listed twice is
// refused with its place named.
Expected<PackageCalendar> parse_calendar_asset(std::string_view text);

// Where the site's working day starts (a site setting, 09:00 by default);
// the morning briefing (duties.hpp) and the first working hour of a day use it.
struct SiteSchedule {
  int shift_start = 9 * 60;  // minutes after midnight
};

class WorkCalendar {
 public:
  // Without data every Monday–Friday is a working day.
  WorkCalendar() = default;
  WorkCalendar(const PackageCalendar& package, const std::vector<SpecialDay>& overrides);

  // (rule) calendar_working_day: an override of the site decides first, then
  // the package's 放假/调休上班, then Monday–Friday works and the weekend rests.
  bool is_working_day(CalendarDate d) const;
  // (rule) next_working_day: the first working day strictly after `d` (after
  // t's site-local date). Searches at most 400 days; should a site mark a
  // whole year off, the day 400 days on is returned rather than looping.
  CalendarDate next_working_day(CalendarDate d) const;
  CalendarDate next_working_day(Timestamp t) const { return next_working_day(date_of(t)); }
  // The first working hour of the next working day after t: its shift start.
  Timestamp next_working_day_start(Timestamp t, const SiteSchedule& site) const;

  // (rule) calendar_year_known: the package covers the year, or the site has
  // entered at least one 放假 day of it (an arrangement always has holidays).
  bool knows_year(int year) const;
  // The package's or the site's entry deciding `d`, if any (override first).
  const SpecialDay* special(CalendarDate d) const;
  bool overridden(CalendarDate d) const { return overrides_.count(d) > 0; }
  const std::set<int>& package_years() const { return package_years_; }

 private:
  std::map<CalendarDate, SpecialDay> package_, overrides_;
  std::set<int> package_years_, override_years_;
};

// (rule) calendar_missing_year_warning — issue 14: the State Council publishes
// the next year's arrangement in November/December, so from 1 December the
// desk warns while next year is unknown (and in any month while this year is).
std::optional<Msg> calendar_missing_year_warning(const WorkCalendar& calendar, Timestamp now);

}  // namespace desk
