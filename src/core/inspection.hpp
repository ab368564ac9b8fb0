// 巡查 / 保洁考核 — inspections and cleaning grades (SPEC §9; seed 003).
// The team leader's daily check before 17:00; the weekly check graded by the
// number of problems; the monthly grade by the 25th from the weekly grades.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <tuple>

#include "core/deadline.hpp"
#include "core/grades.hpp"
#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class InspectionKind { daily, weekly };
DESK_ENUM_TABLE(InspectionKind, {InspectionKind::daily, "daily", "日检", "Daily check"},
                {InspectionKind::weekly, "weekly", "周检", "Weekly check"})

struct Inspection {
  static constexpr const char* kType = "inspection";
  RecordMeta meta;

  InspectionKind kind = InspectionKind::daily;
  Timestamp at;
  std::string area;  // e.g. "A区保洁"
  std::string inspector;
  int problems = 0;
  std::string findings;
  std::string rectification;

  bool operator==(const Inspection&) const = default;
  static constexpr auto fields() {
    using I = Inspection;
    return std::tuple{
        Field{"kind", &I::kind, "检查类别", "Kind"},
        Field{"at", &I::at, "检查时间", "Time"},
        Field{"area", &I::area, "检查区域", "Area"},
        Field{"inspector", &I::inspector, "检查人", "Inspector"},
        Field{"problems", &I::problems, "问题数", "Problems found"},
        Field{"findings", &I::findings, "发现问题", "Findings"},
        Field{"rectification", &I::rectification, "整改情况", "Rectification"},
    };
  }
};

Action create_permission(const Inspection&);
Errors validate(const Inspection& i);
std::string search_text(const Inspection& i);

// SPEC §9: the daily check is done before 17:00 by the team leader, every
// calendar day (issue 14): seed 003 「一日一检查:由组长于每天下午17:00前」 —
// 每天, cleaning does not stop on holidays.
constexpr int kDailyCheckHour = 17;
Deadline daily_check_deadline(std::span<const Inspection> all, const std::string& area, Timestamp day);
// (rule) SPEC §9 monthly grade of an area from its weekly checks dated in
// that month up to the 25th (a calendar date, worked or not) (the day the monthly grade is due); nothing
// when the month has no weekly check yet.
constexpr int kMonthlyGradeDay = 25;
std::optional<Grade> monthly_grade_of(std::span<const Inspection> all, const std::string& area, int year, int month);

}  // namespace desk
