// The desk's side of the site folder (issue 12): the outbox is written in the
// same durable write as the journal, survives a reload, carries no PINs, and
// versions read from other desks merge without going back out; staff
// changes from another desk apply only when an administrator made them.
#include <catch2/catch.hpp>
#include <filesystem>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"
#include "core/site_folder.hpp"

using namespace desk;
using namespace desk::test;
namespace fs = std::filesystem;

namespace {

Desk::PersistFn instant() {
  return [](Desk::PersistDone d) { d(true, ""); };
}

Actor as(Role role, const std::string& code = "M001", std::uint64_t seed = 1) {
  Actor a = actor(code, morning(), seed);
  a.role = role;
  return a;
}

const FirstAdmin kAdmin{"王经理", "M001", Role::center_manager, "582046", "582046"};

// The records of an outbox, as another desk reads them from the folder.
Dataset read_outbox(const std::string& outbox, const std::string& device = "desk-1") {
  std::string file;
  for (const auto& a : plan_folder_append("site-A", device, 0, 0, {outbox})) file += a.bytes;
  FolderFileState state;
  auto r = read_desk_file(desk_file_path(device, 1), file, file.size(), "site-A", state);
  REQUIRE(r.problems.empty());
  return std::move(r.records);
}

}  // namespace

TEST_CASE("desk folder: off by default; only supervisors start it; starting it queues every record") {
  const auto dir = fresh_dir("folder-start");
  Desk desk(dir, instant());
  desk.load();
  REQUIRE(desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  CHECK_FALSE(desk.folder_on());
  CHECK(desk.folder_outbox().empty());  // nothing queued while the folder is off

  const auto refused = desk.start_folder(as(Role::receptionist));
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].message.zh.find("设置站点文件夹") != std::string::npos);
  CHECK_FALSE(desk.folder_on());

  REQUIRE(desk.start_folder(as(Role::supervisor)).empty());
  CHECK(desk.folder_on());
  CHECK(desk.folder_pending() == 1);
  CHECK(read_outbox(desk.folder_outbox()).table<Visit>().size() == 1);
}

