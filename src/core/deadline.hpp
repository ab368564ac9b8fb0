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

// Issue 13: "due soon" is soon for the rule's own span (from when its clock
// started to the due time): the last third of a rule of an hour or less
// (5 of 15 minutes, 10 of 30), the last quarter of a longer one (6 of 24
// hours, 18 of 3 days), and never more than two days before the due time,
// however long the rule (a month's callback is due soon in its last 2 days).
constexpr std::int64_t kDueSoonCap = 2 * kDay;
constexpr std::int64_t due_soon_window(std::int64_t span) {
  if (span <= 0) return 0;
  const std::int64_t w = span <= kHour ? span / 3 : span / 4;
  return w < kDueSoonCap ? w : kDueSoonCap;
}

// Due soon = within `soon` before the due time (default: the last quarter of
// a day). Done on or before due = met; done after = missed.
inline DeadlineStatus deadline_status(const Deadline& d, Timestamp now, std::int64_t soon = 6 * kHour) {
  if (d.done) return *d.done <= d.due ? DeadlineStatus::met : DeadlineStatus::missed;
  if (now > d.due) return DeadlineStatus::overdue;
  if (d.due - now <= soon) return DeadlineStatus::due_soon;
  return DeadlineStatus::not_due;
}

}  // namespace desk
