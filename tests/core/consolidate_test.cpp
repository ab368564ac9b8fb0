#include "core/consolidate.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;
using Kind = ConsolidationNote::Kind;

namespace {

Imported file_of(const std::string& site, std::initializer_list<Visit> visits, const std::string& device = "desk-1") {
  Imported f;
  f.header = {kExportFormat, kExportVersion, site, device, morning()};
  for (const auto& v : visits) f.records.table<Visit>().upsert(v);
  return f;
}

Visit visit_of(const std::string& site, std::uint64_t seed = 1) {
  Actor a = actor("S001", morning(), seed);
  a.site = site;
  return create_record(sample_visit(), a);
}

// Consolidates the files in order; returns the result and the notes.
std::pair<Dataset, std::vector<ConsolidationNote>> consolidate(
    std::initializer_list<std::pair<std::string, Imported>> files) {
  Consolidation c;
  for (const auto& [name, f] : files) c.add(name, f);
  auto notes = c.notes();
  return {c.take_result(), notes};
}

}  // namespace

TEST_CASE("consolidation: the same id and revision with different content is reported with the fields that differ") {
  const Visit original = visit_of("site-A");
  Visit forged = original;
  forged.phone = "13900000000";
  forged.content = "伪造的内容";
  const auto a = file_of("site-A", {original});
  const auto b = file_of("site-A", {forged}, "desk-2");
  auto [result, notes] = consolidate({{"a.json", a}, {"b.json", b}});
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].kind == Kind::conflict);
  CHECK(notes[0].file == "b.json");
  CHECK(notes[0].other_file == "a.json");
  CHECK(notes[0].id == original.meta.id);
  CHECK(notes[0].fields == std::vector<std::string>{"phone", "content"});
  CHECK(notes[0].message().en.find("phone, content") != std::string::npos);
  // The pick is the merge rule's, whatever the order of the files.
  auto [reversed, notes2] = consolidate({{"b.json", b}, {"a.json", a}});
  CHECK(notes2.size() == 1);
  CHECK(canonical(result) == canonical(reversed));
  CHECK(result.size() == 1);
}

TEST_CASE("consolidation: the same version from two devices is not a conflict") {
  const Visit v = visit_of("site-A");
  auto [result, notes] = consolidate({{"a.json", file_of("site-A", {v})}, {"b.json", file_of("site-A", {v}, "d2")}});
  CHECK(notes.empty());
  CHECK(result.size() == 1);
}

TEST_CASE("consolidation: a conflict under a revision already superseded is still reported") {
  const Visit rev1 = visit_of("site-A");
  Visit rev1_forged = rev1;
  rev1_forged.content = "伪造";
  Visit edited = rev1;
  edited.content = "第二版";
  const Visit rev2 = revise_record(rev1, edited, actor("S001", morning() + kHour));
  auto [result, notes] = consolidate({{"c.json", file_of("site-A", {rev2})},
                                      {"a.json", file_of("site-A", {rev1})},
                                      {"b.json", file_of("site-A", {rev1_forged})}});
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].kind == Kind::conflict);
  CHECK(notes[0].file == "b.json");
  CHECK(notes[0].other_file == "a.json");
  CHECK(notes[0].revision == 1);
  CHECK(result.table<Visit>().rows().at(0).content == "第二版");
}

TEST_CASE("consolidation: a site's file carries only its own site's records") {
  const Visit a_record = visit_of("site-A", 1);
  const Visit c_record = visit_of("site-C", 2);
  auto [result, notes] = consolidate({{"b.json", file_of("site-B", {c_record})}});
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].kind == Kind::foreign_site);
  CHECK(notes[0].site == "site-C");
  CHECK(notes[0].other_site == "site-B");
  CHECK(result.size() == 0);
  (void)a_record;
}

TEST_CASE("consolidation: a tombstone of site A's record in site B's file does not delete it") {
  const Visit v = visit_of("site-A");
  const Visit tombstone = tombstone_record(v, actor("X", morning() + kHour));
  auto [result, notes] = consolidate({{"a.json", file_of("site-A", {v})}, {"b.json", file_of("site-B", {tombstone})}});
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].kind == Kind::foreign_site);
  CHECK(notes[0].file == "b.json");
  REQUIRE(result.table<Visit>().size() == 1);
  CHECK_FALSE(result.table<Visit>().rows()[0].meta.deleted);
}

TEST_CASE("consolidation: a record relabelled to another site is kept out and both claims reported, in any order") {
  const Visit v = visit_of("site-A");
  Visit moved = v;
  moved.meta.site = "site-B";  // same id, same revision, B's file
  const Visit other = visit_of("site-A", 7);
  const auto a = file_of("site-A", {v, other});
  const auto b = file_of("site-B", {moved});
  for (bool a_first : {true, false}) {
    auto [result, notes] =
        a_first ? consolidate({{"a.json", a}, {"b.json", b}}) : consolidate({{"b.json", b}, {"a.json", a}});
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].kind == Kind::site_changed);
    CHECK(notes[0].file == (a_first ? "b.json" : "a.json"));
    CHECK(notes[0].other_file == (a_first ? "a.json" : "b.json"));
    CHECK(result.table<Visit>().find(v.meta.id) == nullptr);  // neither site's statistics count it
    CHECK(result.table<Visit>().find(other.meta.id) != nullptr);
  }
}

TEST_CASE("consolidation: a consolidation output carries every site's records") {
  const Visit a = visit_of("site-A", 1);
  const Visit b = visit_of("site-B", 2);
  auto [result, notes] = consolidate({{"all.json", file_of(kConsolidatedSite, {a, b}, kConsolidationDevice)}});
  CHECK(notes.empty());
  CHECK(result.size() == 2);
  // The mark is the header `desk-tool consolidate` writes: the site name alone is not it.
  auto [result2, notes2] = consolidate({{"x.json", file_of(kConsolidatedSite, {a, b}, "desk-1")}});
  CHECK(notes2.size() == 2);
  CHECK(result2.size() == 0);
}
