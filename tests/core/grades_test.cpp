#include "core/grades.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <vector>

using namespace desk;
using G = Grade;

TEST_CASE("weekly grade: 0 → 优, 1–3 → 良, 4–5 → 中, more than 5 → 差 (SPEC §9)") {
  CHECK(weekly_grade(0) == G::excellent);
  CHECK(weekly_grade(1) == G::good);
  CHECK(weekly_grade(3) == G::good);
  CHECK(weekly_grade(4) == G::fair);
  CHECK(weekly_grade(5) == G::fair);
  CHECK(weekly_grade(6) == G::poor);
  CHECK(weekly_grade(40) == G::poor);
}

TEST_CASE("monthly grade: first matching rule wins (SPEC §9)") {
  auto m = [](std::vector<G> w) { return monthly_grade(w); };
  // two or more 差 → 差, even with 优 weeks
  CHECK(m({G::excellent, G::excellent, G::poor, G::poor}) == G::poor);
  // one 差 does not trigger the first rule
  CHECK(m({G::excellent, G::excellent, G::good, G::poor}) == G::good);
  // at least two 优 and none below 良 → 优
  CHECK(m({G::excellent, G::excellent, G::good, G::good}) == G::excellent);
  CHECK(m({G::excellent, G::excellent}) == G::excellent);
  // two 优 but one 中 → not 优; three 良-or-better → 良
  CHECK(m({G::excellent, G::excellent, G::good, G::fair}) == G::good);
  // only one 优 → falls to 良 with three 良-or-better
  CHECK(m({G::excellent, G::good, G::good, G::good}) == G::good);
  // two 良-or-better only → 中 needs three 中-or-better
  CHECK(m({G::good, G::good, G::fair, G::poor}) == G::fair);
  CHECK(m({G::good, G::fair, G::poor, G::fair}) == G::fair);
  // fewer than three 中-or-better → 差
  CHECK(m({G::good, G::fair, G::poor}) == G::poor);
  CHECK(m({}) == G::poor);
}
