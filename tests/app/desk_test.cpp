// The save rule of the desk service: a change is applied and reported saved
// only once persisted; a failed persist leaves storage and data unchanged.
#include "app/desk.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../core/fixtures.hpp"
#include "core/segment_pack.hpp"
#include "core/table_sizes.hpp"

using namespace desk;
using namespace desk::test;
namespace fs = std::filesystem;

namespace {
struct FakePersist {
  std::vector<Desk::PersistDone> pending;
  Desk::PersistFn fn() {
    return [this](Desk::PersistDone done) { pending.push_back(std::move(done)); };
  }
  void finish(bool ok, const std::string& error = "") {
    auto done = std::move(pending.front());
    pending.erase(pending.begin());
    done(ok, error);
  }
};

}  // namespace

TEST_CASE("desk: a saved visit is not applied or acknowledged before it is durable") {
  FakePersist persist;
  Desk desk(fresh_dir("ack"), persist.fn());
  desk.load();
  bool acknowledged = false;
  REQUIRE(desk.save(sample_visit(), actor(), [&](bool ok) { acknowledged = ok; }).empty());
  CHECK(desk.busy());
  CHECK(desk.data().size() == 0);
  CHECK_FALSE(acknowledged);
  // A second save while the first is in flight is refused, with a reason.
  CHECK_FALSE(desk.save(sample_visit(), actor()).empty());
  persist.finish(true);
  CHECK(acknowledged);
  CHECK(desk.state() == Desk::SaveState::saved);
  CHECK(desk.data().size() == 1);
}

TEST_CASE("desk: a failed persist keeps nothing, says why, and the same save can be retried") {
  const std::string dir = fresh_dir("fail");
  FakePersist persist;
  Desk desk(dir, persist.fn());
  desk.load();
  REQUIRE(desk.save(sample_visit(), actor("S", morning(), 1)).empty());
  persist.finish(true);
  const auto size_before = fs::file_size(fs::path(dir) / "seg-000001.log");
  REQUIRE(desk.save(sample_visit(), actor("S", morning(), 2)).empty());
  persist.finish(false, "quota");
  CHECK(desk.state() == Desk::SaveState::failed);
  CHECK(desk.status().zh.find("存储空间已满") != std::string::npos);
  CHECK(desk.data().size() == 1);
  CHECK(fs::file_size(fs::path(dir) / "seg-000001.log") == size_before);
  REQUIRE(desk.save(sample_visit(), actor("S", morning(), 2)).empty());
  persist.finish(true);
  Desk reopened(dir, persist.fn());
  reopened.load();
  CHECK(reopened.data().size() == 2);
}

TEST_CASE("desk: invalid input is refused before anything is written") {
  const std::string dir = fresh_dir("invalid");
  FakePersist persist;
  Desk desk(dir, persist.fn());
  desk.load();
  Visit v = sample_visit();
  v.content = "";
  CHECK(error_for(desk.save(v, actor()), "content"));
  CHECK(persist.pending.empty());
  CHECK_FALSE(fs::exists(fs::path(dir) / "seg-000001.log"));
}

TEST_CASE("desk: editing a record that changed meanwhile is refused") {
  FakePersist persist;
  Desk desk(fresh_dir("stale"), persist.fn());
  desk.load();
  REQUIRE(desk.save(sample_visit(), actor()).empty());
  persist.finish(true);
  Visit first = desk.data().table<Visit>().rows()[0];
  Visit second = first;
  first.phone = "13900000000";
  REQUIRE(desk.save(first, actor()).empty());
  persist.finish(true);
  second.phone = "13700000000";
  CHECK(error_for(desk.save(second, actor()), "record"));
}

TEST_CASE("desk: import is planned, then applied after it is durable; a bad file changes nothing") {
  FakePersist persist;
  Desk source(fresh_dir("src"), persist.fn());
  source.load();
  REQUIRE(source.save(sample_visit(), actor("S", morning(), 1)).empty());
  persist.finish(true);
  const std::string file = source.export_text({"site-A", "d1", morning(), {}, {}, false}, Role::supervisor).value();

  Desk target(fresh_dir("dst"), persist.fn());
  target.load();
  CHECK_FALSE(target.plan_import(file.substr(0, 100), actor_as(Role::supervisor)).ok());
  CHECK(target.data().size() == 0);
  auto plan = target.plan_import(file, actor_as(Role::supervisor));
  REQUIRE(plan.ok());
  CHECK(plan->added == 1);
  REQUIRE(target.apply_import(plan.value(), actor_as(Role::supervisor)).empty());
  CHECK(target.data().size() == 0);
  persist.finish(true);
  CHECK(target.data().size() == 1);
  auto again = target.plan_import(file, actor_as(Role::supervisor));
  REQUIRE(again.ok());
  CHECK(again->unchanged == 1);
}

