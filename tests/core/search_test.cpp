// 全局搜索 (issue 13 item 7): one search over every module's records.
#include "core/search.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Dataset sample() {
  Dataset data;
  Visit v;
  v.meta.id = "V1";
  v.meta.created_at = morning();
  v.visitor_name = "王珺";
  v.phone = "138-1234-5678";
  v.unit = "Ｂ栋－１２０２";  // typed full-width
  v.content = "询问停车月卡办理";
  data.table<Visit>().upsert(v);
  Complaint c;
  c.meta.id = "C1";
  c.meta.created_at = morning() + kHour;
  c.unit = "3栋-1202";
  c.phone = "13900000000";
  c.content = "楼道灯坏了三天，王珺反映";
  c.received_by = "S001";
  data.table<Complaint>().upsert(c);
  Complaint older = c;
  older.meta.id = "C0";
  older.meta.created_at = morning() + (-kDay);
  older.content = "楼道灯又坏了";
  data.table<Complaint>().upsert(older);
  Complaint gone = c;
  gone.meta.id = "C9";
  gone.meta.deleted = true;
  gone.content = "已删除的楼道灯投诉";
  data.table<Complaint>().upsert(gone);
  Staff s;
  s.meta.id = "ST1";
  s.code = "S001";
  s.name = "王珺";
  s.pin_hash = "deadbeef";
  data.table<Staff>().upsert(s);
  return data;
}

void add_case_study(Dataset& data, const std::string& id, const std::string& title) {
  CaseStudy cs;
  cs.meta.id = id;
  cs.meta.created_at = morning();
  cs.title = title;
  data.table<CaseStudy>().upsert(cs);
}
}  // namespace

TEST_CASE("(rule) global_search: every word, across modules, grouped in module order, newest first") {
  SearchIndex index;
  index.build(sample(), false);
  CHECK(index.size() == 3);  // deleted and staff records are not indexed

  auto groups = index.find("王珺");
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].type == Visit::kType);  // visits before complaints, as in the navigation
  CHECK(groups[0].hits[0].id == "V1");
  CHECK(groups[1].type == Complaint::kType);
  CHECK(groups[1].total == 1);
  CHECK(groups[1].hits[0].excerpt == "楼道灯坏了三天，王珺反映");

  groups = index.find("楼道灯");
  REQUIRE(groups.size() == 1);
  REQUIRE(groups[0].hits.size() == 2);
  CHECK(groups[0].hits[0].id == "C1");  // newest first
  CHECK(groups[0].hits[1].id == "C0");
  CHECK(groups[0].hits[0].open);

  // Every word must be in the record, in any field, in any order.
  groups = index.find("三天　楼道灯");  // an ideographic space between the words
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].total == 1);
  CHECK(groups[0].hits[0].id == "C1");
  CHECK(index.find("楼道灯 停车").empty());
}

TEST_CASE("global_search: phones by their digits, units and ids folded, blank finds nothing") {
  SearchIndex index;
  index.build(sample(), false);
  auto groups = index.find("13812345678");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].hits[0].id == "V1");
  groups = index.find("1234-5678");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].hits[0].id == "V1");
  groups = index.find("b栋-1202");  // the record was typed with full-width letters and digits
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].hits[0].id == "V1");
  groups = index.find("c0");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].hits[0].id == "C0");
  CHECK(index.find("").empty());
  CHECK(index.find("  \t").empty());
  CHECK(index.find("deadbeef").empty());  // a PIN hash is never searchable
  CHECK(index.find("已删除").empty());
}

TEST_CASE("global_search: at most the limit per module, with the count of all") {
  Dataset data;
  for (int i = 0; i < 12; ++i) {
    Visit v;
    v.meta.id = "V" + std::to_string(i);
    v.meta.created_at = morning() + i * kMinute;
    v.content = "停车位咨询";
    data.table<Visit>().upsert(v);
  }
  SearchIndex index;
  index.build(data, false);
  const auto groups = index.find("停车", 5);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].total == 12);
  REQUIRE(groups[0].hits.size() == 5);
  CHECK(groups[0].hits[0].id == "V11");
  CHECK(groups[0].hits[4].id == "V7");
}

TEST_CASE("global_search: case studies only for a role that may read them") {
  Dataset data = sample();
  add_case_study(data, "CS1", "楼道灯维修不及时的投诉");
  SearchIndex index;
  index.build(data, false);
  for (const auto& g : index.find("楼道灯")) CHECK(g.type != CaseStudy::kType);
  index.build(data, true);
  const auto groups = index.find("维修不及时");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].type == CaseStudy::kType);
}

