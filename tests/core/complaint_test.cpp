// 投诉 (SPEC §2): the workflow, the authority to close, and every deadline.
#include "core/complaint.hpp"

#include <catch2/catch.hpp>

#include "core/callback.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Complaint draft() {
  Complaint c;
  c.received_at = morning();
  c.complainant = "李先生";
  c.unit = "5栋-0801";
  c.phone = "13900001111";
  c.type = ComplaintType::equipment;
  c.matter = "电梯异响";
  c.content = "5栋电梯运行时有异响，已经一周";
  c.received_by = "S001";
  return c;
}

const Actor kDesk = actor_as(Role::receptionist);
const Actor kSup = actor_as(Role::supervisor);
const Actor kManager = actor_as(Role::center_manager);

Complaint step(const Complaint& c, ComplaintAction a, const Actor& who, void (*fill)(Complaint&) = nullptr) {
  Complaint d = c;
  if (fill) fill(d);
  auto r = perform(c, d, a, who);
  INFO(enum_code(a) << ": " << (r ? std::string() : r.errors().front().message.en));
  REQUIRE(r.ok());
  return r.value();
}

Complaint judged_valid(Timestamp at = morning()) {
  auto c = create_checked(draft(), kDesk).value();
  Actor sup = kSup;
  sup.now = at;
  c = step(c, ComplaintAction::investigate, sup);
  return step(c, ComplaintAction::judge_valid, sup, [](Complaint& x) { x.investigation = "现场确认电梯导轨缺油"; });
}

void fill_record(Complaint& x) {
  x.cause_analysis = "保养不到位";
  x.responsibility = "电梯维保单位";
  x.corrective_action = "导轨加油，增加保养频次";
  x.corrective_due = morning() + 2 * kDay;
}
}  // namespace

TEST_CASE("complaint: the legal path 受理 → 调查 → 有效 → 处理 → 答复 → 回访 → 关闭") {
  auto c = judged_valid();
  CHECK(c.status == ComplaintStatus::valid);
  CHECK(c.judged_at == morning());
  c = step(c, ComplaintAction::start_handling, kDesk, fill_record);
  CHECK(c.record_filed_at);
  c = step(c, ComplaintAction::reply, kDesk, [](Complaint& x) { x.reply = "已加油保养，异响消除"; });
  CHECK(c.status == ComplaintStatus::replied);
  c = step(c, ComplaintAction::callback, kDesk);
  c = step(c, ComplaintAction::close, kSup);
  CHECK(c.status == ComplaintStatus::closed);
  CHECK(c.meta.revision == 7);  // create + six steps
  CHECK(c.meta.history.back().action == "close");
}

TEST_CASE("complaint: the invalid path explains and is called back too") {
  auto c = create_checked(draft(), kDesk).value();
  c = step(c, ComplaintAction::investigate, kSup);
  c = step(c, ComplaintAction::judge_invalid, kSup, [](Complaint& x) { x.investigation = "属正常运行声音"; });
  c = step(c, ComplaintAction::reply, kDesk, [](Complaint& x) { x.reply = "经检测属正常运行声音"; });
  CHECK(c.status == ComplaintStatus::replied);
}

