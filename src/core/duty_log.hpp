// 工作日历 — a recurring duty done (SPEC §10): which duty (a code of
// assets/duties.json), when, by whom; meetings record their minutes.
#pragma once
#include <string>
#include <tuple>
#include <vector>

#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

struct DutyLog {
  static constexpr const char* kType = "duty_log";
  RecordMeta meta;

  std::string duty;  // duty code, e.g. "pest_control"
  Timestamp done_at;
  std::string done_by;
  std::vector<std::string> attendees;  // meetings
  std::string issues;
  std::string actions;
  bool water_sample_sent = false;  // water tank cleaning
  std::string note;

  bool operator==(const DutyLog&) const = default;
  static constexpr auto fields() {
    using D = DutyLog;
    return std::tuple{
        Field{"duty", &D::duty, "例行工作", "Duty"},
        Field{"done_at", &D::done_at, "完成时间", "Done at"},
        Field{"done_by", &D::done_by, "负责人", "Done by"},
        Field{"attendees", &D::attendees, "参加人员", "Attendees"},
        Field{"issues", &D::issues, "议题/问题", "Issues"},
        Field{"actions", &D::actions, "决定/行动", "Actions"},
        Field{"water_sample_sent", &D::water_sample_sent, "已送水样检测", "Water sample sent"},
        Field{"note", &D::note, "备注", "Note"},
    };
  }
};

Action create_permission(const DutyLog&);
Errors validate(const DutyLog& d);
std::string search_text(const DutyLog& d);

}  // namespace desk
