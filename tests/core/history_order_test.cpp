#include <catch2/catch.hpp>

#include "core/exchange.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("record: history read from a file is put in canonical order (fuzzer find)") {
  const Visit v1 = create_record(sample_visit(), actor());
  Visit e = v1;
  e.phone = "13900001111";
  const Visit v2 = revise_record(v1, e, actor("S2", morning() + kHour));
  json j = record_to_json(v2);
  std::swap(j["history"][0], j["history"][1]);  // listed newest first in the file
  Visit back;
  Errors errors;
  REQUIRE(record_from_json(j, back, errors, "r"));
  REQUIRE(back.meta.history.size() == 2);
  CHECK(back.meta.history[0].action == "create");
  CHECK(back.meta.history[1].action == "edit");
  CHECK(record_to_json(merge_record(back, back)) == record_to_json(back));
}
