#include "core/table_sizes.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("table sizes: the counts by type are written, and read back as room in each table") {
  Dataset d;
  for (std::uint64_t i = 0; i < 3; ++i)
    d.table<Visit>().upsert(create_record(sample_visit(), actor("S", morning(), i)));
  CHECK(table_sizes_text(d) == R"({"visit":3})");
  CHECK(table_sizes_text(Dataset{}) == "{}");

  Dataset next;
  reserve_table_sizes(next, R"({"visit":1600,"complaint":32})", 1000000);
  CHECK(next.table<Visit>().rows().capacity() >= 1700);  // and a sixteenth for the saves since
  CHECK(next.table<Complaint>().rows().capacity() >= 34);
  CHECK(next.table<Repair>().rows().capacity() == 0);
  CHECK(next.size() == 0);  // room, not rows
}

TEST_CASE("table sizes: a damaged or hostile file makes no room, or only what the store can hold") {
  for (const char* text : {"", "not json", "[1,2]", R"({"visit":-5})", R"({"visit":"many"})", R"({"visit":1.5})",
                           R"({"spaceship":100})"}) {
    CAPTURE(text);
    Dataset d;
    reserve_table_sizes(d, text, 1000000);
    CHECK(d.table<Visit>().rows().capacity() == 0);
  }
  Dataset d;
  reserve_table_sizes(d, R"({"visit":18446744073709551615})", 500);  // no 2^64 rows for a store of 32 KB
  CHECK(d.table<Visit>().rows().capacity() >= 500);
  CHECK(d.table<Visit>().rows().capacity() < 1000);
}
