#include "core/complaint.hpp"

#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
using S = ComplaintStatus;
using A = ComplaintAction;
constexpr Transition<S, A> kTransitions[] = {
    {A::investigate, S::received, S::investigating},
    {A::judge_valid, S::investigating, S::valid},
    {A::judge_invalid, S::investigating, S::invalid},
    {A::start_handling, S::valid, S::handling},
    {A::reply, S::handling, S::replied},
    {A::reply, S::invalid, S::replied},  // the explanation is the reply
    {A::callback, S::replied, S::called_back},
    {A::close, S::called_back, S::closed},
    // SPEC §2: anyone may escalate past a stalled level, at any open step.
    {A::escalate, S::received, S::received},
    {A::escalate, S::investigating, S::investigating},
    {A::escalate, S::valid, S::valid},
    {A::escalate, S::invalid, S::invalid},
    {A::escalate, S::handling, S::handling},
    {A::escalate, S::replied, S::replied},
};

constexpr ChecklistItem kProcedure[] = {
    {"p01", "礼貌热情接待，认真听取意见", "Receive politely and listen carefully"},
    {"p02", "保持冷静", "Stay calm"},
    {"p03", "表示同情", "Show sympathy"},
    {"p04", "给予关心", "Show concern"},
    {"p05", "不转移目标", "Stay on the subject"},
    {"p06", "记录要点", "Note the key points"},
    {"p07", "把将要采取的措施告诉客户并征得客户的同意", "Tell the measures and get the customer's agreement"},
    {"p08", "把解决问题所需要的时间告诉客户", "Tell how long the solution takes"},
    {"p09", "马上进行处理", "Act at once"},
    {"p10", "处理完毕后，与客户再次电话联系，告知处理结果，并征询有无其它要求",
     "Phone the customer with the result and ask for anything else"},
    {"p11", "将处理过程详细记录在工作日记上", "Record the handling in the work diary"},
    {"p12", "事后若与客户相见，要再次给予关心", "Show concern again when you next meet"},
};
constexpr ChecklistItem kGoldenRules[] = {
    {"g1", "倾听", "Listen"},
    {"g2", "道歉", "Apologise"},
    {"g3", "解释将要采取的措施并定下时间表", "Explain the measures with a timetable"},
    {"g4", "最后要有后续，让客人觉得有头有尾", "Follow up to the end"},
};

constexpr ChecklistItem kInvalidCriteria[] = {
    {"i1", "投诉人不了解行业标准、不了解项目部相关管理规定",
     "The complainant does not know the trade's standards or the site's rules"},
    {"i2", "投诉人依据不充分，凭主观判断，未了解事情起因、经过",
     "Insufficient grounds: a subjective judgement without knowing what happened"},
    {"i3", "须由政府或其他部门解决，与项目部经营管理服务没有直接关系",
     "For the government or another body; not directly about the site's service"},
};
constexpr ChecklistItem kValidCriteria[] = {
    {"v1", "服务人员态度不礼貌、语言不规范，文明程度不符合要求", "Impolite attitude or improper language of staff"},
    {"v2", "服务人员不熟悉工作程序，服务不及时、不准时、不省时",
     "Staff unfamiliar with procedure; service late or slow"},
    {"v3", "公共设备设施、维修器材工具管理不善，不能正常使用", "Public facilities or tools badly kept, out of use"},
    {"v4", "所用维修材料、配件、产品质量不合格，影响服务效果", "Repair materials or parts of poor quality"},
    {"v5", "所辖区域管理不善，影响业户生活秩序、环境、安全", "Poor management of the area: order, environment, safety"},
};
bool in(std::span<const ChecklistItem> items, const std::string& code) {
  for (const auto& i : items)
    if (code == i.code) return true;
  return false;
}

}  // namespace

std::span<const ChecklistItem> invalid_complaint_criteria() {
  return kInvalidCriteria;
}
std::span<const ChecklistItem> valid_complaint_criteria() {
  return kValidCriteria;
}

