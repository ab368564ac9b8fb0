#include "core/callback.hpp"

#include <algorithm>
#include <cmath>

#include "core/callback_sample.hpp"
#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
using S = CallbackStatus;
using A = CallbackAction;
constexpr Transition<S, A> kTransitions[] = {
    {A::complete, S::pending, S::done},
    {A::mark_unreachable, S::pending, S::unreachable},
    {A::retry, S::unreachable, S::pending},
    {A::arrange_rework, S::done, S::done},
};
bool rated(Satisfaction s) {
  return s != Satisfaction::unrated;
}
}  // namespace

std::span<const Transition<CallbackStatus, CallbackAction>> transitions(const Callback&) {
  return kTransitions;
}

Action create_permission(const Callback&) {
  return Action::record_callback;
}

Action permission_for(const Callback& c, CallbackAction a) {
  if (a == A::complete && c.major) return Action::callback_major_complaint;  // SPEC §4
  return Action::record_callback;
}

void on_action(Callback& c, CallbackAction a, Timestamp now) {
  if (a == A::complete) c.done_at = now;
  if (a == A::arrange_rework) c.rework_arranged_at = now;
}

Errors validate(const Callback& c) {
  Errors errors;
  if (trim(c.source_id).empty() && c.source != CallbackSource::other)
    errors.push_back({"source_id", {"请填写回访的原记录", "Give the record being called back"}});
  check_phone(errors, c.phone);
  if (c.due < c.source_finished_at)
    errors.push_back({"due", {"回访期限不能早于完成时间", "The due time cannot be before the source finished"}});
  if (c.status == S::done) {
    if (trim(c.called_by).empty())
      errors.push_back({"called_by", {"请填写回访人", "Who made the callback is required"}});
    // SPEC §4 content: quality, effect, attitude, overall satisfaction.
    const std::pair<Satisfaction, const char*> ratings[] = {
        {c.quality, "quality"}, {c.effect, "effect"}, {c.attitude, "attitude"}, {c.overall, "overall"}};
    for (auto [value, key] : ratings)
      if (!rated(value)) errors.push_back({key, {"请选择客户评价", "Choose the customer's rating"}});
  }
  if (c.rework_arranged_at && trim(c.rework_repair).empty())
    errors.push_back({"rework_repair", {"安排返修时请关联返修单", "Link the rework repair"}});
  return errors;
}

std::string search_text(const Callback& c) {
  return join_lines({c.unit, c.contact, c.phone, c.subject, c.suggestions, c.called_by});
}

bool is_open(const Callback& c) {
  return !c.meta.deleted && c.status != S::done;
}

Timestamp callback_due(CallbackSource source, Timestamp finished) {
  switch (source) {
    case CallbackSource::complaint:
      return finished + 3 * kDay;
    case CallbackSource::repair:
    case CallbackSource::newspaper:
    case CallbackSource::community_activity:
      return add_months(finished, 1);
    case CallbackSource::special_service:
      return finished;  // the midpoint or the end is itself the due time
    case CallbackSource::emergency_patient:
    case CallbackSource::other:
      return finished + 7 * kDay;
  }
  return finished;
}

RateRule callback_rate_rule(CallbackSource source) {
  switch (source) {
    case CallbackSource::complaint:
      return RateRule::all;
    case CallbackSource::repair:
    case CallbackSource::special_service:
      return RateRule::sampled;
    case CallbackSource::newspaper:
    case CallbackSource::community_activity:
      return RateRule::ten_percent;
    case CallbackSource::emergency_patient:
    case CallbackSource::other:
      return RateRule::none;
  }
  return RateRule::none;
}

int callback_required_count(CallbackSource source, int n) {
  switch (callback_rate_rule(source)) {
    case RateRule::all:
      return n;
    case RateRule::sampled:
      return callback_sample_size(n);
    case RateRule::ten_percent:
      return (n + 9) / 10;  // ceil(10 % · n)
    case RateRule::none:
      return 0;
  }
  return 0;
}

