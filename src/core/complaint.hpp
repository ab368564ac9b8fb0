// 投诉 — complaints (SPEC §2; seed 000 "客户投诉处理工作规程", seed 002).
// 受理 → 调查 → 判定有效/无效 → 处理 → 答复 → 回访 → 关闭, with the deadlines
// of each branch and the 12-step procedure / four golden rules as a checklist.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "core/deadline.hpp"
#include "core/hold.hpp"
#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class ComplaintChannel { phone, in_person, written, online };
DESK_ENUM_TABLE(ComplaintChannel, {ComplaintChannel::phone, "phone", "电话", "Phone"},
                {ComplaintChannel::in_person, "in_person", "当面", "In person"},
                {ComplaintChannel::written, "written", "书面", "Written"},
                {ComplaintChannel::online, "online", "网上", "Online"})

enum class ComplaintType { equipment, attitude, quality, incident };
DESK_ENUM_TABLE(ComplaintType, {ComplaintType::equipment, "equipment", "设备", "Equipment"},
                {ComplaintType::attitude, "attitude", "服务态度", "Service attitude"},
                {ComplaintType::quality, "quality", "服务质量", "Service quality"},
                {ComplaintType::incident, "incident", "异常事件", "Unusual incident"})

enum class Severity { normal, serious };
DESK_ENUM_TABLE(Severity, {Severity::normal, "normal", "普通", "Ordinary"},
                {Severity::serious, "serious", "严重", "Serious"})

// Seed 002: the six criteria that make a complaint 严重.
enum class SeriousCriterion { many_departments, media, reputation, doubts_system, repeated, system_defect };
DESK_ENUM_TABLE(SeriousCriterion,
                {SeriousCriterion::many_departments, "many_departments", "涉及多个部门", "Involves many departments"},
                {SeriousCriterion::media, "media", "媒体曝光", "Media exposure"},
                {SeriousCriterion::reputation, "reputation", "损害公司声誉", "Harms the company's reputation"},
                {SeriousCriterion::doubts_system, "doubts_system", "对管理体系产生怀疑",
                 "Doubts the management system"},
                {SeriousCriterion::repeated, "repeated", "短期内重复投诉", "Repeated within a short time"},
                {SeriousCriterion::system_defect, "system_defect", "质量体系缺陷", "Quality-system defect"})

// Seed 000: 一般投诉应及时处理，复杂投诉请示上级领导后及时给予答复.
enum class Complexity { simple, complex };
DESK_ENUM_TABLE(Complexity, {Complexity::simple, "simple", "一般", "Simple"},
                {Complexity::complex, "complex", "复杂", "Complex"})

// The escalation ladder of seed 000 / SPEC §2.
enum class EscalationLevel { service_center, project_manager, quality_department, company_leadership };
DESK_ENUM_TABLE(EscalationLevel, {EscalationLevel::service_center, "service_center", "物业服务中心", "Service center"},
                {EscalationLevel::project_manager, "project_manager", "项目经理", "Project manager"},
                {EscalationLevel::quality_department, "quality_department", "公司品质部", "Quality department"},
                {EscalationLevel::company_leadership, "company_leadership", "公司领导", "Company leadership"})

enum class ReplyMethod { phone, letter, visit, online };
DESK_ENUM_TABLE(ReplyMethod, {ReplyMethod::phone, "phone", "电话回复", "Phone"},
                {ReplyMethod::letter, "letter", "书面回复", "Letter"},
                {ReplyMethod::visit, "visit", "上门回复", "Visit"},
                {ReplyMethod::online, "online", "网上回复", "Online"})

enum class ComplaintStatus { received, investigating, valid, invalid, handling, replied, called_back, closed };
DESK_ENUM_TABLE(ComplaintStatus, {ComplaintStatus::received, "received", "受理", "Received"},
                {ComplaintStatus::investigating, "investigating", "调查", "Investigating"},
                {ComplaintStatus::valid, "valid", "判定有效", "Judged valid"},
                {ComplaintStatus::invalid, "invalid", "判定无效", "Judged invalid"},
                {ComplaintStatus::handling, "handling", "处理", "Handling"},
                {ComplaintStatus::replied, "replied", "答复", "Replied"},
                {ComplaintStatus::called_back, "called_back", "回访", "Called back"},
                {ComplaintStatus::closed, "closed", "关闭", "Closed"})

