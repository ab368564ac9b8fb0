// 暂停计时 (issue 14 item 5): a deadline's clock stops while the record is on
// hold, with a reason; boundaries — a hold across the due time, across
// midnight, begun after the due time, still in force, done while held.
#include "core/hold.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "core/complaint.hpp"
#include "core/hold_steps.hpp"
#include "core/repair.hpp"
#include "core/stats.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Hold hold(Timestamp from, std::optional<Timestamp> to, HoldReason reason = HoldReason::waiting_parts) {
  return Hold{reason, "等阀芯到货", from, to, "S001", to ? "S001" : ""};
}

Complaint judged(Severity severity = Severity::normal) {
  Complaint c;
  c.received_at = morning();
  c.complainant = "李先生";
  c.unit = "5栋-0801";
  c.content = "电梯异响";
  c.received_by = "S001";
  c.severity = severity;
  if (severity == Severity::serious) c.serious_criteria = {SeriousCriterion::media};
  c = create_checked(c, actor_as(Role::receptionist)).value();
  c = perform(c, c, ComplaintAction::investigate, actor_as(Role::supervisor)).value();
  Complaint d = c;
  d.investigation = "导轨缺油";
  if (severity == Severity::serious) {
    d.escalated_in_writing = true;
    d.escalation = EscalationLevel::project_manager;
  }
  return perform(c, d, ComplaintAction::judge_valid, actor_as(Role::supervisor)).value();
}
}  // namespace

TEST_CASE("(rule) hold: the clock stops while held — the due time moves by the held time inside the run") {
  const Timestamp start = morning();  // 09:00
  const Deadline d{start + 3 * kDay, std::nullopt};
  // A hold across the due time, from 2 h before it to 5 h after: the due time moves on as the hold goes
  // on, so all 7 h fell inside the run.
  const auto across = held_deadline(d, {hold(d.due + (-2 * kHour), d.due + 5 * kHour)}, start);
  CHECK(across.due == d.due + 7 * kHour);
  CHECK(across.held_ms == 7 * kHour);
  CHECK(deadline_status(across, d.due + 6 * kHour) != DeadlineStatus::overdue);
  CHECK(deadline_status(across, d.due + 7 * kHour + 1) == DeadlineStatus::overdue);
  CHECK(deadline_status(without_holds(across), d.due + 6 * kHour) == DeadlineStatus::overdue);
  // Across midnight: 22:00 → 08:00 next day is 10 h.
  const Timestamp night = from_civil({2026, 11, 23, 22});
  CHECK(held_deadline(d, {hold(night, night + 10 * kHour)}, start).due == d.due + 10 * kHour);
  // Begun after the due time: already overdue, nothing moves.
  CHECK(held_deadline(d, {hold(d.due + kHour, d.due + 9 * kHour)}, start).due == d.due);
  // Begun before the clock started: only the part after the start counts.
  CHECK(held_deadline(d, {hold(start + (-2 * kHour), start + kHour)}, start).due == d.due + kHour);
  // Two holds: the second counts against the due time the first already moved.
  const auto two = held_deadline(
      d, {hold(d.due + (-kHour), d.due + 2 * kHour), hold(d.due + 150 * kMinute, d.due + 4 * kHour)}, start);
  CHECK(two.due == d.due + 3 * kHour + 90 * kMinute);
  // Done while held: held until then, and met.
  Deadline done = d;
  done.done = d.due + 2 * kHour;
  const auto while_held = held_deadline(done, {hold(d.due + (-kHour), std::nullopt)}, start);
  CHECK(while_held.due == d.due + 3 * kHour);  // held from 1 h before the due time until done
  CHECK(deadline_status(while_held, d.due + 5 * kHour) == DeadlineStatus::met);
  CHECK(deadline_status(without_holds(while_held), d.due + 5 * kHour) == DeadlineStatus::missed);
}

