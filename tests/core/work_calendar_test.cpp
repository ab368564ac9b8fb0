// The working calendar (issue 14): China's holidays and 调休 days from the
// package chinese-days, at their boundaries — holiday eves, 调休 weekend
// days, the year end, a year the package lacks, an override over the package.
// Dates are the State Council's published arrangements (2025, 2026).
#include "core/work_calendar.hpp"

#include <catch2/catch.hpp>

#include "calendar_asset.hpp"

using namespace desk;
using namespace desk::test;

namespace {
WorkCalendar shipped(const std::vector<SpecialDay>& overrides = {}) {
  return WorkCalendar(shipped_calendar(), overrides);
}
}  // namespace

TEST_CASE("calendar dates: weekdays, day arithmetic across month, year and leap day, strict parsing") {
  CHECK(iso_weekday(day(1970, 1, 1)) == 4);  // a Thursday
  CHECK(iso_weekday(day(2026, 12, 3)) == 4);
  CHECK(iso_weekday(day(2026, 12, 6)) == 7);
  CHECK(add_days(day(2026, 12, 31), 1) == day(2027, 1, 1));
  CHECK(add_days(day(2028, 2, 28), 1) == day(2028, 2, 29));
  CHECK(add_days(day(2027, 3, 1), -1) == day(2027, 2, 28));
  CHECK(date_of(from_civil({2026, 12, 31, 23, 59, 59, 999})) == day(2026, 12, 31));
  CHECK(date_of(start_of(day(2027, 1, 1))) == day(2027, 1, 1));
  CHECK(parse_date("2028-02-29") == day(2028, 2, 29));
  CHECK_FALSE(parse_date("2027-02-29"));
  CHECK_FALSE(parse_date("2027-2-1"));
  CHECK_FALSE(parse_date("2027-13-01"));
  CHECK_FALSE(parse_date("２０２７-01-01"));
  CHECK(date_text(day(2027, 1, 4)) == "2027-01-04");
}

TEST_CASE("calendar asset: built from chinese-days, covering every year through this one") {
  const PackageCalendar& p = shipped_calendar();
  CHECK(p.package == "chinese-days");
  CHECK_FALSE(p.version.empty());
  REQUIRE_FALSE(p.years.empty());
  CHECK(*p.years.begin() <= 2025);
  for (int y = *p.years.begin(); y <= *p.years.rbegin(); ++y) CHECK(p.years.count(y) == 1);
  // Each covered year has its days off (元旦 at least) and every day is inside a covered year.
  for (int y : p.years) {
    INFO(y);
    const WorkCalendar c = shipped();
    CHECK_FALSE(c.is_working_day(day(y, 1, 1)));
  }
}

TEST_CASE("calendar asset: a bad file is refused with the place named") {
  const std::string head =
      R"({"format":"desk.calendar","version":1,"package":"chinese-days","package_version":"1.0.0","years":[2026],)";
  auto twice = parse_calendar_asset(
      head +
      R"("days":[{"date":"2026-10-01","kind":"rest_day","name":"国庆节"},{"date":"2026-10-01","kind":"rest_day","name":"国庆节"}]})");
  REQUIRE_FALSE(twice);
  CHECK(twice.errors().front().where == "days[2026-10-01]");
  auto outside = parse_calendar_asset(head + R"("days":[{"date":"2027-01-01","kind":"rest_day","name":"元旦"}]})");
  REQUIRE_FALSE(outside);
  CHECK(outside.errors().front().where == "days[2027-01-01].date");
  auto kind = parse_calendar_asset(head + R"("days":[{"date":"2026-01-01","kind":"holiday","name":"元旦"}]})");
  REQUIRE_FALSE(kind);
  CHECK(kind.errors().front().where == "days[2026-01-01].kind");
  CHECK_FALSE(parse_calendar_asset(R"({"format":"desk.duties","version":1})"));
  CHECK_FALSE(parse_calendar_asset("{\"format\":"));
}

