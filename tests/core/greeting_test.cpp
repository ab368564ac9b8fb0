#include "core/greeting.hpp"

#include <catch2/catch.hpp>

#include "assets.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("greeting: by time of day and party size (seed 003, seed 004)") {
  CHECK(greeting_phrase_id(9, 1) == "greet.morning.one");
  CHECK(greeting_phrase_id(14, 1) == "greet.afternoon.one");
  CHECK(greeting_phrase_id(19, 1) == "greet.evening.one");
  CHECK(greeting_phrase_id(9, 2) == "greet.two");
  CHECK(greeting_phrase_id(9, 5) == "greet.morning.many");
  CHECK(greeting_phrase_id(15, 3) == "greet.afternoon.many");
  CHECK(greeting_phrase_id(20, 3) == "greet.many");
  CHECK(shipped_phrases().find(greeting_phrase_id(9, 2))->text == "二位先生好！");
  for (int hour = 0; hour < 24; ++hour)
    for (int party = 1; party <= 4; ++party) CHECK(shipped_phrases().find(greeting_phrase_id(hour, party)));
}