enum class ComplaintAction {
  investigate,
  judge_valid,
  judge_invalid,
  start_handling,
  reply,
  callback,
  escalate,
  close
};
DESK_ENUM_TABLE(ComplaintAction, {ComplaintAction::investigate, "investigate", "开始调查", "Investigate"},
                {ComplaintAction::judge_valid, "judge_valid", "判定有效", "Judge valid"},
                {ComplaintAction::judge_invalid, "judge_invalid", "判定无效", "Judge invalid"},
                {ComplaintAction::start_handling, "start_handling", "填写处理记录并处理", "Start handling"},
                {ComplaintAction::reply, "reply", "答复客户", "Reply to the customer"},
                {ComplaintAction::callback, "callback", "完成回访", "Record the callback"},
                {ComplaintAction::escalate, "escalate", "上报", "Escalate"},
                {ComplaintAction::close, "close", "关闭", "Close"})

struct Complaint {
  static constexpr const char* kType = "complaint";
  RecordMeta meta;

  Timestamp received_at;
  ComplaintChannel channel = ComplaintChannel::phone;
  std::string complainant;
  std::string unit;
  std::string phone;
  ComplaintType type = ComplaintType::equipment;
  std::string matter;  // short subject; the same matter twice in a row is flagged
  std::string content;
  std::string received_by;
  Complexity complexity = Complexity::simple;
  Severity severity = Severity::normal;
  std::vector<SeriousCriterion> serious_criteria;
  bool involves_other_org = false;
  std::optional<Timestamp> other_org_contacted_at;  // explained to the complainant
  ComplaintStatus status = ComplaintStatus::received;
  std::string investigation;
  std::optional<Timestamp> judged_at;
  std::string cause_analysis;
  std::string responsibility;
  std::string corrective_action;
  std::optional<Timestamp> corrective_due;
  std::optional<Timestamp> record_filed_at;  // 顾客投诉处理记录表 filled
  EscalationLevel escalation = EscalationLevel::service_center;
  bool escalated_in_writing = false;
  ReplyMethod reply_method = ReplyMethod::phone;
  std::string reply;
  std::optional<Timestamp> replied_at;  // resolved and the result told to the customer
  std::optional<Timestamp> called_back_at;
  std::optional<Timestamp> closed_at;
  std::string prevention;                      // 预防措施: with cause_analysis, the case for training
  std::vector<std::string> checklist_done;     // codes of kComplaintProcedure / kGoldenRules ticked
  std::vector<std::string> validity_criteria;  // codes of the seed 002 criteria applied when judging
  std::vector<Hold> holds;                     // 暂停计时 (issue 14 item 5)
  std::string linked_visit;

  bool operator==(const Complaint&) const = default;

  static constexpr auto fields() {
    using C = Complaint;
    return std::tuple{
        Field{"received_at", &C::received_at, "受理时间", "Received at"},
        Field{"channel", &C::channel, "投诉方式", "Channel"},
        Field{"complainant", &C::complainant, "投诉人", "Complainant"},
        Field{"unit", &C::unit, "楼栋-房号", "Unit"},
        Field{"phone", &C::phone, "联系电话", "Phone"},
        Field{"type", &C::type, "投诉类型", "Type"},
        Field{"matter", &C::matter, "投诉事项", "Matter"},
        Field{"content", &C::content, "投诉内容", "Content"},
        Field{"received_by", &C::received_by, "受理人", "Received by"},
        Field{"complexity", &C::complexity, "复杂程度", "Complexity"},
        Field{"severity", &C::severity, "严重程度", "Severity"},
        Field{"serious_criteria", &C::serious_criteria, "严重投诉依据", "Serious because"},
        Field{"involves_other_org", &C::involves_other_org, "涉及其他单位", "Involves another organisation"},
        Field{"other_org_contacted_at", &C::other_org_contacted_at, "向投诉人解释时间", "Complainant contacted"},
        Field{"status", &C::status, "状态", "Status"},
        Field{"investigation", &C::investigation, "调查情况", "Investigation"},
        Field{"judged_at", &C::judged_at, "判定时间", "Judged at"},
        Field{"cause_analysis", &C::cause_analysis, "原因分析", "Cause analysis"},
        Field{"responsibility", &C::responsibility, "责任分析", "Responsibility"},
        Field{"corrective_action", &C::corrective_action, "纠正措施", "Corrective action"},
        Field{"corrective_due", &C::corrective_due, "纠正期限", "Corrective action due"},
        Field{"record_filed_at", &C::record_filed_at, "处理记录表填写时间", "Record filed"},
        Field{"escalation", &C::escalation, "上报层级", "Escalated to"},
        Field{"escalated_in_writing", &C::escalated_in_writing, "书面上报", "Escalated in writing"},
        Field{"reply_method", &C::reply_method, "答复方式", "Reply method"},
        Field{"reply", &C::reply, "答复内容", "Reply"},
        Field{"replied_at", &C::replied_at, "答复时间", "Replied at"},
        Field{"called_back_at", &C::called_back_at, "回访时间", "Called back at"},
        Field{"closed_at", &C::closed_at, "关闭时间", "Closed at"},
        Field{"prevention", &C::prevention, "预防措施", "Preventive measures"},
        Field{"checklist_done", &C::checklist_done, "处理程序勾选", "Procedure ticked"},
        Field{"validity_criteria", &C::validity_criteria, "判定依据", "Judged by", kAddedLater},
        Field{"holds", &C::holds, "暂停记录", "Holds", kAddedLater},
        Field{"linked_visit", &C::linked_visit, "来访记录", "Linked visit"},
    };
  }
};

