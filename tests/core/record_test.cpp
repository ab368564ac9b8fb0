#include "core/record.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("record: creation sets id, site, revision 1 and a create entry") {
  const Visit v = create_record(sample_visit(), actor("S007"));
  CHECK(is_record_id(v.meta.id));
  CHECK(v.meta.site == "site-A");
  CHECK(v.meta.revision == 1);
  CHECK(v.meta.created_by == "S007");
  CHECK_FALSE(v.meta.deleted);
  REQUIRE(v.meta.history.size() == 1);
  CHECK(v.meta.history[0].action == "create");
  bool has_name = false;
  for (const auto& c : v.meta.history[0].changes) has_name |= c.field == "visitor_name" && c.to == "王珺";
  CHECK(has_name);
}

TEST_CASE("record: ids are unique without coordination and sort by time") {
  std::set<std::string> ids;
  for (std::uint64_t i = 0; i < 2000; ++i) ids.insert(make_record_id(morning(), actor("S", morning(), i).random));
  CHECK(ids.size() == 2000);
  CHECK(make_record_id(morning(), {}) < make_record_id(morning() + 1, {}));
}

TEST_CASE("record: an edit bumps the revision and records what changed") {
  const Visit v1 = create_record(sample_visit(), actor());
  Visit edit = v1;
  edit.phone = "13900001111";
  const Visit v2 = revise_record(v1, edit, actor("S002", morning() + kHour));
  CHECK(v2.meta.revision == 2);
  CHECK(v2.meta.updated_by == "S002");
  CHECK(v2.meta.created_by == "S001");
  REQUIRE(v2.meta.history.size() == 2);
  REQUIRE(v2.meta.history[1].changes.size() == 1);
  CHECK(v2.meta.history[1].changes[0] == FieldChange{"phone", "13812345678", "13900001111"});
}

TEST_CASE("record: deletion is a tombstone, never a removal") {
  const Visit v1 = create_record(sample_visit(), actor());
  const Visit gone = tombstone_record(v1, actor("S002"));
  CHECK(gone.meta.deleted);
  CHECK(gone.meta.revision == 2);
  CHECK(gone.content == v1.content);
  CHECK(gone.meta.history.back().action == "delete");
}

TEST_CASE("record: JSON round trip keeps every field and the history") {
  Visit v = sample_visit();
  v.outcome = VisitOutcome::promised_24h;
  v.follow_up_done = morning() + 3 * kHour;
  const Visit v1 = create_record(v, actor());
  Visit edit = v1;
  edit.content = "第二次：询问停车位";
  const Visit v2 = revise_record(v1, edit, actor());
  Visit back;
  Errors errors;
  REQUIRE(record_from_json(record_to_json(v2), back, errors, "r"));
  CHECK(errors.empty());
  CHECK(back == v2);
}

TEST_CASE("record: reading refuses wrong types, unknown enums and unknown fields, naming the place") {
  json j = record_to_json(create_record(sample_visit(), actor()));
  j["data"]["phone"] = 13812345678;
  j["data"]["purpose"] = "gossip";
  j["data"]["colour"] = "red";
  j["revision"] = 0;
  Visit out;
  Errors errors;
  CHECK_FALSE(record_from_json(j, out, errors, "records[0]"));
  CHECK(error_for(errors, "records[0].data.phone"));
  REQUIRE(error_for(errors, "records[0].data.purpose"));
  CHECK(error_for(errors, "records[0].data.purpose")->message.en.find("consult") != std::string::npos);
  CHECK(error_for(errors, "records[0].data.colour"));
  CHECK(error_for(errors, "records[0].revision"));
}

TEST_CASE("record: merge keeps the higher revision and unions the history") {
  const Visit base = create_record(sample_visit(), actor());
  Visit a = base, b = base;
  a.content = "A 的修改";
  b.content = "B 的修改";
  const Visit a2 = revise_record(base, a, actor("SA"));
  const Visit b2 = revise_record(base, b, actor("SB"));
  const Visit b3 = revise_record(b2, b2, actor("SB"), "note");
  CHECK(merge_record(a2, b3).content == "B 的修改");
  CHECK(merge_record(b3, a2).content == "B 的修改");
  // Equal revisions: a deterministic winner whichever side it is on.
  CHECK(merge_record(a2, b2).content == merge_record(b2, a2).content);
  CHECK(merge_record(a2, b2).meta.history.size() == 3);  // create + both edits
  // A tombstone wins over an edit at the same revision.
  const Visit dead = tombstone_record(base, actor("SC"));
  CHECK(merge_record(a2, dead).meta.deleted);
  CHECK(merge_record(dead, a2).meta.deleted);
}

TEST_CASE("record: add_to_history gives what merge_history with one entry gives, in place when it comes last") {
  auto entry = [](std::int64_t revision, std::int64_t ms, const char* action) {
    return Change{Timestamp{ms}, "S1", revision, action, {}};
  };
  const std::vector<Change> ordered{entry(1, 100, "create"), entry(2, 200, "edit")};
  const std::vector<Change> unordered{entry(2, 200, "edit"), entry(1, 100, "create")};
  for (const auto& h : {ordered, unordered})
    for (const Change& c : {entry(3, 300, "import"), entry(2, 150, "import"), entry(1, 100, "create"),
                            entry(2, 200, "import"), entry(0, 50, "import")}) {
      std::vector<Change> got = h;
      add_to_history(got, c);
      CHECK(got == merge_history(h, {c}));
    }
  std::vector<Change> h = ordered;
  h.reserve(8);
  const Change* before = h.data();
  add_to_history(h, entry(3, 300, "import"));
  CHECK(h.data() == before);  // appended, not rebuilt
  REQUIRE(h.size() == 3);
  CHECK(h.back().action == "import");
  std::vector<Change> empty;
  add_to_history(empty, entry(1, 1, "create"));
  CHECK(empty == std::vector<Change>{entry(1, 1, "create")});
}
