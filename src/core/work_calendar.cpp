#include "core/work_calendar.hpp"

#include <cstdio>

#include "core/asset_reader.hpp"

namespace desk {

// ---- dates -------------------------------------------------------------------
CalendarDate date_of(Timestamp t) {
  const CivilTime c = to_civil(t);
  return {c.year, c.month, c.day};
}

Timestamp start_of(CalendarDate d) {
  return from_civil({d.year, d.month, d.day, 0, 0, 0, 0});
}

CalendarDate add_days(CalendarDate d, int days) {
  // Noon keeps the arithmetic clear of any midnight edge.
  return date_of(start_of(d) + (12 * kHour + days * kDay));
}

int iso_weekday(CalendarDate d) {
  const std::int64_t n = days_from_civil(d.year, d.month, d.day);  // 1970-01-01 was a Thursday
  return static_cast<int>(((n % 7) + 7 + 3) % 7) + 1;
}

std::optional<CalendarDate> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const std::size_t start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i)
    for (std::size_t k = start[i]; k < start[i] + len[i]; ++k) {
      if (s[k] < '0' || s[k] > '9') return std::nullopt;
      v[i] = v[i] * 10 + (s[k] - '0');
    }
  if (v[0] < 1970 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1])) return std::nullopt;
  return CalendarDate{v[0], v[1], v[2]};
}

std::string date_text(CalendarDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// ---- the package's asset -----------------------------------------------------
namespace {
constexpr std::string_view kCalendarFormat = "desk.calendar";
constexpr int kCalendarVersion = 1;

bool read_day(const json& j, const std::string& path, const std::set<int>& years, SpecialDay& out, Errors& errors) {
  if (!asset::check_keys(j, {"date", "kind", "name"}, {}, path, errors)) return false;
  std::string date;
  bool ok = asset::read_text(j, "date", date, path, errors);
  ok &= asset::read_enum(j, "kind", out.kind, path, errors);
  ok &= asset::read_text(j, "name", out.name, path, errors);
  if (!ok) return false;
  const auto d = parse_date(date);
  if (!d) return errors.push_back({path + ".date", {"日期应为 YYYY-MM-DD", "the date must be YYYY-MM-DD"}}), false;
  if (!years.count(d->year))
    return errors.push_back({path + ".date", {"日期不在所列年份中", "the date is outside the listed years"}}), false;
  out.date = *d;
  return true;
}
}  // namespace

Expected<PackageCalendar> parse_calendar_asset(std::string_view text) {
  Errors errors;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception&) {
    return Errors{{"文件", {"不是完整的 JSON", "not valid JSON"}}};
  }
  if (!asset::check_keys(doc, {"format", "version", "package", "package_version", "years", "days"}, {"note"}, "",
                         errors))
    return errors;
  if (!doc["format"].is_string() || doc["format"].get<std::string>() != kCalendarFormat)
    return Errors{{"format", {"格式名应为 desk.calendar", "the format name should be desk.calendar"}}};
  int version = 0;
  PackageCalendar out;
  asset::read_int(doc, "version", version, 1, kCalendarVersion, "", errors);
  asset::read_text(doc, "package", out.package, "", errors);
  asset::read_text(doc, "package_version", out.version, "", errors);
  if (!doc["years"].is_array() || doc["years"].empty())
    errors.push_back({"years", {"应为非空的年份列表", "expected a non-empty list of years"}});
  else
    for (std::size_t i = 0; i < doc["years"].size(); ++i) {
      const json& y = doc["years"][i];
      if (!y.is_number_integer() || y.get<std::int64_t>() < 1970 || y.get<std::int64_t>() > 9999)
        errors.push_back({"years[" + std::to_string(i) + "]", {"年份应为整数", "a year must be an integer"}});
      else
        out.years.insert(y.get<int>());
    }
  if (!doc["days"].is_array()) errors.push_back({"days", {"应为列表", "expected a list"}});
  if (!errors.empty()) return errors;
  std::set<CalendarDate> seen;
  for (std::size_t i = 0; i < doc["days"].size(); ++i) {
    const json& j = doc["days"][i];
    std::string path = "days[" + std::to_string(i) + "]";
    if (j.is_object() && j.contains("date") && j["date"].is_string())
      path = "days[" + j["date"].get<std::string>() + "]";
    SpecialDay d;
    if (!read_day(j, path, out.years, d, errors)) continue;
    if (!seen.insert(d.date).second) {
      errors.push_back({path, {"同一日期出现两次", "the date is listed twice"}});
      continue;
    }
    out.days.push_back(std::move(d));
  }
  if (!errors.empty()) return errors;
  return out;
}

// ---- the calendar ------------------------------------------------------------
WorkCalendar::WorkCalendar(const PackageCalendar& package, const std::vector<SpecialDay>& overrides)
    : package_years_(package.years) {
  for (const auto& d : package.days) package_[d.date] = d;
  for (const auto& d : overrides) {
    overrides_[d.date] = d;
    if (d.kind == DayKind::rest_day) override_years_.insert(d.date.year);
  }
}

const SpecialDay* WorkCalendar::special(CalendarDate d) const {
  if (auto it = overrides_.find(d); it != overrides_.end()) return &it->second;
  if (auto it = package_.find(d); it != package_.end()) return &it->second;
  return nullptr;
}

bool WorkCalendar::is_working_day(CalendarDate d) const {
  if (const SpecialDay* s = special(d)) return s->kind == DayKind::working_day;
  return iso_weekday(d) <= 5;
}

CalendarDate WorkCalendar::next_working_day(CalendarDate d) const {
  CalendarDate next = add_days(d, 1);
  for (int i = 0; i < 400 && !is_working_day(next); ++i) next = add_days(next, 1);
  return next;
}

Timestamp WorkCalendar::next_working_day_start(Timestamp t, const SiteSchedule& site) const {
  return start_of(next_working_day(t)) + site.shift_start * kMinute;
}

bool WorkCalendar::knows_year(int year) const {
  return package_years_.count(year) > 0 || override_years_.count(year) > 0;
}

std::optional<Msg> calendar_missing_year_warning(const WorkCalendar& calendar, Timestamp now) {
  const CivilTime c = to_civil(now);
  int missing = 0;
  if (!calendar.knows_year(c.year))
    missing = c.year;
  else if (c.month == 12 && !calendar.knows_year(c.year + 1))
    missing = c.year + 1;
  if (!missing) return std::nullopt;
  const std::string y = std::to_string(missing);
  return Msg{"工作日历缺少 " + y +
                 " 年的节假日安排：请主管在「工作日历设置」中录入放假和调休上班日（未录入前按周一至周五计算）",
             "The working calendar has no holidays for " + y +
                 ": a supervisor should enter the days off and make-up working days under Calendar settings (until "
                 "then Monday–Friday count as working days)"};
}

}  // namespace desk