// Seed 000 投诉处理程序 (12 steps) and 解决投诉的4条黄金法则, as checklist items.
struct ChecklistItem {
  const char* code;
  const char* zh;
  const char* en;
};
std::span<const ChecklistItem> complaint_procedure();
std::span<const ChecklistItem> golden_rules();
// Issue 14 item 13 — seed 002 「無效投訴和有效投訴的識別」: the three kinds of
// invalid complaint (i1–i3) and the five of valid (v1–v5), ticked when
// judging and kept on the record. A judgement may not cite the other side's
// criteria: 判定有效 with an invalid criterion, or the reverse, is refused.
std::span<const ChecklistItem> invalid_complaint_criteria();
std::span<const ChecklistItem> valid_complaint_criteria();

std::span<const Transition<ComplaintStatus, ComplaintAction>> transitions(const Complaint&);
Action create_permission(const Complaint&);
Action permission_for(const Complaint& c, ComplaintAction a);
// Issue 14 item 5: only a supervisor puts a 严重 complaint on hold; the
// handlers hold the others, and anyone who handles complaints resumes.
Action hold_permission(const Complaint& c);
Action resume_permission(const Complaint& c);
void on_action(Complaint& c, ComplaintAction a, Timestamp now);
Errors validate(const Complaint& c);
std::string search_text(const Complaint& c);
bool is_open(const Complaint& c);

// ---- deadlines (SPEC §2) ------------------------------------------------------
// Days here are calendar days (issue 14): seed 002 says 「一天内」「三天内」 and
// never 工作日, and a complaint does not wait for a holiday to end; 严重 is
// in hours (「48小时内」). None of these use the working calendar.
// 无效: explained to the complainant within 1 day of the judgement.
// Calendar day: seed 002 「应在一天内与投诉人联系,做好解释工作」.
constexpr std::int64_t kInvalidComplaintReplyWindow = 1 * kDay;
std::optional<Deadline> complaint_invalid_reply_deadline(const Complaint& c);
// 有效: cause and responsibility analysed, record filled within 3 days of the judgement.
// Calendar days: seed 002 「应在三天内深入分析原因和责任」.
constexpr std::int64_t kValidComplaintRecordWindow = 3 * kDay;
std::optional<Deadline> complaint_record_deadline(const Complaint& c);
// 严重: result within 48 hours of receipt (hours: seed 002 「应在48小时内有处理结果」).
constexpr std::int64_t kSeriousComplaintResultWindow = 48 * kHour;
std::optional<Deadline> complaint_serious_result_deadline(const Complaint& c);
// Another organisation involved: complainant contacted within 3 days of receipt.
// Calendar days: seed 002 「在三天内与投诉人联系,做好解释工作」.
constexpr std::int64_t kOtherOrgExplanationWindow = 3 * kDay;
std::optional<Deadline> complaint_other_org_deadline(const Complaint& c);
// The corrective action by its own due date (a date typed at the desk: no day count).
std::optional<Deadline> complaint_corrective_deadline(const Complaint& c);

}  // namespace desk
