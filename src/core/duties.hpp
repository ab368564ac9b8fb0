// 工作日历 — recurring duties and their overdue warnings (SPEC §10).
// The duties are data (assets/duties.json): morning briefing daily, weekly
// department meeting, weekly summary meeting on Sunday 16:00, monthly
// assembly, public-area pest control at least twice a month, monthly stock
// count, training and fee statistics, gas safety checks every 2 months, water
// tank cleaning twice a year, owner satisfaction survey once a year.
// Periods follow the site's calendar (UTC+8, see time.hpp).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadline.hpp"
#include "core/errors.hpp"
#include "core/work_calendar.hpp"

namespace desk {

enum class PeriodUnit { day, week, month, year };
DESK_ENUM_TABLE(PeriodUnit, {PeriodUnit::day, "day", "每日", "Daily"}, {PeriodUnit::week, "week", "每周", "Weekly"},
                {PeriodUnit::month, "month", "每月", "Monthly"}, {PeriodUnit::year, "year", "每年", "Yearly"})

struct DutyRule {
  std::string code;  // stable, e.g. "pest_control"
  std::string zh;
  std::string en;
  PeriodUnit unit = PeriodUnit::month;
  int every = 1;                             // months per period (1, 2, 3, 4, 6 or 12); 1 for other units
  int times = 1;                             // at least this many per period
  std::optional<int> weekday;                // weekly only: 1 = Monday … 7 = Sunday
  std::optional<int> time_of_day;            // minutes after midnight ("16:00" → 960)
  std::optional<int> before_shift_minutes;   // daily only: due this long before the shift starts
  std::optional<int> arrive_before_minutes;  // fixed-time duties: staff arrive this long before it
  bool meeting_minutes = false;              // minutes record attendees, issues and actions
  std::string evidence;                      // what must be attached, e.g. 水样送检报告
  // Owners told this many days ahead. Calendar days (issue 14): seed 004
  // 「提前一天,與業主聯系好,確定次日上門服務」 — 次日 is the next day, whatever it is.
  std::optional<int> notice_days_before;
  // What the duty's to-do lists (issue 14 item 10): "keys_out" — the daily
  // key register check lists every key still out.
  std::string lists;
  std::string source;  // seed number
};

// Reads assets/duties.json. Refused with every problem named by duty code:
// unknown keys, duplicate codes, empty Chinese text, a period of N months
// that does not divide the year, a weekday on a non-weekly duty, a bad time.
Expected<std::vector<DutyRule>> parse_duties(std::string_view json_text);
const DutyRule* find_duty(const std::vector<DutyRule>& duties, std::string_view code);

// The morning briefing is due `before_shift_minutes` (15, seed 001) before
// the site's shift start (SiteSchedule, work_calendar.hpp).

// One period of a duty: [start, end) in site time.
struct DutyPeriod {
  Timestamp start;
  Timestamp end;
  bool operator==(const DutyPeriod&) const = default;
};

// SPEC §10 (rule): the period containing `t`. Days are calendar days (issue
// 14): the service center works every day (seed 000 「每天進行…巡查」, a
// 24-hour hotline) and the manuals' 每日/每周/每月 never say 工作日, so no
// duty skips a holiday. Days start at site midnight;
// weeks on Monday 00:00; months on the 1st; a period of N months starts in
// January, 1+N, 1+2N … (gas check: Jan–Feb, Mar–Apr …); years on 1 January.
// Water tank cleaning is two in the calendar year (period year, times 2;
// issue 14 item 11): seed 000 「每年安排水池/箱進行兩次清洗」 counts per year
// and names no half-years, so two cleanings in March meet the year.
DutyPeriod duty_period(const DutyRule& rule, Timestamp t);

// Issue 14 item 16: when staff arrive for a fixed-time duty — its due time
// less `arrive_before_minutes` (seed 001 「雇員需提早15分鐘到崗」: the weekly
// summary meeting at Sunday 16:00 is attended from 15:45). Nothing for a
// duty without an arrival lead.
std::optional<Timestamp> duty_arrival(const DutyRule& rule, const DutyPeriod& period, const SiteSchedule& site = {});
// The duty's name with its arrival time, as Today and the duty calendar show
// it: 「周工作总结会（15:45 到场）」.
Msg duty_title(const DutyRule& rule, const DutyPeriod& period, const SiteSchedule& site = {});

// SPEC §10: when the period's quota is due — the fixed weekday/time if the
// duty has one (weekly summary: Sunday 16:00), the shift start minus the lead
// for the morning briefing, else the end of the period (its last
// millisecond, 23:59:59.999, so a period that has ended short is overdue).
Timestamp duty_due(const DutyRule& rule, const DutyPeriod& period, const SiteSchedule& site = {});

// How long before the due time a duty is due soon: 1 h for a day, 1 day for
// a week, 3 days per month of the period, 30 days for a year — multiplied by
// the number of times still to do (pest control 0 of 2 → 6 days).
std::int64_t duty_due_soon_window(const DutyRule& rule, int remaining);

struct PeriodReport {
  DutyPeriod period;
  int done = 0;      // completions within the period
  int required = 0;  // rule.times
  Timestamp due;
  DeadlineStatus status = DeadlineStatus::not_due;
};

// SPEC §10: the state of one period at `now`. Met when `times` were done by
// the due time; missed when the last of them came after it; overdue when the
// due time passed short of `times` (also for a period that has ended).
PeriodReport period_report(const DutyRule& rule, const DutyPeriod& period, const std::vector<Timestamp>& done,
                           Timestamp now, const SiteSchedule& site = {});

struct DutyReport {
  PeriodReport current;   // the period containing now
  PeriodReport previous;  // the one before it, to warn when it ended short
  Timestamp next_due;     // current due if still to do, else the next period's
  // The warning the calendar shows: overdue if this period or the previous
  // one ended short, else the current status.
  DeadlineStatus warning() const;
};

DutyReport duty_status(const DutyRule& rule, const std::vector<Timestamp>& done, Timestamp now,
                       const SiteSchedule& site = {});

}  // namespace desk