TEST_CASE("(rule) calendar_working_day: weekends rest and weekdays work where the package says nothing") {
  const WorkCalendar none;                             // no data at all
  CHECK(none.is_working_day(day(2026, 12, 4)));        // Friday
  CHECK_FALSE(none.is_working_day(day(2026, 12, 5)));  // Saturday
  CHECK_FALSE(none.is_working_day(day(2026, 12, 6)));  // Sunday
  CHECK(shipped().is_working_day(day(2026, 12, 4)));
  CHECK_FALSE(shipped().is_working_day(day(2026, 12, 5)));
}

TEST_CASE("(rule) calendar_working_day: holiday eves work, the holiday rests, 调休 weekend days work") {
  const WorkCalendar c = shipped();
  // 2025 National Day and Mid-autumn: 10-01 … 10-08 off, Sunday 09-28 and Saturday 10-11 worked.
  CHECK(c.is_working_day(day(2025, 9, 30)));  // the eve
  for (int d = 1; d <= 8; ++d) CHECK_FALSE(c.is_working_day(day(2025, 10, d)));
  CHECK(c.is_working_day(day(2025, 9, 28)));   // 调休 Sunday
  CHECK(c.is_working_day(day(2025, 10, 11)));  // 调休 Saturday
  CHECK_FALSE(c.is_working_day(day(2025, 10, 12)));
  // 2026 Spring Festival: Saturday 02-14 and 02-28 worked, 02-15 … 02-23 off.
  CHECK(c.is_working_day(day(2026, 2, 14)));
  CHECK_FALSE(c.is_working_day(day(2026, 2, 23)));  // a Monday inside the holiday
  CHECK(c.is_working_day(day(2026, 2, 28)));
  REQUIRE(c.special(day(2026, 2, 14)));
  CHECK(c.special(day(2026, 2, 14))->kind == DayKind::working_day);
  CHECK(c.special(day(2026, 2, 14))->name == "春节");
}

TEST_CASE("(rule) next_working_day: over a holiday, onto a 调休 Saturday, across the year end") {
  const WorkCalendar c = shipped();
  CHECK(c.next_working_day(day(2025, 9, 30)) == day(2025, 10, 9));    // the eve → after the week off
  CHECK(c.next_working_day(day(2026, 2, 13)) == day(2026, 2, 14));    // Friday → the 调休 Saturday
  CHECK(c.next_working_day(day(2026, 10, 9)) == day(2026, 10, 10));   // Friday → 调休 Saturday
  CHECK(c.next_working_day(day(2026, 10, 10)) == day(2026, 10, 12));  // Saturday worked → Monday
  // 2025 → 2026: 元旦 01-01 … 01-03 off, Sunday 01-04 worked.
  CHECK(c.next_working_day(day(2025, 12, 31)) == day(2026, 1, 4));
  // Strictly after: a working day is not its own next working day.
  CHECK(c.next_working_day(day(2026, 12, 3)) == day(2026, 12, 4));
  CHECK(c.next_working_day(day(2026, 12, 4)) == day(2026, 12, 7));  // Friday → Monday
}

TEST_CASE("(rule) next_working_day_start: a Friday 17:40 promise before a holiday is called after it") {
  const WorkCalendar c = shipped();
  const SiteSchedule nine{9 * 60}, half_past_eight{8 * 60 + 30};
  // 清明 2026: Saturday 04-04 … Monday 04-06 off.
  const Timestamp friday = from_civil({2026, 4, 3, 17, 40});
  CHECK(c.next_working_day_start(friday, nine) == from_civil({2026, 4, 7, 9, 0}));
  CHECK(c.next_working_day_start(friday, half_past_eight) == from_civil({2026, 4, 7, 8, 30}));
  // Late at night on the eve of National Day 2026 (10-01 … 10-07 off).
  CHECK(c.next_working_day_start(from_civil({2026, 9, 30, 23, 59}), nine) == from_civil({2026, 10, 8, 9, 0}));
  // Just after midnight is already the next day.
  CHECK(c.next_working_day_start(from_civil({2026, 10, 1, 0, 0}), nine) == from_civil({2026, 10, 8, 9, 0}));
}

