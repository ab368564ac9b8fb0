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

// Issue 14 item 5: why a deadline's clock is stopped (hold.hpp).
enum class HoldReason { customer_away, waiting_parts, customer_rescheduled, other_party };
DESK_ENUM_TABLE(HoldReason, {HoldReason::customer_away, "customer_away", "客户不在家/约不上", "Customer away"},
                {HoldReason::waiting_parts, "waiting_parts", "等待配件", "Waiting for parts"},
                {HoldReason::customer_rescheduled, "customer_rescheduled", "客户要求改期", "Customer rescheduled"},
                {HoldReason::other_party, "other_party", "待其他单位处理", "With another unit"})

struct Deadline {
  Timestamp due;                           // moved later by any hold time (hold.hpp)
  std::optional<Timestamp> done;           // when the duty was fulfilled
  std::optional<Timestamp> paused_at{};    // held now: the clock stopped then
  std::optional<HoldReason> paused_for{};  // … for this reason
  std::int64_t held_ms = 0;                // hold time already added to `due`
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
// The same deadline without its hold time: compliance as if nothing paused.
inline Deadline without_holds(const Deadline& d) {
  return Deadline{d.due + (-d.held_ms), d.done};
}

inline DeadlineStatus deadline_status(const Deadline& d, Timestamp now, std::int64_t soon = 6 * kHour) {
  if (d.done) return *d.done <= d.due ? DeadlineStatus::met : DeadlineStatus::missed;
  if (d.paused_at) return DeadlineStatus::not_due;  // the clock is stopped (issue 14 item 5)
  if (now > d.due) return DeadlineStatus::overdue;
  if (d.due - now <= soon) return DeadlineStatus::due_soon;
  return DeadlineStatus::not_due;
}

}  // namespace desk
