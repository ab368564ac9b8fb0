// Merge (SPEC "Export, import and consolidation"): idempotent, commutative and
// associative, checked on 10,000 seeded random cases of divergent edits,
// tombstones and equal-revision conflicts across record types.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/exchange.hpp"
#include "core/sample_data.hpp"
#include "fixtures.hpp"

using namespace desk;

namespace {

// A dataset as a sorted list of canonical record texts: order-free equality.
std::vector<std::string> canonical(const Dataset& d) {
  std::vector<std::string> out;
  d.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) out.push_back(record_to_json(r).dump());
  });
  std::sort(out.begin(), out.end());
  return out;
}

Dataset merged(const Dataset& a, const Dataset& b) {
  Dataset out = a;
  merge_into(out, b);
  return out;
}

template <class R>
R edit(const R& r, SampleRng& rng, int kind) {
  Actor a{"S00" + std::to_string(rng.below(3)), "site-A", r.meta.updated_at + (1 + rng.below(3)) * kMinute, rng.bits(),
          Role::project_manager};
  if (kind == 0) return tombstone_record(r, a);
  R e = r;
  if constexpr (requires { e.content; }) e.content += std::to_string(rng.below(4));
  if constexpr (requires { e.description; }) e.description += std::to_string(rng.below(4));
  if constexpr (std::is_same_v<R, KeyLoan>) e.purpose += std::to_string(rng.below(4));
  return revise_record(r, e, a);
}

// One device's view: each base record absent, as it was, or edited 1–3
// times along its own branch (so equal revisions can differ).
Dataset device_view(const Dataset& base, SampleRng& rng) {
  Dataset out;
  base.each_table([&](const auto& t) {
    using R = typename std::decay_t<decltype(t.rows())>::value_type;
    for (const auto& r : t.rows()) {
      const int fate = rng.below(4);
      if (fate == 0) continue;
      R v = r;
      for (int i = 0; i < fate - 1; ++i) v = edit(v, rng, rng.below(6));
      out.table<R>().upsert(v);
    }
  });
  return out;
}

}  // namespace

TEST_CASE("merge: idempotent, commutative and associative on 10,000 random cases") {
  constexpr int kCases = 10'000;
  int conflicts = 0, tombstones = 0;
  for (int i = 0; i < kCases; ++i) {
    SampleRng rng(20261124ull + static_cast<std::uint64_t>(i));
    SampleOptions o;
    o.records = 1 + static_cast<std::size_t>(rng.below(5));
    o.seed = rng.next();
    const Dataset base = sample_dataset(o);
    const Dataset a = device_view(base, rng), b = device_view(base, rng), c = device_view(base, rng);
    INFO("case " << i);
    const auto ab = canonical(merged(a, b));
    REQUIRE(canonical(merged(a, a)) == canonical(a));
    REQUIRE(ab == canonical(merged(b, a)));
    REQUIRE(canonical(merged(merged(a, b), c)) == canonical(merged(a, merged(b, c))));
    REQUIRE(canonical(merged(merged(a, b), b)) == ab);  // re-importing changes nothing
    for (const auto& text : ab) tombstones += text.find("\"deleted\":true") != std::string::npos;
    a.each_table([&](const auto& t) {
      for (const auto& r : t.rows()) {
        using R = std::decay_t<decltype(r)>;
        const R* other = b.table<R>().find(r.meta.id);
        conflicts += other && other->meta.revision == r.meta.revision && !(*other == r);
      }
    });
  }
  // The generator really produced the hard cases.
  CHECK(conflicts > 100);
  CHECK(tombstones > 100);
}

TEST_CASE("merge: the higher revision wins; a tombstone wins over an older edit; history is the union") {
  SampleOptions o;
  o.records = 1;
  const Dataset base = sample_dataset(o);
  SampleRng rng(7);
  Dataset older = base, newer = base;
  base.each_table([&](const auto& t) {
    using R = typename std::decay_t<decltype(t.rows())>::value_type;
    for (const auto& r : t.rows()) {
      const R edited = edit(r, rng, 1);
      older.table<R>().upsert(edited);
      newer.table<R>().upsert(edit(edited, rng, 0));  // then deleted
    }
  });
  const Dataset m = merged(older, newer);
  m.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) {
      CHECK(r.meta.deleted);
      CHECK(r.meta.revision == 3);
      CHECK(r.meta.history.size() == 3);
    }
  });
  CHECK(canonical(merged(newer, older)) == canonical(m));
}

TEST_CASE("sample data: every generated record passes its module's validation") {
  SampleOptions o;
  o.records = 500;
  const Dataset d = sample_dataset(o);
  CHECK(d.size() == 500);
  int invalid = 0;
  d.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) {
      auto errors = validate(r);
      if (!errors.empty()) {
        ++invalid;
        UNSCOPED_INFO(errors.front().where << ": " << errors.front().message.en);
      }
    }
  });
  CHECK(invalid == 0);
  CHECK(canonical(sample_dataset(o)) == canonical(d));  // reproducible
}

TEST_CASE("sample data: `only` makes every record one type (the 100,000-visit benchmark list)") {
  SampleOptions o;
  o.records = 300;
  o.only = "visit";
  const Dataset d = sample_dataset(o);
  CHECK(d.table<Visit>().size() == 300);
  CHECK(d.size() == 300);
  o.only = "repair";
  CHECK(sample_dataset(o).table<Repair>().size() == 300);
}

TEST_CASE("merge: taking the records over gives what copying them gives, into an empty or a filled dataset") {
  // merge_into(Dataset&&) takes a whole table over when the target's is
  // empty (an import into a new desk) and reserves for a large batch.
  for (int i = 0; i < 300; ++i) {
    SampleRng rng(20261204ull + static_cast<std::uint64_t>(i));
    SampleOptions o;
    o.records = 1 + static_cast<std::size_t>(rng.below(60));
    o.seed = rng.next();
    const Dataset base = sample_dataset(o);
    const Dataset a = device_view(base, rng), b = device_view(base, rng);
    INFO("case " << i);
    for (const Dataset* into : {static_cast<const Dataset*>(nullptr), &a}) {
      Dataset by_copy = into ? *into : Dataset{};
      Dataset by_taking = by_copy;
      const std::size_t copied = merge_into(by_copy, b);
      Dataset taken = b;
      REQUIRE(merge_into(by_taking, std::move(taken)) == copied);
      REQUIRE(canonical(by_taking) == canonical(by_copy));
      by_copy.each_table([&](const auto& t) {
        using R = typename std::decay_t<decltype(t.rows())>::value_type;
        REQUIRE(by_taking.table<R>().size() == t.size());
        for (const auto& r : t.rows()) {  // every id found: the index came along
          const R* found = by_taking.table<R>().find(r.meta.id);
          REQUIRE(found);
          REQUIRE(*found == r);
        }
      });
    }
  }
}
