// The list filter that runs a few milliseconds per frame (ui/sliced_scan.hpp).
#include "ui/sliced_scan.hpp"

#include <catch2/catch.hpp>
#include <numeric>

using desk::ui::SlicedScan;

TEST_CASE("sliced scan: over several steps it finds what one pass finds, in the given order") {
  std::vector<std::size_t> order(100000);
  std::iota(order.rbegin(), order.rend(), 0);  // descending, like newest first
  auto keep = [](std::size_t i) { return i % 7 == 3; };
  std::vector<std::size_t> expected;
  for (auto i : order)
    if (keep(i)) expected.push_back(i);

  SlicedScan scan;
  scan.restart(order);
  int steps = 0;
  while (!scan.step(keep, 0.0)) ++steps;  // a zero budget still makes progress
  CHECK(steps > 10);                      // …one chunk at a time
  CHECK_FALSE(scan.running());
  CHECK(scan.take() == expected);
  CHECK_FALSE(scan.step(keep, 0.0));  // nothing to do until restarted
}

TEST_CASE("sliced scan: a restart drops the unfinished result") {
  std::vector<std::size_t> order(50000);
  std::iota(order.begin(), order.end(), 0);
  SlicedScan scan;
  scan.restart(order);
  REQUIRE_FALSE(scan.step([](std::size_t) { return true; }, 0.0));
  scan.restart({5, 6, 7});
  REQUIRE(scan.step([](std::size_t i) { return i != 6; }, 4.0));
  CHECK(scan.take() == std::vector<std::size_t>{5, 7});
}
