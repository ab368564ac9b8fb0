// The conflict list (issue 12): two edits of one record made apart are both
// found after the merge, field by field, the kept one matching the record.
#include "core/conflicts.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("conflicts: two edits of one revision made apart are listed with both values") {
  const Visit v = create_record(sample_visit(), actor("S001", morning(), 1));
  Visit a = v, b = v;
  a.content = "前台1 的修改";
  b.content = "前台2 的修改";
  a = revise_record(v, a, actor("S001", {morning().ms + kMinute}, 2));
  b = revise_record(v, b, actor("S002", {morning().ms + 2 * kMinute}, 3));
  Dataset data;
  data.table<Visit>().upsert(merge_record(a, b));
  const Visit& held = data.table<Visit>().rows().front();

  const auto found = find_conflicts(data);
  REQUIRE(found.size() == 1);
  const Conflict& c = found[0];
  CHECK(c.type == "visit");
  CHECK(c.id == v.meta.id);
  CHECK(c.revision == held.meta.revision);
  CHECK(c.kept.by == held.meta.updated_by);
  CHECK(c.lost.by != c.kept.by);
  REQUIRE(c.fields.size() == 1);
  CHECK(c.fields[0].field == "content");
  CHECK(c.fields[0].kept == held.content);
  CHECK(c.fields[0].lost == (held.content == "前台1 的修改" ? "前台2 的修改" : "前台1 的修改"));
  CHECK_FALSE(c.fields[0].label.zh.empty());
  CHECK(c.fields[0].label.zh != "content");

  // Merged the other way round: the same conflict.
  Dataset other;
  other.table<Visit>().upsert(merge_record(b, a));
  const auto again = find_conflicts(other);
  REQUIRE(again.size() == 1);
  CHECK(again[0].kept == c.kept);
  CHECK(again[0].lost == c.lost);
}

TEST_CASE("conflicts: edits made one after the other are not conflicts") {
  const Visit v = create_record(sample_visit(), actor("S001", morning(), 1));
  Visit a = v;
  a.content = "第一次修改";
  a = revise_record(v, a, actor("S001", {morning().ms + kMinute}, 2));
  Visit b = a;
  b.content = "第二次修改";
  b = revise_record(a, b, actor("S002", {morning().ms + 2 * kMinute}, 3));
  Dataset data;
  data.table<Visit>().upsert(b);
  CHECK(find_conflicts(data).empty());
}
