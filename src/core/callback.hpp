// 回访 — callbacks (SPEC §4; seed 000 "服务的回访"). Created automatically when
// the source record finishes, each due by its source's rule; a callback rated
// unsatisfied, or a special callback for a defect still present, arranges
// rework within 24 hours.
#pragma once
#include <optional>
#include <string>
#include <tuple>

#include "core/complaint.hpp"
#include "core/deadline.hpp"
#include "core/record.hpp"
#include "core/repair.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class CallbackSource {
  complaint,
  repair,
  special_service,
  emergency_patient,
  newspaper,
  community_activity,
  other
};
DESK_ENUM_TABLE(CallbackSource, {CallbackSource::complaint, "complaint", "投诉", "Complaint"},
                {CallbackSource::repair, "repair", "维修", "Repair"},
                {CallbackSource::special_service, "special_service", "特约服务", "Contracted special service"},
                {CallbackSource::emergency_patient, "emergency_patient", "急救病人", "Emergency patient"},
                {CallbackSource::newspaper, "newspaper", "报刊发行", "Newspaper delivery"},
                {CallbackSource::community_activity, "community_activity", "社区文化", "Community activity"},
                {CallbackSource::other, "other", "其他服务", "Other service"})

enum class CallbackMethod { phone, visit };
DESK_ENUM_TABLE(CallbackMethod, {CallbackMethod::phone, "phone", "电话回访", "Phone"},
                {CallbackMethod::visit, "visit", "上门回访", "Visit"})

enum class Satisfaction { unrated, very_satisfied, satisfied, fair, unsatisfied };
DESK_ENUM_TABLE(Satisfaction, {Satisfaction::unrated, "unrated", "未评价", "Not rated"},
                {Satisfaction::very_satisfied, "very_satisfied", "非常满意", "Very satisfied"},
                {Satisfaction::satisfied, "satisfied", "满意", "Satisfied"},
                {Satisfaction::fair, "fair", "基本满意", "Fairly satisfied"},
                {Satisfaction::unsatisfied, "unsatisfied", "不满意", "Unsatisfied"})

enum class CallbackStatus { pending, done, unreachable };
DESK_ENUM_TABLE(CallbackStatus, {CallbackStatus::pending, "pending", "待回访", "To call back"},
                {CallbackStatus::done, "done", "已回访", "Done"},
                {CallbackStatus::unreachable, "unreachable", "联系不上", "Could not reach"})

enum class CallbackAction { complete, mark_unreachable, retry, arrange_rework };
DESK_ENUM_TABLE(CallbackAction, {CallbackAction::complete, "complete", "完成回访", "Complete"},
                {CallbackAction::mark_unreachable, "mark_unreachable", "联系不上", "Could not reach"},
                {CallbackAction::retry, "retry", "重新回访", "Try again"},
                {CallbackAction::arrange_rework, "arrange_rework", "安排返修", "Arrange rework"})

struct Callback {
  static constexpr const char* kType = "callback";
  RecordMeta meta;

  CallbackSource source = CallbackSource::other;
  std::string source_id;
  Timestamp source_finished_at;
  Timestamp due;
  bool required = false;  // complaints: always; sampled sources: when drawn in the month's sample
  bool major = false;     // a serious complaint: called back by the project manager
  bool special = false;   // 特殊回访 for a defect still present (rework within 24 h)
  std::string unit;
  std::string contact;
  std::string phone;
  std::string subject;  // what is being called back about
  CallbackStatus status = CallbackStatus::pending;
  CallbackMethod method = CallbackMethod::phone;
  std::string called_by;
  std::optional<Timestamp> done_at;
  Satisfaction quality = Satisfaction::unrated;
  Satisfaction effect = Satisfaction::unrated;
  Satisfaction attitude = Satisfaction::unrated;
  Satisfaction overall = Satisfaction::unrated;
  std::string suggestions;
  std::string rework_repair;  // id of the rework repair
  std::optional<Timestamp> rework_arranged_at;
  std::string follows;  // the unsatisfied callback this special callback follows up (issue 14 item 7)

  bool operator==(const Callback&) const = default;

  static constexpr auto fields() {
    using C = Callback;
    return std::tuple{
        Field{"source", &C::source, "回访类别", "Source"},
        Field{"source_id", &C::source_id, "原记录", "Source record"},
        Field{"source_finished_at", &C::source_finished_at, "完成时间", "Source finished"},
        Field{"due", &C::due, "回访期限", "Due"},
        Field{"required", &C::required, "必须回访", "Required"},
        Field{"major", &C::major, "重大投诉", "Major complaint"},
        Field{"special", &C::special, "特殊回访", "Special callback"},
        Field{"unit", &C::unit, "楼栋-房号", "Unit"},
        Field{"contact", &C::contact, "联系人", "Contact"},
        Field{"phone", &C::phone, "联系电话", "Phone"},
        Field{"subject", &C::subject, "回访事项", "Subject"},
        Field{"status", &C::status, "状态", "Status"},
        Field{"method", &C::method, "回访方式", "Method"},
        Field{"called_by", &C::called_by, "回访人", "Called by"},
        Field{"done_at", &C::done_at, "回访时间", "Done at"},
        Field{"quality", &C::quality, "质量评价", "Quality"},
        Field{"effect", &C::effect, "效果评价", "Effect"},
        Field{"attitude", &C::attitude, "态度评价", "Attitude"},
        Field{"overall", &C::overall, "满意程度", "Overall satisfaction"},
        Field{"suggestions", &C::suggestions, "意见与建议", "Suggestions"},
        Field{"rework_repair", &C::rework_repair, "返修单", "Rework repair"},
        Field{"rework_arranged_at", &C::rework_arranged_at, "返修安排时间", "Rework arranged"},
        Field{"follows", &C::follows, "前次回访", "Follows callback", kAddedLater},
    };
  }
};

