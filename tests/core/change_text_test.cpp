#include "core/change_text.hpp"

#include <catch2/catch.hpp>

#include "core/complaint.hpp"
#include "core/visit.hpp"

using namespace desk;

TEST_CASE("history text: actions by their names, workflow steps by the step's name") {
  CHECK(history_action_label<Complaint>("create").zh == "新建");
  CHECK(history_action_label<Complaint>("edit") == Msg{"修改", "Edited"});
  CHECK(history_action_label<Complaint>("delete").zh == "删除");
  CHECK(history_action_label<Complaint>("import").zh == "导入");
  CHECK(history_action_label<Complaint>("investigate") == Msg{"开始调查", "Investigate"});
  CHECK(history_action_label<Complaint>("judge_valid").zh == "判定有效");
  CHECK(history_action_label<Visit>("investigate").zh == "investigate");  // not a visit's step: the code
  CHECK(history_action_label<Complaint>("no_such_step").en == "no_such_step");
}

TEST_CASE("history text: values as the form shows them") {
  const Timestamp t = *parse_iso("2026-12-05T11:32:00+08:00");
  CHECK(change_value_label<Complaint>("received_at", format_iso(t)).zh == "2026-12-05 11:32");
  // The unset time a new form starts from, null and "" are nothing.
  CHECK(change_value_label<Complaint>("received_at", format_iso(Timestamp{0})).zh == "—");
  CHECK(change_value_label<Complaint>("judged_at", nullptr).zh == "—");
  CHECK(change_value_label<Complaint>("complainant", "").zh == "—");
  CHECK(change_value_label<Complaint>("complainant", "钱女士").zh == "钱女士");
  CHECK(change_value_label<Complaint>("channel", "in_person") == Msg{"当面", "In person"});
  CHECK(change_value_label<Complaint>("status", "investigating").zh == enum_label(ComplaintStatus::investigating).zh);
  CHECK(change_value_label<Complaint>("escalated_in_writing", true) == Msg{"是", "yes"});
  CHECK(change_value_label<Complaint>("escalated_in_writing", false).zh == "否");
  // What the field's kind cannot read is shown as it is stored, never dropped.
  CHECK(change_value_label<Complaint>("channel", "carrier_pigeon").zh == "carrier_pigeon");
  CHECK(change_value_label<Complaint>("received_at", "yesterday").zh == "yesterday");
  CHECK(change_value_label<Complaint>("serious_criteria", json::array({"media"})).zh == "[\"media\"]");
  CHECK(change_value_label<Complaint>("no_such_field", 3).zh == "3");
}
