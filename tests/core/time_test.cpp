#include "core/time.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <random>

using namespace desk;

TEST_CASE("time: site time is UTC+8") {
  const Timestamp t = from_civil({2026, 11, 22, 8, 0});
  CHECK(format_iso(t) == "2026-11-22T08:00:00+08:00");
  CHECK(parse_iso("2026-11-22T00:00:00Z") == t);
  CHECK(parse_iso("2026-11-22T08:00:00+08:00") == t);
  CHECK(parse_iso("2026-11-22T08:00+08:00") == t);
  CHECK(format_local(t) == "2026-11-22 08:00");
}

TEST_CASE("time: civil conversion across month, year and leap days") {
  for (CivilTime c : {CivilTime{2024, 2, 29, 23, 59, 59}, CivilTime{2026, 12, 31, 23, 0}, CivilTime{2027, 1, 1, 0, 0},
                      CivilTime{2000, 3, 1, 12, 0}, CivilTime{1970, 1, 1, 8, 0}})
    CHECK(to_civil(from_civil(c)) == c);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2100, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
}

TEST_CASE("time: bad times are refused") {
  for (const char* s : {"", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-22 08:00", "2026-11-22T25:00Z",
                        "2026-11-22T08:00:00+8", "2026-11-22T08:00:00+08:00x"})
    CHECK_FALSE(parse_iso(s).has_value());
  CHECK(parse_local("2026-11-22 14:05") == from_civil({2026, 11, 22, 14, 5}));
  CHECK(parse_local("2026-11-22") == from_civil({2026, 11, 22}));
  CHECK_FALSE(parse_local("2026/11/22").has_value());
  CHECK(start_of_day(from_civil({2026, 11, 22, 0, 30})) == from_civil({2026, 11, 22}));
}

TEST_CASE("time: format_iso writes what printf wrote, milliseconds or not, and reads back") {
  // format_iso writes its digits by hand (printf cost a tenth of writing an
  // import's lines); the text is the printf text the stored records hold.
  auto by_printf = [](Timestamp t) {
    const CivilTime c = to_civil(t);
    char buf[48];
    if (c.millisecond != 0)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00", c.year, c.month, c.day, c.hour,
                    c.minute, c.second, c.millisecond);
    else
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year, c.month, c.day, c.hour, c.minute,
                    c.second);
    return std::string(buf);
  };
  std::mt19937_64 rng(20261204);
  const std::int64_t far = from_civil({9999, 12, 31, 23, 59, 59, 999}).ms;
  const std::int64_t before_zero = from_civil({1, 1, 1}).ms;
  int with_ms = 0;
  for (int i = 0; i < 20000; ++i) {
    Timestamp t{before_zero + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(far - before_zero))};
    if (i % 2) t.ms -= t.ms % 1000;  // whole seconds as well
    const std::string text = format_iso(t);
    REQUIRE(text == by_printf(t));
    if (to_civil(t).year >= 1970) REQUIRE(parse_iso(text) == t);  // the years parse_iso takes
    with_ms += text.size() == 29;
  }
  CHECK(with_ms > 5000);
  // Years printf widens (a fifth digit) keep printf's text.
  const Timestamp y10k = from_civil({10000, 1, 1, 0, 0, 0, 5});
  CHECK(format_iso(y10k) == by_printf(y10k));
  CHECK(format_iso(from_civil({2026, 1, 2, 3, 4, 5, 60})) == "2026-01-02T03:04:05.060+08:00");
  CHECK(format_iso(from_civil({999, 1, 1})) == "0999-01-01T00:00:00+08:00");
}