TEST_CASE("(rule) hold: a hold still in force pauses the deadline — not due, whatever the hour") {
  const Timestamp start = morning();
  const Deadline d{start + kDay, std::nullopt};
  const auto paused = held_deadline(d, {hold(start + 20 * kHour, std::nullopt, HoldReason::customer_away)}, start);
  REQUIRE(paused.paused_at);
  CHECK(*paused.paused_at == start + 20 * kHour);
  CHECK(paused.paused_for == HoldReason::customer_away);
  CHECK(deadline_status(paused, start + 10 * kDay) == DeadlineStatus::not_due);
  CHECK(deadline_status(without_holds(paused), start + 10 * kDay) == DeadlineStatus::overdue);
  // A hold in force that began after the due time: still overdue.
  const auto late = held_deadline(d, {hold(start + 2 * kDay, std::nullopt)}, start);
  CHECK_FALSE(late.paused_at);
  CHECK(deadline_status(late, start + 3 * kDay) == DeadlineStatus::overdue);
}

TEST_CASE("hold: time on hold per reason, for statistics") {
  const Timestamp t = morning();
  const std::vector<Hold> holds{hold(t, t + 2 * kHour, HoldReason::waiting_parts),
                                hold(t + 3 * kHour, t + 4 * kHour, HoldReason::customer_away),
                                hold(t + 5 * kHour, std::nullopt, HoldReason::waiting_parts)};
  CHECK(time_held(holds, HoldReason::waiting_parts, t + 6 * kHour) == 3 * kHour);
  CHECK(time_held(holds, HoldReason::customer_away, t + 6 * kHour) == kHour);
  CHECK(time_held(holds, HoldReason::other_party, t + 6 * kHour) == 0);
}

TEST_CASE("hold: a complaint on hold — its own steps, in the history; the 3-day clock stops") {
  Complaint c = judged();
  const Deadline before = *complaint_record_deadline(c);
  // A note is needed.
  auto no_note = place_on_hold(c, HoldReason::other_party, " ", actor_as(Role::receptionist, morning() + kDay));
  REQUIRE_FALSE(no_note.ok());
  CHECK(no_note.errors().front().where == "holds");
  auto held =
      place_on_hold(c, HoldReason::other_party, "待供水公司检修", actor_as(Role::receptionist, morning() + kDay));
  REQUIRE(held.ok());
  c = held.value();
  CHECK(c.meta.history.back().action == "hold:other_party");
  CHECK(complaint_record_deadline(c)->paused_for == HoldReason::other_party);
  CHECK(deadline_status(*complaint_record_deadline(c), morning() + 5 * kDay) == DeadlineStatus::not_due);
  // Not twice.
  CHECK_FALSE(place_on_hold(c, HoldReason::waiting_parts, "再等", actor_as(Role::receptionist)).ok());
  // Resumed after 2 days: the deadline is 2 days later.
  c = end_hold(c, actor_as(Role::receptionist, morning() + 3 * kDay)).value();
  CHECK(c.meta.history.back().action == "resume");
  CHECK(c.holds.back().to == morning() + 3 * kDay);
  CHECK(complaint_record_deadline(c)->due == before.due + 2 * kDay);
  CHECK_FALSE(end_hold(c, actor_as(Role::receptionist)).ok());  // nothing to resume
  // Holds are not edited by hand, nor slipped into a step's draft.
  Complaint edited = c;
  edited.holds.clear();
  auto by_hand = edit_checked(c, edited, actor_as(Role::supervisor));
  REQUIRE_FALSE(by_hand.ok());
  CHECK(by_hand.errors().front().where == "holds");
  edited.cause_analysis = "供水公司管道检修";
  CHECK_FALSE(perform(c, edited, ComplaintAction::escalate, actor_as(Role::supervisor)).ok());
}

