#include "core/time.hpp"

#include <catch2/catch.hpp>

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