std::span<const Transition<CallbackStatus, CallbackAction>> transitions(const Callback&);
Action create_permission(const Callback&);
Action permission_for(const Callback& c, CallbackAction a);
void on_action(Callback& c, CallbackAction a, Timestamp now);
Errors validate(const Callback& c);
std::string search_text(const Callback& c);
bool is_open(const Callback& c);

// ---- rules (SPEC §4) ------------------------------------------------------------
// The due time after the source finished: complaint 3 days; repair, newspaper,
// community activity 1 month; emergency patient and other services 1 week.
// Calendar days, weeks and months (issue 14): seed 000 回訪時間 says
// 「處理完投訴後三天內」「一個月內」「一周內」, never 工作日.
// Special services are called back at the contract midpoint and after it
// ends: each of those two times is passed as `finished`.
Timestamp callback_due(CallbackSource source, Timestamp finished);
// Required share of finished sources called back: complaint 100 %,
// newspaper / community activity 10 %, repair / special service by the
// monthly sample (callback_sample_size), the others none.
enum class RateRule { all, ten_percent, sampled, none };
RateRule callback_rate_rule(CallbackSource source);
// How many of n finished sources in a month must be called back.
int callback_required_count(CallbackSource source, int n);

// The callback a finished complaint (replied) or repair (accepted) creates,
// or nothing when it has not finished.
std::optional<Callback> callback_for(const Complaint& c);
std::optional<Callback> callback_for(const Repair& r);
// SPEC §4 "created automatically when the source record finishes": the
// callback a step from `before` to `after` creates (a complaint replied, a
// repair accepted), or nothing.
template <class R>
std::optional<Callback> callback_on_finish(const R& before, const R& after) {
  if (callback_for(before)) return std::nullopt;  // finished already: created then
  return callback_for(after);
}

// Issue 13: a finished callback moves its source on (a replied complaint
// and an accepted repair go to 回访) in the same durable write, under the
// source step's own role check; closing stays a separate step. Nothing when
// the callback did not just finish, is a special callback (about a defect,
// not a finished source), or the source is not waiting for its callback.
inline ComplaintAction callback_step(const Complaint&) {
  return ComplaintAction::callback;
}
inline RepairAction callback_step(const Repair&) {
  return RepairAction::callback;
}
inline bool awaits_callback(const Complaint& c) {
  return !c.meta.deleted && c.status == ComplaintStatus::replied;
}
inline bool awaits_callback(const Repair& r) {
  return !r.meta.deleted && r.status == RepairStatus::accepted;
}
template <class R>
Expected<std::optional<R>> source_on_callback(const Callback& before, const Callback& after, const R& source,
                                              const Actor& actor) {
  if (before.status == CallbackStatus::done || after.status != CallbackStatus::done || after.special ||
      after.source_id != source.meta.id || !awaits_callback(source))
    return std::optional<R>{};
  Expected<R> next = perform(source, source, callback_step(source), actor);
  if (!next) {
    const Msg what = enum_label(after.source);
    Errors out;
    for (const auto& e : next.errors())
      out.push_back({"record",
                     {"原记录（" + what.zh + "）不能转入回访：" + e.message.zh,
                      "The " + what.en + " being called back cannot move on: " + e.message.en}});
    return out;
  }
  return std::optional<R>{std::move(next.value())};
}

// SPEC §4 monthly sample: of the month's repair callbacks (by completion),
// the ids drawn by callback_sample with the site's seed. Those not yet
// required are returned marked required, ready to save: the worklist.
std::vector<Callback> draw_month_sample(std::span<const Callback> callbacks, const std::string& site, int year,
                                        int month);

// A special callback for a new complaint about a defect still present.
Callback special_callback_for(const Complaint& repeat, const std::string& defective_record);

bool is_unsatisfied(const Callback& c);
// Issue 14 item 7 (seed 000 「收到客戶對效勞仍存在缺陷的再次投訴時，效勞中心應在
// 24小時內安排特殊回訪與返修效勞」): a callback just completed as 不满意 creates
// a special callback, due 24 hours after it was done, for the same source
// and customer, in the same durable write. Nothing when the callback did not
// just finish, or finished satisfied.
std::optional<Callback> special_callback_on_unsatisfied(const Callback& before, const Callback& after);
// Rework within 24 hours: of an unsatisfied callback (from when it was
// done) or of a special callback (from the repeat complaint). Hours, not
// working days: seed 000 「應在24小時內安排特殊回訪與返修效勞」.
constexpr std::int64_t kReworkWindow = 24 * kHour;
std::optional<Deadline> callback_rework_deadline(const Callback& c);
std::optional<Deadline> callback_deadline(const Callback& c);

}  // namespace desk
