// 工作联系单 (issue 14 item 14): a referral answered by the department within 3 days.
#include "core/referral.hpp"

#include <catch2/catch.hpp>

#include "core/complaint.hpp"
#include "core/stats.hpp"
#include "core/todo.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Complaint complaint() {
  Complaint c;
  c.received_at = morning();
  c.complainant = "李先生";
  c.unit = "5栋-0801";
  c.matter = "楼道积水";
  c.content = "5栋地下室楼道积水";
  c.received_by = "S001";
  return create_checked(c, actor_as(Role::receptionist)).value();
}
Referral sent(Timestamp at = morning()) {
  const Complaint c = complaint();
  return create_checked(referral_for(c, Department::engineering, c.matter, c.content, c.unit, at, "S001"),
                        actor_as(Role::receptionist, at))
      .value();
}
}  // namespace

TEST_CASE("referral: one action from a complaint — linked back, sent now") {
  const Complaint c = complaint();
  const Referral r = referral_for(c, Department::cleaning, c.matter, c.content, c.unit, morning(), "S002");
  CHECK(r.source_type == "complaint");
  CHECK(r.source_id == c.meta.id);
  CHECK(r.subject == "楼道积水");
  CHECK(r.sent_by == "S002");
  CHECK(validate(r).empty());
}

TEST_CASE("(rule) referral_response_3d: the department answers within 3 calendar days") {
  Referral r = sent();
  const Deadline d = *referral_response_deadline(r);
  CHECK(d.due == morning() + 3 * kDay);
  CHECK(deadline_status(d, morning() + 3 * kDay) != DeadlineStatus::overdue);
  CHECK(deadline_status(d, morning() + 3 * kDay + 1) == DeadlineStatus::overdue);
  // An answer needs its text and who gave it.
  auto bare = perform(r, r, ReferralAction::record_answer, actor_as(Role::receptionist, morning() + kDay));
  REQUIRE_FALSE(bare.ok());
  CHECK(error_for(bare.errors(), "answer"));
  CHECK(error_for(bare.errors(), "answered_by"));
  Referral d2 = r;
  d2.answer = "已疏通排水沟";
  d2.answered_by = "工程部 陈工";
  r = perform(r, d2, ReferralAction::record_answer, actor_as(Role::receptionist, morning() + 3 * kDay)).value();
  CHECK(r.status == ReferralStatus::answered);
  CHECK(deadline_status(*referral_response_deadline(r), morning() + 5 * kDay) == DeadlineStatus::met);
  r = perform(r, r, ReferralAction::close, actor_as(Role::receptionist, morning() + 4 * kDay)).value();
  CHECK_FALSE(is_open(r));
}

TEST_CASE("referral: in Today while waiting, due soon in its last 18 hours, and in the month's compliance") {
  Dataset data;
  Referral r = sent();
  data.table<Referral>().upsert(r);
  auto find = [&](Timestamp now) -> std::optional<TodoItem> {
    for (const auto& t : todo(data, now))
      if (t.type == "referral") return t;
    return std::nullopt;
  };
  REQUIRE(find(morning() + kDay));
  CHECK(find(morning() + kDay)->waiting);  // 待办理：登记部门回复
  CHECK(find(morning() + kDay)->what.zh == "待办理：登记部门回复");
  REQUIRE(find(morning() + 2 * kDay + 7 * kHour));
  CHECK(find(morning() + 2 * kDay + 7 * kHour)->rule == "referral_response_3d");
  CHECK(find(morning() + 2 * kDay + 7 * kHour)->status == DeadlineStatus::due_soon);
  const CivilTime m = to_civil(morning());
  const MonthlyStats s = monthly_stats(data, "", m.year, m.month, morning() + 4 * kDay);
  bool seen = false;
  for (const auto& c : s.compliance)
    if (c.rule == "referral_response_3d") {
      seen = true;
      CHECK(c.overdue == 1);
    }
  CHECK(seen);
}