TEST_CASE("hold: only a supervisor puts a 严重 complaint on hold") {
  const Complaint c = judged(Severity::serious);
  auto by_desk = place_on_hold(c, HoldReason::customer_away, "业主出差，下周回", actor_as(Role::receptionist));
  REQUIRE_FALSE(by_desk.ok());
  CHECK(by_desk.errors().front().message.zh.find("主管") != std::string::npos);
  CHECK(place_on_hold(c, HoldReason::customer_away, "业主出差，下周回", actor_as(Role::supervisor)).ok());
  // An ordinary one may be held by the desk.
  CHECK(place_on_hold(judged(), HoldReason::customer_away, "业主出差", actor_as(Role::receptionist)).ok());
}

TEST_CASE("hold: a repair waiting for parts; the next step ends the hold") {
  Repair r;
  r.received_at = morning();
  r.unit = "3栋-1202";
  r.description = "水龙头漏水";
  r.received_by = "S001";
  r.urgency = Urgency::emergency;
  r = create_checked(r, actor_as(Role::receptionist)).value();
  r = place_on_hold(r, HoldReason::customer_away, "敲门无人应答，已电话联系",
                    actor_as(Role::technician, morning() + 5 * kMinute))
          .value();
  // The 15-minute arrival clock is paused with 10 minutes left.
  CHECK(deadline_status(*repair_emergency_arrival_deadline(r), morning() + kHour) == DeadlineStatus::not_due);
  Repair d = r;
  d.technician = "T01";
  r = perform(r, d, RepairAction::dispatch, actor_as(Role::supervisor, morning() + kHour)).value();
  CHECK(r.holds.back().to == morning() + kHour);  // ended by the step
  const Deadline arrival = *repair_emergency_arrival_deadline(r);
  CHECK(arrival.due == morning() + 15 * kMinute + 55 * kMinute);
  CHECK(arrival.held_ms == 55 * kMinute);
  // A finished repair cannot be put on hold.
  Repair closed = r;
  closed.status = RepairStatus::accepted;
  CHECK_FALSE(place_on_hold(closed, HoldReason::waiting_parts, "等配件", actor_as(Role::technician)).ok());
}

TEST_CASE("hold: statistics judge compliance with and without hold time, and sum time on hold per reason") {
  Complaint c = judged();  // judged on the 22nd at 09:30: to be analysed within 3 days
  c = place_on_hold(c, HoldReason::other_party, "待供水公司检修", actor_as(Role::receptionist, morning() + kDay))
          .value();
  c = end_hold(c, actor_as(Role::receptionist, morning() + 3 * kDay)).value();
  Complaint d = c;
  d.cause_analysis = "供水公司管道检修";
  d.responsibility = "供水公司";
  d.corrective_action = "协调供水公司";
  d.corrective_due = morning() + 6 * kDay;
  // Filed on day 4: late by the raw clock (3 days), on time with the 2 days on hold.
  c = perform(c, d, ComplaintAction::start_handling, actor_as(Role::receptionist, morning() + 4 * kDay)).value();
  Dataset data;
  data.table<Complaint>().upsert(c);
  const CivilTime day = to_civil(morning());
  const MonthlyStats s = monthly_stats(data, "", day.year, day.month, morning() + 5 * kDay);
  const auto it = std::find_if(s.compliance.begin(), s.compliance.end(),
                               [](const RuleCompliance& r) { return r.rule == "complaint_record_3d"; });
  REQUIRE(it != s.compliance.end());
  CHECK(it->met == 1);
  CHECK(it->rate() == 1.0);
  CHECK(it->met_counting_holds == 0);
  CHECK(it->judged_counting_holds == 1);
  CHECK(it->rate_counting_holds() == 0.0);
  CHECK(s.hold_ms_by_reason.at("other_party") == 2 * kDay);
  CHECK(s.held_records == 1);
  bool row_raw = false, row_hours = false;
  for (const auto& r : stats_rows(s)) {
    row_raw |= r[kItem] == "时限达标率（暂停时间照计）" && r[kValue] == "0.0" && r[kDenominator] == "1";
    row_hours |=
        r[kItem] == "暂停时长" && r[kCategory] == "待其他单位处理" && r[kValue] == "48.0" && r[kUnit] == "小时";
  }
  CHECK(row_raw);
  CHECK(row_hours);
}
