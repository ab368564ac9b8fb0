#include "core/row_order.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "core/visit.hpp"

using namespace desk;

TEST_CASE("row order: newest first by key, ties by the given order, as sorting through the rows") {
  std::mt19937 rng(7);
  for (const std::size_t n : {0u, 1u, 2u, 17u, 3000u}) {
    std::vector<Visit> visits(n);
    for (std::size_t i = 0; i < n; ++i) {
      visits[i].time = {static_cast<std::int64_t>(rng() % 40) * kMinute};  // many equal times
      visits[i].meta.id = "v" + std::to_string(rng() % 100000);
    }
    auto newer = [](const Visit& a, const Visit& b) { return a.meta.id > b.meta.id; };
    const auto order = order_by_key_desc(
        visits, [](const Visit& v) { return v.time.ms; }, newer);
    // The comparator the visits list used before: through the rows.
    std::vector<std::size_t> want(n);
    for (std::size_t i = 0; i < n; ++i) want[i] = i;
    std::stable_sort(want.begin(), want.end(), [&](std::size_t a, std::size_t b) {
      if (visits[a].time != visits[b].time) return visits[a].time > visits[b].time;
      return newer(visits[a], visits[b]);
    });
    REQUIRE(order.size() == n);
    for (std::size_t i = 0; i < n; ++i) {
      // Rows equal in time and id may come in either order; compare what they hold.
      CHECK(visits[order[i]].time == visits[want[i]].time);
      CHECK(visits[order[i]].meta.id == visits[want[i]].meta.id);
    }
  }
}

TEST_CASE("row order: equal keys keep the stored order when the tie-break is the row's place") {
  std::vector<Visit> rows(6);
  const std::int64_t times[] = {5, 9, 5, 9, 1, 5};
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].time = {times[i]};
  const auto order = order_by_key_desc(
      rows, [](const Visit& v) { return v.time.ms; }, [](const Visit& a, const Visit& b) { return &a < &b; });
  CHECK(order == std::vector<std::size_t>{1, 3, 0, 2, 5, 4});
}

TEST_CASE("row order: a second key from the ids' first bytes orders the ties as comparing the ids does") {
  // The visits list: newest first, then the larger id. Ids here share long
  // prefixes, differ only after 8 bytes, are shorter than 8, or are empty.
  std::mt19937 rng(11);
  const char* stems[] = {"",         "0",        "01M6R3",           "01M6R333",         "01M6R333E0",
                         "01M6R334", "\xff\x01", "01M6R333E0Q60AAX", "01M6R333E0Q60AAY", "01M6R333E0Q60AAX9"};
  for (const std::size_t n : {0u, 1u, 9u, 2500u}) {
    std::vector<Visit> visits(n);
    for (std::size_t i = 0; i < n; ++i) {
      visits[i].time = {static_cast<std::int64_t>(rng() % 5) * kMinute};
      visits[i].meta.id = std::string(stems[rng() % 10]) + (rng() % 3 ? std::to_string(rng() % 50) : "");
    }
    auto newer = [](const Visit& a, const Visit& b) { return a.meta.id > b.meta.id; };
    const auto order = order_by_keys_desc(
        visits, [](const Visit& v) { return v.time.ms; }, [](const Visit& v) { return text_prefix_key(v.meta.id); },
        newer);
    REQUIRE(order.size() == n);
    for (std::size_t i = 1; i < n; ++i) {
      const Visit& a = visits[order[i - 1]];
      const Visit& b = visits[order[i]];
      CHECK(a.time >= b.time);
      if (a.time == b.time) CHECK(a.meta.id >= b.meta.id);
    }
  }
  CHECK(text_prefix_key("b") > text_prefix_key("abcdefghij"));
  CHECK(text_prefix_key("ab") < text_prefix_key("ab\x01"));
  CHECK(text_prefix_key("\xff") > text_prefix_key("z"));               // unsigned, as std::string compares
  CHECK(text_prefix_key("abcdefgh1") < text_prefix_key("abcdefgh2"));  // ids of the same minute differ here
  CHECK(text_prefix_key("abcdefghijklmnop1") == text_prefix_key("abcdefghijklmnop2"));  // the rest is `before`'s
}
