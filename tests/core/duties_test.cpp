#include "core/duties.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/fields.hpp"

using namespace desk;

namespace {

std::string shipped_duties() {
  std::ifstream in(std::string(DESK_SOURCE_DIR) + "/assets/duties.json", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

DutyRule duty(const std::string& code) {
  auto parsed = parse_duties(shipped_duties());
  REQUIRE(parsed.ok());
  const DutyRule* d = find_duty(parsed.value(), code);
  REQUIRE(d);
  return *d;
}

template <class Edit>
Errors refused_after(Edit edit) {
  json doc = json::parse(shipped_duties());
  edit(doc);
  auto parsed = parse_duties(doc.dump());
  REQUIRE_FALSE(parsed.ok());
  return parsed.errors();
}

json& duty_json(json& doc, const std::string& code) {
  for (auto& d : doc["duties"])
    if (d["code"] == code) return d;
  FAIL("no duty " << code);
  return doc;
}

Timestamp at(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return from_civil(CivilTime{y, mo, d, h, mi, s});
}

}  // namespace

TEST_CASE("duties: the shipped calendar parses with the manuals' intervals (SPEC §10)") {
  auto parsed = parse_duties(shipped_duties());
  REQUIRE(parsed.ok());
  CHECK(parsed->size() == 12);
  const DutyRule briefing = duty("morning_briefing");
  CHECK(briefing.unit == PeriodUnit::day);
  CHECK(briefing.before_shift_minutes == 15);
  CHECK(briefing.meeting_minutes);
  const DutyRule summary = duty("weekly_summary_meeting");
  CHECK(summary.unit == PeriodUnit::week);
  CHECK(summary.weekday == 7);
  CHECK(summary.time_of_day == 16 * 60);
  CHECK(summary.arrive_before_minutes == 15);
  CHECK(summary.meeting_minutes);
  CHECK_FALSE(duty("stock_count").meeting_minutes);
  CHECK(duty("department_meeting").unit == PeriodUnit::week);
  CHECK(duty("monthly_assembly").unit == PeriodUnit::month);
  CHECK(duty("pest_control").times == 2);
  const DutyRule gas = duty("gas_safety_check");
  CHECK(gas.every == 2);
  CHECK(gas.notice_days_before == 1);
  const DutyRule tank = duty("water_tank_cleaning");
  CHECK(tank.unit == PeriodUnit::year);
  CHECK(tank.times == 2);
  CHECK(tank.evidence == "水样送检报告");
  CHECK(duty("satisfaction_survey").unit == PeriodUnit::year);
  for (const char* monthly : {"stock_count", "training_assessment", "fee_collection_statistics"})
    CHECK(duty(monthly).unit == PeriodUnit::month);
}

TEST_CASE("duties: broken duty files are refused with the duty code named") {
  SECTION("months per period must divide the year") {
    const Errors e = refused_after([](json& d) { duty_json(d, "gas_safety_check")["every"] = 5; });
    CHECK(error_for(e, "duties[gas_safety_check].every"));
  }
  SECTION("arriving early only for a duty at a fixed time") {
    const Errors e = refused_after([](json& d) { duty_json(d, "stock_count")["arrive_before_minutes"] = 15; });
    REQUIRE(error_for(e, "duties[stock_count].arrive_before_minutes"));
    CHECK_FALSE(error_for(e, "duties[weekly_summary_meeting].arrive_before_minutes"));
  }
  SECTION("a weekday only on a weekly duty, a time as HH:MM") {
    const Errors e = refused_after([](json& d) {
      duty_json(d, "stock_count")["weekday"] = 3;
      duty_json(d, "weekly_summary_meeting")["time"] = "25:00";
    });
    CHECK(error_for(e, "duties[stock_count].weekday"));
    REQUIRE(error_for(e, "duties[weekly_summary_meeting].time"));
    CHECK(error_for(e, "duties[weekly_summary_meeting].time")->message.en == "the time must be HH:MM, e.g. 16:00");
  }
  SECTION("duplicate code, empty Chinese name, unknown period and key, zero times") {
    const Errors e = refused_after([](json& d) {
      duty_json(d, "stock_count")["code"] = "pest_control";
      duty_json(d, "monthly_assembly")["zh"] = "";
      duty_json(d, "department_meeting")["period"] = "fortnight";
      duty_json(d, "satisfaction_survey")["owner"] = "S001";
      duty_json(d, "training_assessment")["times"] = 0;
    });
    CHECK(error_for(e, "duties[pest_control].code"));
    CHECK(error_for(e, "duties[monthly_assembly].zh"));
    CHECK(error_for(e, "duties[department_meeting].period"));
    CHECK(error_for(e, "duties[satisfaction_survey].owner"));
    CHECK(error_for(e, "duties[training_assessment].times"));
  }
  SECTION("wrong format") {
    auto p = parse_duties(R"({"format":"desk.plans","version":1,"duties":[]})");
    REQUIRE_FALSE(p.ok());
    CHECK(error_for(p.errors(), "format"));
  }
}

TEST_CASE("duties: morning briefing across midnight — due 15 min before the shift (SPEC §10)") {
  const DutyRule r = duty("morning_briefing");
  const SiteSchedule site{9 * 60};
  // Site midnight, not UTC midnight, starts the day.
  CHECK(duty_period(r, at(2026, 11, 22, 23, 59, 59)) == DutyPeriod{at(2026, 11, 22), at(2026, 11, 23)});
  CHECK(duty_period(r, at(2026, 11, 23)) == DutyPeriod{at(2026, 11, 23), at(2026, 11, 24)});
  CHECK(duty_due(r, duty_period(r, at(2026, 11, 23)), site) == at(2026, 11, 23, 8, 45));
  const std::vector<Timestamp> done{at(2026, 11, 22, 8, 40)};
  auto rep = duty_status(r, done, at(2026, 11, 23, 0, 0, 1), site);
  CHECK(rep.current.status == DeadlineStatus::not_due);
  CHECK(rep.previous.status == DeadlineStatus::met);
  CHECK(rep.next_due == at(2026, 11, 23, 8, 45));
  CHECK(duty_status(r, done, at(2026, 11, 23, 7, 44), site).current.status == DeadlineStatus::not_due);
  CHECK(duty_status(r, done, at(2026, 11, 23, 7, 45), site).current.status == DeadlineStatus::due_soon);
  CHECK(duty_status(r, done, at(2026, 11, 23, 8, 46), site).warning() == DeadlineStatus::overdue);
  CHECK(duty_status(r, {at(2026, 11, 23, 8, 45)}, at(2026, 11, 23, 12), site).current.status == DeadlineStatus::met);
  CHECK(duty_status(r, {at(2026, 11, 23, 8, 50)}, at(2026, 11, 23, 12), site).current.status == DeadlineStatus::missed);
  // Met today: the next one is tomorrow's.
  CHECK(duty_status(r, {at(2026, 11, 23, 8, 40)}, at(2026, 11, 23, 12), site).next_due == at(2026, 11, 24, 8, 45));
}

TEST_CASE("duties: staff arrive for the weekly summary meeting at Sunday 15:45 (seed 001, issue 14 item 16)") {
  const DutyRule r = duty("weekly_summary_meeting");
  const DutyPeriod week = duty_period(r, at(2026, 11, 18));
  REQUIRE(duty_arrival(r, week));
  CHECK(format_local(*duty_arrival(r, week)) == "2026-11-22 15:45");  // the Sunday, 15 minutes before 16:00
  CHECK(duty_title(r, week).zh == "周工作总结会（15:45 到场）");
  CHECK(duty_title(r, week).en == "Weekly summary meeting (arrive 15:45)");
  // The week's Sunday across a month end: Monday 30 November → Sunday 6 December.
  CHECK(format_local(*duty_arrival(r, duty_period(r, at(2026, 11, 30)))) == "2026-12-06 15:45");
  // Duties without a lead keep their name and have no arrival.
  const DutyRule stock = duty("stock_count");
  CHECK_FALSE(duty_arrival(stock, duty_period(stock, at(2026, 11, 18))));
  CHECK(duty_title(stock, duty_period(stock, at(2026, 11, 18))).zh == "库存材料盘点");
}

TEST_CASE("duties: weekly summary meeting due Sunday 16:00; weeks start on Monday (SPEC §10)") {
  const DutyRule r = duty("weekly_summary_meeting");
  const Timestamp sunday_16 = at(2026, 11, 22, 16, 0);  // a Sunday
  CHECK(duty_period(r, sunday_16) == DutyPeriod{at(2026, 11, 16), at(2026, 11, 23)});
  CHECK(duty_period(r, at(2026, 11, 23)) == DutyPeriod{at(2026, 11, 23), at(2026, 11, 30)});
  CHECK(duty_due(r, duty_period(r, sunday_16)) == sunday_16);
  auto status = [&](std::vector<Timestamp> done, Timestamp now) { return duty_status(r, done, now).current.status; };
  CHECK(status({}, at(2026, 11, 21, 15, 59)) == DeadlineStatus::not_due);
  CHECK(status({}, at(2026, 11, 21, 16, 0)) == DeadlineStatus::due_soon);
  CHECK(status({}, sunday_16) == DeadlineStatus::due_soon);
  CHECK(status({}, sunday_16 + 1000) == DeadlineStatus::overdue);
  CHECK(status({sunday_16}, sunday_16 + kHour) == DeadlineStatus::met);
  CHECK(status({sunday_16 + 1000}, sunday_16 + kHour) == DeadlineStatus::missed);
  // A meeting late on the previous Sunday belongs to the previous week.
  CHECK(status({at(2026, 11, 15, 23, 59)}, at(2026, 11, 16, 9)) == DeadlineStatus::not_due);
  const auto monday = duty_status(r, {}, at(2026, 11, 23));
  CHECK(monday.previous.status == DeadlineStatus::overdue);
  CHECK(monday.warning() == DeadlineStatus::overdue);
  CHECK(monday.next_due == at(2026, 11, 29, 16, 0));
}

TEST_CASE("duties: month ends — 31 January to February, leap day 2028-02-29") {
  const DutyRule stock = duty("stock_count");
  CHECK(duty_period(stock, at(2026, 1, 31, 23, 59, 59)) == DutyPeriod{at(2026, 1, 1), at(2026, 2, 1)});
  CHECK(duty_period(stock, at(2026, 2, 1)) == DutyPeriod{at(2026, 2, 1), at(2026, 3, 1)});
  CHECK(duty_period(stock, at(2028, 2, 29, 12)) == DutyPeriod{at(2028, 2, 1), at(2028, 3, 1)});
  CHECK(duty_period(stock, at(2027, 12, 31, 23, 59, 59)).end == at(2028, 1, 1));
  // Counted on 31 January: January is met, February starts afresh.
  const std::vector<Timestamp> done{at(2026, 1, 31, 23, 59, 59)};
  CHECK(duty_status(stock, done, at(2026, 1, 31, 23, 59, 59)).current.status == DeadlineStatus::met);
  const auto feb = duty_status(stock, done, at(2026, 2, 1));
  CHECK(feb.current.done == 0);
  CHECK(feb.previous.status == DeadlineStatus::met);
  CHECK(feb.warning() == DeadlineStatus::not_due);
  CHECK(feb.next_due == at(2026, 3, 1) + (-1));  // 28 February 23:59:59.999
  // Gas checks every 2 months from January: Jan–Feb 2028 holds the leap day.
  const DutyRule gas = duty("gas_safety_check");
  CHECK(duty_period(gas, at(2028, 2, 29, 23, 59)) == DutyPeriod{at(2028, 1, 1), at(2028, 3, 1)});
  CHECK(duty_period(gas, at(2028, 3, 1)) == DutyPeriod{at(2028, 3, 1), at(2028, 5, 1)});
  CHECK(duty_period(gas, at(2028, 12, 5)) == DutyPeriod{at(2028, 11, 1), at(2029, 1, 1)});
  CHECK(duty_status(gas, {at(2028, 2, 29, 10)}, at(2028, 2, 29, 18)).current.status == DeadlineStatus::met);
  CHECK(duty_status(gas, {}, at(2028, 2, 24)).current.status == DeadlineStatus::due_soon);  // 6 days left
  CHECK(duty_status(gas, {}, at(2028, 2, 23)).current.status == DeadlineStatus::not_due);
}

TEST_CASE("duties: year end — survey, and water tanks twice in the year (SPEC §10, issue 14 item 11)") {
  const DutyRule survey = duty("satisfaction_survey");
  CHECK(duty_status(survey, {}, at(2026, 12, 31, 23, 59)).current.status == DeadlineStatus::due_soon);
  const auto jan = duty_status(survey, {}, at(2027, 1, 1));
  CHECK(jan.current.period == DutyPeriod{at(2027, 1, 1), at(2028, 1, 1)});
  CHECK(jan.previous.status == DeadlineStatus::overdue);
  CHECK(jan.warning() == DeadlineStatus::overdue);
  // Done in the new year: the old shortfall stops warning.
  CHECK(duty_status(survey, {at(2027, 1, 5)}, at(2027, 1, 6)).warning() == DeadlineStatus::met);
  // Water tank (issue 14 item 11): two in the calendar year, as seed 000
  // says 「每年…兩次清洗」 — not one per half-year.
  const DutyRule tank = duty("water_tank_cleaning");
  CHECK(duty_period(tank, at(2026, 6, 30, 23, 59)) == DutyPeriod{at(2026, 1, 1), at(2027, 1, 1)});
  CHECK(duty_period(tank, at(2027, 1, 1)) == DutyPeriod{at(2027, 1, 1), at(2028, 1, 1)});
  const std::vector<Timestamp> both_in_march{at(2026, 3, 2), at(2026, 3, 20)};
  CHECK(duty_status(tank, both_in_march, at(2026, 6, 1)).current.status == DeadlineStatus::met);
  // Two in March meet the whole year: still met on 20 December.
  CHECK(duty_status(tank, both_in_march, at(2026, 12, 20)).warning() == DeadlineStatus::met);
  // One of two: due soon in the last week of the year, overdue from 1 January.
  const std::vector<Timestamp> one{at(2026, 3, 2)};
  CHECK(duty_status(tank, one, at(2026, 12, 24)).current.status == DeadlineStatus::not_due);
  CHECK(duty_status(tank, one, at(2026, 12, 25)).current.status == DeadlineStatus::due_soon);
  const auto new_year = duty_status(tank, one, at(2027, 1, 1));
  CHECK(new_year.previous.done == 1);
  CHECK(new_year.warning() == DeadlineStatus::overdue);
  // None: two to do, due soon two weeks before the year ends.
  CHECK(duty_status(tank, {}, at(2026, 12, 17)).current.status == DeadlineStatus::not_due);
  CHECK(duty_status(tank, {}, at(2026, 12, 18)).current.status == DeadlineStatus::due_soon);
}

TEST_CASE("duties: pest control 1 of 2 near month end is due soon, overdue after the month (SPEC §10)") {
  const DutyRule r = duty("pest_control");
  const std::vector<Timestamp> one{at(2026, 1, 5, 10)};
  auto jan = duty_status(r, one, at(2026, 1, 20));
  CHECK(jan.current.done == 1);
  CHECK(jan.current.required == 2);
  CHECK(format_local(jan.current.due) == "2026-01-31 23:59");
  CHECK(jan.current.status == DeadlineStatus::not_due);
  CHECK(duty_status(r, one, at(2026, 1, 28, 23, 59)).current.status == DeadlineStatus::not_due);
  CHECK(duty_status(r, one, at(2026, 1, 29)).current.status == DeadlineStatus::due_soon);  // 3 days left, 1 to do
  CHECK(duty_status(r, {}, at(2026, 1, 26)).current.status == DeadlineStatus::due_soon);   // 6 days left, 2 to do
  CHECK(duty_status(r, one, at(2026, 1, 31, 23, 59, 59)).current.status == DeadlineStatus::due_soon);
  const auto feb = duty_status(r, one, at(2026, 2, 1));
  CHECK(feb.previous.done == 1);
  CHECK(feb.previous.status == DeadlineStatus::overdue);
  CHECK(feb.current.status == DeadlineStatus::not_due);
  CHECK(feb.warning() == DeadlineStatus::overdue);
  // The January period judged on 1 February.
  CHECK(period_report(r, duty_period(r, at(2026, 1, 15)), one, at(2026, 2, 1)).status == DeadlineStatus::overdue);
  const std::vector<Timestamp> two{at(2026, 1, 5, 10), at(2026, 1, 31, 23)};
  CHECK(duty_status(r, two, at(2026, 1, 31, 23, 30)).current.status == DeadlineStatus::met);
  CHECK(duty_status(r, two, at(2026, 2, 1)).warning() == DeadlineStatus::not_due);
  CHECK(duty_status(r, two, at(2026, 1, 31, 23, 30)).next_due == at(2026, 3, 1) + (-1));
}
