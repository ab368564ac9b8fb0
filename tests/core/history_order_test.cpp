#include <catch2/catch.hpp>

#include "core/exchange.hpp"
#include "core/sample_data.hpp"
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

namespace {
// merge_history as first written: every entry keyed by (revision, time, its
// JSON text), sorted, equal keys once. The faster one must agree with it.
std::vector<Change> reference_merge(const std::vector<Change>& a, const std::vector<Change>& b) {
  std::vector<std::pair<std::tuple<std::int64_t, std::int64_t, std::string>, const Change*>> all;
  for (const auto* list : {&a, &b})
    for (const auto& c : *list) all.push_back({{c.revision, c.at.ms, change_to_json(c).dump()}, &c});
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Change> out;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (i == 0 || all[i].first != all[i - 1].first) out.push_back(*all[i].second);
  return out;
}
}  // namespace

TEST_CASE("record: merge_history orders and de-duplicates as the full sort does, ties and repeats included") {
  SampleRng rng(1612);
  const char* staff[] = {"S1", "S2", "S3"};
  const char* actions[] = {"create", "edit", "import", "close"};
  auto draw = [&] {
    Change c;
    c.revision = rng.below(4);  // few values: many ties on revision and time
    c.at = morning() + rng.below(3) * kHour;
    c.by = staff[rng.below(3)];
    c.action = actions[rng.below(4)];
    if (rng.below(2)) c.changes.push_back(FieldChange{"phone", json(""), json(std::to_string(rng.below(3)))});
    return c;
  };
  int joined = 0, sorted = 0;
  for (int n = 0; n < 3000; ++n) {
    std::vector<Change> a, b;
    for (int k = rng.below(5); k > 0; --k) a.push_back(draw());
    for (int k = rng.below(4); k > 0; --k) b.push_back(draw());
    if (rng.below(2)) a = reference_merge(a, {});  // often already in order, as stored
    if (rng.below(2)) b = reference_merge(b, {});
    const auto expected = reference_merge(a, b);
    REQUIRE(merge_history(a, b) == expected);
    CHECK(merge_history(expected, {}) == expected);  // canonical: merging it again changes nothing
    ++(history_in_order(a) && history_in_order(b) ? joined : sorted);
  }
  CHECK(joined > 100);
  CHECK(sorted > 100);
}

TEST_CASE("record: history_in_order says whether a history is already canonical") {
  Change first{morning(), "S1", 1, "create", {}}, second{morning() + kHour, "S1", 2, "edit", {}};
  CHECK(history_in_order({}));
  CHECK(history_in_order({first}));
  CHECK(history_in_order({first, second}));
  CHECK_FALSE(history_in_order({second, first}));
  CHECK_FALSE(history_in_order({first, first}));  // a repeat is not canonical
  Change same_time = second;
  same_time.revision = 1;
  same_time.at = first.at;
  CHECK_FALSE(history_in_order({first, same_time}));  // a tie: the text decides, so the full sort runs
}
