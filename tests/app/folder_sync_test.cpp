// Desks syncing through one site folder (issue 12), with the folder as a map
// that can go away: a record reaches every desk; nothing is lost or doubled
// when the folder is unreachable, even mid-write; edits made apart converge;
// a damaged file is named and skipped; a new desk restores everything.
#include "app/folder_sync.hpp"

#include <catch2/catch.hpp>

#include "../core/fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {

// The shared folder. Calls finish at once; `down` makes every call fail.
struct FakeFolder : FolderIo {
  std::map<std::string, std::string> files;
  std::string down;  // the error while unreachable, "" when reachable
  int appends = 0;
  std::size_t read_bytes = 0;
  void list(Listed done) override {
    if (!down.empty()) return done(false, down, {});
    std::vector<FolderEntry> out;
    for (const auto& [path, bytes] : files) out.push_back({path, bytes.size()});
    done(true, "", out);
  }
  void read(const std::string& path, std::size_t offset, Read done) override {
    if (!down.empty()) return done(false, down, "");
    const std::string& f = files[path];
    read_bytes += offset < f.size() ? f.size() - offset : 0;
    done(true, "", offset < f.size() ? f.substr(offset) : "");
  }
  void append(const std::string& path, std::size_t at, const std::string& bytes, Written done) override {
    if (!down.empty()) return done(false, down);
    ++appends;
    std::string& f = files[path];
    f.resize(at);
    f += bytes;
    done(true, "");
  }
};

Actor as(Role role, const std::string& code, std::uint64_t seed) {
  Actor a = actor(code, morning(), seed);
  a.role = role;
  return a;
}

struct Station {
  Desk desk;
  FolderSync sync;
  Station(const std::string& name, FakeFolder& folder)
      : desk(fresh_dir("sync-" + name), [](Desk::PersistDone d) { d(true, ""); }), sync(desk, folder, "site-A", name) {
    desk.load();
    REQUIRE(desk.start_folder(as(Role::supervisor, "M001", 9)).empty());
  }
  void round() {
    sync.poke();
    sync.tick(morning());
  }
};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("folder sync: a record saved on desk 1 reaches desks 2 and 3, once") {
  FakeFolder folder;
  Station one("desk-1", folder), two("desk-2", folder), three("desk-3", folder);
  one.sync.set_desk_name("前台1");
  Visit v = sample_visit();
  v.content = "楼道灯不亮";
  REQUIRE(one.desk.save(v, as(Role::receptionist, "S001", 2)).empty());
  one.round();
  CHECK(one.sync.state() == FolderSync::State::ok);
  CHECK(one.sync.pending() == 0);
  CHECK(one.sync.backed_up_at().has_value());
  REQUIRE(folder.files.count("desks/desk-1/journal-0001.jsonl"));
  CHECK(desk_file_site(folder.files["desks/desk-1/journal-0001.jsonl"]) == "site-A");

  two.round(), three.round();
  for (Station* s : {&two, &three}) {
    REQUIRE(s->desk.data().table<Visit>().size() == 1);
    CHECK(s->desk.data().table<Visit>().rows().front().content == "楼道灯不亮");
    const auto news = s->sync.take_news();
    REQUIRE(news.size() == 1);
    CHECK(news[0].zh == "来自 前台1 的 1 条更新");
    CHECK(s->sync.desk_label("desk-1") == "前台1");
  }
  // Read again: nothing new, nothing changes, nothing goes back out.
  two.round();
  CHECK(two.sync.take_news().empty());
  CHECK(two.desk.folder_pending() == 0);
  CHECK_FALSE(folder.files.count("desks/desk-2/journal-0001.jsonl"));
}

TEST_CASE("folder sync: an unreachable folder says why, keeps the lines, and catches up once") {
  FakeFolder folder;
  Station one("desk-1", folder), two("desk-2", folder);
  folder.down = "missing";
  REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  one.round();
  CHECK(one.sync.state() == FolderSync::State::unavailable);
  CHECK(one.sync.problem().zh.find("网络盘断开") != std::string::npos);
  CHECK(one.sync.pending() == 1);
  // Not retried before kRetryMs, then retried by itself.
  folder.down.clear();
  one.sync.tick({morning().ms + 1000});
  CHECK(one.sync.pending() == 1);
  one.sync.tick({morning().ms + FolderSync::kRetryMs + 1});
  CHECK(one.sync.pending() == 0);
  CHECK(one.sync.state() == FolderSync::State::ok);
  one.round();
  CHECK(count(folder.files["desks/desk-1/journal-0001.jsonl"], "\"type\":\"visit\"") == 1);
  two.round();
  CHECK(two.desk.data().table<Visit>().size() == 1);
}

