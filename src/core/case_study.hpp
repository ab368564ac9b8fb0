// 案例库 — the case library (SPEC §2 "a closed major complaint produces a
// case", issue 15). A case is a record of its own, made from a complaint when
// a 严重 complaint is closed or when a supervisor marks one: what happened,
// 原因分析, 责任, 预防措施 and the deadlines met or missed, with no names,
// phones or unit numbers (anonymise.hpp). It is stored, exported, merged and
// consolidated like every record, so head office sees every site's cases;
// training turns a case into a scenario (case_scenario.hpp).
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/complaint.hpp"
#include "core/record.hpp"

namespace desk {

enum class CaseOrigin { serious_closed, marked };
DESK_ENUM_TABLE(CaseOrigin, {CaseOrigin::serious_closed, "serious_closed", "严重投诉关闭", "Serious complaint closed"},
                {CaseOrigin::marked, "marked", "主管列入", "Marked by a supervisor"})

// One deadline of the complaint as it stood when the case was made.
struct CaseDeadline {
  std::string rule;  // complaint_serious_result … (case_deadline_label)
  Timestamp due;
  std::optional<Timestamp> done;
  DeadlineStatus outcome = DeadlineStatus::not_due;  // met, missed, or still open then
  bool operator==(const CaseDeadline&) const = default;
  static constexpr auto fields() {
    using D = CaseDeadline;
    return std::tuple{
        Field{"rule", &D::rule, "时限", "Deadline"},
        Field{"due", &D::due, "到期", "Due"},
        Field{"done", &D::done, "完成", "Done"},
        Field{"outcome", &D::outcome, "结果", "Outcome"},
    };
  }
};

struct CaseStudy {
  static constexpr const char* kType = "case";
  RecordMeta meta;

  std::string source_id;  // the complaint it was made from (same site)
  CaseOrigin origin = CaseOrigin::serious_closed;
  Timestamp occurred_at;  // the complaint's receipt: the case's date and year
  ComplaintType type = ComplaintType::equipment;
  Severity severity = Severity::serious;
  std::vector<SeriousCriterion> serious_criteria;
  std::string title;  // the matter, anonymised
  std::string what_happened;
  std::string cause_analysis;
  std::string responsibility;
  std::string corrective_action;
  std::string prevention;
  std::string reply;
  EscalationLevel escalation = EscalationLevel::service_center;
  std::vector<CaseDeadline> deadlines;

  bool operator==(const CaseStudy&) const = default;
  static constexpr auto fields() {
    using C = CaseStudy;
    return std::tuple{
        Field{"source_id", &C::source_id, "来源投诉", "Source complaint"},
        Field{"origin", &C::origin, "来源", "Origin"},
        Field{"occurred_at", &C::occurred_at, "发生时间", "Occurred"},
        Field{"type", &C::type, "投诉类型", "Type"},
        Field{"severity", &C::severity, "严重程度", "Severity"},
        Field{"serious_criteria", &C::serious_criteria, "严重投诉依据", "Serious because"},
        Field{"title", &C::title, "案例标题", "Title"},
        Field{"what_happened", &C::what_happened, "经过", "What happened"},
        Field{"cause_analysis", &C::cause_analysis, "原因分析", "Cause analysis"},
        Field{"responsibility", &C::responsibility, "责任", "Responsibility"},
        Field{"corrective_action", &C::corrective_action, "纠正措施", "Corrective action"},
        Field{"prevention", &C::prevention, "预防措施", "Preventive measures"},
        Field{"reply", &C::reply, "答复客户", "Reply to the customer"},
        Field{"escalation", &C::escalation, "上报层级", "Escalated to"},
        Field{"deadlines", &C::deadlines, "时限执行", "Deadlines"},
    };
  }
};

// Supervisors and above make and edit cases (roles.cpp: mark_case).
Action create_permission(const CaseStudy&);
Errors validate(const CaseStudy& c);
std::string search_text(const CaseStudy& c);

// The case of complaint `c`, anonymised: every text through anonymise_text
// with the complainant's name, phone and unit; the deadlines of complaint.hpp
// as they stand at `now`. The complainant, unit, phone and staff are not
// carried over.
CaseStudy case_from_complaint(const Complaint& c, CaseOrigin origin, Timestamp now);

// SPEC §2: the step from `before` to `after` closed a 严重 complaint — its case.
std::optional<CaseStudy> case_on_close(const Complaint& before, const Complaint& after, Timestamp now);

// "严重投诉48小时内出结果" for a CaseDeadline rule code.
Msg case_deadline_label(const std::string& rule);
// "严重投诉48小时内出结果：逾期完成；…" — every deadline and its outcome.
Msg case_deadlines_text(const CaseStudy& c);
// The case's year (site time), for the library's filter.
int case_year(const CaseStudy& c);

}  // namespace desk
