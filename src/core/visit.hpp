// 来访登记 — the visit / inquiry register (SPEC §1).
// A visitor's question is answered on the spot, after asking a colleague,
// 主管 or 经理助理, after an outside phone inquiry, or — when nobody can
// answer — the desk promises an answer within 24 hours and follows up.
#pragma once
#include <optional>
#include <string>
#include <tuple>

#include "core/deadline.hpp"
#include "core/record.hpp"
#include "core/work_calendar.hpp"

namespace desk {

enum class AddressForm { unspecified, mr, ms, miss, teacher, other };
DESK_ENUM_TABLE(AddressForm, {AddressForm::unspecified, "unspecified", "称呼", "Title"},
                {AddressForm::mr, "mr", "先生", "Mr"}, {AddressForm::ms, "ms", "女士", "Ms"},
                {AddressForm::miss, "miss", "小姐", "Miss"}, {AddressForm::teacher, "teacher", "老师", "Teacher"},
                {AddressForm::other, "other", "其他", "Other"})

enum class VisitPurpose { consult, repair, complaint, errand, other };
DESK_ENUM_TABLE(VisitPurpose, {VisitPurpose::consult, "consult", "咨询", "Inquiry"},
                {VisitPurpose::repair, "repair", "报修", "Repair"},
                {VisitPurpose::complaint, "complaint", "投诉", "Complaint"},
                {VisitPurpose::errand, "errand", "办事", "Errand"}, {VisitPurpose::other, "other", "其他", "Other"})

// How the question was answered, in the order of the reception script.
enum class VisitOutcome {
  pending,
  answered_on_spot,
  answered_after_colleague,
  answered_after_outside_inquiry,
  promised_24h
};
DESK_ENUM_TABLE(VisitOutcome, {VisitOutcome::pending, "pending", "接待中", "In progress"},
                {VisitOutcome::answered_on_spot, "answered_on_spot", "当场答复", "Answered on the spot"},
                {VisitOutcome::answered_after_colleague, "answered_after_colleague",
                 "请教同事/主管/经理助理/经理后答复", "Answered after asking a colleague"},
                {VisitOutcome::answered_after_outside_inquiry, "answered_after_outside_inquiry", "外部电话查询后答复",
                 "Answered after an outside phone inquiry"},
                {VisitOutcome::promised_24h, "promised_24h", "承诺24小时内答复", "Answer promised within 24 h"})

// Whom the desk asked before answering: the escalation ladder of seed 000
// 「接待順序：客服員→部門主管→經理助理→物業服務中心經理」, then (VisitOutcome)
// an outside phone inquiry. Issue 14 item 12: the 服务中心经理 rung.
enum class Consulted { none, colleague, supervisor, manager_assistant, manager };
DESK_ENUM_TABLE(Consulted, {Consulted::none, "none", "无", "Nobody"},
                {Consulted::colleague, "colleague", "同事", "A colleague"},
                {Consulted::supervisor, "supervisor", "主管", "Supervisor"},
                {Consulted::manager_assistant, "manager_assistant", "经理助理", "Manager's assistant"},
                {Consulted::manager, "manager", "服务中心经理", "Service center manager"})

struct Visit {
  static constexpr const char* kType = "visit";
  RecordMeta meta;

  Timestamp time;
  std::string visitor_name;
  AddressForm address_form = AddressForm::unspecified;
  std::string unit;     // 楼栋-房号, e.g. "3栋-1202"
  std::string company;  // for visitors from a company instead of a unit
  std::string phone;
  VisitPurpose purpose = VisitPurpose::consult;
  std::string content;      // the question or matter, restated
  std::string received_by;  // staff id
  VisitOutcome outcome = VisitOutcome::pending;
  Consulted consulted = Consulted::none;
  std::string answer;                       // what the visitor was told
  std::optional<Timestamp> follow_up_done;  // the promised answer was given
  std::string follow_up_note;
  std::string linked_record;  // id of the repair or complaint it became

  bool operator==(const Visit&) const = default;

  static constexpr auto fields() {
    return std::tuple{
        Field{"time", &Visit::time, "来访时间", "Time"},
        Field{"visitor_name", &Visit::visitor_name, "访客姓名", "Visitor name"},
        Field{"address_form", &Visit::address_form, "称呼", "Form of address"},
        Field{"unit", &Visit::unit, "楼栋-房号", "Unit"},
        Field{"company", &Visit::company, "单位", "Company"},
        Field{"phone", &Visit::phone, "联系电话", "Phone"},
        Field{"purpose", &Visit::purpose, "来访目的", "Purpose"},
        Field{"content", &Visit::content, "来访内容", "Content"},
        Field{"received_by", &Visit::received_by, "接待人", "Received by"},
        Field{"outcome", &Visit::outcome, "处理结果", "Outcome"},
        Field{"consulted", &Visit::consulted, "请教对象", "Consulted"},
        Field{"answer", &Visit::answer, "答复内容", "Answer given"},
        Field{"follow_up_done", &Visit::follow_up_done, "回复完成时间", "Follow-up done"},
        Field{"follow_up_note", &Visit::follow_up_note, "回复记录", "Follow-up note"},
        Field{"linked_record", &Visit::linked_record, "转办记录", "Linked record"},
    };
  }
};

// SPEC §1: a question nobody could answer is promised an answer within 24
// hours of the visit. Hours, not days: seed 000 step o/p, "24小時內給您回復" (noisy copy).
constexpr std::int64_t kInquiryPromiseWindow = 24 * kHour;
Timestamp inquiry_promise_due(const Visit& v);
// The promise's deadline, or nothing when the outcome made no promise.
std::optional<Deadline> inquiry_promise_deadline(const Visit& v);

// (rule) inquiry_call_next_working_day — seed 000, after the reception
// steps: the answer is researched before the end of that day, and
// 「第二天上班后第一件要處理的事務就是與客戶聯系」 (the copy is noisy: 事務(wù)). 上班 ("after coming to
// work") reads as working days: the call is due at the first working hour
// (the site's shift start) of the next working day after the visit's date
// (work_calendar.hpp), so a Friday 17:40 promise before a holiday is called
// on the first working day after it. Done when the promised answer is given.
Timestamp inquiry_call_due(const Visit& v, const WorkCalendar& calendar, const SiteSchedule& site);
std::optional<Deadline> inquiry_call_deadline(const Visit& v, const WorkCalendar& calendar, const SiteSchedule& site);

// True for a phone number a person can dial: 7–20 digits, with optional
// leading '+', spaces and '-' between digits.
bool plausible_phone(const std::string& phone);
// Adds an error under `key` for a phone that is given but not plausible.
void check_phone(Errors& errors, const std::string& phone, const char* key = "phone");

Action create_permission(const Visit&);

// Field-level problems with a visit, empty when it may be saved.
Errors validate(const Visit& v);

// Text a person's search matches against (name, unit, company, phone, content…).
std::string search_text(const Visit& v);

}  // namespace desk
