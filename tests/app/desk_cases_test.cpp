// The desk's side of the case library (issue 15): closing a serious complaint
// stores its case in the same durable write; a supervisor marks any complaint.
#include <catch2/catch.hpp>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"
#include "held_persist.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Complaint serious_draft() {
  Complaint c;
  c.received_at = morning();
  c.complainant = "赵红梅";
  c.unit = "8栋-2306";
  c.phone = "13698765432";
  c.type = ComplaintType::attitude;
  c.matter = "赵红梅投诉前台态度";
  c.content = "8栋-2306赵红梅来电13698765432，称前台员工说“这事不归我们管”，已向报社反映";
  c.received_by = "S001";
  c.severity = Severity::serious;
  c.serious_criteria = {SeriousCriterion::media};
  return c;
}

// Runs a step on the stored complaint `id` and lets it persist.
void step(Desk& desk, HeldPersist& persist, const std::string& id, ComplaintAction a, Role role,
          void (*fill)(Complaint&) = nullptr) {
  Complaint d = *desk.data().table<Complaint>().find(id);
  if (fill) fill(d);
  const auto errors = desk.perform(d, a, actor_as(role, morning() + kHour));
  INFO(enum_code(a) << ": " << (errors.empty() ? std::string() : errors.front().message.en));
  REQUIRE(errors.empty());
  persist.finish();
}

// A serious complaint up to 回访, ready to close.
std::string called_back(Desk& desk, HeldPersist& persist) {
  REQUIRE(desk.save(serious_draft(), actor_as(Role::receptionist)).empty());
  persist.finish();
  const std::string id = desk.data().table<Complaint>().rows().back().meta.id;
  step(desk, persist, id, ComplaintAction::investigate, Role::supervisor);
  step(desk, persist, id, ComplaintAction::judge_valid, Role::supervisor, [](Complaint& c) {
    c.investigation = "监控录音属实，员工对赵红梅推诿";
    c.escalated_in_writing = true;
    c.escalation = EscalationLevel::project_manager;
  });
  step(desk, persist, id, ComplaintAction::start_handling, Role::supervisor, [](Complaint& c) {
    c.cause_analysis = "新员工未接受首问负责制培训";
    c.responsibility = "客服主管培训不到位";
    c.corrective_action = "当面向8栋-2306业主道歉";
    c.corrective_due = morning() + kDay;
  });
  step(desk, persist, id, ComplaintAction::reply, Role::supervisor,
       [](Complaint& c) { c.reply = "项目经理上门向赵女士道歉"; });
  step(desk, persist, id, ComplaintAction::callback, Role::project_manager);
  return id;
}
}  // namespace

TEST_CASE("case library: closing a serious complaint stores its anonymised case in the same durable write") {
  HeldPersist persist;
  const std::string dir = fresh_dir("cases-close");
  Desk desk(dir, persist.fn());
  desk.load();
  const std::string id = called_back(desk, persist);
  CHECK(desk.data().table<CaseStudy>().size() == 0);

  Complaint closing = *desk.data().table<Complaint>().find(id);
  closing.prevention = "新员工上岗前必须通过投诉处理情景考核";
  REQUIRE(desk.perform(closing, ComplaintAction::close, actor_as(Role::center_manager, morning() + 2 * kDay)).empty());
  // Not yet durable: neither the close nor the case is applied.
  CHECK(desk.data().table<CaseStudy>().size() == 0);
  CHECK(desk.data().table<Complaint>().find(id)->status != ComplaintStatus::closed);
  persist.finish();
  CHECK(desk.data().table<Complaint>().find(id)->status == ComplaintStatus::closed);
  REQUIRE(desk.data().table<CaseStudy>().size() == 1);
  CHECK(desk.status().zh.find("已列入案例库") != std::string::npos);

  // After a reload both are there: one write.
  Desk again(dir, [](Desk::PersistDone done) { done(true, ""); });
  again.load();
  REQUIRE(again.data().table<CaseStudy>().size() == 1);
  const CaseStudy& k = again.data().table<CaseStudy>().rows().front();
  CHECK(k.source_id == id);
  CHECK(k.origin == CaseOrigin::serious_closed);
  CHECK(k.prevention == "新员工上岗前必须通过投诉处理情景考核");
  CHECK(k.cause_analysis == "新员工未接受首问负责制培训");
  // Nothing personal anywhere in the case record (data, meta and history).
  const std::string record = record_to_json(k).dump();
  for (const char* personal : {"赵红梅", "13698765432", "8栋-2306", "2306"}) {
    INFO(personal);
    CHECK(record.find(personal) == std::string::npos);
  }
  CHECK(k.what_happened.find("某栋某户") != std::string::npos);
  CHECK(k.what_happened.find("赵**") != std::string::npos);
}

TEST_CASE("case library: a supervisor marks a complaint as a case, once; a receptionist may not") {
  HeldPersist persist;
  Desk desk(fresh_dir("cases-mark"), persist.fn());
  desk.load();
  Complaint ordinary = serious_draft();
  ordinary.severity = Severity::normal;
  ordinary.serious_criteria.clear();
  REQUIRE(desk.save(ordinary, actor_as(Role::receptionist)).empty());
  persist.finish();
  const std::string id = desk.data().table<Complaint>().rows().back().meta.id;

  const auto refused = desk.mark_case(id, actor_as(Role::receptionist));
  REQUIRE_FALSE(refused.empty());
  CHECK(refused.front().where == "role");
  CHECK(desk.mark_case("no-such-id", actor_as(Role::supervisor)).size() == 1);

  REQUIRE(desk.mark_case(id, actor_as(Role::supervisor)).empty());
  persist.finish();
  REQUIRE(desk.data().table<CaseStudy>().size() == 1);
  const CaseStudy& k = desk.data().table<CaseStudy>().rows().front();
  CHECK(k.origin == CaseOrigin::marked);
  CHECK(k.severity == Severity::normal);
  CHECK(record_to_json(k).dump().find("赵红梅") == std::string::npos);
  CHECK(k.meta.history.front().by == "S001");

  // Once per complaint.
  const auto again = desk.mark_case(id, actor_as(Role::supervisor));
  REQUIRE_FALSE(again.empty());
  CHECK(again.front().message.zh.find("已在案例库") != std::string::npos);
}