TEST_CASE("folder sync: a file left cut mid-line by a crash is not appended to") {
  FakeFolder folder;
  Station one("desk-1", folder);
  folder.files["desks/desk-1/journal-0001.jsonl"] = folder_header_line("site-A", "desk-1") + "123 {\"cut";
  REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  one.round();
  CHECK(one.sync.pending() == 0);
  CHECK(folder.files["desks/desk-1/journal-0001.jsonl"].ends_with("{\"cut"));
  REQUIRE(folder.files.count("desks/desk-1/journal-0002.jsonl"));
  Station two("desk-2", folder);
  two.round();
  CHECK(two.desk.data().table<Visit>().size() == 1);
  REQUIRE_FALSE(two.sync.refusals().empty());  // the cut line is named when it is read
}

TEST_CASE("folder sync: edits of one record on two desks while apart converge on all three") {
  FakeFolder folder;
  Station one("desk-1", folder), two("desk-2", folder), three("desk-3", folder);
  REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  one.round(), two.round(), three.round();
  folder.down = "missing";
  Visit a = one.desk.data().table<Visit>().rows().front(), b = two.desk.data().table<Visit>().rows().front();
  a.content = "前台1 的修改";
  b.content = "前台2 的修改";
  REQUIRE(one.desk.save(a, as(Role::receptionist, "S001", 3)).empty());
  REQUIRE(two.desk.save(b, as(Role::receptionist, "S002", 4)).empty());
  one.round(), two.round();
  folder.down.clear();
  for (int i = 0; i < 2; ++i) one.round(), two.round(), three.round();
  const json x = record_to_json(one.desk.data().table<Visit>().rows().front());
  CHECK(x == record_to_json(two.desk.data().table<Visit>().rows().front()));
  CHECK(x == record_to_json(three.desk.data().table<Visit>().rows().front()));
  const std::string history = x["history"].dump();
  CHECK(history.find("前台1 的修改") != std::string::npos);
  CHECK(history.find("前台2 的修改") != std::string::npos);
}

TEST_CASE("folder sync: a damaged or foreign desk file is named and skipped; the others still sync") {
  FakeFolder folder;
  Station one("desk-1", folder), two("desk-2", folder);
  REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  one.round();
  std::string bad = folder.files["desks/desk-1/journal-0001.jsonl"];
  bad[bad.size() - 10] ^= 0x01;  // a flipped bit in the record line
  folder.files["desks/desk-9/journal-0001.jsonl"] = bad;
  folder.files["desks/desk-8/journal-0001.jsonl"] = "PK\x03\x04 not a desk file\n";
  two.round();
  CHECK(two.desk.data().table<Visit>().size() == 1);  // desk-1's good file
  std::string named;
  for (const Msg& m : two.sync.refusals()) named += m.zh + "\n";
  CHECK(named.find("desks/desk-9/journal-0001.jsonl") != std::string::npos);
  CHECK(named.find("desks/desk-8/journal-0001.jsonl") != std::string::npos);
  CHECK(folder.files["desks/desk-8/journal-0001.jsonl"] == "PK\x03\x04 not a desk file\n");  // never written over
  const std::size_t before = two.sync.refusals().size();
  two.round();
  CHECK(two.sync.refusals().size() == before);  // reported once
}

TEST_CASE("folder sync: a new desk pointed at the folder restores every record, counted per desk") {
  FakeFolder folder;
  Station one("desk-1", folder), two("desk-2", folder);
  for (std::uint64_t i = 0; i < 5; ++i)
    REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 10 + i)).empty());
  for (std::uint64_t i = 0; i < 3; ++i)
    REQUIRE(two.desk.save(sample_visit(), as(Role::receptionist, "S002", 20 + i)).empty());
  one.round(), two.round();

  Station fresh("desk-new", folder);
  fresh.round();
  CHECK(fresh.desk.data().table<Visit>().size() == 8);
  CHECK(fresh.sync.per_desk().at("desk-1").changed == 5);
  CHECK(fresh.sync.per_desk().at("desk-2").changed == 3);
  CHECK(fresh.sync.first_round_total() > 0);
  CHECK(fresh.sync.first_round_done() == fresh.sync.first_round_total());
  // Then it writes as a new desk, its own file only.
  REQUIRE(fresh.desk.save(sample_visit(), as(Role::receptionist, "S003", 30)).empty());
  fresh.round();
  CHECK(folder.files.count("desks/desk-new/journal-0001.jsonl"));
  CHECK(count(folder.files["desks/desk-new/journal-0001.jsonl"], "\"type\":\"visit\"") == 1);
}

