#include "core/visit.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("visit: a complete visit validates") {
  CHECK(validate(sample_visit()).empty());
}

TEST_CASE("visit: content and receiving staff are required") {
  Visit v = sample_visit();
  v.content = "  \xE3\x80\x80 ";  // spaces and an ideographic space only
  v.received_by = "";
  const Errors e = validate(v);
  REQUIRE(error_for(e, "content"));
  CHECK(error_for(e, "content")->message.zh == "请填写来访内容");
  CHECK(error_for(e, "received_by"));
}

TEST_CASE("visit: 24-hour promise needs the visitor's name and phone (SPEC §1)") {
  Visit v = sample_visit();
  v.outcome = VisitOutcome::promised_24h;
  v.visitor_name = "";
  v.phone = "";
  const Errors e = validate(v);
  CHECK(error_for(e, "visitor_name"));
  REQUIRE(error_for(e, "phone"));
  CHECK(error_for(e, "phone")->message.en == "A 24-hour promise needs a phone number");
  v.visitor_name = "李堃";
  v.phone = "0755-8888 1234";
  CHECK(validate(v).empty());
}

TEST_CASE("visit: answered outcomes need the answer; asking a colleague needs whom") {
  Visit v = sample_visit();
  v.answer = "";
  CHECK(error_for(validate(v), "answer"));
  v.answer = "已答复";
  v.outcome = VisitOutcome::answered_after_colleague;
  CHECK(error_for(validate(v), "consulted"));
  v.consulted = Consulted::supervisor;
  CHECK(validate(v).empty());
}

TEST_CASE("visit: phone numbers") {
  CHECK(plausible_phone("13812345678"));
  CHECK(plausible_phone("+86 138-1234-5678"));
  CHECK(plausible_phone("0755-88881234"));
  CHECK_FALSE(plausible_phone("123456"));                  // too short
  CHECK_FALSE(plausible_phone("138l2345678"));             // a letter
  CHECK_FALSE(plausible_phone("-13812345678"));            // leading dash
  CHECK_FALSE(plausible_phone("1381234567812345678901"));  // too long
  Visit v = sample_visit();
  v.phone = "电话";
  CHECK(error_for(validate(v), "phone"));
}

TEST_CASE("visit: the 24-hour promise is due 24 h after the visit, across midnight and month end") {
  Visit v = sample_visit(from_civil({2026, 11, 30, 23, 15}));
  v.outcome = VisitOutcome::promised_24h;
  CHECK(inquiry_promise_due(v) == from_civil({2026, 12, 1, 23, 15}));
  auto d = inquiry_promise_deadline(v);
  REQUIRE(d);
  CHECK(deadline_status(*d, from_civil({2026, 12, 1, 10, 0})) == DeadlineStatus::not_due);
  CHECK(deadline_status(*d, from_civil({2026, 12, 1, 20, 0})) == DeadlineStatus::due_soon);
  CHECK(deadline_status(*d, from_civil({2026, 12, 1, 23, 15})) == DeadlineStatus::due_soon);
  CHECK(deadline_status(*d, from_civil({2026, 12, 1, 23, 16})) == DeadlineStatus::overdue);
  v.follow_up_done = from_civil({2026, 12, 1, 9, 0});
  CHECK(deadline_status(*inquiry_promise_deadline(v), from_civil({2026, 12, 5})) == DeadlineStatus::met);
  v.follow_up_done = from_civil({2026, 12, 2, 9, 0});
  CHECK(deadline_status(*inquiry_promise_deadline(v), from_civil({2026, 12, 5})) == DeadlineStatus::missed);
}

TEST_CASE("visit: no promise, no deadline") {
  CHECK_FALSE(inquiry_promise_deadline(sample_visit()).has_value());
}

TEST_CASE("visit: a follow-up only belongs to a promise and not before the visit") {
  Visit v = sample_visit();
  v.follow_up_done = v.time + kHour;
  CHECK(error_for(validate(v), "follow_up_done"));
  v.outcome = VisitOutcome::promised_24h;
  v.follow_up_done = v.time + -kHour;
  CHECK(error_for(validate(v), "follow_up_done"));
}

#include "core/visit_turns.hpp"

TEST_CASE("visit: turning into a repair or complaint keeps who, where, what and the link") {
  Visit v = sample_visit();
  v.meta.id = "V1";
  v.purpose = VisitPurpose::complaint;
  v.content = "楼上装修噪音太大";
  const Complaint c = complaint_from_visit(v);
  CHECK(c.linked_visit == "V1");
  CHECK(c.channel == ComplaintChannel::in_person);
  CHECK(c.complainant == "王珺");
  CHECK(c.unit == "3栋-1202");
  CHECK(c.content == "楼上装修噪音太大");
  CHECK(c.received_at == v.time);
  CHECK(validate(c).empty());
  const Repair r = repair_from_visit(v);
  CHECK(r.linked_visit == "V1");
  CHECK(r.requester == "王珺");
  CHECK(validate(r).empty());
}
