// 工作联系单 — a referral to another department (issue 14 item 14; seed 000
// 「部門間的交流」: 「物業服務中心發現不能解決的問題後，對一般的問題以電話方式反饋
// 給相關部門，對較複雜或較嚴重的問題，以書面報告的形式反饋到相關部門。相關部門應在
// 三天內做出處理，並及時反饋到物業服務中心」). Sent → the department's answer
// recorded → closed. A visit or complaint is referred with one action; the
// referral links back to it.
#pragma once
#include <optional>
#include <string>
#include <tuple>

#include "core/deadline.hpp"
#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class Department { engineering, security, cleaning, greening, quality, finance, other };
DESK_ENUM_TABLE(Department, {Department::engineering, "engineering", "工程部", "Engineering"},
                {Department::security, "security", "护卫部", "Security"},
                {Department::cleaning, "cleaning", "保洁部", "Cleaning"},
                {Department::greening, "greening", "绿化部", "Greening"},
                {Department::quality, "quality", "品质部", "Quality"},
                {Department::finance, "finance", "财务部", "Finance"},
                {Department::other, "other", "其他部门", "Other"})

// Seed 000: 一般的问题 by phone, 较复杂或较严重的 in writing.
enum class ReferralMethod { phone, written };
DESK_ENUM_TABLE(ReferralMethod, {ReferralMethod::phone, "phone", "电话反馈", "By phone"},
                {ReferralMethod::written, "written", "书面报告", "In writing"})

enum class ReferralStatus { sent, answered, closed };
DESK_ENUM_TABLE(ReferralStatus, {ReferralStatus::sent, "sent", "已发出", "Sent"},
                {ReferralStatus::answered, "answered", "部门已回复", "Answered"},
                {ReferralStatus::closed, "closed", "已关闭", "Closed"})
enum class ReferralAction { record_answer, close };
DESK_ENUM_TABLE(ReferralAction, {ReferralAction::record_answer, "record_answer", "登记部门回复", "Record the answer"},
                {ReferralAction::close, "close", "关闭", "Close"})

struct Referral {
  static constexpr const char* kType = "referral";
  RecordMeta meta;

  Department department = Department::engineering;
  ReferralMethod method = ReferralMethod::phone;
  std::string subject;
  std::string content;
  std::string unit;
  Timestamp sent_at;
  std::string sent_by;
  std::string source_type;  // Visit::kType or Complaint::kType, when referred from one
  std::string source_id;
  ReferralStatus status = ReferralStatus::sent;
  std::string answer;  // what the department did
  std::string answered_by;
  std::optional<Timestamp> answered_at;
  std::optional<Timestamp> closed_at;

  bool operator==(const Referral&) const = default;
  static constexpr auto fields() {
    using R = Referral;
    return std::tuple{
        Field{"department", &R::department, "联系部门", "Department"},
        Field{"method", &R::method, "方式", "Method"},
        Field{"subject", &R::subject, "事项", "Subject"},
        Field{"content", &R::content, "情况说明", "Details"},
        Field{"unit", &R::unit, "楼栋-房号/位置", "Unit / place"},
        Field{"sent_at", &R::sent_at, "发出时间", "Sent at"},
        Field{"sent_by", &R::sent_by, "发出人", "Sent by"},
        Field{"source_type", &R::source_type, "来源类型", "Source type"},
        Field{"source_id", &R::source_id, "来源记录", "Source record"},
        Field{"status", &R::status, "状态", "Status"},
        Field{"answer", &R::answer, "部门处理情况", "Department's answer"},
        Field{"answered_by", &R::answered_by, "部门回复人", "Answered by"},
        Field{"answered_at", &R::answered_at, "回复时间", "Answered at"},
        Field{"closed_at", &R::closed_at, "关闭时间", "Closed at"},
    };
  }
};

std::span<const Transition<ReferralStatus, ReferralAction>> transitions(const Referral&);
Action create_permission(const Referral&);
Action permission_for(const Referral&, ReferralAction);
void on_action(Referral& r, ReferralAction a, Timestamp now);
Errors validate(const Referral& r);
std::string search_text(const Referral& r);
bool is_open(const Referral& r);

// (rule) referral_response_3d: the department answers within 3 days of the
// referral being sent. Calendar days: the seed says 「三天內」, never 工作日.
constexpr std::int64_t kReferralResponseWindow = 3 * kDay;
std::optional<Deadline> referral_response_deadline(const Referral& r);

// The referral a visit or complaint makes with one action: its unit and
// matter copied, linked back by type and id, sent now by the actor's desk.
template <class Source>
Referral referral_for(const Source& source, Department department, const std::string& subject,
                      const std::string& content, const std::string& unit, Timestamp now, const std::string& staff) {
  Referral r;
  r.department = department;
  r.subject = subject;
  r.content = content;
  r.unit = unit;
  r.sent_at = now;
  r.sent_by = staff;
  r.source_type = Source::kType;
  r.source_id = source.meta.id;
  return r;
}

}  // namespace desk
