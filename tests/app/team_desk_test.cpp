// The desk's team service (issue 11, issue 18): first-run setup, the stored
// sign-in lock, recovery, and imports that may not change who may do what.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"

using namespace desk;
using namespace desk::test;
namespace fs = std::filesystem;

namespace {
Desk::PersistFn instant() {
  return [](Desk::PersistDone d) { d(true, ""); };
}

std::string stored_bytes(const std::string& dir) {
  std::string all;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename() == "security.json") continue;
    std::ifstream in(e.path(), std::ios::binary);
    all += e.path().filename().string() + std::string(std::istreambuf_iterator<char>(in), {});
  }
  return all;
}

const FirstAdmin kAdmin{"王经理", "M001", Role::center_manager, "582046", "582046"};

// A desk set up with its first administrator; returns the recovery code.
std::string set_up(Desk& desk) {
  auto code = desk.set_up_site(kAdmin, actor("M001"));
  REQUIRE(code.ok());
  return code.value();
}

Actor signed_actor(Desk& desk, const std::string& code, const std::string& pin) {
  auto s = desk.sign_in(code, pin, morning());
  REQUIRE(s.ok());
  static std::uint64_t seed = 100;  // fresh random bits, as the browser gives: distinct record ids
  return actor_for(s.value(), "site-A", morning(), actor("", morning(), ++seed).random);
}

// The same person acting again, with fresh random bits (a new record id), as ctx.actor() gives.
Actor again(Actor a) {
  static std::uint64_t seed = 500;
  a.random = actor("", morning(), ++seed).random;
  return a;
}

Staff staff_member(const std::string& code, Role role) {
  Staff s;
  s.code = code;
  s.name = "员工" + code;
  s.role = role;
  return s;
}
}  // namespace

TEST_CASE("desk team: a fresh desk is open; setup makes the first administrator and guards it") {
  const std::string dir = fresh_dir("setup");
  Desk desk(dir, instant());
  desk.load();
  CHECK(desk.team_mode() == TeamMode::open);
  // A receptionist's first PIN is refused with the reason; nothing stored.
  Staff clerk = staff_member("S001", Role::receptionist);
  clerk = with_new_pin(clerk, "730419", "730419", std::array<std::uint8_t, 10>{1, 2, 3, 4, 5, 6, 7, 8, 9}).value();
  const auto refused = desk.save(clerk, actor_as(Role::project_manager));
  REQUIRE(error_for(refused, "pin"));
  CHECK(desk.data().size() == 0);
  const std::string code = set_up(desk);
  CHECK(code.size() == 19);
  CHECK(desk.team_mode() == TeamMode::guarded);
  CHECK(desk.security().recovery.has_value());
  // A second setup is refused.
  CHECK_FALSE(desk.set_up_site(kAdmin, actor("M002")).ok());
  // After a reload: still guarded, the administrator signs in.
  Desk again(dir, instant());
  again.load();
  CHECK(again.team_mode() == TeamMode::guarded);
  CHECK(again.sign_in("M001", "582046", morning()).ok());
}

TEST_CASE("desk team: the sign-in lock survives a reload") {
  const std::string dir = fresh_dir("lock");
  {
    Desk desk(dir, instant());
    desk.load();
    set_up(desk);
    for (int i = 0; i < kMaxPinFailures; ++i) CHECK_FALSE(desk.sign_in("M001", "000001", morning()).ok());
  }
  Desk reloaded(dir, instant());
  reloaded.load();
  auto r = reloaded.sign_in("M001", "582046", morning() + kMinute);
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors().front().message.zh.find("已锁定") != std::string::npos);
  CHECK(reloaded.sign_in("M001", "582046", morning() + kLockout + 1).ok());
}

TEST_CASE("desk team: the last administrator cannot be deleted or demoted through the desk") {
  Desk desk(fresh_dir("last"), instant());
  desk.load();
  set_up(desk);
  const Actor admin = signed_actor(desk, "M001", "582046");
  const Staff stored = desk.data().table<Staff>().rows().front();
  CHECK(error_for(desk.store(delete_checked(stored, admin), {"", ""}), "role"));
  Staff demoted = stored;
  demoted.role = Role::supervisor;
  CHECK(error_for(desk.save(demoted, admin), "role"));
  CHECK(desk.data().table<Staff>().rows().front().role == Role::center_manager);
  // A duplicate staff number is refused with both named.
  Staff twin = staff_member("M001", Role::receptionist);
  const auto dup = desk.save(twin, admin);
  REQUIRE(error_for(dup, "code"));
  CHECK(error_for(dup, "code")->message.zh.find(stored.meta.id) != std::string::npos);
}

