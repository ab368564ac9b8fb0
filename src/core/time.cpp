#include "core/time.hpp"

#include <algorithm>
#include <cstdio>

namespace desk {

namespace {
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool valid_civil(const CivilTime& c) {
  return c.year >= 1970 && c.year <= 9999 && c.month >= 1 && c.month <= 12 && c.day >= 1 &&
         c.day <= days_in_month(c.year, c.month) && c.hour >= 0 && c.hour <= 23 && c.minute >= 0 && c.minute <= 59 &&
         c.second >= 0 && c.second <= 59;
}
}  // namespace

// Howard Hinnant's days_from_civil (public domain algorithm).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

CivilTime to_civil(Timestamp t) {
  const std::int64_t local = t.ms + kSiteUtcOffsetMinutes * kMinute;
  std::int64_t z = floor_div(local, kDay);
  const std::int64_t ms_of_day = local - z * kDay;
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  CivilTime c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  c.hour = static_cast<int>(ms_of_day / kHour);
  c.minute = static_cast<int>(ms_of_day % kHour / kMinute);
  c.second = static_cast<int>(ms_of_day % kMinute / 1000);
  c.millisecond = static_cast<int>(ms_of_day % 1000);
  return c;
}

Timestamp from_civil(const CivilTime& c) {
  const std::int64_t days = days_from_civil(c.year, c.month, c.day);
  const std::int64_t local = days * kDay + c.hour * kHour + c.minute * kMinute + c.second * 1000LL + c.millisecond;
  return {local - kSiteUtcOffsetMinutes * kMinute};
}

namespace {
// v as exactly n decimal digits at p (0 <= v < 10^n).
void put_digits(char* p, int v, int n) {
  for (int i = n - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
}
}  // namespace

std::string format_iso(Timestamp t) {
  const CivilTime c = to_civil(t);
  if (c.year < 0 || c.year > 9999) {  // printf's own widths (a sign, a fifth digit)
    char buf[48];
    if (c.millisecond != 0)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00", c.year, c.month, c.day, c.hour,
                    c.minute, c.second, c.millisecond);
    else
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year, c.month, c.day, c.hour, c.minute,
                    c.second);
    return buf;
  }
  // What "%04d-%02d-%02dT%02d:%02d:%02d[.%03d]+08:00" prints, without printf:
  // every saved, imported or exported record writes several of these, and
  // printf was a tenth of writing an import's journal lines in the browser.
  char buf[] = "0000-00-00T00:00:00.000+08:00";
  put_digits(buf, c.year, 4);
  put_digits(buf + 5, c.month, 2);
  put_digits(buf + 8, c.day, 2);
  put_digits(buf + 11, c.hour, 2);
  put_digits(buf + 14, c.minute, 2);
  put_digits(buf + 17, c.second, 2);
  if (c.millisecond == 0) return std::string(buf, 19) + "+08:00";
  put_digits(buf + 20, c.millisecond, 3);
  return std::string(buf, sizeof buf - 1);
}

std::optional<Timestamp> parse_iso(const std::string& s) {
  CivilTime c;
  if (!digits(s, 0, 4, c.year) || s.size() < 16 || s[4] != '-' || !digits(s, 5, 2, c.month) || s[7] != '-' ||
      !digits(s, 8, 2, c.day) || s[10] != 'T' || !digits(s, 11, 2, c.hour) || s[13] != ':' ||
      !digits(s, 14, 2, c.minute))
    return std::nullopt;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!digits(s, pos + 1, 2, c.second)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      if (!digits(s, pos + 1, 3, c.millisecond)) return std::nullopt;
      pos += 4;
    }
  }
  if (!valid_civil(c)) return std::nullopt;
  int offset_minutes = 0;
  if (pos + 1 == s.size() && s[pos] == 'Z') {
    offset_minutes = 0;
  } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh) || !digits(s, pos + 4, 2, om) || oh > 14 || om > 59) return std::nullopt;
    offset_minutes = (s[pos] == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  // from_civil assumes site time; shift by the difference of offsets.
  return from_civil(c) + (kSiteUtcOffsetMinutes - offset_minutes) * kMinute;
}

std::string format_local(Timestamp t) {
  const CivilTime c = to_civil(t);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.minute);
  return buf;
}

std::string format_date(Timestamp t) {
  return format_local(t).substr(0, 10);
}

std::optional<Timestamp> parse_local(const std::string& s) {
  CivilTime c;
  if (!digits(s, 0, 4, c.year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, c.month) || s[7] != '-' ||
      !digits(s, 8, 2, c.day))
    return std::nullopt;
  if (s.size() == 16) {
    if (s[10] != ' ' || !digits(s, 11, 2, c.hour) || s[13] != ':' || !digits(s, 14, 2, c.minute)) return std::nullopt;
  } else if (s.size() != 10) {
    return std::nullopt;
  }
  if (!valid_civil(c)) return std::nullopt;
  return from_civil(c);
}

Timestamp start_of_day(Timestamp t) {
  CivilTime c = to_civil(t);
  c.hour = c.minute = c.second = c.millisecond = 0;
  return from_civil(c);
}

Timestamp add_months(Timestamp t, int months) {
  CivilTime c = to_civil(t);
  const int index = c.year * 12 + (c.month - 1) + months;
  c.year = index / 12;
  c.month = index % 12 + 1;
  c.day = std::min(c.day, days_in_month(c.year, c.month));
  return from_civil(c);
}

}  // namespace desk
