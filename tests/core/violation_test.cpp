// 违章 (SPEC §5): the authority rule enforced in the core.
#include "core/violation.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Violation recorded(ViolationLevel level = ViolationLevel::general) {
  Violation v;
  v.found_at = morning();
  v.category = ViolationCategory::fire;
  v.level = level;
  v.unit = "7栋-楼梯间";
  v.party = "7栋-0602住户";
  v.description = "楼梯间堆放杂物堵塞消防通道";
  v.recorded_by = "G01";
  return create_checked(v, actor_as(Role::guard)).value();
}
MeasureEntry measure(Measure m) {
  MeasureEntry e;
  e.measure = m;
  e.note = "说明";
  if (m == Measure::rectify_by_deadline) e.deadline = morning() + 3 * kDay;
  return e;
}
}  // namespace

TEST_CASE("(rule) violations authority: any staff records and persuades; only the project manager imposes more") {
  for (const auto& role : enum_entries(Role{})) {
    INFO(role.code);
    auto v = recorded();
    CHECK(add_measure(v, measure(Measure::persuasion), actor_as(role.value)).ok());
    for (auto m : {Measure::rectify_by_deadline, Measure::compensation, Measure::cut_utilities,
                   Measure::public_criticism, Measure::lawsuit}) {
      auto r = add_measure(v, measure(m), actor_as(role.value));
      CHECK(r.ok() == (role.value == Role::project_manager));
      if (!r.ok()) CHECK(r.errors().front().message.zh.find("项目经理") != std::string::npos);
    }
  }
}

TEST_CASE("violations: measures cannot be slipped in by editing the record") {
  auto v = recorded();
  Violation edited = v;
  edited.measures.push_back(measure(Measure::lawsuit));
  auto r = edit_checked(v, edited, actor_as(Role::receptionist));
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors().front().where == "measures");
}

TEST_CASE("violations: the four heaviest measures take effect only with consultation and the GM's sign-off") {
  auto v = add_measure(recorded(), measure(Measure::cut_utilities), actor_as(Role::project_manager)).value();
  CHECK_FALSE(in_effect(v.measures.back()));
  v.measures.back().logistics_consulted = true;
  CHECK_FALSE(in_effect(v.measures.back()));
  v.measures.back().gm_signed = true;
  CHECK(in_effect(v.measures.back()));
  CHECK(in_effect(measure(Measure::rectify_by_deadline)));
  CHECK(needs_sign_off(Measure::lawsuit));
  CHECK_FALSE(needs_sign_off(Measure::persuasion));
}

TEST_CASE("violations: the sign-off is recorded later on the measure already taken (issue 14 item 15)") {
  const auto pm = [](Timestamp at) { return actor_as(Role::project_manager, at); };
  auto v = add_measure(recorded(), measure(Measure::persuasion), actor_as(Role::guard)).value();
  v = add_measure(v, measure(Measure::cut_utilities), pm(morning())).value();
  const Violation before = v;
  // Only the project manager records it, as for the measure itself.
  auto by_desk = record_sign_off(v, 1, true, false, actor_as(Role::supervisor));
  REQUIRE_FALSE(by_desk.ok());
  CHECK(by_desk.errors().front().message.zh.find("项目经理") != std::string::npos);
  // The GM does not sign before the logistics center is consulted.
  auto too_soon = record_sign_off(v, 1, false, true, pm(morning()));
  REQUIRE_FALSE(too_soon.ok());
  CHECK(too_soon.errors().front().where == "measures[1].logistics_consulted");
  // Persuasion needs no sign-off; an index past the end is refused.
  CHECK_FALSE(record_sign_off(v, 0, true, true, pm(morning())).ok());
  CHECK_FALSE(record_sign_off(v, 2, true, true, pm(morning())).ok());
  CHECK(v == before);  // nothing changed by the refusals
  // Consulted on day 1, signed on day 3: each its own step in the history.
  v = record_sign_off(v, 1, true, false, pm(morning() + kDay)).value();
  CHECK(v.measures[1].logistics_consulted);
  CHECK_FALSE(in_effect(v.measures[1]));
  CHECK_FALSE(v.measures[1].signed_at);
  CHECK(v.meta.history.back().action == "sign_off:cut_utilities");
  CHECK_FALSE(record_sign_off(v, 1, true, false, pm(morning() + kDay)).ok());  // nothing new
  v = record_sign_off(v, 1, false, true, pm(morning() + 3 * kDay)).value();
  CHECK(in_effect(v.measures[1]));
  CHECK(v.measures[1].signed_at == morning() + 3 * kDay);
  CHECK(v.measures[1].sign_off_by == pm(morning()).staff);
  CHECK(v.measures[1].at == before.measures[1].at);  // the measure itself is unchanged
  CHECK(v.meta.history.size() == before.meta.history.size() + 2);
  // A closed case takes none.
  Violation closed = v;
  closed.status = ViolationStatus::closed;
  CHECK_FALSE(record_sign_off(closed, 1, true, true, pm(morning())).ok());
}

TEST_CASE("violations: rectification deadline tracked; closing after a measure needs the follow-up") {
  auto v = add_measure(recorded(), measure(Measure::rectify_by_deadline), actor_as(Role::project_manager)).value();
  auto ds = rectification_deadlines(v);
  REQUIRE(ds.size() == 1);
  CHECK(deadline_status(ds[0], morning() + 3 * kDay + 1) == DeadlineStatus::overdue);
  auto no_follow_up = perform(v, v, ViolationAction::close, actor_as(Role::receptionist));
  REQUIRE_FALSE(no_follow_up.ok());
  CHECK(error_for(no_follow_up.errors(), "relations_follow_up"));
  Violation d = v;
  d.relations_follow_up = "上门沟通，住户表示理解";
  CHECK(perform(v, d, ViolationAction::close, actor_as(Role::receptionist)).ok());
  // A rectification deadline must be later than the measure.
  MeasureEntry bad = measure(Measure::rectify_by_deadline);
  bad.deadline = morning() + (-kHour);
  CHECK_FALSE(add_measure(recorded(), bad, actor_as(Role::project_manager)).ok());
}

TEST_CASE("violations: 一般 closed by the service center, 重大 by the manager") {
  auto general = recorded();
  CHECK(perform(general, general, ViolationAction::close, actor_as(Role::receptionist)).ok());
  CHECK_FALSE(perform(general, general, ViolationAction::close, actor_as(Role::guard)).ok());
  auto major = recorded(ViolationLevel::major);
  CHECK_FALSE(perform(major, major, ViolationAction::close, actor_as(Role::supervisor)).ok());
  CHECK(perform(major, major, ViolationAction::close, actor_as(Role::center_manager)).ok());
  auto closed = perform(major, major, ViolationAction::close, actor_as(Role::project_manager)).value();
  CHECK_FALSE(add_measure(closed, measure(Measure::persuasion), actor_as(Role::project_manager)).ok());
}