std::optional<Callback> callback_for(const Complaint& c) {
  if (!c.replied_at) return std::nullopt;
  Callback cb;
  cb.source = CallbackSource::complaint;
  cb.source_id = c.meta.id;
  cb.source_finished_at = *c.replied_at;
  cb.due = callback_due(cb.source, *c.replied_at);
  cb.required = true;
  cb.major = c.severity == Severity::serious;
  cb.unit = c.unit;
  cb.contact = c.complainant;
  cb.phone = c.phone;
  cb.subject = c.matter.empty() ? c.content : c.matter;
  cb.method = cb.major ? CallbackMethod::visit : CallbackMethod::phone;
  return cb;
}

std::optional<Callback> callback_for(const Repair& r) {
  if (!r.accepted_at || !r.finished_at) return std::nullopt;
  Callback cb;
  cb.source = CallbackSource::repair;
  cb.source_id = r.meta.id;
  cb.source_finished_at = *r.finished_at;
  cb.due = callback_due(cb.source, *r.finished_at);
  cb.required = false;  // drawn by the month's sample
  cb.unit = r.unit;
  cb.contact = r.requester;
  cb.phone = r.phone;
  cb.subject = std::string(enum_label(r.fault).zh) + "：" + r.description;
  return cb;
}

Callback special_callback_for(const Complaint& repeat, const std::string& defective_record) {
  Callback cb;
  cb.source = CallbackSource::complaint;
  cb.source_id = defective_record;
  cb.source_finished_at = repeat.received_at;
  cb.due = repeat.received_at + kReworkWindow;
  cb.required = true;
  cb.special = true;
  cb.unit = repeat.unit;
  cb.contact = repeat.complainant;
  cb.phone = repeat.phone;
  cb.subject = repeat.matter.empty() ? repeat.content : repeat.matter;
  cb.method = CallbackMethod::visit;
  return cb;
}

std::vector<Callback> draw_month_sample(std::span<const Callback> callbacks, const std::string& site, int year,
                                        int month) {
  const Timestamp from = from_civil({year, month, 1}), to = add_months(from, 1);
  std::vector<std::string> ids;
  for (const auto& c : callbacks)
    if (!c.meta.deleted && c.meta.site == site && c.source == CallbackSource::repair && !c.special &&
        !(c.source_finished_at < from) && c.source_finished_at < to)
      ids.push_back(c.meta.id);
  const auto sample = callback_sample(ids, callback_sample_seed(site, year, month));
  std::vector<Callback> out;
  for (const auto& c : callbacks)
    if (!c.required && std::find(sample.begin(), sample.end(), c.meta.id) != sample.end()) {
      Callback marked = c;
      marked.required = true;
      out.push_back(std::move(marked));
    }
  return out;
}

bool is_unsatisfied(const Callback& c) {
  return c.status == S::done && c.overall == Satisfaction::unsatisfied;
}

std::optional<Callback> special_callback_on_unsatisfied(const Callback& before, const Callback& after) {
  if (before.status == S::done || !is_unsatisfied(after) || !after.done_at) return std::nullopt;
  Callback cb;
  cb.source = after.source;
  cb.source_id = after.source_id;
  cb.source_finished_at = *after.done_at;
  cb.due = *after.done_at + kReworkWindow;
  cb.required = true;
  cb.special = true;
  cb.major = after.major;
  cb.unit = after.unit;
  cb.contact = after.contact;
  cb.phone = after.phone;
  cb.subject = "特殊回访（上次回访不满意）：" + after.subject;
  cb.method = CallbackMethod::visit;
  cb.follows = after.meta.id;
  return cb;
}

std::optional<Deadline> callback_rework_deadline(const Callback& c) {
  if (c.special) return Deadline{c.source_finished_at + kReworkWindow, c.rework_arranged_at};
  if (is_unsatisfied(c) && c.done_at) return Deadline{*c.done_at + kReworkWindow, c.rework_arranged_at};
  return std::nullopt;
}

std::optional<Deadline> callback_deadline(const Callback& c) {
  return Deadline{c.due, c.done_at};
}

}  // namespace desk