TEST_CASE("desk team: the recovery code sets a new administrator PIN, recorded in history, once") {
  const std::string dir = fresh_dir("recover");
  Desk desk(dir, instant());
  desk.load();
  const std::string code = set_up(desk);
  Desk later(dir, instant());
  later.load();
  const std::size_t records = later.data().size();
  CHECK_FALSE(later.recover_admin("AAAA-BBBB-CCCC-DDDD", "M001", "730419", "730419", actor()).ok());
  CHECK_FALSE(later.recover_admin(code, "S404", "730419", "730419", actor()).ok());
  CHECK_FALSE(later.recover_admin(code, "M001", "123456", "123456", actor()).ok());  // trivial PIN
  auto next = later.recover_admin(code, "M001", "730419", "730419", actor("?", morning(), 7));
  REQUIRE(next.ok());
  CHECK(next.value() != code);
  CHECK(later.data().size() == records);  // nothing lost
  CHECK(later.sign_in("M001", "730419", morning()).ok());
  CHECK_FALSE(later.sign_in("M001", "582046", morning()).ok());
  const Staff& admin = later.data().table<Staff>().rows().front();
  CHECK(admin.meta.history.back().action == "recover_pin");
  // One time: the old code no longer works, the new one does.
  CHECK_FALSE(later.recover_admin(code, "M001", "905173", "905173", actor()).ok());
  CHECK(later.recover_admin(next.value(), "M001", "905173", "905173", actor("?", morning(), 8)).ok());
}

TEST_CASE("desk team: export and import need their roles; PINs never leave") {
  Desk desk(fresh_dir("roles"), instant());
  desk.load();
  set_up(desk);
  const ExportOptions full{"site-A", "d1", morning(), {}, {}, false};
  CHECK_FALSE(desk.export_text(full, Role::receptionist).ok());
  CHECK(desk.export_text({"site-A", "d1", morning(), {}, {}, true}, Role::receptionist).ok());
  const std::string text = desk.export_text(full, Role::center_manager).value();
  CHECK(text.find(desk.data().table<Staff>().rows().front().pin_hash) == std::string::npos);
  auto plan = desk.plan_import(text, actor_as(Role::receptionist));
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.errors().front().message.zh.find("导入数据") != std::string::npos);
}

