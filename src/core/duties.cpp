#include "core/duties.hpp"

#include <algorithm>
#include <set>

#include "core/asset_reader.hpp"

namespace desk {

namespace {

constexpr std::string_view kDutiesFormat = "desk.duties";
constexpr int kDutiesVersion = 1;

// "HH:MM" → minutes after midnight.
std::optional<int> parse_hhmm(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

bool read_duty(const json& j, const std::string& path, DutyRule& d, Errors& errors) {
  if (!asset::check_keys(j, {"code", "zh", "en", "period", "times", "source"},
                         {"every", "weekday", "time", "before_shift_minutes", "arrive_before_minutes",
                          "meeting_minutes", "evidence", "notice_days_before", "lists"},
                         path, errors))
    return false;
  auto refuse = [&](const char* key, std::string zh, std::string en) {
    errors.push_back({path + "." + key, {std::move(zh), std::move(en)}});
    return false;
  };
  bool ok = asset::read_code(j, "code", d.code, path, errors);
  ok &= asset::read_text(j, "zh", d.zh, path, errors);
  ok &= asset::read_text(j, "en", d.en, path, errors);
  ok &= asset::read_enum(j, "period", d.unit, path, errors);
  ok &= asset::read_int(j, "times", d.times, 1, 100, path, errors);
  ok &= asset::read_source(j, d.source, path, errors);
  std::optional<int> every;
  ok &= asset::read_opt_int(j, "every", every, 1, 12, path, errors);
  d.every = every.value_or(1);
  ok &= asset::read_opt_int(j, "weekday", d.weekday, 1, 7, path, errors);
  ok &= asset::read_opt_int(j, "before_shift_minutes", d.before_shift_minutes, 0, 240, path, errors);
  ok &= asset::read_opt_int(j, "arrive_before_minutes", d.arrive_before_minutes, 1, 120, path, errors);
  ok &= asset::read_opt_int(j, "notice_days_before", d.notice_days_before, 0, 30, path, errors);
  ok &= asset::read_opt_bool(j, "meeting_minutes", d.meeting_minutes, path, errors);
  ok &= asset::read_opt_text(j, "evidence", d.evidence, path, errors);
  ok &= asset::read_opt_text(j, "lists", d.lists, path, errors);
  if (j.contains("time")) {
    std::string t;
    if (asset::read_text(j, "time", t, path, errors)) {
      d.time_of_day = parse_hhmm(t);
      if (!d.time_of_day) ok = refuse("time", "时刻应为 HH:MM，如 16:00", "the time must be HH:MM, e.g. 16:00");
    } else {
      ok = false;
    }
  }
  if (!ok) return false;
  if (d.unit == PeriodUnit::month && 12 % d.every != 0)
    ok = refuse("every", "月数应能整除12（1、2、3、4、6、12）", "months per period must divide 12 (1, 2, 3, 4, 6, 12)");
  if (d.unit != PeriodUnit::month && d.every != 1)
    ok = refuse("every", "只有按月的工作可以几个月一轮", "only monthly duties may span several months");
  if (d.weekday && d.unit != PeriodUnit::week)
    ok = refuse("weekday", "只有每周的工作可以指定周几", "only weekly duties have a weekday");
  if (d.time_of_day && d.unit != PeriodUnit::day && !d.weekday)
    ok = refuse("time", "时刻只用于每日工作或指定了周几的每周工作",
                "a time is only for daily duties or weekly duties with a weekday");
  if (d.before_shift_minutes && (d.unit != PeriodUnit::day || d.time_of_day))
    ok = refuse("before_shift_minutes", "班前分钟数只用于没有固定时刻的每日工作",
                "minutes before the shift are only for daily duties without a fixed time");
  if (!d.lists.empty() && d.lists != "keys_out")
    ok = refuse("lists", "lists 只能是 keys_out（未归还的钥匙）", "lists must be keys_out (the keys still out)");
  if (d.arrive_before_minutes && !d.time_of_day)
    ok = refuse("arrive_before_minutes", "提前到场只用于有固定时刻的工作（如周日16:00的总结会）",
                "arriving early is only for duties at a fixed time (e.g. the Sunday 16:00 meeting)");
  return ok;
}

std::string duty_path(const json& entry, std::size_t index) {
  if (entry.is_object() && entry.contains("code") && entry["code"].is_string() &&
      asset::valid_code(entry["code"].get<std::string>()))
    return "duties[" + entry["code"].get<std::string>() + "]";
  return "duties[" + std::to_string(index) + "]";
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  const std::int64_t r = a % b;
  return r < 0 ? r + b : r;
}

}  // namespace

Expected<std::vector<DutyRule>> parse_duties(std::string_view json_text) {
  Errors errors;
  const auto list = asset::parse_list_document(json_text, kDutiesFormat, kDutiesVersion, "duties", errors);
  if (!list) return errors;
  std::vector<DutyRule> duties;
  std::set<std::string> codes;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = duty_path((*list)[i], i);
    DutyRule d;
    if (!read_duty((*list)[i], path, d, errors)) continue;
    if (!codes.insert(d.code).second) {
      errors.push_back({path + ".code", {"工作代码重复：" + d.code, "duplicate duty code: " + d.code}});
      continue;
    }
    duties.push_back(std::move(d));
  }
  if (!errors.empty()) return errors;
  return duties;
}

const DutyRule* find_duty(const std::vector<DutyRule>& duties, std::string_view code) {
  for (const auto& d : duties)
    if (d.code == code) return &d;
  return nullptr;
}

DutyPeriod duty_period(const DutyRule& rule, Timestamp t) {
  const CivilTime c = to_civil(t);
  const Timestamp day = from_civil(CivilTime{c.year, c.month, c.day});
  switch (rule.unit) {
    case PeriodUnit::day:
      return DutyPeriod{day, day + kDay};
    case PeriodUnit::week: {
      // 1970-01-01 was a Thursday: days + 3 counts from a Monday.
      const std::int64_t since_monday = floor_mod(days_from_civil(c.year, c.month, c.day) + 3, 7);
      const Timestamp monday = day + (-since_monday * kDay);
      return DutyPeriod{monday, monday + 7 * kDay};
    }
    case PeriodUnit::month: {
      const int first = (c.month - 1) / rule.every * rule.every + 1;  // January, 1+N, 1+2N …
      const int next = first + rule.every;
      return DutyPeriod{from_civil(CivilTime{c.year, first, 1}),
                        next > 12 ? from_civil(CivilTime{c.year + 1, 1, 1}) : from_civil(CivilTime{c.year, next, 1})};
    }
    case PeriodUnit::year:
      return DutyPeriod{from_civil(CivilTime{c.year, 1, 1}), from_civil(CivilTime{c.year + 1, 1, 1})};
  }
  return DutyPeriod{day, day + kDay};
}

Timestamp duty_due(const DutyRule& rule, const DutyPeriod& period, const SiteSchedule& site) {
  if (rule.weekday) {
    const Timestamp day = period.start + (*rule.weekday - 1) * kDay;
    return rule.time_of_day ? day + *rule.time_of_day * kMinute : day + (kDay - 1);
  }
  if (rule.time_of_day) return period.start + *rule.time_of_day * kMinute;
  if (rule.before_shift_minutes) return period.start + (site.shift_start - *rule.before_shift_minutes) * kMinute;
  return period.end + (-1);  // the period's last millisecond: done before it ends is on time
}

std::optional<Timestamp> duty_arrival(const DutyRule& rule, const DutyPeriod& period, const SiteSchedule& site) {
  if (!rule.arrive_before_minutes) return std::nullopt;
  return duty_due(rule, period, site) + (-*rule.arrive_before_minutes * kMinute);
}

Msg duty_title(const DutyRule& rule, const DutyPeriod& period, const SiteSchedule& site) {
  const auto arrival = duty_arrival(rule, period, site);
  if (!arrival) return {rule.zh, rule.en};
  const std::string hhmm = format_local(*arrival).substr(11, 5);
  return {rule.zh + "（" + hhmm + " 到场）", rule.en + " (arrive " + hhmm + ")"};
}

constexpr std::int64_t kDutyDueSoonCap = 7 * kDay;

std::int64_t duty_due_soon_window(const DutyRule& rule, int remaining) {
  std::int64_t base = kHour;
  switch (rule.unit) {
    case PeriodUnit::day:
      base = kHour;
      break;
    case PeriodUnit::week:
      base = kDay;
      break;
    case PeriodUnit::month:
      base = 3 * kDay * rule.every;
      break;
    case PeriodUnit::year:
      base = 30 * kDay;
      break;
  }
  // Issue 13: never more than a week per completion still owed (a year's
  // duty is not "due soon" a month ahead).
  return std::min(base, kDutyDueSoonCap) * std::max(1, remaining);
}

PeriodReport period_report(const DutyRule& rule, const DutyPeriod& period, const std::vector<Timestamp>& done,
                           Timestamp now, const SiteSchedule& site) {
  std::vector<Timestamp> in;
  for (Timestamp t : done)
    if (t >= period.start && t < period.end) in.push_back(t);
  std::sort(in.begin(), in.end());
  PeriodReport r;
  r.period = period;
  r.done = static_cast<int>(in.size());
  r.required = rule.times;
  r.due = duty_due(rule, period, site);
  Deadline deadline{r.due, std::nullopt};
  // The quota is fulfilled when its last required completion happens.
  if (r.done >= r.required) deadline.done = in[static_cast<std::size_t>(r.required - 1)];
  r.status = deadline_status(deadline, now, duty_due_soon_window(rule, r.required - r.done));
  return r;
}

DeadlineStatus DutyReport::warning() const {
  const bool current_fulfilled = current.status == DeadlineStatus::met || current.status == DeadlineStatus::missed;
  if (previous.status == DeadlineStatus::overdue && !current_fulfilled) return DeadlineStatus::overdue;
  return current.status;
}

DutyReport duty_status(const DutyRule& rule, const std::vector<Timestamp>& done, Timestamp now,
                       const SiteSchedule& site) {
  const DutyPeriod current = duty_period(rule, now);
  const DutyPeriod previous = duty_period(rule, current.start + (-1));
  DutyReport r{period_report(rule, current, done, now, site), period_report(rule, previous, done, now, site), {}};
  const bool fulfilled = r.current.status == DeadlineStatus::met || r.current.status == DeadlineStatus::missed;
  r.next_due = fulfilled ? duty_due(rule, duty_period(rule, current.end), site) : r.current.due;
  return r;
}

}  // namespace desk
