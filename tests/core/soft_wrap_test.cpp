// Soft wrapping of multi-line fields (issue 13 item 8).
#include "core/soft_wrap.hpp"

#include <catch2/catch.hpp>

using namespace desk;

namespace {
// Every character (ASCII or not) is one column; lines hold `width` columns.
FitBytes columns(std::size_t width) {
  return [width](std::string_view line) {
    std::size_t bytes = 0, cols = 0;
    while (bytes < line.size() && cols < width) {
      ++bytes;
      while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) ++bytes;
      ++cols;
    }
    return bytes;
  };
}
}  // namespace

TEST_CASE("soft_wrap breaks full lines, keeps the person's own breaks, and strips back to the same text") {
  const std::string raw = "楼道灯坏了三天无人维修\n请尽快处理";
  const std::string wrapped = soft_wrap(raw, columns(4));
  CHECK(wrapped == "楼道灯坏\r\n了三天无\r\n人维修\n请尽快处\r\n理");
  CHECK(strip_soft_wraps(wrapped) == raw);
  CHECK(soft_wrap("短", columns(4)) == "短");
  CHECK(soft_wrap("", columns(4)).empty());
  CHECK(soft_wrap("abcd\n\nef", columns(4)) == "abcd\n\nef");  // exactly full: no break, blank line kept
}

TEST_CASE("soft_wrap never cuts a character, even when nothing fits") {
  const FitBytes none = [](std::string_view) { return std::size_t{0}; };
  CHECK(soft_wrap("王珺", none) == "王\r\n珺");
  const FitBytes mid = [](std::string_view) { return std::size_t{1}; };  // one byte of a 3-byte character
  CHECK(soft_wrap("王珺", mid) == "王\r\n珺");
}

TEST_CASE("positions map between the wrapped and the stored text") {
  const std::string wrapped = soft_wrap("abcdefgh", columns(3));  // abc\r\ndef\r\ngh
  REQUIRE(wrapped == "abc\r\ndef\r\ngh");
  CHECK(stripped_position(wrapped, 0) == 0);
  CHECK(stripped_position(wrapped, 3) == 3);  // before the break
  CHECK(stripped_position(wrapped, 5) == 3);  // after it: the same place
  CHECK(stripped_position(wrapped, 6) == 4);
  CHECK(stripped_position(wrapped, wrapped.size()) == 8);
  CHECK(wrapped_position(wrapped, 3) == 5);  // the start of the next line
  CHECK(wrapped_position(wrapped, 4) == 6);
  CHECK(wrapped_position(wrapped, 8) == wrapped.size());
  // A break half deleted (the "\n" after "\r" gone) still strips cleanly.
  CHECK(strip_soft_wraps("abc\rdef") == "abcdef");
}