// The search a slice at a time (the top bar's box at 100,000 records): any
// slice size gives what a record-by-record check finds, so a match is never
// lost or counted twice where a slice ends inside it or inside a record.
TEST_CASE("global_search: searched a slice at a time, the same records as checking each record") {
  const std::vector<std::string> syllables = {"楼", "道", "灯", "停", "车", "王", "珺", "修", "1", "2"};
  std::mt19937 rng(20261204);
  Dataset data;
  std::vector<const Visit*> order;
  for (int i = 0; i < 300; ++i) {
    Visit v;
    v.meta.id = "V" + std::to_string(i);
    v.meta.created_at = morning() + (static_cast<int>(rng() % 50)) * kMinute;  // ties too
    const std::size_t length = rng() % 12;
    for (std::size_t k = 0; k < length; ++k) v.content += syllables[rng() % syllables.size()];
    if (rng() % 3 == 0) v.answer = syllables[rng() % syllables.size()] + syllables[rng() % syllables.size()];
    v.meta.deleted = rng() % 17 == 0;
    data.table<Visit>().upsert(v);
  }
  SearchIndex index;
  index.build(data, false);
  for (int q = 0; q < 60; ++q) {
    std::vector<std::string> words(1 + rng() % 2);
    for (auto& w : words)
      for (std::size_t k = 0, n = 1 + rng() % 3; k < n; ++k) w += syllables[rng() % syllables.size()];
    const std::string query = words.size() == 1 ? words[0] : words[0] + "　" + words[1];
    // The oracle: every live visit holding each word in one of its fields
    // (the id is one: "1" finds v1), newest first.
    std::vector<const Visit*> expected;
    for (const Visit& v : data.table<Visit>().rows()) {
      if (v.meta.deleted) continue;
      const auto in_one_field = [&](const std::string& w) {
        return v.content.find(w) != std::string::npos || v.answer.find(w) != std::string::npos ||
               search_fold(v.meta.id).find(w) != std::string::npos;
      };
      if (std::all_of(words.begin(), words.end(), in_one_field)) expected.push_back(&v);
    }
    std::stable_sort(expected.begin(), expected.end(),
                     [](const Visit* a, const Visit* b) { return b->meta.created_at < a->meta.created_at; });
    for (const std::size_t slice : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{64},
                                    std::size_t{1} + rng() % 400, std::size_t{1} << 30}) {
      INFO("query " << query << ", slices of " << slice << " bytes");
      auto search = index.start(query, 5);
      std::size_t steps = 0;
      while (!search.step(slice)) ++steps;
      CHECK(search.done());
      const auto groups = search.groups();
      if (expected.empty()) {
        CHECK(groups.empty());
        continue;
      }
      REQUIRE(groups.size() == 1);
      CHECK(groups[0].total == expected.size());
      REQUIRE(groups[0].hits.size() == std::min<std::size_t>(5, expected.size()));
      for (std::size_t h = 0; h < groups[0].hits.size(); ++h) CHECK(groups[0].hits[h].id == expected[h]->meta.id);
      if (slice == 1) CHECK(steps + 1 >= index.bytes() / 2);  // it did go a slice at a time
    }
  }
}

// The index built a slice at a time (the top bar's box opening at 100,000
// records) is the index a whole build makes, whatever the slice size and
// wherever a slice ends: inside a table, at its end, at a table left out.
TEST_CASE("global_search: the index built a slice at a time finds what a whole build finds") {
  const std::vector<std::string> syllables = {"楼", "道", "灯", "停", "车", "王", "珺", "修", "1", "2"};
  std::mt19937 rng(20261205);
  Dataset data = sample();
  add_case_study(data, "K1", "楼道灯坏了的处理");
  for (int i = 0; i < 120; ++i) {
    const auto at = morning() + static_cast<int>(rng() % 20) * kMinute;  // ties too
    std::string text;
    for (std::size_t k = 0, n = rng() % 8; k < n; ++k) text += syllables[rng() % syllables.size()];
    if (i % 2 == 0) {
      Visit v;
      v.meta.id = "V" + std::to_string(i + 10);
      v.meta.created_at = at;
      v.content = text;
      v.meta.deleted = rng() % 9 == 0;
      data.table<Visit>().upsert(v);
    } else {
      Repair r;
      r.meta.id = "R" + std::to_string(i);
      r.meta.created_at = at;
      r.description = text;
      data.table<Repair>().upsert(r);
    }
  }
  for (const bool with_cases : {false, true}) {
    SearchIndex whole;
    whole.build(data, with_cases);
    for (const std::size_t rows : {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{1} + rng() % 200}) {
      INFO("slices of " << rows << " rows, with cases " << with_cases);
      SearchIndex::Builder builder(data, with_cases);
      std::size_t steps = 1;
      while (!builder.step(rows)) ++steps;
      const SearchIndex sliced = builder.take();
      CHECK(sliced.size() == whole.size());
      CHECK(sliced.bytes() == whole.bytes());
      if (rows == 1) CHECK(steps >= whole.size());  // it did go a row at a time
      for (const std::string query : {"楼道", "王珺", "1", "停车", "13812345678", "b栋", "r1", "灯 2", "处理"}) {
        const auto a = whole.find(query, 50), b = sliced.find(query, 50);
        REQUIRE(a.size() == b.size());
        for (std::size_t g = 0; g < a.size(); ++g) {
          CHECK(a[g].type == b[g].type);
          CHECK(a[g].total == b[g].total);
          REQUIRE(a[g].hits.size() == b[g].hits.size());
          for (std::size_t h = 0; h < a[g].hits.size(); ++h) {
            CHECK(a[g].hits[h].id == b[g].hits[h].id);
            CHECK(a[g].hits[h].excerpt == b[g].hits[h].excerpt);
          }
        }
      }
    }
  }
}