TEST_CASE(
    "folder sync: a second desk gets the staff list and the site's recovery key, so an administrator can set a "
    "PIN there") {
  FakeFolder folder;
  Station one("desk-1", folder);
  const FirstAdmin admin{"王经理", "M001", Role::center_manager, "582046", "582046"};
  auto code = one.desk.set_up_site(admin, as(Role::center_manager, "M001", 40));
  REQUIRE(code.ok());
  one.round();
  REQUIRE(folder.files.count("desks/desk-1/recovery.json"));
  CHECK(folder.files["desks/desk-1/recovery.json"].find("582046") == std::string::npos);
  CHECK(parse_recovery_file(folder.files["desks/desk-1/recovery.json"], "site-A") == one.desk.security().recovery);

  Station two("desk-2", folder);
  two.round();
  REQUIRE(two.desk.data().table<Staff>().size() == 1);
  CHECK(two.desk.data().table<Staff>().rows().front().pin_hash.empty());  // PINs never travel
  CHECK(two.desk.team_mode() == TeamMode::guarded);
  REQUIRE(two.desk.security().recovery == one.desk.security().recovery);
  // The code printed at set-up sets the administrator's PIN on desk 2.
  auto again = two.desk.recover_admin(code.value(), "M001", "730418", "730418", as(Role::center_manager, "M001", 41));
  REQUIRE(again.ok());
  CHECK_FALSE(two.desk.data().table<Staff>().rows().front().pin_hash.empty());

  // A desk that has a key never takes the folder's, and a damaged or
  // other-site file is not taken.
  folder.files["desks/desk-1/recovery.json"] = recovery_file_text("site-A", "desk-1", {"00", "11", 1});
  two.round();
  CHECK(two.desk.security().recovery != one.desk.security().recovery);  // desk 2's own, rotated
  CHECK_FALSE(parse_recovery_file(recovery_file_text("site-B", "x", *one.desk.security().recovery), "site-A"));
  CHECK_FALSE(parse_recovery_file("{not json", "site-A"));
  CHECK_FALSE(parse_recovery_file(recovery_file_text("site-A", "x", {"00", "11", 1}), "site-A"));
}

TEST_CASE("folder sync: a desk's name is read only from a sound desk.json of this site") {
  CHECK(parse_desk_info(desk_info_text("site-A", "desk-1", " 前台1 "), "site-A") == "前台1");
  CHECK_FALSE(parse_desk_info(desk_info_text("site-B", "desk-1", "前台1"), "site-A"));
  CHECK_FALSE(parse_desk_info(desk_info_text("site-A", "desk-1", ""), "site-A"));
  CHECK_FALSE(parse_desk_info(desk_info_text("site-A", "desk-1", "前台\n1"), "site-A"));
  CHECK_FALSE(parse_desk_info(desk_info_text("site-A", "desk-1", std::string(21 * 3, 'x')), "site-A"));
  CHECK_FALSE(parse_desk_info("{\"format\":\"wuye-desk-info\"", "site-A"));
  CHECK(parse_desk_info_path("desks/desk-1/desk.json") == "desk-1");
  CHECK_FALSE(parse_desk_info_path("desks/../desk.json"));
  CHECK_FALSE(parse_desk_info_path("desks/desk-1/journal-0001.jsonl"));
}

TEST_CASE("folder sync: an empty file left by a failed first write gets its header") {
  FakeFolder folder;
  Station one("desk-1", folder);
  folder.files["desks/desk-1/journal-0001.jsonl"] = "";  // the file was made, the write failed
  REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 2)).empty());
  one.round();
  CHECK(one.sync.pending() == 0);
  CHECK(desk_file_site(folder.files["desks/desk-1/journal-0001.jsonl"]) == "site-A");
  Station two("desk-2", folder);
  two.round();
  CHECK(two.desk.data().table<Visit>().size() == 1);
  CHECK(two.sync.refusals().empty());
}

TEST_CASE("folder sync: after a reload a desk reads only what is new, from the offsets it kept") {
  FakeFolder folder;
  Station one("desk-1", folder);
  for (std::uint64_t i = 0; i < 20; ++i)
    REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 50 + i)).empty());
  one.round();
  const auto dir = fresh_dir("sync-reload");
  {
    Desk two(dir, [](Desk::PersistDone d) { d(true, ""); });
    two.load();
    REQUIRE(two.start_folder(as(Role::supervisor, "M001", 9)).empty());
    FolderSync sync(two, folder, "site-A", "desk-2");
    sync.poke(), sync.tick(morning());
    REQUIRE(two.data().table<Visit>().size() == 20);
    CHECK(folder.read_bytes >= folder.files["desks/desk-1/journal-0001.jsonl"].size());
  }
  REQUIRE(one.desk.save(sample_visit(), as(Role::receptionist, "S001", 90)).empty());
  one.round();
  const std::size_t before = folder.read_bytes;
  Desk again(dir, [](Desk::PersistDone d) { d(true, ""); });
  again.load();
  FolderSync sync(again, folder, "site-A", "desk-2");
  sync.poke(), sync.tick(morning());
  CHECK(again.data().table<Visit>().size() == 21);
  // Only the new line (and nothing of the 20 read before the reload).
  CHECK(folder.read_bytes - before < folder.files["desks/desk-1/journal-0001.jsonl"].size() / 10);
  // Choosing the folder again starts from its beginning.
  REQUIRE(again.stop_folder(as(Role::supervisor, "M001", 9)).empty());
  CHECK(again.folder_read_state().empty());
}
