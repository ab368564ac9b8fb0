#include "core/journal.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("journal: lines replay into the dataset, later revisions win") {
  const Visit v1 = create_record(sample_visit(), actor());
  Visit e = v1;
  e.content = "改过的内容";
  const Visit v2 = revise_record(v1, e, actor());
  const std::string bytes = journal_line(v1) + journal_line(v2);
  Dataset d;
  const auto r = read_journal(bytes, d);
  CHECK(r.lines == 2);
  CHECK(r.dropped == 0);
  CHECK_FALSE(r.torn_tail);
  REQUIRE(d.table<Visit>().size() == 1);
  CHECK(d.table<Visit>().rows()[0].content == "改过的内容");
}

TEST_CASE("journal: a torn tail is dropped and reported; earlier lines survive") {
  const std::string a = journal_line(create_record(sample_visit(), actor("S", morning(), 1)));
  const std::string b = journal_line(create_record(sample_visit(), actor("S", morning(), 2)));
  for (std::size_t cut = 1; cut < b.size(); cut += 7) {
    Dataset d;
    const auto r = read_journal(a + b.substr(0, cut), d);
    CHECK(d.size() == 1);
    CHECK(r.good_bytes == a.size());
    CHECK((r.torn_tail || r.dropped == 1));
  }
}

TEST_CASE("journal: a flipped byte fails the checksum") {
  std::string line = journal_line(create_record(sample_visit(), actor()));
  line[40] ^= 0x01;
  Dataset d;
  const auto r = read_journal(line, d);
  CHECK(r.dropped == 1);
  CHECK(d.size() == 0);
}

TEST_CASE("journal: crc32 matches the standard check value") {
  CHECK(crc32("123456789") == 0xCBF43926u);
}

TEST_CASE("journal: crc32 of every length and alignment matches the bytewise definition") {
  auto bytewise = [](std::string_view s) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) {
      c ^= b;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
  };
  std::string text;
  for (int i = 0; i < 100; ++i) text += static_cast<char>((i * 37 + 11) & 0xFF);
  text += "来访登记";
  for (std::size_t from = 0; from < 9; ++from)
    for (std::size_t len = 0; from + len <= text.size(); ++len) {
      const std::string_view part = std::string_view(text).substr(from, len);
      REQUIRE(crc32(part) == bytewise(part));
    }
}
