// 煤气安全检查 (issue 14 item 9): the owner phoned the day before each unit's check.
#include "core/gas_check.hpp"

#include <catch2/catch.hpp>

#include "core/todo.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
GasCheck planned(const std::string& unit, Timestamp day) {
  GasCheck g;
  g.unit = unit;
  g.owner = "周先生";
  g.phone = "13900003333";
  g.check_on = day;
  return create_checked(g, actor_as(Role::receptionist)).value();
}
}  // namespace

TEST_CASE("(rule) gas_check_notice_day_before: due by the end of the day before, due soon all that day") {
  const Timestamp monday = from_civil({2026, 11, 30});
  const GasCheck g = planned("3栋-1202", monday + 10 * kHour);  // Monday 10:00
  CHECK(format_local(gas_check_notice_day(g)) == "2026-11-29 00:00");
  const Deadline d = *gas_check_notice_deadline(g);
  CHECK(d.due == monday + (-1));  // Sunday 23:59:59.999 — 次日 is the next day, a Sunday too
  Dataset data;
  data.table<GasCheck>().upsert(g);
  GasCheck other = planned("3栋-1301", monday + 14 * kHour);
  other.meta.id = "G2";
  data.table<GasCheck>().upsert(other);
  GasCheck later = planned("5栋-0101", monday + 2 * kDay);
  later.meta.id = "G3";
  data.table<GasCheck>().upsert(later);
  auto listed = [&](Timestamp now) {
    std::vector<std::string> units;
    for (const auto& t : todo(data, now))
      if (t.rule == "gas_check_notice_day_before") units.push_back(t.subject.substr(0, t.subject.find(' ')));
    return units;
  };
  CHECK(listed(monday + (-kDay) + (-kMinute)).empty());                                             // Saturday night
  CHECK(listed(monday + (-kDay) + 9 * kHour) == std::vector<std::string>{"3栋-1202", "3栋-1301"});  // Sunday
  CHECK(listed(monday + 9 * kHour).size() == 2);  // not phoned: overdue on the day itself
  // Phoned and confirmed: off the list, with who phoned.
  GasCheck d2 = g;
  const GasCheck confirmed =
      perform(g, d2, GasCheckAction::confirm, actor_as(Role::receptionist, monday + (-kDay) + 10 * kHour, "S004"))
          .value();
  CHECK(confirmed.phoned_by == "S004");
  data.table<GasCheck>().upsert(confirmed);
  CHECK(listed(monday + (-kDay) + 11 * kHour) == std::vector<std::string>{"3栋-1301"});
  CHECK_FALSE(gas_check_call_script().empty());
}

TEST_CASE("gas check: done needs the technician and the result") {
  GasCheck g = planned("3栋-1202", from_civil({2026, 11, 30, 10}));
  g = perform(g, g, GasCheckAction::confirm, actor_as(Role::receptionist)).value();
  auto bare = perform(g, g, GasCheckAction::check, actor_as(Role::technician));
  REQUIRE_FALSE(bare.ok());
  CHECK(error_for(bare.errors(), "technician"));
  CHECK(error_for(bare.errors(), "result"));
  GasCheck d = g;
  d.technician = "T02";
  d.result = "正常，已提醒定期更换胶管";
  auto done = perform(g, d, GasCheckAction::check, actor_as(Role::technician));
  REQUIRE(done.ok());
  CHECK_FALSE(is_open(done.value()));
}
