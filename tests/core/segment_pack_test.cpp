#include "core/segment_pack.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "core/journal.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
// A segment's worth of journal lines, as the store writes them.
std::string journal_text(std::size_t bytes) {
  std::string text;
  for (std::uint64_t i = 0; text.size() < bytes; ++i)
    append_journal_line(create_record(sample_visit(Timestamp{morning().ms + static_cast<std::int64_t>(i) * 60000}),
                                      actor("S", morning(), i + 1)),
                        text);
  return text;
}
}  // namespace

TEST_CASE("segment pack: journal text, empty text and random bytes come back exactly") {
  const std::string text = journal_text(kSegmentBytes);
  std::mt19937 rng(7);
  std::string noise(100000, '\0');
  for (auto& c : noise) c = static_cast<char>(rng());
  for (const std::string& raw : {text, std::string(), std::string("x"), noise, std::string(kSegmentBytes * 3, 'a')}) {
    const std::string packed = pack_segment(raw);
    REQUIRE(packed.size() >= 8);
    CHECK(packed.compare(0, 4, "DLZ4") == 0);
    std::string back = "left over";
    REQUIRE(unpack_segment(packed, back));
    CHECK(back == raw);
  }
  // Journal text packs several times over (the point of packing).
  CHECK(pack_segment(text).size() * 4 < text.size());
}

TEST_CASE("segment pack: too large a segment is not packed") {
  CHECK(pack_segment(std::string(kMaxUnpackedSegment + 1, 'a')).empty());
  CHECK_FALSE(pack_segment(std::string(kMaxUnpackedSegment, 'a')).empty());
}

TEST_CASE("segment pack: anything but a whole packed segment is refused, and the output is left empty") {
  const std::string raw = journal_text(20000);
  const std::string packed = pack_segment(raw);
  std::string out;
  SECTION("not packed at all") {
    CHECK_FALSE(unpack_segment(raw, out));
    CHECK_FALSE(unpack_segment("", out));
    CHECK_FALSE(unpack_segment("DLZ4", out));
  }
  SECTION("every cut of the packed bytes") {
    for (std::size_t n = 0; n < packed.size(); ++n) {
      out = "x";
      INFO(n);
      CHECK_FALSE(unpack_segment(std::string_view(packed).substr(0, n), out));
      CHECK(out.empty());
    }
  }
  SECTION("a wrong size in the header") {
    for (const std::uint32_t size : {0u, 1u, static_cast<std::uint32_t>(raw.size() - 1),
                                     static_cast<std::uint32_t>(raw.size() + 1), 0xFFFFFFFFu}) {
      std::string bad = packed;
      for (int i = 0; i < 4; ++i) bad[4 + i] = static_cast<char>((size >> (8 * i)) & 0xFF);
      INFO(size);
      CHECK_FALSE(unpack_segment(bad, out));
      CHECK(out.empty());
    }
  }
  SECTION("trailing bytes") {
    CHECK_FALSE(unpack_segment(packed + "tail", out));
  }
  SECTION("damaged bytes never read or write out of bounds; a result is whole or refused") {
    std::mt19937 rng(11);
    for (int k = 0; k < 2000; ++k) {
      std::string bad = packed;
      bad[8 + rng() % (bad.size() - 8)] ^= static_cast<char>(1 + rng() % 255);
      if (unpack_segment(bad, out))
        CHECK(out.size() == raw.size());  // LZ4 has no checksum: each line's own CRC catches the rest
      else
        CHECK(out.empty());
    }
  }
}