TEST_CASE("complaint: judging records seed 002's criteria, and refuses the other side's (issue 14 item 13)") {
  CHECK(valid_complaint_criteria().size() == 5);
  CHECK(invalid_complaint_criteria().size() == 3);
  auto c = create_checked(draft(), kDesk).value();
  c = step(c, ComplaintAction::investigate, kSup);
  const Complaint investigating = c;
  // 判定有效 citing 「依据不充分」 is refused, with the criteria named.
  Complaint wrong = c;
  wrong.investigation = "现场确认电梯导轨缺油";
  wrong.validity_criteria = {"v3", "i2"};
  auto r = perform(c, wrong, ComplaintAction::judge_valid, kSup);
  REQUIRE_FALSE(r.ok());
  REQUIRE(error_for(r.errors(), "validity_criteria"));
  CHECK(error_for(r.errors(), "validity_criteria")->message.zh == "判定有效，但勾选了无效投诉的情形，请改正");
  // The same criteria judged invalid: refused the other way.
  wrong.validity_criteria = {"v3"};
  CHECK(error_for(perform(c, wrong, ComplaintAction::judge_invalid, kSup).errors(), "validity_criteria"));
  // An unknown code is refused.
  wrong.validity_criteria = {"x9"};
  CHECK(error_for(perform(c, wrong, ComplaintAction::judge_valid, kSup).errors(), "validity_criteria"));
  CHECK(c == investigating);
  // The criteria that applied stay on the record through the rest of the path.
  c = step(c, ComplaintAction::judge_valid, kSup, [](Complaint& x) {
    x.investigation = "现场确认电梯导轨缺油";
    x.validity_criteria = {"v3"};
  });
  c = step(c, ComplaintAction::start_handling, kDesk, fill_record);
  CHECK(c.validity_criteria == std::vector<std::string>{"v3"});
  // After the reply the valid path is still known (the record was filed): no invalid criterion may be added.
  c = step(c, ComplaintAction::reply, kDesk, [](Complaint& x) { x.reply = "已加油保养，异响消除"; });
  Complaint later = c;
  later.validity_criteria.push_back("i1");
  CHECK(error_for(validate(later), "validity_criteria"));
  // An invalid judgement citing 「须由政府解决」 is kept after its reply.
  auto inv = create_checked(draft(), kDesk).value();
  inv = step(inv, ComplaintAction::investigate, kSup);
  inv = step(inv, ComplaintAction::judge_invalid, kSup, [](Complaint& x) {
    x.investigation = "属市政道路施工噪音";
    x.validity_criteria = {"i3"};
  });
  inv = step(inv, ComplaintAction::reply, kDesk, [](Complaint& x) { x.reply = "已解释：应向城管部门反映"; });
  Complaint inv_later = inv;
  inv_later.validity_criteria.push_back("v1");
  CHECK(error_for(validate(inv_later), "validity_criteria"));
}

TEST_CASE("complaint: illegal transitions are refused with the reason") {
  const auto c = create_checked(draft(), kDesk).value();
  // Every action except investigate and escalate is illegal from 受理.
  for (const auto& a : enum_entries(ComplaintAction{})) {
    auto r = perform(c, c, a.value, kManager);
    const bool legal = a.value == ComplaintAction::investigate || a.value == ComplaintAction::escalate;
    INFO(a.code);
    CHECK(r.ok() == legal);
    if (!r.ok()) CHECK(r.errors().front().message.zh.find("受理") != std::string::npos);
  }
  auto valid = judged_valid();
  CHECK_FALSE(perform(valid, valid, ComplaintAction::reply, kDesk).ok());  // must handle first
  CHECK_FALSE(perform(valid, valid, ComplaintAction::judge_invalid, kSup).ok());
}

TEST_CASE("complaint: a valid complaint needs cause, responsibility and a dated corrective action") {
  auto c = judged_valid();
  auto r = perform(c, c, ComplaintAction::start_handling, kDesk);
  REQUIRE_FALSE(r.ok());
  for (const char* key : {"cause_analysis", "responsibility", "corrective_action", "corrective_due"})
    CHECK(error_for(r.errors(), key));
}

TEST_CASE("complaint: judging needs a supervisor; closing a serious one needs a manager") {
  auto c = create_checked(draft(), kDesk).value();
  auto r = perform(c, c, ComplaintAction::investigate, kDesk);
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors().front().where == "role");

  auto serious = draft();
  serious.severity = Severity::serious;
  serious.serious_criteria = {SeriousCriterion::media};
  auto s = create_checked(serious, kDesk).value();
  s = step(s, ComplaintAction::investigate, kSup);
  // 严重 is escalated in writing before it can be judged.
  auto refused = perform(s, s, ComplaintAction::judge_valid, kSup);
  REQUIRE_FALSE(refused.ok());
  CHECK(error_for(refused.errors(), "escalated_in_writing"));
  s = step(s, ComplaintAction::judge_valid, kSup, [](Complaint& x) {
    x.investigation = "属实";
    x.escalated_in_writing = true;
    x.escalation = EscalationLevel::project_manager;
  });
  s = step(s, ComplaintAction::start_handling, kDesk, fill_record);
  s = step(s, ComplaintAction::reply, kDesk, [](Complaint& x) { x.reply = "已处理"; });
  // SPEC §4: a major complaint is called back by the project manager.
  CHECK_FALSE(perform(s, s, ComplaintAction::callback, kManager).ok());
  s = step(s, ComplaintAction::callback, actor_as(Role::project_manager));
  auto by_sup = perform(s, s, ComplaintAction::close, kSup);
  REQUIRE_FALSE(by_sup.ok());
  CHECK(by_sup.errors().front().message.zh.find("物业服务中心经理") != std::string::npos);
  // The closed major complaint becomes a case: prevention is required.
  auto no_case = perform(s, s, ComplaintAction::close, kManager);
  REQUIRE_FALSE(no_case.ok());
  CHECK(error_for(no_case.errors(), "prevention"));
  Complaint with_case = s;
  with_case.prevention = "每月检查电梯保养记录";
  CHECK(perform(s, with_case, ComplaintAction::close, kManager).ok());
}

