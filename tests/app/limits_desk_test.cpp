// The desk keeps its promise at the limits: a save a reader would refuse is
// refused with nothing stored; a stored line no reader accepts is kept
// aside (quarantine), reported, exportable, and never deleted.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"

using namespace desk;
using namespace desk::test;
namespace fs = std::filesystem;

namespace {
Desk::PersistFn ok_persist() {
  return [](Desk::PersistDone done) { done(true, ""); };
}
std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
std::string long_text(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += "访";
  return s;
}
}  // namespace

TEST_CASE("desk: a visit with 5213 characters of content is refused at save; nothing is stored") {
  const std::string dir = fresh_dir("long-visit");
  Desk desk(dir, ok_persist());
  desk.load();
  Visit v = sample_visit();
  v.content = long_text(5213);
  const Errors errors = desk.save(v, actor());
  REQUIRE(error_for(errors, "content"));
  CHECK(error_for(errors, "content")->message.zh == "来访内容过长：最多 5000 字，当前 5213 字");
  CHECK(desk.data().size() == 0);
  for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename().string().rfind("seg-", 0) != 0);
  // At the limit it is saved and survives a reload.
  v.content = long_text(kMaxTextLength);
  REQUIRE(desk.save(v, actor()).empty());
  Desk again(dir, ok_persist());
  const auto report = again.load();
  CHECK(report.quarantined.empty());
  REQUIRE(again.data().table<Visit>().size() == 1);
  CHECK(again.data().table<Visit>().rows()[0].content == v.content);
}

TEST_CASE("desk: an imported record at the highest revision cannot be edited; at one below, once") {
  const std::string dir = fresh_dir("max-revision");
  Desk desk(dir, ok_persist());
  desk.load();
  Dataset d;
  Visit v = create_record(sample_visit(), actor());
  v.meta.revision = kMaxRevision - 1;
  d.table<Visit>().upsert(v);
  auto plan =
      desk.plan_import(export_document(d, {"site-B", "d", morning(), {}, {}, false}), actor_as(Role::supervisor));
  REQUIRE(plan.ok());
  REQUIRE(desk.apply_import(plan.value(), actor_as(Role::supervisor)).empty());
  Visit draft = *desk.data().table<Visit>().find(v.meta.id);
  draft.answer = "第一次修改";
  REQUIRE(desk.save(draft, actor()).empty());
  draft = *desk.data().table<Visit>().find(v.meta.id);
  CHECK(draft.meta.revision == kMaxRevision);
  const std::string before = read_all(fs::path(dir) / "seg-000001.log");
  draft.answer = "第二次修改";
  const Errors refused = desk.save(draft, actor());
  REQUIRE(error_for(refused, "revision"));
  CHECK(read_all(fs::path(dir) / "seg-000001.log") == before);
  Desk again(dir, ok_persist());
  again.load();
  CHECK(again.data().table<Visit>().find(v.meta.id)->answer == "第一次修改");
}

TEST_CASE("desk: an import whose merge would pass the history limit is refused, naming the record") {
  const std::string dir = fresh_dir("merge-history");
  Desk desk(dir, ok_persist());
  desk.load();
  Visit v = create_record(sample_visit(), actor());
  v.meta.history.resize(kMaxHistoryEntries - 1);  // the import's own line makes it full
  for (std::size_t i = 0; i < v.meta.history.size(); ++i)
    v.meta.history[i] = {morning() + static_cast<std::int64_t>(i), "S001", 1, "edit", {}};
  Dataset d;
  d.table<Visit>().upsert(v);
  auto plan =
      desk.plan_import(export_document(d, {"site-B", "d", morning(), {}, {}, false}), actor_as(Role::supervisor));
  REQUIRE(plan.ok());
  REQUIRE(desk.apply_import(plan.value(), actor_as(Role::supervisor)).empty());
  // The same record from another desk, with one history line this one lacks.
  Visit other = v;
  other.meta.history.back().by = "S009";
  Dataset e;
  e.table<Visit>().upsert(other);
  auto refused =
      desk.plan_import(export_document(e, {"site-C", "d", morning(), {}, {}, false}), actor_as(Role::supervisor));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.errors().front().where == "visit " + v.meta.id + ".history");
}

TEST_CASE("desk: a stored line no reader accepts is quarantined, reported, exportable and kept") {
  const std::string dir = fresh_dir("quarantine");
  fs::create_directories(dir);
  Visit v = create_record(sample_visit(), actor());
  v.content = long_text(kMaxTextLength + 213);  // what an earlier build stored
  Visit fine = create_record(sample_visit(), actor("S002", morning(), 9));
  const std::string segment = journal_line(fine) + journal_line(v);
  { std::ofstream(fs::path(dir) / "seg-000001.log", std::ios::binary) << segment; }
  for (int load = 0; load < 2; ++load) {
    Desk desk(dir, ok_persist());
    const auto report = desk.load();
    CHECK(report.dropped == 0);
    REQUIRE(desk.quarantined().size() == 1);
    CHECK(desk.quarantined()[0].line.id == v.meta.id);
    CHECK(desk.quarantined()[0].segment == "seg-000001.log");
    CHECK(desk.status().zh.find("已隔离保存") != std::string::npos);
    CHECK(desk.data().size() == static_cast<std::size_t>(1 + load));  // plus the visit saved below
    const json exported = json::parse(desk.quarantine_text({"site-A", "d", morning(), {}, {}, false}));
    CHECK(exported["lines"][0]["id"] == v.meta.id);
    CHECK(exported["lines"][0]["text"].get<std::string>() + "\n" == journal_line(v));
    // Saving more appends; neither the segment's line nor the file goes away.
    Visit next = sample_visit();
    next.answer = "load " + std::to_string(load);
    REQUIRE(desk.save(next, actor("S001", morning(), 20 + load)).empty());
    CHECK(read_all(fs::path(dir) / "seg-000001.log").rfind(segment, 0) == 0);
    CHECK(read_all(fs::path(dir) / kQuarantineFile) == journal_line(v));  // once, however often loaded
  }
}
