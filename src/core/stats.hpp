// 统计 — monthly statistics and the flags of the written report (SPEC §11;
// seed 000 回访的统计): counts by module and type, deadline compliance per
// rule, callback rate against the required rate, satisfaction, failed
// callbacks, the same matter complained about twice or more in a row, and the
// same repair 3 or more times.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace desk {

struct RuleCompliance {
  std::string rule;
  Msg label;
  int met = 0, missed = 0, overdue = 0, pending = 0;  // deadlines falling due in the month
  double rate() const;                                // met / (met + missed + overdue); 1 when none fell due
  // Issue 14 item 5: the same deadlines judged with their hold time counted
  // against them (the clock never stopped).
  int met_counting_holds = 0, judged_counting_holds = 0;
  int judged() const { return met + missed + overdue; }
  double rate_counting_holds() const;  // 1 when none fell due
};

struct CallbackRateRow {
  CallbackSource source;
  int finished = 0;  // sources finished in the month
  int required = 0;  // callback_required_count
  int done = 0;      // callbacks done for them
  int pending = 0;   // issue 13: callbacks not done and not yet due — not missed
  bool meets() const { return done >= required; }
  // Short now, but the callbacks still to come (not yet due) can make it up.
  bool in_progress() const { return !meets() && done + pending >= required; }
};

struct RepeatComplaint {
  std::string customer;  // unit, else the complainant
  std::string matter;
  int times = 0;
  std::vector<std::string> ids;
};
struct RepeatRepair {
  std::string unit;
  FaultType fault;
  int times = 0;
  std::vector<std::string> ids;
};

struct MonthlyStats {
  std::string site;  // empty = all sites
  int year = 0, month = 0;
  std::map<std::string, int> created;  // record type → records created in the month
  std::vector<int> created_per_day;    // records of any type created on each day (index 0 = the 1st)
  std::map<std::string, int> complaints_by_type, repairs_by_fault, violations_by_category, incidents_by_plan;
  int serious_complaints = 0, emergency_repairs = 0;
  std::vector<RuleCompliance> compliance;
  std::vector<CallbackRateRow> callback_rates;
  int rated = 0, satisfied = 0;               // callbacks done in the month; satisfied = very satisfied or satisfied
  std::vector<std::string> failed_callbacks;  // unreachable or rated unsatisfied
  std::vector<RepeatComplaint> repeat_complaints;
  std::vector<RepeatRepair> repeat_repairs;
  std::optional<std::int64_t> median_id_handling_ms;
  // Issue 14 item 5: time complaints and repairs spent on hold, per reason
  // (HoldReason code), for holds begun in the month; and how many were held.
  std::map<std::string, std::int64_t> hold_ms_by_reason;
  int held_records = 0;
  double satisfaction() const;  // satisfied / rated, 0 when none rated
};

// (rule) SPEC §11 "the same matter complained about twice or more in a
// row": one customer's complaints of the month in time order; a run of ≥ 2
// consecutive ones with the same matter (trimmed; the type when no matter
// was given) is flagged once with the run's length.
std::vector<RepeatComplaint> repeat_complaints(const std::vector<const Complaint*>& month);
// (rule) SPEC §3: same unit + same fault type repaired 3 or more times in a month.
constexpr int kRepeatRepairThreshold = 3;
std::vector<RepeatRepair> repeat_repairs(const std::vector<const Repair*>& month);

// The statistics of one site (or all when `site` is empty) for a calendar
// month at site time; deadlines still open are judged at `now`.
MonthlyStats monthly_stats(const Dataset& data, const std::string& site, int year, int month, Timestamp now);

// The report as rows — what the CSV and the printed page show. Issue 13:
// numbers in number columns, so a spreadsheet can sum them:
//   月份, 项目, 类别, 数值, 单位, 分子, 分母, 说明
// A rate's 数值 is its percentage (66.7) with 分子/分母 (2, 3); a rate of
// nothing (0 of 0) has an empty 数值 and says why in 说明, never 100 %.
enum StatsColumn { kMonth, kItem, kCategory, kValue, kUnit, kNumerator, kDenominator, kNote, kStatsColumns };
std::vector<std::vector<std::string>> stats_rows(const MonthlyStats& s);
const std::vector<std::string>& stats_header();
// For Excel: UTF-8 with a byte-order mark, CRLF lines, quoted fields.
std::string stats_csv(const MonthlyStats& s);
// One quoted CSV cell; text starting with = + - @ tab or CR is made inert.
std::string csv_field(const std::string& s);
// A printable A4 page of the report.
std::string stats_html(const MonthlyStats& s, const std::string& title);
// A plain-text report for the command line.
std::string stats_text(const MonthlyStats& s);

}  // namespace desk
