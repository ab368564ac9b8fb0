// Issue 13: a refusal says what to fill, in form order, where the person looks.
#include <catch2/catch.hpp>

#include "core/complaint.hpp"
#include "core/fields.hpp"

using namespace desk;

TEST_CASE("refusal summary: the fields to fill, in form order; to correct when one is wrong; else the reason") {
  const Errors missing = {{"corrective_due", {"请填写纠正措施的完成期限", "Give the corrective action a due date"}},
                          {"investigation", {"请填写调查情况", "Investigation is required"}}};
  const Msg m = refusal_summary<Complaint>(missing);
  CHECK(m.zh == "请先填写：调查情况、纠正期限");
  CHECK(m.en == "Fill in first: Investigation, Corrective action due");
  CHECK(fields_in_error<Complaint>(missing) == std::vector<std::string>{"investigation", "corrective_due"});

  const Errors wrong = {{"investigation", {"请填写调查情况", "Investigation is required"}},
                        {"phone", {"电话号码格式不对", "Phone number is not valid"}}};
  CHECK(refusal_summary<Complaint>(wrong).zh == "请先改正：联系电话、调查情况");

  const Errors state = {{"status", {"当前状态为「受理」，不能「关闭」", "Cannot close"}}};
  CHECK(refusal_summary<Complaint>(state).zh == "当前状态为「受理」，不能「关闭」");
  CHECK(refusal_summary<Complaint>({}).zh.empty());
}
