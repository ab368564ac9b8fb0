// 暂停计时 — a deadline that pauses, with a reason (issue 14 item 5).
// A complaint or repair waiting on something outside the desk's hands (the
// customer away, a part on order, a new date asked for, another unit) is put
// on hold; its clocks stop while it is held and resume when it ends. Hold
// periods are kept on the record (and so in its history), shown on the
// deadline badge (暂停中 · 等待配件), and statistics report compliance both
// with and without hold time.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/deadline.hpp"
#include "core/errors.hpp"
#include "core/fields.hpp"

namespace desk {

struct Hold {
  HoldReason reason = HoldReason::customer_away;
  std::string note;
  Timestamp from;
  std::optional<Timestamp> to;  // empty while the hold lasts
  std::string by;               // who put it on hold
  std::string resumed_by;
  bool operator==(const Hold&) const = default;
  static constexpr auto fields() {
    using H = Hold;
    return std::tuple{
        Field{"reason", &H::reason, "暂停原因", "Reason"}, Field{"note", &H::note, "说明", "Note"},
        Field{"from", &H::from, "暂停时间", "Held from"},  Field{"to", &H::to, "恢复时间", "Resumed at"},
        Field{"by", &H::by, "暂停人", "Held by"},          Field{"resumed_by", &H::resumed_by, "恢复人", "Resumed by"},
    };
  }
};

// The hold in force (the last, without an end), if any.
const Hold* active_hold(const std::vector<Hold>& holds);

// (rule) The clock stops while held: the due time moves later by the held
// time that fell inside the clock's run — after `start` (when the rule's
// clock started) and before the due time as moved so far. A hold begun after
// the due time (already overdue) or after the duty was done moves nothing. A
// hold still in force stops the clock: the deadline is paused (paused_at,
// paused_for) and counts as not due until the hold ends. `held_ms` keeps the
// time added, so without_holds() gives the compliance without hold time.
Deadline held_deadline(const Deadline& d, const std::vector<Hold>& holds, Timestamp start);
inline std::optional<Deadline> held_deadline(const std::optional<Deadline>& d, const std::vector<Hold>& holds,
                                             Timestamp start) {
  if (!d) return std::nullopt;
  return held_deadline(*d, holds, start);
}

// Time on hold up to `now`, for one reason (statistics).
std::int64_t time_held(const std::vector<Hold>& holds, HoldReason reason, Timestamp now);

// The checks of placing and ending a hold, shared by every record that has
// holds: refused while one is in force (or none to end), and a note is
// needed to say what is awaited.
Errors check_new_hold(const std::vector<Hold>& holds, const Hold& hold);
Errors check_end_hold(const std::vector<Hold>& holds, Timestamp at);

}  // namespace desk