TEST_CASE("desk folder: a save goes to the outbox with the journal, and the outbox survives a reload") {
  const auto dir = fresh_dir("folder-outbox");
  {
    Desk desk(dir, instant());
    desk.load();
    REQUIRE(desk.start_folder(as(Role::supervisor)).empty());
    REQUIRE(desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
    REQUIRE(desk.save(sample_visit(), as(Role::receptionist, "S001", 3)).empty());
    CHECK(desk.folder_pending() == 2);
    // The folder took the first line.
    const auto first = desk.folder_outbox().find('\n') + 1;
    desk.folder_written(first);
    CHECK(desk.folder_pending() == 1);
  }
  Desk again(dir, instant());
  again.load();
  CHECK(again.folder_on());
  CHECK(again.folder_pending() == 1);
  CHECK(read_outbox(again.folder_outbox()).table<Visit>().size() == 1);
}

TEST_CASE("desk folder: a failed save leaves the outbox as it was") {
  const auto dir = fresh_dir("folder-failed");
  bool fail = false;
  Desk desk(dir, [&fail](Desk::PersistDone d) { d(!fail, fail ? "disk" : ""); });
  desk.load();
  REQUIRE(desk.start_folder(as(Role::supervisor)).empty());
  REQUIRE(desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  const std::string before = desk.folder_outbox();
  fail = true;
  desk.save(sample_visit(), as(Role::receptionist, "S001", 3));
  CHECK(desk.folder_outbox() == before);
  Desk again(dir, instant());
  again.load();
  CHECK(again.folder_outbox() == before);
}

TEST_CASE("desk folder: PINs never reach the folder") {
  const auto dir = fresh_dir("folder-pins");
  Desk desk(dir, instant());
  desk.load();
  REQUIRE(desk.set_up_site(kAdmin, as(Role::center_manager)).ok());
  REQUIRE(desk.start_folder(as(Role::center_manager)).empty());
  const std::string& out = desk.folder_outbox();
  REQUIRE(out.find("\"type\":\"staff\"") != std::string::npos);
  const Staff& stored = desk.data().table<Staff>().rows().front();
  REQUIRE_FALSE(stored.pin_hash.empty());
  CHECK(out.find(stored.pin_hash) == std::string::npos);
  CHECK(out.find(stored.pin_salt) == std::string::npos);
  CHECK(read_outbox(out).table<Staff>().rows().front().pin_hash.empty());
}

TEST_CASE("desk folder: versions from another desk merge once, and do not go back to the folder") {
  const auto d1 = fresh_dir("folder-sync-1"), d2 = fresh_dir("folder-sync-2");
  Desk one(d1, instant()), two(d2, instant());
  one.load(), two.load();
  REQUIRE(one.start_folder(as(Role::supervisor)).empty());
  REQUIRE(two.start_folder(as(Role::supervisor)).empty());
  REQUIRE(one.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());

  const Dataset sent = read_outbox(one.folder_outbox());
  auto report = two.apply_synced(sent, "desk-1");
  CHECK(report.read == 1);
  CHECK(report.changed == 1);
  CHECK(two.data().table<Visit>().size() == 1);
  CHECK(two.status().zh == "来自 desk-1 的 1 条更新");
  CHECK(two.folder_outbox().empty());  // not written back

  // Read again (a restart that lost its offsets): nothing changes.
  report = two.apply_synced(sent, "desk-1");
  CHECK(report.changed == 0);

  // A reload of desk 2 keeps the merged record.
  Desk again(d2, instant());
  again.load();
  CHECK(again.data().table<Visit>().size() == 1);
}

TEST_CASE("desk folder: two desks' edits of one record while apart converge to the same version") {
  const auto d1 = fresh_dir("folder-conv-1"), d2 = fresh_dir("folder-conv-2");
  Desk one(d1, instant()), two(d2, instant());
  one.load(), two.load();
  REQUIRE(one.start_folder(as(Role::supervisor)).empty());
  REQUIRE(two.start_folder(as(Role::supervisor)).empty());
  REQUIRE(one.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  two.apply_synced(read_outbox(one.folder_outbox()), "desk-1");
  one.folder_written(one.folder_outbox().size());

  Visit a = one.data().table<Visit>().rows().front(), b = two.data().table<Visit>().rows().front();
  a.content = "前台1 的修改";
  b.content = "前台2 的修改";
  REQUIRE(one.save(a, as(Role::receptionist, "S001", 3)).empty());
  REQUIRE(two.save(b, as(Role::receptionist, "S002", 4)).empty());
  const Dataset from1 = read_outbox(one.folder_outbox()), from2 = read_outbox(two.folder_outbox(), "desk-2");
  one.apply_synced(from2, "desk-2");
  two.apply_synced(from1, "desk-1");
  const Visit& x = one.data().table<Visit>().rows().front();
  const Visit& y = two.data().table<Visit>().rows().front();
  CHECK(record_to_json(x) == record_to_json(y));
  // The losing edit is still in the history.
  const std::string history = record_to_json(x)["history"].dump();
  CHECK(history.find(x.content == a.content ? "前台2 的修改" : "前台1 的修改") != std::string::npos);
}

TEST_CASE("desk folder: a staff change from another desk applies only when an administrator made it") {
  const auto d1 = fresh_dir("folder-staff-1");
  Desk desk(d1, instant());
  desk.load();
  REQUIRE(desk.set_up_site(kAdmin, as(Role::center_manager)).ok());

  auto staff = [](const std::string& code, Role role, const std::string& by, std::uint64_t seed) {
    Staff s;
    s.code = code;
    s.name = "员工" + code;
    s.role = role;
    Actor a = as(Role::center_manager, by, seed);
    return create_record(s, a);
  };
  // Made by M001, this site's administrator: applied.
  Dataset ok;
  ok.table<Staff>().upsert(staff("S010", Role::receptionist, "M001", 20));
  auto report = desk.apply_synced(ok, "desk-2");
  CHECK(report.held.empty());
  CHECK(desk.data().table<Staff>().size() == 2);

  // A new project manager "made" by a receptionist code: held, named.
  Dataset forged;
  forged.table<Staff>().upsert(staff("P666", Role::project_manager, "S010", 21));
  report = desk.apply_synced(forged, "desk-2");
  REQUIRE(report.held.size() == 1);
  CHECK(report.held[0].zh.find("S010 在本机不是管理员") != std::string::npos);
  CHECK(desk.data().table<Staff>().size() == 2);

  // A second record with the manager's code: held, whoever made it.
  Dataset duplicate;
  duplicate.table<Staff>().upsert(staff("M001", Role::receptionist, "M001", 22));
  report = desk.apply_synced(duplicate, "desk-2");
  REQUIRE(report.held.size() == 1);
  CHECK(report.held[0].zh.find("M001") != std::string::npos);
  CHECK(desk.data().table<Staff>().size() == 2);
}

TEST_CASE("desk folder: lines the folder takes while a save is in flight do not come back") {
  const auto dir = fresh_dir("folder-race");
  std::vector<Desk::PersistDone> waiting;
  {
    Desk desk(dir, [&](Desk::PersistDone d) { waiting.push_back(std::move(d)); });
    desk.load();
    REQUIRE(desk.start_folder(as(Role::supervisor)).empty());
    waiting.front()(true, ""), waiting.clear();
    REQUIRE(desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
    waiting.front()(true, ""), waiting.clear();
    const std::string first = desk.folder_outbox();
    REQUIRE(desk.folder_pending() == 1);
    // A second save is being made durable when the folder takes the first line.
    REQUIRE(desk.save(sample_visit(), as(Role::receptionist, "S001", 3)).empty());
    desk.folder_written(first.size());
    for (auto& d : std::exchange(waiting, {})) d(true, "");
    CHECK(desk.folder_pending() == 1);
    CHECK(desk.folder_outbox().find(first) == std::string::npos);
  }
  Desk again(dir, instant());
  again.load();
  CHECK(again.folder_pending() == 1);
}
