// 回访 (SPEC §4): due times per source, required rates, rework within 24 h.
#include "core/callback.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Callback pending_callback() {
  Callback c;
  c.source = CallbackSource::repair;
  c.source_id = "R1";
  c.source_finished_at = morning();
  c.due = callback_due(c.source, morning());
  c.required = true;
  return c;
}
}  // namespace

TEST_CASE("callback: due time per source (SPEC §4 table)") {
  const Timestamp t = from_civil({2026, 12, 30, 15, 0});
  CHECK(to_civil(callback_due(CallbackSource::complaint, t)) == CivilTime{2027, 1, 2, 15, 0});
  CHECK(to_civil(callback_due(CallbackSource::repair, t)) == CivilTime{2027, 1, 30, 15, 0});
  CHECK(to_civil(callback_due(CallbackSource::newspaper, t)) == CivilTime{2027, 1, 30, 15, 0});
  CHECK(to_civil(callback_due(CallbackSource::community_activity, t)) == CivilTime{2027, 1, 30, 15, 0});
  CHECK(to_civil(callback_due(CallbackSource::emergency_patient, t)) == CivilTime{2027, 1, 6, 15, 0});
  CHECK(to_civil(callback_due(CallbackSource::other, t)) == CivilTime{2027, 1, 6, 15, 0});
  CHECK(callback_due(CallbackSource::special_service, t) == t);
}

TEST_CASE("callback: required counts — complaints 100 %, newspaper 10 %, repairs by the sample rule") {
  CHECK(callback_required_count(CallbackSource::complaint, 7) == 7);
  CHECK(callback_required_count(CallbackSource::newspaper, 0) == 0);
  CHECK(callback_required_count(CallbackSource::newspaper, 1) == 1);
  CHECK(callback_required_count(CallbackSource::newspaper, 10) == 1);
  CHECK(callback_required_count(CallbackSource::newspaper, 11) == 2);
  CHECK(callback_required_count(CallbackSource::community_activity, 30) == 3);
  CHECK(callback_required_count(CallbackSource::repair, 19) == 5);
  CHECK(callback_required_count(CallbackSource::repair, 20) == 6);
  CHECK(callback_required_count(CallbackSource::special_service, 101) == 20);
  CHECK(callback_required_count(CallbackSource::emergency_patient, 9) == 0);
}

TEST_CASE("callback: completing needs the four ratings and who called") {
  auto c = create_checked(pending_callback(), actor_as(Role::receptionist)).value();
  auto r = perform(c, c, CallbackAction::complete, actor_as(Role::receptionist));
  REQUIRE_FALSE(r.ok());
  for (const char* key : {"quality", "effect", "attitude", "overall", "called_by"}) CHECK(error_for(r.errors(), key));
  Callback d = c;
  d.called_by = "S001";
  d.quality = d.effect = d.attitude = d.overall = Satisfaction::satisfied;
  auto done = perform(c, d, CallbackAction::complete, actor_as(Role::receptionist));
  REQUIRE(done.ok());
  CHECK(done->done_at == morning());
  CHECK_FALSE(callback_rework_deadline(done.value()));
}

TEST_CASE("callback: a major complaint's callback is made by the project manager") {
  auto c = pending_callback();
  c.major = true;
  c = create_checked(c, actor_as(Role::receptionist)).value();
  Callback d = c;
  d.called_by = "PM1";
  d.quality = d.effect = d.attitude = d.overall = Satisfaction::satisfied;
  CHECK_FALSE(perform(c, d, CallbackAction::complete, actor_as(Role::center_manager)).ok());
  CHECK(perform(c, d, CallbackAction::complete, actor_as(Role::project_manager)).ok());
}