TEST_CASE("desk team: a hand-edited file raising a receptionist to project manager is held for a manager") {
  // Site desk: a manager and a receptionist with PINs.
  const std::string dir = fresh_dir("held");
  Desk desk(dir, instant());
  desk.load();
  set_up(desk);
  const Actor manager = signed_actor(desk, "M001", "582046");
  Staff clerk = staff_member("S001", Role::receptionist);
  clerk = with_new_pin(clerk, "730419", "730419", manager.random).value();
  REQUIRE(desk.save(clerk, manager).empty());
  const Staff stored_clerk =
      *std::find_if(desk.data().table<Staff>().rows().begin(), desk.data().table<Staff>().rows().end(),
                    [](const Staff& s) { return s.code == "S001"; });
  // The file: the receptionist raised, a new project manager with a known PIN,
  // every other record deleted, and a visit.
  Dataset forged;
  Staff raised = revise_record(
      stored_clerk,
      [&] {
        Staff r = stored_clerk;
        r.role = Role::project_manager;
        return r;
      }(),
      actor("M001"));
  forged.table<Staff>().upsert(raised);
  Staff intruder = with_pin(staff_member("X999", Role::project_manager), "111222",
                            std::array<std::uint8_t, 10>{9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, kPinIterationsMin)
                       .value();
  forged.table<Staff>().upsert(create_record(intruder, actor("X999", morning(), 5)));
  forged.table<Staff>().upsert(tombstone_record(desk.data().table<Staff>().rows().front(), actor("X999")));
  forged.table<Visit>().upsert(create_record(sample_visit(), actor("X999", morning(), 6)));
  std::string file = export_document(forged, {"site-A", "evil", morning(), {}, {}, false});
  // Put the intruder's PIN back in, as a hand edit would.
  const std::string needle = "\"pin_hash\":\"\"";
  const auto at = file.find(needle, file.find("X999"));
  REQUIRE(at != std::string::npos);
  file.replace(at, needle.size(), "\"pin_hash\":\"" + intruder.pin_hash + "\"");

  const std::size_t visits_before = desk.data().table<Visit>().size();
  // A supervisor imports: the visit comes in, no staff change does.
  Staff sup = with_new_pin(staff_member("S002", Role::supervisor), "905173", "905173", manager.random).value();
  REQUIRE(desk.save(sup, again(manager)).empty());
  const Actor supervisor = signed_actor(desk, "S002", "905173");
  auto plan = desk.plan_import(file, supervisor, "forged.json");
  REQUIRE(plan.ok());
  CHECK(plan->held.size() == 3);
  std::string held;
  for (const auto& h : plan->held) held += h.what.zh + "\n";
  CHECK(held.find("岗位变更") != std::string::npos);
  CHECK(held.find("新增员工") != std::string::npos);
  CHECK(held.find("删除员工") != std::string::npos);
  // Approving needs a manager.
  CHECK_FALSE(desk.apply_import(plan.value(), supervisor, true).empty());
  REQUIRE(desk.apply_import(plan.value(), supervisor, false).empty());
  CHECK(desk.data().table<Visit>().size() == visits_before + 1);
  auto role_of = [&](const std::string& code) {
    for (const Staff& s : desk.data().table<Staff>().rows())
      if (s.code == code && !s.meta.deleted) return std::optional<Role>(s.role);
    return std::optional<Role>();
  };
  CHECK(role_of("S001") == Role::receptionist);
  CHECK_FALSE(role_of("X999"));
  CHECK(role_of("M001") == Role::center_manager);
  CHECK_FALSE(desk.sign_in("X999", "111222", morning()).ok());
  // The imported visit's history says who imported it and from where.
  const Visit& v = desk.data().table<Visit>().rows().back();
  CHECK(v.meta.history.back().action == "import");
  CHECK(v.meta.history.back().by == "S002");
  CHECK(v.meta.history.back().changes.front().to.get<std::string>().find("forged.json") != std::string::npos);

  // A manager approving a file that deletes the last administrator: refused, nothing applies.
  Dataset fire;
  fire.table<Staff>().upsert(tombstone_record(desk.data().table<Staff>().rows().front(), actor("X999")));
  const std::string fire_file = export_document(fire, {"site-A", "evil", morning(), {}, {}, false});
  auto fired = desk.plan_import(fire_file, manager, "fire.json");
  REQUIRE(fired.ok());
  REQUIRE(fired->held.size() == 1);
  const auto refused = desk.apply_import(fired.value(), manager, true);
  REQUIRE_FALSE(refused.empty());
  CHECK(refused.front().message.zh.find("最后一位") != std::string::npos);
  CHECK(role_of("M001") == Role::center_manager);
  // The manager approves a file that raises the receptionist and adds a
  // project manager: both apply, but the newcomer never gets the file's PIN.
  Dataset fair;
  fair.table<Staff>().upsert(raised);
  fair.table<Staff>().upsert(create_record(intruder, actor("X999", morning(), 5)));
  const std::string fair_file = export_document(fair, {"site-A", "hq", morning(), {}, {}, false});
  auto approved = desk.plan_import(fair_file, manager);
  REQUIRE(approved.ok());
  REQUIRE(desk.apply_import(approved.value(), manager, true).empty());
  CHECK(role_of("S001") == Role::project_manager);
  CHECK(role_of("X999") == Role::project_manager);
  CHECK_FALSE(desk.sign_in("X999", "111222", morning()).ok());
  // The raised receptionist keeps the PIN set on this desk.
  CHECK(desk.sign_in("S001", "730419", morning()).ok());
}

TEST_CASE("desk team: a file with a second record for a staff number in use is refused, nothing stored") {
  const std::string dir = fresh_dir("dupcode");
  Desk desk(dir, instant());
  desk.load();
  set_up(desk);
  const Actor manager = signed_actor(desk, "M001", "582046");
  Dataset other;
  other.table<Staff>().upsert(create_record(staff_member("M001", Role::receptionist), actor("X", morning(), 9)));
  const std::string file = export_document(other, {"site-A", "d2", morning(), {}, {}, false});
  const std::string before = stored_bytes(dir);
  auto plan = desk.plan_import(file, manager);
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.errors().front().message.zh.find("工号 M001 重复") != std::string::npos);
  CHECK(stored_bytes(dir) == before);
}
