// 报修 / 派工单 (SPEC §3): workflow, paid work agreed first, 15-minute
// emergency arrival, appointment, and the repair's callback.
#include "core/repair.hpp"

#include <catch2/catch.hpp>

#include "core/callback.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Repair draft(Urgency u = Urgency::normal, Timestamp at = morning()) {
  Repair r;
  r.received_at = at;
  r.requester = "张女士";
  r.unit = "2栋-0303";
  r.phone = "13700002222";
  r.fault = FaultType::plumbing;
  r.description = "厨房水龙头漏水";
  r.received_by = "S001";
  r.urgency = u;
  return r;
}
Actor at(Role role, Timestamp t) {
  return actor_as(role, t);
}
Repair go(const Repair& r, RepairAction a, Role role, Timestamp t, void (*fill)(Repair&) = nullptr) {
  Repair d = r;
  if (fill) fill(d);
  auto out = perform(r, d, a, at(role, t));
  INFO(enum_code(a) << ": " << (out ? std::string() : out.errors().front().message.en));
  REQUIRE(out.ok());
  return out.value();
}
void assign(Repair& r) {
  r.technician = "T007";
  r.appointment = morning() + 2 * kHour;
}
}  // namespace

TEST_CASE("repair: 报修 → 派工 → 到场 → 完工 → 验收 → 回访 with every time stamped") {
  auto r = create_checked(draft(), actor_as(Role::receptionist)).value();
  r = go(r, RepairAction::dispatch, Role::receptionist, morning() + 5 * kMinute, assign);
  r = go(r, RepairAction::arrive, Role::technician, morning() + 2 * kHour);
  r = go(r, RepairAction::finish, Role::technician, morning() + 3 * kHour, [](Repair& x) { x.work_done = "更换阀芯"; });
  r = go(r, RepairAction::accept, Role::technician, morning() + 3 * kHour + 5 * kMinute, [](Repair& x) {
    x.signed_by = "张女士";
    x.customer_signature = drawn_signature();
  });
  CHECK(r.dispatched_at == morning() + 5 * kMinute);
  CHECK(r.arrived_at == morning() + 2 * kHour);
  CHECK(r.finished_at == morning() + 3 * kHour);
  CHECK(r.accepted_at);
  CHECK(deadline_status(*repair_appointment_deadline(r), morning() + 4 * kHour) == DeadlineStatus::met);
  r = go(r, RepairAction::callback, Role::receptionist, morning() + 2 * kDay);
  CHECK(r.status == RepairStatus::called_back);
}

TEST_CASE("repair: illegal transitions and roles are refused") {
  auto r = create_checked(draft(), actor_as(Role::receptionist)).value();
  for (auto a : {RepairAction::arrive, RepairAction::finish, RepairAction::accept, RepairAction::callback,
                 RepairAction::decline, RepairAction::reschedule})
    CHECK_FALSE(perform(r, r, a, actor_as(Role::project_manager)).ok());
  // A technician cannot dispatch; a guard cannot do the work.
  Repair d = r;
  assign(d);
  auto tech = perform(r, d, RepairAction::dispatch, actor_as(Role::technician));
  REQUIRE_FALSE(tech.ok());
  CHECK(tech.errors().front().where == "role");
  auto dispatched = go(r, RepairAction::dispatch, Role::receptionist, morning(), assign);
  CHECK_FALSE(perform(dispatched, dispatched, RepairAction::arrive, actor_as(Role::guard)).ok());
}

TEST_CASE("repair: a normal repair is dispatched with an agreed appointment") {
  auto r = create_checked(draft(), actor_as(Role::receptionist)).value();
  Repair d = r;
  d.technician = "T007";
  auto out = perform(r, d, RepairAction::dispatch, actor_as(Role::receptionist));
  REQUIRE_FALSE(out.ok());
  CHECK(error_for(out.errors(), "appointment"));
}

TEST_CASE("repair: paid work needs the quote agreed before 开工 and is finished after it; declined ends politely") {
  auto r = create_checked(draft(), actor_as(Role::receptionist)).value();
  r = go(r, RepairAction::dispatch, Role::receptionist, morning(), assign);
  r = go(r, RepairAction::arrive, Role::technician, morning() + kHour);
  Repair d = r;
  d.paid = true;
  d.fee = Money{8000};  // 80 元
  d.quote = "人工30元，阀芯50元";
  d.work_done = "更换阀芯";
  auto out = perform(r, d, RepairAction::finish, actor_as(Role::technician));
  REQUIRE_FALSE(out.ok());
  CHECK(error_for(out.errors(), "customer_agreed"));
  // Declined: the job ends.
  Repair declined = d;
  declined.work_done.clear();
  auto ended = perform(r, declined, RepairAction::decline, actor_as(Role::technician));
  REQUIRE(ended.ok());
  CHECK(ended->status == RepairStatus::declined);
  CHECK_FALSE(is_open(ended.value()));
  // Issue 14 item 8: 开工 is refused until the quote is agreed …
  Repair start = r;
  start.paid = true;
  start.fee = Money{8000};
  start.quote = d.quote;
  auto not_agreed = perform(r, start, RepairAction::start_work, actor_as(Role::technician));
  REQUIRE_FALSE(not_agreed.ok());
  CHECK(error_for(not_agreed.errors(), "customer_agreed"));
  // … and agreed paid work is not finished without 开工.
  d.customer_agreed = true;
  auto skipped = perform(r, d, RepairAction::finish, actor_as(Role::technician));
  REQUIRE_FALSE(skipped.ok());
  CHECK(error_for(skipped.errors(), "started_at"));
  // Agreed: 开工 records when and who, then finished; the fee is collected before acceptance.
  start.customer_agreed = true;
  auto started =
      perform(r, start, RepairAction::start_work, actor_as(Role::technician, morning() + 70 * kMinute, "T01"));
  REQUIRE(started.ok());
  CHECK(started->status == RepairStatus::working);
  CHECK(started->agreed_at == morning() + 70 * kMinute);
  CHECK(started->agreement_recorded_by == "T01");
  CHECK(started->started_at == morning() + 70 * kMinute);
  CHECK(started->meta.history.back().action == "start_work");
  CHECK(is_open(started.value()));
  d = started.value();
  d.work_done = "更换阀芯";
  auto finished = perform(started.value(), d, RepairAction::finish, actor_as(Role::technician));
  REQUIRE(finished.ok());
  CHECK(finished->agreed_at == morning() + 70 * kMinute);
  Repair sign = finished.value();
  sign.signed_by = "张女士";
  sign.customer_signature = drawn_signature();
  auto no_fee = perform(finished.value(), sign, RepairAction::accept, actor_as(Role::technician));
  REQUIRE_FALSE(no_fee.ok());
  CHECK(error_for(no_fee.errors(), "fee_collected"));
  sign.fee_collected = true;
  CHECK(perform(finished.value(), sign, RepairAction::accept, actor_as(Role::technician)).ok());
}

