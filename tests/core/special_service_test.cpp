// 特约服务 (issue 14 item 6): a contract's two callbacks, due by rule.
#include "core/special_service.hpp"

#include <catch2/catch.hpp>

#include "core/todo.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
SpecialService contract() {
  SpecialService s;
  s.customer = "王女士";
  s.unit = "6栋-0302";
  s.phone = "13900002222";
  s.service = "每周两次室内保洁";
  s.start = from_civil({2026, 12, 1});
  s.end = from_civil({2027, 3, 1});  // 90 days
  s.recorded_by = "S001";
  return s;
}
}  // namespace

TEST_CASE("(rule) special_service_callbacks: at the midpoint, and within a week after the end") {
  SpecialService s = create_checked(contract(), actor_as(Role::receptionist)).value();
  const auto cbs = special_service_callbacks(s);
  REQUIRE(cbs.size() == 2);
  CHECK(format_local(cbs[0].due) == "2027-01-15 00:00");  // 45 days in
  CHECK(cbs[0].source_finished_at == s.start);
  CHECK(format_local(cbs[1].due) == "2027-03-08 00:00");
  CHECK(cbs[1].source_finished_at == s.end);
  for (const auto& cb : cbs) {
    CHECK(cb.source == CallbackSource::special_service);
    CHECK(cb.source_id == s.meta.id);
    CHECK(cb.required);
    CHECK(cb.contact == "王女士");
    CHECK(validate(cb).empty());
  }
  // An odd length: the midpoint falls mid-day.
  SpecialService odd = s;
  odd.end = s.start + 3 * kDay;
  CHECK(format_local(special_service_callbacks(odd)[0].due) == "2026-12-02 12:00");
}

TEST_CASE("special service: the end after the start; dates fixed once made") {
  SpecialService bad = contract();
  bad.end = bad.start;
  CHECK(error_for(validate(bad), "end"));
  bad.customer = " ";
  CHECK(error_for(validate(bad), "customer"));
  SpecialService s = create_checked(contract(), actor_as(Role::receptionist)).value();
  SpecialService moved = s;
  moved.end = s.end + 30 * kDay;
  auto r = edit_checked(s, moved, actor_as(Role::receptionist));
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors().front().where == "start");
  SpecialService noted = s;
  noted.note = "钥匙放前台";
  CHECK(edit_checked(s, noted, actor_as(Role::receptionist)).ok());
  // Guards cannot register contracts.
  CHECK_FALSE(create_checked(contract(), actor_as(Role::guard)).ok());
}

TEST_CASE("special service: the midpoint callback comes due in Today in its last two days") {
  SpecialService s = create_checked(contract(), actor_as(Role::receptionist)).value();
  Dataset data;
  data.table<SpecialService>().upsert(s);
  int i = 0;
  for (Callback cb : special_service_callbacks(s)) {
    cb.meta.id = "CB" + std::to_string(i++);
    data.table<Callback>().upsert(cb);
  }
  auto due = [&](Timestamp now) {
    int n = 0;
    for (const auto& t : todo(data, now)) n += t.rule == "callback_due";
    return n;
  };
  CHECK(due(from_civil({2027, 1, 12})) == 0);
  CHECK(due(from_civil({2027, 1, 13, 12})) == 1);  // 36 h before the midpoint
  CHECK(due(from_civil({2027, 3, 7})) == 2);       // the midpoint one overdue, the end one due soon
}