TEST_CASE("desk: an import that makes the store large writes its tables' sizes with it, so the next load reserves") {
  Dataset source;
  for (std::uint64_t i = 0; i < kTableSizesFrom; ++i)
    source.table<Visit>().upsert(create_record(sample_visit(), actor("S", morning(), i + 1)));
  const std::string file = export_document(source, {"site-A", "d1", morning(), {}, {}, false});
  FakePersist persist;
  const std::string dir = fresh_dir("import-sizes");
  Desk target(dir, persist.fn());
  target.load();
  auto plan = target.plan_import(file, actor_as(Role::supervisor));
  REQUIRE(plan.ok());
  REQUIRE(target.apply_import(std::move(plan.value()), actor_as(Role::supervisor)).empty());
  CHECK_FALSE(fs::exists(fs::path(dir) / kTableSizesFile));  // nothing before the import is durable
  REQUIRE(persist.pending.size() == 1);
  persist.finish(true);
  REQUIRE(target.data().size() == kTableSizesFrom);
  std::ifstream in(fs::path(dir) / kTableSizesFile);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == R"({"visit":10000})");
  CHECK(persist.pending.size() == 1);  // and made durable
  persist.finish(true);
  Desk reloaded(dir, persist.fn());
  const auto report = reloaded.load();
  CHECK_FALSE(report.sizes_written);  // the load found them already
  CHECK(reloaded.data().table<Visit>().rows().capacity() >= kTableSizesFrom);
  CHECK(reloaded.data().table<Visit>().size() == kTableSizesFrom);
}

TEST_CASE("desk: a large import is written in segment-sized pieces and reads back whole") {
  FakePersist persist;
  Desk source(fresh_dir("big-src"), persist.fn());
  source.load();
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "业主反映楼道灯不亮";  // 8,100 bytes: ~30 lines to a segment
  constexpr int kVisits = 300;
  for (int i = 0; i < kVisits; ++i) {
    Visit v = sample_visit(Timestamp{morning().ms + i * 60000});
    v.content = long_text;
    REQUIRE(source.save(v, actor("S", morning(), i + 1)).empty());
    persist.finish(true);
  }
  const std::string file = source.export_text({"site-A", "d1", morning(), {}, {}, false}, Role::supervisor).value();
  REQUIRE(file.size() > 8 * kSegmentBytes);

  const std::string dir = fresh_dir("big-dst");
  Desk target(dir, persist.fn());
  target.load();
  auto plan = target.plan_import(file, actor_as(Role::supervisor));
  REQUIRE(plan.ok());
  CHECK(plan->added == kVisits);
  REQUIRE(target.apply_import(std::move(plan.value()), actor_as(Role::supervisor)).empty());
  INFO(target.status().zh);
  REQUIRE(persist.pending.size() == 1);
  persist.finish(true);
  REQUIRE(target.data().table<Visit>().size() == kVisits);
  for (const auto& v : target.data().table<Visit>().rows()) {
    REQUIRE_FALSE(v.meta.history.empty());
    CHECK(v.meta.history.back().action == "import");
  }

  // All but the last piece went into closed, packed segments of up to
  // kPackedRunBytes of text; the last piece is the open segment.
  std::vector<fs::path> segments;
  for (const auto& f : fs::recursive_directory_iterator(dir))
    if (f.path().filename().string().rfind("seg-", 0) == 0) segments.push_back(f.path());
  std::sort(segments.begin(), segments.end());
  REQUIRE(segments.size() >= 2);
  CHECK(segments.size() <= file.size() / kPackedRunBytes + 2);
  std::size_t bytes = 0, stored = 0;
  for (const auto& path : segments) {
    std::ifstream in(path, std::ios::binary);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    stored += text.size();
    CHECK(path.extension() == (path == segments.back() ? ".log" : ".lz4"));
    std::string raw = text;
    if (path.extension() == ".lz4") REQUIRE(unpack_segment(text, raw));
    CHECK(raw.size() <= (path == segments.back() ? kSegmentBytes : kPackedRunBytes));
    bytes += raw.size();
  }
  CHECK(bytes >= file.size());
  CHECK(stored < bytes / 4);  // the repeated text packs well

  Desk reloaded(dir, persist.fn());
  const auto report = reloaded.load();
  CHECK(report.dropped == 0);
  REQUIRE(reloaded.data().table<Visit>().size() == kVisits);
  for (const auto& v : target.data().table<Visit>().rows())
    CHECK(record_to_json(*reloaded.data().table<Visit>().find(v.meta.id)) == record_to_json(v));
}

TEST_CASE("desk: a visit turns into a repair with one action, both linked, in one durable write") {
  FakePersist persist;
  Desk desk(fresh_dir("turn"), persist.fn());
  desk.load();
  Visit v = sample_visit();
  v.purpose = VisitPurpose::repair;
  v.content = "厨房水龙头漏水";
  REQUIRE(desk.save(v, actor()).empty());
  persist.finish(true);
  const std::string visit_id = desk.data().table<Visit>().rows()[0].meta.id;
  REQUIRE(desk.turn_visit_into<Repair>(visit_id, actor("S001", morning(), 2)).empty());
  CHECK(desk.data().table<Repair>().size() == 0);  // not before it is durable
  persist.finish(true);
  REQUIRE(desk.data().table<Repair>().size() == 1);
  const Repair& r = desk.data().table<Repair>().rows()[0];
  const Visit& stored = *desk.data().table<Visit>().find(visit_id);
  CHECK(r.linked_visit == visit_id);
  CHECK(stored.linked_record == r.meta.id);
  CHECK(r.description == "厨房水龙头漏水");
  CHECK(r.unit == "3栋-1202");
  CHECK(r.source == RepairSource::in_person);
  // Only once; and a failed write changes nothing.
  CHECK_FALSE(desk.turn_visit_into<Complaint>(visit_id, actor()).empty());
}
