// 工作日历设置 at the desk (issue 14): an entry is stored durably like any
// record; a refused one (wrong role, a second entry for a date, a bad date)
// leaves the stored data exactly as it was, and survives a reload.
#include <catch2/catch.hpp>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Desk::PersistFn instant() {
  return [](Desk::PersistDone done) { done(true, ""); };
}
CalendarOverride entry(const std::string& date, DayKind kind, const std::string& name) {
  CalendarOverride c;
  c.date = date;
  c.kind = kind;
  c.name = name;
  return c;
}
}  // namespace

TEST_CASE("desk: calendar entries are saved by a supervisor; refusals change nothing") {
  const std::string dir = fresh_dir("calendar");
  Desk desk(dir, instant());
  desk.load();
  REQUIRE(desk.save(entry("2027-01-01", DayKind::rest_day, "元旦"), actor_as(Role::supervisor)).empty());
  REQUIRE(desk.data().table<CalendarOverride>().size() == 1);
  const std::string before = canonical(desk.data());

  // A receptionist may not.
  auto role = desk.save(entry("2027-01-02", DayKind::rest_day, "元旦"), actor_as(Role::receptionist));
  REQUIRE_FALSE(role.empty());
  CHECK(role.front().message.zh.find("只能由") != std::string::npos);
  // A second entry for the same date.
  auto twice = desk.save(entry("2027-01-01", DayKind::working_day, "调休"), actor_as(Role::supervisor));
  REQUIRE_FALSE(twice.empty());
  CHECK(twice.front().where == "date");
  // A date that is not a day.
  auto bad = desk.save(entry("2027-02-30", DayKind::rest_day, "春节"), actor_as(Role::supervisor));
  REQUIRE(error_for(bad, "date"));
  CHECK(canonical(desk.data()) == before);

  // Editing the stored entry is allowed, and a reload keeps it.
  CalendarOverride edited = desk.data().table<CalendarOverride>().rows()[0];
  edited.note = "国办发明电";
  REQUIRE(desk.save(edited, actor_as(Role::center_manager, morning() + kHour)).empty());
  Desk again(dir, instant());
  again.load();
  REQUIRE(again.data().table<CalendarOverride>().size() == 1);
  CHECK(again.data().table<CalendarOverride>().rows()[0].note == "国办发明电");
  CHECK(again.data().table<CalendarOverride>().rows()[0].meta.history.size() == 2);
}
