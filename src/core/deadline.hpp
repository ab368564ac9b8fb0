// Deadlines and their status, shared by every rule that sets a due time.
#pragma once
#include <optional>

#include "core/enums.hpp"
#include "core/time.hpp"

namespace desk {

enum class DeadlineStatus { not_due, due_soon, overdue, met, missed };
DESK_ENUM_TABLE(DeadlineStatus, {DeadlineStatus::not_due, "not_due", "未到期", "Not due"},
                {DeadlineStatus::due_soon, "due_soon", "即将到期", "Due soon"},
                {DeadlineStatus::overdue, "overdue", "已逾期", "Overdue"},
                {DeadlineStatus::met, "met", "按时完成", "Met"},
                {DeadlineStatus::missed, "missed", "逾期完成", "Missed"})

struct Deadline {
  Timestamp due;
  std::optional<Timestamp> done;  // when the duty was fulfilled
};

// Due soon = within `soon` before the due time (default: the last quarter of
// a day). Done on or before due = met; done after = missed.
inline DeadlineStatus deadline_status(const Deadline& d, Timestamp now, std::int64_t soon = 6 * kHour) {
  if (d.done) return *d.done <= d.due ? DeadlineStatus::met : DeadlineStatus::missed;
  if (now > d.due) return DeadlineStatus::overdue;
  if (d.due - now <= soon) return DeadlineStatus::due_soon;
  return DeadlineStatus::not_due;
}

}  // namespace desk