TEST_CASE("repair: not fixable on the spot → reason and a new appointment") {
  auto r = create_checked(draft(), actor_as(Role::receptionist)).value();
  r = go(r, RepairAction::dispatch, Role::receptionist, morning(), assign);
  r = go(r, RepairAction::arrive, Role::technician, morning() + kHour);
  r = go(r, RepairAction::reschedule, Role::technician, morning() + 90 * kMinute, [](Repair& x) {
    x.unfixable_reason = "需订购同型号阀芯";
    x.appointment = morning() + kDay;
  });
  CHECK(r.status == RepairStatus::dispatched);
  CHECK_FALSE(r.arrived_at);
  CHECK(repair_appointment_deadline(r)->due == morning() + kDay);
}

TEST_CASE("repair: emergency → on site within 15 minutes of the call, across midnight") {
  const Timestamp call = from_civil({2026, 11, 30, 23, 50});
  auto r = draft(Urgency::emergency, call);
  auto d = repair_emergency_arrival_deadline(r);
  REQUIRE(d);
  CHECK(to_civil(d->due) == CivilTime{2026, 12, 1, 0, 5});
  CHECK(deadline_status(*d, call + 9 * kMinute, kEmergencyArrivalDueSoon) == DeadlineStatus::not_due);
  CHECK(deadline_status(*d, call + 10 * kMinute, kEmergencyArrivalDueSoon) == DeadlineStatus::due_soon);
  CHECK(deadline_status(*d, call + 15 * kMinute + 1, kEmergencyArrivalDueSoon) == DeadlineStatus::overdue);
  r.arrived_at = call + 15 * kMinute;
  CHECK(deadline_status(*repair_emergency_arrival_deadline(r), call + kHour) == DeadlineStatus::met);
  r.arrived_at = call + 15 * kMinute + 1000;
  CHECK(deadline_status(*repair_emergency_arrival_deadline(r), call + kHour) == DeadlineStatus::missed);
  CHECK_FALSE(repair_appointment_deadline(r));
  CHECK_FALSE(repair_emergency_arrival_deadline(draft()));
}

TEST_CASE("repair: acceptance creates a sampled callback due one calendar month after completion") {
  auto r = draft();
  r.meta.id = "R1";
  r.finished_at = from_civil({2026, 1, 31, 10, 0});
  CHECK_FALSE(callback_for(r));  // not accepted yet
  r.accepted_at = from_civil({2026, 1, 31, 10, 30});
  auto cb = callback_for(r);
  REQUIRE(cb);
  CHECK(cb->source == CallbackSource::repair);
  CHECK_FALSE(cb->required);
  CHECK(to_civil(cb->due) == CivilTime{2026, 2, 28, 10, 0});
  r.finished_at = from_civil({2028, 1, 31, 10, 0});
  CHECK(to_civil(callback_for(r)->due) == CivilTime{2028, 2, 29, 10, 0});  // leap year
}

TEST_CASE("repair: free work may be finished straight from 到场, or after 开工 (issue 14 item 8)") {
  auto r = create_checked(draft(), actor_as(Role::receptionist)).value();
  r = go(r, RepairAction::dispatch, Role::receptionist, morning(), assign);
  r = go(r, RepairAction::arrive, Role::technician, morning() + kHour);
  auto direct = perform(
      r,
      [&] {
        Repair d = r;
        d.work_done = "更换阀芯";
        return d;
      }(),
      RepairAction::finish, actor_as(Role::technician));
  CHECK(direct.ok());
  r = go(r, RepairAction::start_work, Role::technician, morning() + 70 * kMinute);
  CHECK(r.started_at == morning() + 70 * kMinute);
  CHECK_FALSE(r.agreed_at);  // nothing to agree on free work
  r = go(r, RepairAction::finish, Role::technician, morning() + 2 * kHour, [](Repair& x) { x.work_done = "更换阀芯"; });
  CHECK(r.status == RepairStatus::finished);
}
