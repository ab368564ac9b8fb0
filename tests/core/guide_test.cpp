#include "core/guide.hpp"

#include <catch2/catch.hpp>

#include "assets.hpp"
#include "core/manual_source.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {

const Script& reception() {
  static const Script s = [] {
    auto parsed = parse_script(read_asset("scripts/visit_reception.json"), shipped_phrases());
    if (!parsed) throw std::runtime_error(parsed.errors().front().where);
    return parsed.value();
  }();
  return s;
}

// A visitor walks in; nothing is known yet but the time and who receives them.
GuidedVisit walk_in() {
  Visit v;
  v.time = morning();
  v.received_by = "S001";
  return start_guided_visit(reception(), v);
}

// Takes the branch of the current step whose label starts with `label`.
Errors take(GuidedVisit& g, const std::string& label) {
  const auto& branches = current_step(g).branches;
  for (std::size_t i = 0; i < branches.size(); ++i)
    if (branches[i].label.zh.rfind(label, 0) == 0) return choose_branch(g, i);
  FAIL("no branch " << label << " at " << g.step);
  return {};
}

// From the start to the restated question, confirmed.
void to_question(GuidedVisit& g, const std::string& confirm) {
  REQUIRE(take(g, "").empty());  // a → b (single "继续")
  REQUIRE(take(g, "").empty());  // b → c
  REQUIRE(take(g, "客户坐下").empty());
  REQUIRE(take(g, "").empty());  // d → e
  REQUIRE(take(g, "").empty());  // e → g
  REQUIRE(take(g, "").empty());  // g → h
  REQUIRE(take(g, "一般咨询").empty());
  REQUIRE(g.step == "i_restate");
  CHECK_FALSE(take(g, confirm).empty());  // refused: content still empty
  REQUIRE(set_visit_field(g, "content", "询问地下车库月租车位怎么办理").empty());
  REQUIRE(take(g, confirm).empty());
}

void to_end(GuidedVisit& g) {
  REQUIRE(g.step == "o_anything_else");
  REQUIRE(take(g, "没有其它需求").empty());
  REQUIRE(take(g, "").empty());  // p → q
  REQUIRE(g.step == "q_record");
  REQUIRE(finish_guided_visit(g).empty());
  CHECK(g.finished);
}

}  // namespace

TEST_CASE("guide: answered on the spot") {
  GuidedVisit g = walk_in();
  to_question(g, "客户确认正确，我能答复");
  REQUIRE(g.step == "j_answer");
  const Errors refused = take(g, "客户满意");
  REQUIRE(error_for(refused, "answer"));  // no answer typed yet
  CHECK(g.step == "j_answer");            // nothing changed
  REQUIRE(set_visit_field(g, "answer", "带行驶证和身份证到服务中心办理").empty());
  REQUIRE(take(g, "客户满意").empty());
  to_end(g);
  const Visit v = leave_guided_visit(g);
  CHECK(v.purpose == VisitPurpose::consult);
  CHECK(v.content == "询问地下车库月租车位怎么办理");
  CHECK(v.outcome == VisitOutcome::answered_on_spot);
  CHECK(v.consulted == Consulted::none);
  CHECK(validate(v).empty());
}

TEST_CASE("guide: the escalation ladder — colleague, supervisor, manager's assistant, service center manager") {
  const std::pair<const char*, Consulted> cases[] = {{"同事答复了", Consulted::colleague},
                                                     {"主管答复了", Consulted::supervisor},
                                                     {"经理助理答复了", Consulted::manager_assistant},
                                                     {"服务中心经理答复了", Consulted::manager}};
  for (const auto& [label, who] : cases) {
    INFO(label);
    GuidedVisit g = walk_in();
    to_question(g, "客户确认正确，但我无把握答复");
    REQUIRE(g.step == "k_consult");
    REQUIRE(set_visit_field(g, "answer", "月租车位需先登记排队").empty());
    REQUIRE(take(g, label).empty());
    to_end(g);
    CHECK(g.draft.outcome == VisitOutcome::answered_after_colleague);
    CHECK(g.draft.consulted == who);
    CHECK(validate(g.draft).empty());
  }
}

TEST_CASE("guide: answered after an outside phone inquiry") {
  GuidedVisit g = walk_in();
  to_question(g, "客户确认正确，但我无把握答复");
  REQUIRE(take(g, "服务中心所有人员都答不了").empty());
  REQUIRE(g.step == "l_outside");
  REQUIRE(set_visit_field(g, "answer", "车管所答复：可网上预约").empty());
  REQUIRE(take(g, "电话查询后答复了").empty());
  to_end(g);
  CHECK(g.draft.outcome == VisitOutcome::answered_after_outside_inquiry);
  CHECK(g.draft.consulted == Consulted::none);
}

