#include "core/hold.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace desk {

const Hold* active_hold(const std::vector<Hold>& holds) {
  return !holds.empty() && !holds.back().to ? &holds.back() : nullptr;
}

Deadline held_deadline(const Deadline& d, const std::vector<Hold>& holds, Timestamp start) {
  std::vector<const Hold*> sorted;
  for (const auto& h : holds) sorted.push_back(&h);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Hold* a, const Hold* b) { return a->from < b->from; });
  Deadline out = d;
  for (const Hold* h : sorted) {
    const Timestamp begin = h->from < start ? start : h->from;
    if (!(begin < out.due)) break;            // began after the (moved) due time: too late to pause it
    if (d.done && !(begin < *d.done)) break;  // began after the duty was done
    if (!h->to && !d.done) {                  // held now: the clock is stopped
      out.paused_at = begin;
      out.paused_for = h->reason;
      break;
    }
    Timestamp end = h->to.value_or(*d.done);
    if (d.done && *d.done < end) end = *d.done;  // done while held: held until then
    if (end > begin) {
      out.due = out.due + (end - begin);
      out.held_ms += end - begin;
    }
  }
  return out;
}

std::int64_t time_held(const std::vector<Hold>& holds, HoldReason reason, Timestamp now) {
  std::int64_t total = 0;
  for (const auto& h : holds) {
    const Timestamp end = h.to.value_or(now);
    if (h.reason == reason && end > h.from) total += end - h.from;
  }
  return total;
}

Errors check_new_hold(const std::vector<Hold>& holds, const Hold& hold) {
  Errors errors;
  if (active_hold(holds)) errors.push_back({"holds", {"已在暂停中，请先恢复计时", "Already on hold: resume it first"}});
  if (trim(hold.note).empty())
    errors.push_back({"holds", {"请说明暂停的原因（等什么、等谁）", "Say what the hold waits for"}});
  if (!holds.empty() && holds.back().to && hold.from < *holds.back().to)
    errors.push_back({"holds", {"暂停时间不能早于上次恢复", "A hold cannot start before the last one ended"}});
  return errors;
}

Errors check_end_hold(const std::vector<Hold>& holds, Timestamp at) {
  const Hold* h = active_hold(holds);
  if (!h) return {{"holds", {"当前没有暂停，无需恢复", "Not on hold"}}};
  if (at < h->from) return {{"holds", {"恢复时间不能早于暂停时间", "Cannot resume before the hold began"}}};
  return {};
}

}  // namespace desk