std::span<const ChecklistItem> complaint_procedure() {
  return kProcedure;
}
std::span<const ChecklistItem> golden_rules() {
  return kGoldenRules;
}

std::span<const Transition<ComplaintStatus, ComplaintAction>> transitions(const Complaint&) {
  return kTransitions;
}

Action create_permission(const Complaint&) {
  return Action::record_complaint;
}

Action permission_for(const Complaint& c, ComplaintAction a) {
  switch (a) {
    case A::investigate:
    case A::judge_valid:
    case A::judge_invalid:
      return Action::judge_complaint;
    case A::start_handling:
    case A::reply:
      return Action::handle_complaint;
    case A::callback:  // SPEC §4: major complaints are called back by the project manager
      return c.severity == Severity::serious ? Action::callback_major_complaint : Action::record_callback;
    case A::escalate:
      return Action::escalate_complaint;
    case A::close:  // SPEC §2: closing a 严重 complaint requires manager role or above
      return c.severity == Severity::serious ? Action::close_serious_complaint : Action::close_complaint;
  }
  return Action::close_serious_complaint;
}

Action hold_permission(const Complaint& c) {
  return c.severity == Severity::serious ? Action::hold_serious_complaint : Action::handle_complaint;
}
Action resume_permission(const Complaint&) {
  return Action::handle_complaint;
}

void on_action(Complaint& c, ComplaintAction a, Timestamp now) {
  switch (a) {
    case A::judge_valid:
    case A::judge_invalid:
      c.judged_at = now;
      break;
    case A::start_handling:
      c.record_filed_at = now;
      break;
    case A::reply:
      c.replied_at = now;
      break;
    case A::callback:
      c.called_back_at = now;
      break;
    case A::close:
      c.closed_at = now;
      break;
    case A::investigate:
    case A::escalate:
      break;
  }
}

Errors validate(const Complaint& c) {
  Errors errors;
  require_text(errors, c.content, "content", "投诉内容", "Content");
  require_text(errors, c.received_by, "received_by", "受理人", "Received by");
  if (trim(c.complainant).empty() && trim(c.unit).empty())
    errors.push_back({"complainant", {"请填写投诉人或楼栋-房号", "Enter the complainant or the unit"}});
  check_phone(errors, c.phone);
  if (c.severity == Severity::serious && c.serious_criteria.empty())
    errors.push_back(
        {"serious_criteria", {"严重投诉请勾选至少一条判定依据", "Choose at least one reason it is serious"}});
  const bool judged = one_of(c.status, {S::valid, S::invalid, S::handling, S::replied, S::called_back, S::closed});
  if (judged) require_text(errors, c.investigation, "investigation", "调查情况", "Investigation");
  // SPEC §2: 严重 is escalated in writing to the project office.
  if (judged && c.severity == Severity::serious) {
    if (!c.escalated_in_writing)
      errors.push_back(
          {"escalated_in_writing", {"严重投诉必须书面上报", "A serious complaint is escalated in writing"}});
    if (c.escalation == EscalationLevel::service_center)
      errors.push_back(
          {"escalation",
           {"严重投诉须上报项目经理或以上", "Escalate a serious complaint to the project manager or above"}});
  }
  // SPEC §2: 有效 → cause, responsibility and a corrective action with a due date.
  if (c.record_filed_at) {
    require_text(errors, c.cause_analysis, "cause_analysis", "原因分析", "Cause analysis");
    require_text(errors, c.responsibility, "responsibility", "责任分析", "Responsibility");
    require_text(errors, c.corrective_action, "corrective_action", "纠正措施", "Corrective action");
    if (!c.corrective_due)
      errors.push_back({"corrective_due", {"请填写纠正措施的完成期限", "Give the corrective action a due date"}});
  }
  if (one_of(c.status, {S::replied, S::called_back, S::closed}))
    require_text(errors, c.reply, "reply", "答复内容", "Reply");
  if (c.status == S::closed && c.severity == Severity::serious) {
    // A closed major complaint becomes a case: 原因分析 + 预防措施.
    require_text(errors, c.cause_analysis, "cause_analysis", "原因分析", "Cause analysis");
    require_text(errors, c.prevention, "prevention", "预防措施", "Preventive measures");
  }
  if (!c.involves_other_org && c.other_org_contacted_at)
    errors.push_back(
        {"other_org_contacted_at",
         {"未涉及其他单位，无需填写解释时间", "Only a complaint involving another organisation has this"}});
  for (auto* t : {&c.judged_at, &c.replied_at, &c.other_org_contacted_at})
    if (*t && **t < c.received_at)
      errors.push_back(
          {"received_at", {"处理时间不能早于受理时间", "A step cannot be before the complaint was received"}});
  // Issue 14 item 13: the criteria cited agree with the judgement.
  const bool valid_path = one_of(c.status, {S::valid, S::handling}) || c.record_filed_at.has_value();
  const bool invalid_path = c.status == S::invalid || (c.judged_at && !c.record_filed_at &&
                                                       one_of(c.status, {S::replied, S::called_back, S::closed}));
  for (const auto& code : c.validity_criteria) {
    if (!in(kInvalidCriteria, code) && !in(kValidCriteria, code))
      errors.push_back({"validity_criteria", {"未知的判定依据：" + code, "unknown criterion: " + code}});
    else if (valid_path && in(kInvalidCriteria, code))
      errors.push_back(
          {"validity_criteria",
           {"判定有效，但勾选了无效投诉的情形，请改正", "Judged valid, but an invalid-complaint criterion is ticked"}});
    else if (invalid_path && in(kValidCriteria, code))
      errors.push_back(
          {"validity_criteria",
           {"判定无效，但勾选了有效投诉的情形，请改正", "Judged invalid, but a valid-complaint criterion is ticked"}});
  }
  for (const auto& code : c.checklist_done) {
    bool known = false;
    for (const auto& i : kProcedure) known |= code == i.code;
    for (const auto& i : kGoldenRules) known |= code == i.code;
    if (!known) errors.push_back({"checklist_done", {"未知的勾选项：" + code, "unknown checklist item: " + code}});
  }
  return errors;
}