TEST_CASE("complaint: a serious complaint's result is due 48 hours after receipt") {
  auto c = draft();
  c.severity = Severity::serious;
  auto d = complaint_serious_result_deadline(c);
  REQUIRE(d);
  CHECK(d->due == morning() + 48 * kHour);
  CHECK(deadline_status(*d, morning() + 48 * kHour) != DeadlineStatus::overdue);
  CHECK(deadline_status(*d, morning() + 48 * kHour + 1) == DeadlineStatus::overdue);
  c.replied_at = morning() + 48 * kHour;
  CHECK(deadline_status(*complaint_serious_result_deadline(c), morning() + 50 * kHour) == DeadlineStatus::met);
  c.replied_at = morning() + 48 * kHour + kMinute;
  CHECK(deadline_status(*complaint_serious_result_deadline(c), morning() + 50 * kHour) == DeadlineStatus::missed);
  CHECK_FALSE(complaint_serious_result_deadline(draft()));
}

TEST_CASE("complaint: invalid explained within 1 day, valid analysed within 3 days of the judgement") {
  // Judged at 23:30 on 30 November: the 1-day explanation is due 23:30 on 1 December.
  const Timestamp late = from_civil({2026, 11, 30, 23, 30});
  Complaint c = draft();
  c.status = ComplaintStatus::invalid;
  c.judged_at = late;
  auto d = complaint_invalid_reply_deadline(c);
  REQUIRE(d);
  CHECK(to_civil(d->due) == CivilTime{2026, 12, 1, 23, 30});
  CHECK_FALSE(complaint_record_deadline(c));

  auto v = judged_valid(late);
  auto r = complaint_record_deadline(v);
  REQUIRE(r);
  CHECK(to_civil(r->due) == CivilTime{2026, 12, 3, 23, 30});
  CHECK(deadline_status(*r, from_civil({2026, 12, 3, 23, 29})) == DeadlineStatus::due_soon);
  CHECK_FALSE(complaint_invalid_reply_deadline(v));
}

TEST_CASE("complaint: another organisation involved: complainant contacted within 3 days") {
  auto c = draft();
  c.involves_other_org = true;
  auto d = complaint_other_org_deadline(c);
  REQUIRE(d);
  CHECK(d->due == morning() + 3 * kDay);
  c.other_org_contacted_at = morning() + kDay;
  CHECK(deadline_status(*complaint_other_org_deadline(c), morning() + 5 * kDay) == DeadlineStatus::met);
}

TEST_CASE("complaint: replying creates its callback, due 3 days later, required") {
  auto c = judged_valid();
  c = step(c, ComplaintAction::start_handling, kDesk, fill_record);
  CHECK_FALSE(callback_for(c));
  Actor later = kDesk;
  later.now = from_civil({2026, 11, 29, 16, 0});
  Complaint d = c;
  d.reply = "已处理";
  c = perform(c, d, ComplaintAction::reply, later).value();
  auto cb = callback_for(c);
  REQUIRE(cb);
  CHECK(cb->source == CallbackSource::complaint);
  CHECK(cb->source_id == c.meta.id);
  CHECK(cb->required);
  CHECK(to_civil(cb->due) == CivilTime{2026, 12, 2, 16, 0});  // across the month end
  CHECK(validate(*cb).empty());
}

TEST_CASE("complaint: the 12-step procedure and four golden rules are the checklist") {
  CHECK(complaint_procedure().size() == 12);
  CHECK(golden_rules().size() == 4);
  CHECK(std::string(golden_rules()[1].zh) == "道歉");
  auto c = draft();
  c.checklist_done = {"p01", "g1"};
  CHECK(validate(c).empty());
  c.checklist_done.push_back("p13");
  CHECK(error_for(validate(c), "checklist_done"));
}

TEST_CASE("complaint: editing cannot change the workflow state or skip permission") {
  auto c = create_checked(draft(), kDesk).value();
  Complaint edited = c;
  edited.status = ComplaintStatus::closed;
  edited.content = "补充：夜间更明显";
  auto r = edit_checked(c, edited, kDesk);
  REQUIRE(r.ok());
  CHECK(r->status == ComplaintStatus::received);
  CHECK(r->content == "补充：夜间更明显");
  CHECK_FALSE(edit_checked(c, edited, actor_as(Role::technician)).ok());
  CHECK_FALSE(delete_checked(c, kDesk).ok());
  CHECK(delete_checked(c, kSup)->meta.deleted);
}