TEST_CASE("(rule) calendar_year_known: a year the package lacks counts Monday–Friday until entered") {
  const PackageCalendar& p = shipped_calendar();
  const int missing = *p.years.rbegin() + 1;
  const WorkCalendar c = shipped();
  CHECK(c.knows_year(*p.years.rbegin()));
  CHECK_FALSE(c.knows_year(missing));
  // Unknown 1 January: the weekday rule alone (1 January is a holiday every year, so this is what the warning is for).
  const CalendarDate jan1{missing, 1, 1};
  CHECK(c.is_working_day(jan1) == (iso_weekday(jan1) <= 5));
  // The supervisor enters 元旦 and a 调休 Saturday: the year is known and both days follow the entries.
  CalendarDate saturday = jan1;
  while (iso_weekday(saturday) != 6) saturday = add_days(saturday, 1);
  const WorkCalendar entered =
      shipped({{jan1, DayKind::rest_day, "元旦"}, {saturday, DayKind::working_day, "元旦调休"}});
  CHECK(entered.knows_year(missing));
  CHECK_FALSE(entered.is_working_day(jan1));
  CHECK(entered.is_working_day(saturday));
  // The year end of the last covered year now steps over the entered 元旦.
  const CalendarDate dec31{missing - 1, 12, 31};
  CalendarDate expected = add_days(dec31, 1);
  while (!entered.is_working_day(expected)) expected = add_days(expected, 1);
  CHECK(expected != jan1);
  CHECK(entered.next_working_day(dec31) == expected);
  // Only make-up working days do not make a year known: an arrangement always has days off.
  CHECK_FALSE(shipped({{saturday, DayKind::working_day, "调休"}}).knows_year(missing));
}

TEST_CASE("(rule) calendar_working_day: the site's override beats the package") {
  const WorkCalendar c = shipped(
      {{day(2025, 10, 8), DayKind::working_day, "本站值班"}, {day(2025, 10, 11), DayKind::rest_day, "本站调整"}});
  CHECK(c.is_working_day(day(2025, 10, 8)));         // the package says 国庆节 off
  CHECK_FALSE(c.is_working_day(day(2025, 10, 11)));  // the package says 调休上班
  CHECK(c.overridden(day(2025, 10, 8)));
  CHECK(c.special(day(2025, 10, 8))->name == "本站值班");
  CHECK(c.next_working_day(day(2025, 9, 30)) == day(2025, 10, 8));
  CHECK(c.next_working_day(day(2025, 10, 10)) == day(2025, 10, 13));
}

TEST_CASE("(rule) next_working_day: a site that marks years off does not hang the desk") {
  std::vector<SpecialDay> off;
  for (CalendarDate d{2030, 1, 1}; d.year <= 2031; d = add_days(d, 1)) off.push_back({d, DayKind::rest_day, "停业"});
  const WorkCalendar c(PackageCalendar{}, off);
  CHECK(c.next_working_day(day(2029, 12, 28)) == day(2029, 12, 31));  // before them, as usual
  // Two years off: the search stops 400 days on rather than looping.
  CHECK(c.next_working_day(day(2029, 12, 31)) == add_days(day(2029, 12, 31), 401));
  CHECK_FALSE(c.is_working_day(c.next_working_day(day(2029, 12, 31))));
}

TEST_CASE("(rule) calendar_missing_year_warning: from 1 December while next year is unknown") {
  const int last = *shipped_calendar().years.rbegin();
  const WorkCalendar c = shipped();
  CHECK_FALSE(calendar_missing_year_warning(c, from_civil({last, 11, 30, 23, 59, 59, 999})));
  auto dec1 = calendar_missing_year_warning(c, from_civil({last, 12, 1, 0, 0}));
  REQUIRE(dec1);
  CHECK(dec1->zh.find(std::to_string(last + 1)) != std::string::npos);
  CHECK(dec1->zh.find("工作日历设置") != std::string::npos);
  CHECK(dec1->en.find(std::to_string(last + 1)) != std::string::npos);
  // Still warned in the new year while it is unknown.
  CHECK(calendar_missing_year_warning(c, from_civil({last + 1, 3, 1, 9, 0})));
  // Entered: no warning.
  const WorkCalendar entered = shipped({{day(last + 1, 1, 1), DayKind::rest_day, "元旦"}});
  CHECK_FALSE(calendar_missing_year_warning(entered, from_civil({last, 12, 1, 0, 0})));
  CHECK_FALSE(calendar_missing_year_warning(entered, from_civil({last + 1, 3, 1, 9, 0})));
}