TEST_CASE("callback: unsatisfied → rework arranged within 24 hours of the callback") {
  auto c = create_checked(pending_callback(), actor_as(Role::receptionist)).value();
  Callback d = c;
  d.called_by = "S001";
  d.quality = d.effect = d.attitude = Satisfaction::fair;
  d.overall = Satisfaction::unsatisfied;
  const Timestamp when = from_civil({2026, 11, 30, 20, 0});
  auto done = perform(c, d, CallbackAction::complete, actor_as(Role::receptionist, when)).value();
  auto rework = callback_rework_deadline(done);
  REQUIRE(rework);
  CHECK(to_civil(rework->due) == CivilTime{2026, 12, 1, 20, 0});
  CHECK(deadline_status(*rework, when + 24 * kHour + 1) == DeadlineStatus::overdue);
  // Arranging rework needs the rework repair linked.
  CHECK_FALSE(perform(done, done, CallbackAction::arrange_rework, actor_as(Role::receptionist, when + kHour)).ok());
  Callback linked = done;
  linked.rework_repair = "R2";
  auto arranged = perform(done, linked, CallbackAction::arrange_rework, actor_as(Role::receptionist, when + kHour));
  REQUIRE(arranged.ok());
  CHECK(deadline_status(*callback_rework_deadline(arranged.value()), when + 2 * kDay) == DeadlineStatus::met);
}

TEST_CASE("callback: a complaint about a defect still present → special callback and rework within 24 h") {
  Complaint again;
  again.received_at = morning();
  again.unit = "2栋-0303";
  again.matter = "水龙头仍漏水";
  auto cb = special_callback_for(again, "R1");
  CHECK(cb.special);
  CHECK(cb.required);
  CHECK(cb.source_id == "R1");
  CHECK(callback_rework_deadline(cb)->due == morning() + 24 * kHour);
  CHECK(cb.due == morning() + 24 * kHour);
}

TEST_CASE("callback: could not reach → retry; the illegal steps are refused") {
  auto c = create_checked(pending_callback(), actor_as(Role::receptionist)).value();
  auto u = perform(c, c, CallbackAction::mark_unreachable, actor_as(Role::receptionist)).value();
  CHECK(u.status == CallbackStatus::unreachable);
  CHECK_FALSE(perform(u, u, CallbackAction::complete, actor_as(Role::receptionist)).ok());
  CHECK(perform(u, u, CallbackAction::retry, actor_as(Role::receptionist))->status == CallbackStatus::pending);
  CHECK_FALSE(perform(c, c, CallbackAction::arrange_rework, actor_as(Role::receptionist)).ok());
  CHECK_FALSE(perform(c, c, CallbackAction::complete, actor_as(Role::guard)).ok());
}

TEST_CASE("callback: created once, when the source finishes") {
  Repair before;
  before.meta.id = "R9";
  before.unit = "2栋-0303";
  before.finished_at = morning();
  Repair after = before;
  after.accepted_at = morning() + kHour;
  auto cb = callback_on_finish(before, after);
  REQUIRE(cb);
  CHECK(cb->source_id == "R9");
  CHECK_FALSE(callback_on_finish(after, after));  // a later edit creates no second one
  CHECK_FALSE(callback_on_finish(before, before));
}

TEST_CASE("callback: the month's repair sample becomes the required worklist, reproducibly") {
  std::vector<Callback> all;
  for (int i = 0; i < 30; ++i) {
    Callback c;
    c.meta.id = "CB" + std::to_string(i);
    c.meta.site = "site-A";
    c.source = CallbackSource::repair;
    c.source_id = "R" + std::to_string(i);
    c.source_finished_at = from_civil({2026, 11, 1 + i % 28, 10});
    c.due = callback_due(c.source, c.source_finished_at);
    all.push_back(c);
  }
  all[0].source_finished_at = from_civil({2026, 10, 31, 10});  // October: not in November's 29
  auto sample = draw_month_sample(all, "site-A", 2026, 11);
  CHECK(sample.size() == 9);  // 20 ≤ 29 ≤ 50 → ceil(30 % · 29) = 9
  for (const auto& c : sample) {
    CHECK(c.required);
    CHECK(c.meta.id != "CB0");
  }
  auto again = draw_month_sample(all, "site-A", 2026, 11);
  REQUIRE(again.size() == sample.size());
  for (std::size_t i = 0; i < sample.size(); ++i) CHECK(again[i].meta.id == sample[i].meta.id);
  for (auto& c : all)
    for (const auto& s : sample)
      if (c.meta.id == s.meta.id) c.required = true;
  CHECK(draw_month_sample(all, "site-A", 2026, 11).empty());  // already on the worklist
}