TEST_CASE("guide: nobody can answer → 24 h promise needs name and phone") {
  GuidedVisit g = walk_in();
  to_question(g, "客户确认正确，但我无把握答复");
  REQUIRE(take(g, "服务中心所有人员都答不了").empty());
  REQUIRE(take(g, "各种方法都一时无法查到").empty());
  REQUIRE(take(g, "客户同意登记").empty());
  REQUIRE(g.step == "n_register");
  Errors e = take(g, "客户确认姓名和电话无误");
  CHECK(error_for(e, "visitor_name"));
  CHECK(error_for(e, "phone"));
  CHECK(g.draft.outcome == VisitOutcome::pending);
  REQUIRE(set_visit_field(g, "visitor_name", "王珺").empty());
  REQUIRE(set_visit_field(g, "phone", "电话稍后给").empty());
  e = take(g, "客户确认姓名和电话无误");
  REQUIRE(error_for(e, "phone"));  // not a number
  CHECK_FALSE(error_for(e, "visitor_name"));
  REQUIRE(set_visit_field(g, "phone", "138 1234 5678").empty());
  REQUIRE(take(g, "客户确认姓名和电话无误").empty());
  to_end(g);
  CHECK(g.draft.outcome == VisitOutcome::promised_24h);
  CHECK(inquiry_promise_due(g.draft) == morning() + 24 * kHour);
}

TEST_CASE("guide: the visit turns into a repair or a complaint") {
  for (const auto& [label, purpose, kind] : {std::tuple{"客户要报修", VisitPurpose::repair, "repair"},
                                             std::tuple{"客户要投诉", VisitPurpose::complaint, "complaint"}}) {
    INFO(label);
    GuidedVisit g = walk_in();
    for (int i = 0; i < 2; ++i) REQUIRE(take(g, "").empty());
    REQUIRE(take(g, "客户只是短时咨询").empty());  // standing: straight to the question
    REQUIRE(take(g, "").empty());
    REQUIRE(take(g, label).empty());
    REQUIRE(set_visit_field(g, "content", "厨房水管漏水").empty());
    REQUIRE(take(g, "").empty());
    REQUIRE(take(g, "").empty());
    REQUIRE(finish_guided_visit(g).empty());
    CHECK(g.draft.purpose == purpose);
    CHECK(turns_into(g.draft) == kind);
  }
  CHECK(turns_into(sample_visit()).empty());
}

TEST_CASE("guide: the draft for each branch, without walking") {
  Visit draft = sample_visit();
  draft.outcome = VisitOutcome::pending;
  const Step& k = *reception().find("k_consult");
  auto after = visit_after_branch(draft, k.branches[2]);
  REQUIRE(after.ok());
  CHECK(after->outcome == VisitOutcome::answered_after_colleague);
  CHECK(after->consulted == Consulted::manager_assistant);
  draft.answer = "";
  CHECK(error_for(visit_after_branch(draft, k.branches[0]).errors(), "answer"));
}

TEST_CASE("guide: asking to repeat twice is allowed but put on record") {
  GuidedVisit g = walk_in();
  for (int i = 0; i < 6; ++i) REQUIRE(take(g, "").empty());  // a → … → h
  REQUIRE(take(g, "一般咨询").empty());
  REQUIRE(take(g, "客户确认有误").empty());
  REQUIRE(take(g, "").empty());
  CHECK(g.notes.empty());
  REQUIRE(take(g, "客户确认有误").empty());
  REQUIRE(g.notes.size() == 1);
  CHECK(g.notes[0].zh.find("记录在案") != std::string::npos);
}

TEST_CASE("guide: leaving at any step keeps the draft; finishing early is refused") {
  GuidedVisit g = walk_in();
  for (int i = 0; i < 6; ++i) REQUIRE(take(g, "").empty());  // a → … → h
  REQUIRE(take(g, "一般咨询").empty());
  REQUIRE(set_visit_field(g, "content", "问快递柜位置").empty());
  CHECK(error_for(finish_guided_visit(g), "i_restate"));
  CHECK(error_for(set_visit_field(g, "received_by", "S999"), "received_by"));
  const Visit v = leave_guided_visit(g);
  CHECK(v.content == "问快递柜位置");
  CHECK(v.outcome == VisitOutcome::pending);
  CHECK(v.received_by == "S001");
  CHECK(g.path.front() == "a_prepare");
  CHECK(g.path.back() == "i_restate");
}

TEST_CASE("guide: 第 N 步 / 共 M 步 counts the steps entered and the shortest way on") {
  const Script& s = reception();
  CHECK(steps_to_finish(s, "q_record") == 0);
  CHECK(steps_to_finish(s, "p_farewell") == 1);
  CHECK(steps_to_finish(s, "o_anything_else") == 2);  // o → p → q
  CHECK(steps_to_finish(s, "no_such_step") == -1);
  GuidedVisit g = walk_in();
  StepCount c = step_count(g);
  CHECK(c.at == 1);
  // a → b → c → g → h → r → p → q: the fewest steps a visit can take.
  CHECK(c.total == 8);
  to_question(g, "客户确认正确，我能答复");  // a b c d e g h i, now at j
  c = step_count(g);
  CHECK(c.at == 9);
  CHECK(c.total == 12);  // j → o → p → q
  REQUIRE(set_visit_field(g, "answer", "带行驶证和身份证到服务中心办理").empty());
  REQUIRE(take(g, "客户满意").empty());
  to_end(g);
  c = step_count(g);
  CHECK(c.at == c.total);  // at the finish step the count is complete
}

TEST_CASE("guide: the script names the manual's sections and never sends staff to a paper register") {
  for (const Step& step : reception().steps) {
    INFO(step.id);
    CHECK(source_in_words(step.source).zh.find("seed") == std::string::npos);
    CHECK(step.does.find("登记表") == std::string::npos);
    CHECK(step.en.find("register on the") == std::string::npos);
    for (const auto& p : step.phrases) CHECK(p != "reception.register_form");
  }
}
