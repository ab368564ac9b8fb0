#include "core/callback_sample.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace desk;

TEST_CASE("callback sample size at every boundary (SPEC §4)") {
  CHECK(callback_sample_size(0) == 0);
  CHECK(callback_sample_size(3) == 3);
  CHECK(callback_sample_size(5) == 5);
  CHECK(callback_sample_size(19) == 5);
  CHECK(callback_sample_size(20) == 6);    // ceil(6.0)
  CHECK(callback_sample_size(21) == 7);    // ceil(6.3)
  CHECK(callback_sample_size(50) == 15);   // ceil(15.0)
  CHECK(callback_sample_size(51) == 8);    // ceil(7.65)
  CHECK(callback_sample_size(100) == 15);  // ceil(15.0)
  CHECK(callback_sample_size(101) == 20);
  CHECK(callback_sample_size(5000) == 20);
}

TEST_CASE("callback sample: reproducible, order-independent, the right size, from the month's orders") {
  std::vector<std::string> ids;
  for (int i = 0; i < 37; ++i) ids.push_back("WO-" + std::to_string(1000 + i));
  const auto seed = callback_sample_seed("site-A", 2026, 11);
  const auto a = callback_sample(ids, seed);
  std::vector<std::string> reversed(ids.rbegin(), ids.rend());
  CHECK(callback_sample(reversed, seed) == a);
  CHECK(a.size() == static_cast<std::size_t>(callback_sample_size(37)));
  const std::set<std::string> unique(a.begin(), a.end());
  CHECK(unique.size() == a.size());
  for (const auto& id : a) CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  // Another month draws another sample.
  CHECK(callback_sample(ids, callback_sample_seed("site-A", 2026, 12)) != a);
  CHECK(callback_sample({"x"}, seed) == std::vector<std::string>{"x"});
}
