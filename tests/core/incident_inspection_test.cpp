// 应急 (SPEC §8) incidents and 巡查/保洁考核 (SPEC §9) inspections.
#include <catch2/catch.hpp>

#include "core/incident.hpp"
#include "core/inspection.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Incident typhoon() {
  Incident i;
  i.plan = "typhoon_1";
  i.started_at = morning();
  i.reported_by = "S001";
  return create_checked(i, actor_as(Role::receptionist)).value();
}
Inspection weekly(Timestamp at, int problems, const std::string& area = "A区保洁") {
  Inspection i;
  i.kind = InspectionKind::weekly;
  i.at = at;
  i.area = area;
  i.inspector = "SUP1";
  i.problems = problems;
  i.findings = problems ? "楼道有垃圾" : "";
  return i;
}
}  // namespace

TEST_CASE("incident: items are ticked once each with time and staff, only while active") {
  auto i = typhoon();
  auto t = tick_item(i, "notice", "大堂告示已张贴", actor_as(Role::guard, morning() + 20 * kMinute)).value();
  REQUIRE(find_tick(t, "notice"));
  CHECK(find_tick(t, "notice")->at == morning() + 20 * kMinute);
  CHECK(find_tick(t, "notice")->by == "S001");
  CHECK_FALSE(tick_item(t, "notice", "", actor_as(Role::guard)).ok());
  Incident edited = t;
  edited.ticks.clear();
  CHECK_FALSE(edit_checked(t, edited, actor_as(Role::receptionist)).ok());
  auto ended = perform(t, t, IncidentAction::end, actor_as(Role::receptionist)).value();
  CHECK_FALSE(tick_item(ended, "check_tools", "", actor_as(Role::guard)).ok());
}

TEST_CASE("incident (issue 13): a tick is taken back only by the person who made it, with history") {
  auto t = tick_item(typhoon(), "notice", "", actor_as(Role::guard, morning() + 20 * kMinute, "G01")).value();
  auto other = untick_item(t, "notice", actor_as(Role::guard, morning() + 25 * kMinute, "G02"));
  REQUIRE_FALSE(other.ok());
  CHECK(other.errors().front().message.zh == "只有勾选人（G01）可以撤销");
  CHECK_FALSE(untick_item(t, "check_tools", actor_as(Role::guard, morning(), "G01")).ok());  // not ticked
  auto back = untick_item(t, "notice", actor_as(Role::guard, morning() + 25 * kMinute, "G01"));
  REQUIRE(back.ok());
  CHECK_FALSE(find_tick(back.value(), "notice"));
  CHECK(back->meta.history.back().action == "untick:notice");
  CHECK(back->meta.history.size() == t.meta.history.size() + 1);
  // Ticked again later: the new time.
  auto again = tick_item(back.value(), "notice", "", actor_as(Role::guard, morning() + kHour, "G01")).value();
  CHECK(find_tick(again, "notice")->at == morning() + kHour);
  // Not once the incident has ended.
  auto ended = perform(t, t, IncidentAction::end, actor_as(Role::receptionist)).value();
  CHECK_FALSE(untick_item(ended, "notice", actor_as(Role::guard, morning(), "G01")).ok());
}

TEST_CASE("incident: the damage list is confirmed by the manager and reported") {
  auto ended = perform(typhoon(), typhoon(), IncidentAction::end, actor_as(Role::receptionist)).value();
  Incident d = ended;
  d.damage_list = "3栋迎风面路灯灯罩损坏2个";
  d.confirmed_by = "M01";
  CHECK_FALSE(perform(ended, d, IncidentAction::confirm_damage, actor_as(Role::supervisor)).ok());
  auto missing = perform(ended, ended, IncidentAction::confirm_damage, actor_as(Role::center_manager));
  REQUIRE_FALSE(missing.ok());
  CHECK(error_for(missing.errors(), "damage_list"));
  auto closed = perform(ended, d, IncidentAction::confirm_damage, actor_as(Role::center_manager)).value();
  CHECK(closed.reported_at);
  CHECK_FALSE(is_open(closed));
}

TEST_CASE("inspection: the daily check is due before 17:00 that day") {
  std::vector<Inspection> all;
  const Timestamp day = from_civil({2026, 11, 24, 8, 0});
  auto d = daily_check_deadline(all, "A区保洁", day);
  CHECK(to_civil(d.due) == CivilTime{2026, 11, 24, 17, 0});
  CHECK(deadline_status(d, from_civil({2026, 11, 24, 17, 0, 1})) == DeadlineStatus::overdue);
  Inspection i = weekly(from_civil({2026, 11, 24, 16, 30}), 0);
  i.kind = InspectionKind::daily;
  all.push_back(i);
  CHECK(deadline_status(daily_check_deadline(all, "A区保洁", day), day + kDay) == DeadlineStatus::met);
  CHECK(deadline_status(daily_check_deadline(all, "B区保洁", day), day + kDay) == DeadlineStatus::overdue);
  all[0].at = from_civil({2026, 11, 24, 17, 30});
  CHECK(deadline_status(daily_check_deadline(all, "A区保洁", day), day + kDay) == DeadlineStatus::missed);
}

TEST_CASE("(rule) inspection: monthly grade from the weekly checks up to the 25th") {
  std::vector<Inspection> all = {weekly(from_civil({2026, 11, 3, 10}), 0), weekly(from_civil({2026, 11, 10, 10}), 0),
                                 weekly(from_civil({2026, 11, 17, 10}), 2), weekly(from_civil({2026, 11, 24, 10}), 3)};
  CHECK(monthly_grade_of(all, "A区保洁", 2026, 11) == Grade::excellent);  // 优 优 良 良
  // A weekly check after the 25th does not change the month's grade.
  all.push_back(weekly(from_civil({2026, 11, 26, 10}), 9));
  all.push_back(weekly(from_civil({2026, 11, 30, 10}), 9));
  CHECK(monthly_grade_of(all, "A区保洁", 2026, 11) == Grade::excellent);
  // Two 差 by the 25th → 差.
  all.push_back(weekly(from_civil({2026, 11, 25, 23, 59}), 6));
  all.push_back(weekly(from_civil({2026, 11, 4, 10}), 7));
  CHECK(monthly_grade_of(all, "A区保洁", 2026, 11) == Grade::poor);
  CHECK_FALSE(monthly_grade_of(all, "A区保洁", 2026, 10));
  CHECK_FALSE(monthly_grade_of(all, "B区保洁", 2026, 11));
}

TEST_CASE("inspection: problems found are described; recorded by the team leader") {
  auto i = weekly(morning(), 2);
  i.findings.clear();
  CHECK(error_for(validate(i), "findings"));
  CHECK_FALSE(create_checked(weekly(morning(), 0), actor_as(Role::receptionist)).ok());
  CHECK(create_checked(weekly(morning(), 0), actor_as(Role::supervisor)).ok());
}
