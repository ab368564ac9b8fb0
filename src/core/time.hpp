// Time in the core: instants are milliseconds since the Unix epoch (UTC).
// Sites are in China Standard Time (UTC+8, no daylight saving), so calendar
// rules ("end of day", "the 25th of the month") use that fixed offset.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>

namespace desk {

struct Timestamp {
  std::int64_t ms = 0;
  auto operator<=>(const Timestamp&) const = default;
};

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr int kSiteUtcOffsetMinutes = 480;  // UTC+8

inline Timestamp operator+(Timestamp t, std::int64_t ms) {
  return {t.ms + ms};
}
inline std::int64_t operator-(Timestamp a, Timestamp b) {
  return a.ms - b.ms;
}

// A calendar date and wall-clock time at the site.
struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
  bool operator==(const CivilTime&) const = default;
};

CivilTime to_civil(Timestamp t);
Timestamp from_civil(const CivilTime& c);
// Days from 1970-01-01 for a proleptic Gregorian date.
std::int64_t days_from_civil(int y, int m, int d);
int days_in_month(int year, int month);

// "2026-11-22T14:30:00+08:00" — the export format's representation.
std::string format_iso(Timestamp t);
// Accepts "YYYY-MM-DDTHH:MM[:SS[.mmm]]" followed by "Z" or "+HH:MM"/"-HH:MM".
std::optional<Timestamp> parse_iso(const std::string& s);
// "2026-11-22 14:30" at the site, for people.
std::string format_local(Timestamp t);
// "2026-11-22" at the site.
std::string format_date(Timestamp t);
// Parses "YYYY-MM-DD HH:MM" or "YYYY-MM-DD" typed at the desk (site time).
std::optional<Timestamp> parse_local(const std::string& s);
// The same site-local wall time `months` calendar months later; the day is
// clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
Timestamp add_months(Timestamp t, int months);
// Midnight at the start of t's site-local day.
Timestamp start_of_day(Timestamp t);

}  // namespace desk