std::string search_text(const Complaint& c) {
  return join_lines({c.complainant, c.unit, c.phone, c.matter, c.content, c.investigation, c.reply, c.received_by});
}

bool is_open(const Complaint& c) {
  return !c.meta.deleted && c.status != S::closed;
}

std::optional<Deadline> complaint_invalid_reply_deadline(const Complaint& c) {
  if (!c.judged_at || c.record_filed_at) return std::nullopt;
  if (!one_of(c.status, {S::invalid, S::replied, S::called_back, S::closed})) return std::nullopt;
  return held_deadline(Deadline{*c.judged_at + kInvalidComplaintReplyWindow, c.replied_at}, c.holds, *c.judged_at);
}

std::optional<Deadline> complaint_record_deadline(const Complaint& c) {
  if (!c.judged_at || !(c.status == S::valid || c.record_filed_at)) return std::nullopt;
  return held_deadline(Deadline{*c.judged_at + kValidComplaintRecordWindow, c.record_filed_at}, c.holds, *c.judged_at);
}

std::optional<Deadline> complaint_serious_result_deadline(const Complaint& c) {
  if (c.severity != Severity::serious) return std::nullopt;
  return held_deadline(Deadline{c.received_at + kSeriousComplaintResultWindow, c.replied_at}, c.holds, c.received_at);
}

std::optional<Deadline> complaint_other_org_deadline(const Complaint& c) {
  if (!c.involves_other_org) return std::nullopt;
  return held_deadline(Deadline{c.received_at + kOtherOrgExplanationWindow, c.other_org_contacted_at}, c.holds,
                       c.received_at);
}

std::optional<Deadline> complaint_corrective_deadline(const Complaint& c) {
  if (!c.corrective_due) return std::nullopt;
  return held_deadline(Deadline{*c.corrective_due, c.replied_at}, c.holds, c.record_filed_at.value_or(c.received_at));
}

}  // namespace desk
