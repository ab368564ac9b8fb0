// 站点设置与数据权限 (issue 11, issue 18): a site can never lock itself out,
// PINs follow the policy and never leave the desk, staff changes from a file
// wait for an administrator.
#include "core/team.hpp"

#include <catch2/catch.hpp>

#include "core/exchange.hpp"
#include "core/stats.hpp"
#include "core/work_order_sheet.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
const std::uint8_t kSalt[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

Staff person(const std::string& code, Role role, const std::string& pin = "", std::uint64_t seed = 1) {
  Staff s;
  s.code = code;
  s.name = "员工" + code;
  s.role = role;
  if (!pin.empty()) s = with_pin(s, pin, kSalt, kPinIterationsMin).value();
  return create_record(s, actor("M001", morning(), seed));
}
}  // namespace

TEST_CASE("team: administrators are the roles that manage staff") {
  CHECK(is_admin(Role::center_manager));
  CHECK(is_admin(Role::project_manager));
  for (Role r : {Role::receptionist, Role::supervisor, Role::manager_assistant, Role::technician, Role::guard})
    CHECK_FALSE(is_admin(r));
}

TEST_CASE("team: a desk is open until an administrator with a PIN exists, then guarded for good") {
  std::vector<Staff> staff = {person("S001", Role::receptionist)};
  CHECK(team_mode(staff, false) == TeamMode::open);
  staff.push_back(person("M001", Role::center_manager, "582046", 2));
  CHECK(team_mode(staff, false) == TeamMode::guarded);
  // Deleted (a tombstone keeps role and the history that a PIN was set):
  // still guarded, even without the desk's own marker.
  Staff gone = tombstone_record(staff[1], actor("M001"));
  gone.pin_hash.clear();
  staff[1] = gone;
  CHECK_FALSE(has_signing_admin(staff));
  CHECK(admin_ever_set_up(staff));
  CHECK(team_mode(staff, false) == TeamMode::guarded);
  // And an empty staff list with the marker is guarded too.
  CHECK(team_mode({}, true) == TeamMode::guarded);
}

TEST_CASE("team: the first PIN goes to an administrator, with the reason when refused") {
  const std::vector<Staff> staff = {person("S001", Role::receptionist)};
  Staff clerk = with_pin(staff[0], "582046", kSalt, kPinIterationsMin).value();
  auto refused = check_team_change(staff, &staff[0], clerk);
  REQUIRE(refused);
  CHECK(refused->message.zh.find("第一个PIN必须设给") != std::string::npos);
  // A new receptionist with a PIN on a desk without an administrator: refused too.
  Staff fresh;
  fresh.code = "S002";
  fresh.name = "新人";
  fresh = with_pin(fresh, "582046", kSalt, kPinIterationsMin).value();
  CHECK(check_team_change(staff, nullptr, fresh));
  // A manager may get the first PIN; after that anyone may.
  Staff manager = person("M001", Role::project_manager, "582046", 2);
  CHECK_FALSE(check_team_change(staff, nullptr, manager));
  const std::vector<Staff> with_admin = {staff[0], manager};
  CHECK_FALSE(check_team_change(with_admin, &staff[0], clerk));
  // An inactive manager is not an administrator who can sign in.
  Staff inactive = manager;
  inactive.active = false;
  CHECK(check_team_change(staff, nullptr, inactive));
}

TEST_CASE("team: the last administrator cannot be demoted, deactivated, deleted or lose the PIN") {
  const Staff admin = person("M001", Role::center_manager, "582046");
  const std::vector<Staff> staff = {admin, person("S001", Role::receptionist, "", 2)};
  Staff demoted = admin;
  demoted.role = Role::supervisor;
  Staff inactive = admin;
  inactive.active = false;
  Staff no_pin = admin;
  no_pin.pin_hash.clear(), no_pin.pin_salt.clear(), no_pin.pin_iterations = 0;
  Staff deleted = tombstone_record(admin, actor("M001"));
  for (const Staff* after : {&demoted, &inactive, &no_pin, &deleted}) {
    auto e = check_team_change(staff, &admin, *after);
    REQUIRE(e);
    CHECK(e->message.zh.find("最后一位") != std::string::npos);
  }
  // With a second signing administrator each of these is allowed.
  std::vector<Staff> two = staff;
  two.push_back(person("M002", Role::project_manager, "730419", 3));
  for (const Staff* after : {&demoted, &inactive, &no_pin, &deleted})
    CHECK_FALSE(check_team_change(two, &admin, *after));
  // A change of the administrator's phone is fine.
  Staff phone = admin;
  phone.phone = "13800000000";
  CHECK_FALSE(check_team_change(staff, &admin, phone));
}

TEST_CASE("team: staff codes are unique among records that are not deleted") {
  const std::vector<Staff> staff = {person("M001", Role::center_manager, "582046")};
  Staff twin = person("M001", Role::receptionist, "", 2);
  auto e = check_team_change(staff, nullptr, twin);
  REQUIRE(e);
  CHECK(e->where == "code");
  CHECK(e->message.zh.find("M001") != std::string::npos);
  CHECK(e->message.zh.find(staff[0].meta.id) != std::string::npos);
  // The record itself keeps its code; a deleted namesake frees it.
  CHECK_FALSE(check_team_change(staff, &staff[0], staff[0]));
  std::vector<Staff> with_deleted = {person("S009", Role::receptionist)};
  with_deleted[0] = tombstone_record(with_deleted[0], actor("M001"));
  CHECK_FALSE(check_team_change(with_deleted, nullptr, person("S009", Role::receptionist, "", 4)));
}

TEST_CASE("team: PIN policy — 6 to 8 digits, nothing trivial, not the staff number") {
  for (const char* bad : {"12345", "123456789", "12a456", "", "000000", "111111", "123456", "654321", "012345",
                          "121212", "123123", "99999999", "23456789"})
    CHECK(check_pin_policy(bad, "S001"));
  CHECK(check_pin_policy("200107", "M200107"));  // the staff number's digits
  CHECK(check_pin_policy("820019", "S820019"));
  for (const char* good : {"582046", "730419", "9051736", "48213065"}) CHECK_FALSE(check_pin_policy(good, "S001"));
  CHECK_FALSE(check_pin_policy("190358", "S001"));  // the code's digits are not in it
}

TEST_CASE("team: the recovery code is 16 Crockford characters and matches only itself") {
  const std::uint8_t bits[10] = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x0f, 0xa5};
  const std::string code = make_recovery_code(bits);
  REQUIRE(code.size() == 19);
  CHECK(code[4] == '-');
  CHECK(code.find_first_of("ILOU") == std::string::npos);
  const RecoveryKey key = hash_recovery_code(code, kSalt, kPinIterationsMin);
  CHECK(key.hash.find(normalize_recovery_code(code)) == std::string::npos);
  CHECK(recovery_matches(key, code));
  std::string lower = normalize_recovery_code(code);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(recovery_matches(key, lower));  // typed in lower case, without dashes
  std::string wrong = code;
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  CHECK_FALSE(recovery_matches(key, wrong));
  CHECK_FALSE(recovery_matches(RecoveryKey{}, code));
  CHECK(normalize_recovery_code("o1l-i") == "0111");
}

TEST_CASE("team: the first administrator needs a manager role, a good PIN typed twice") {
  FirstAdmin f{"王经理", "M001", Role::center_manager, "582046", "582046"};
  auto ok = first_admin(f, kSalt, kPinIterationsMin);
  REQUIRE(ok.ok());
  CHECK(is_admin(ok->role));
  CHECK(pin_matches(ok.value(), "582046"));
  FirstAdmin clerk = f;
  clerk.role = Role::receptionist;
  CHECK(error_for(first_admin(clerk, kSalt).errors(), "role"));
  FirstAdmin differ = f;
  differ.pin_again = "582047";
  CHECK(error_for(first_admin(differ, kSalt).errors(), "pin_again"));
  FirstAdmin trivial = f;
  trivial.pin = trivial.pin_again = "123456";
  CHECK(error_for(first_admin(trivial, kSalt).errors(), "pin"));
  FirstAdmin nameless = f;
  nameless.name = " ";
  CHECK(error_for(first_admin(nameless, kSalt).errors(), "name"));
}

TEST_CASE("team: PINs never leave the desk — not in the record, not in its history, in any export") {
  Staff admin = person("M001", Role::center_manager, "582046");
  // A later PIN change, recorded in the history.
  Staff changed = with_pin(admin, "730419", kSalt, kPinIterationsMin).value();
  Staff revised = revise_record(admin, changed, actor("M001"));
  for (const auto& c : revised.meta.history)
    for (const auto& f : c.changes)
      if (f.field.starts_with("pin_")) CHECK(f.to.is_boolean());
  Dataset data;
  data.table<Staff>().upsert(revised);
  for (bool redact : {false, true}) {
    const std::string out = export_document(data, {"site-A", "d1", morning(), {}, {}, redact});
    CHECK(out.find(revised.pin_hash) == std::string::npos);
    CHECK(out.find(revised.pin_salt) == std::string::npos);
    CHECK(out.find(admin.pin_hash) == std::string::npos);
    CHECK(out.find("\"pin_iterations\":" + std::to_string(kPinIterationsMin)) == std::string::npos);
    auto back = parse_export(out);
    REQUIRE(back.ok());
    const Staff* read = back->records.table<Staff>().find(revised.meta.id);
    REQUIRE(read);
    CHECK(read->pin_hash.empty());
    CHECK(read->code == revised.code);  // (the redacted export also cuts the name to the surname)
  }
}

TEST_CASE("team: PIN parameters from outside are the ones this app writes") {
  Staff s = person("M001", Role::center_manager, "582046");
  CHECK(validate(s).empty());
  Staff slow = s;
  slow.pin_iterations = 1'000'000'000;
  CHECK(error_for(validate(slow), "pin_hash"));
  CHECK_FALSE(pin_matches(slow, "582046"));  // never hashes a billion times
  Staff weak = s;
  weak.pin_iterations = 1;
  CHECK(error_for(validate(weak), "pin_hash"));
  Staff junk = s;
  junk.pin_hash = "not hex";
  CHECK(error_for(validate(junk), "pin_hash"));
}

TEST_CASE("team: staff changes from a file that need an administrator's approval") {
  const Staff clerk = person("S001", Role::receptionist);
  Staff raised = revise_record(
      clerk,
      [&] {
        Staff r = clerk;
        r.role = Role::project_manager;
        return r;
      }(),
      actor("S001"));
  auto what = staff_change_needing_approval(&clerk, raised);
  REQUIRE(what);
  CHECK(what->zh.find("项目经理") != std::string::npos);
  CHECK(staff_change_needing_approval(nullptr, person("S002", Role::project_manager, "", 2))->zh.find("新增员工") == 0);
  CHECK(staff_change_needing_approval(&clerk, tombstone_record(clerk, actor("S001")))->zh.find("删除员工") == 0);
  Staff inactive = clerk;
  inactive.active = false;
  CHECK(staff_change_needing_approval(&clerk, revise_record(clerk, inactive, actor("M001"))));
  // A new phone number applies without approval; an older version too (the merge keeps ours).
  Staff phone = clerk;
  phone.phone = "13800000000";
  CHECK_FALSE(staff_change_needing_approval(&clerk, revise_record(clerk, phone, actor("M001"))));
  CHECK_FALSE(staff_change_needing_approval(&raised, clerk));
  // The file's PIN fields are never taken.
  Staff forged = with_pin(raised, "582046", kSalt, kPinIterationsMin).value();
  const Staff local = with_local_pin(forged, &clerk);
  CHECK(local.pin_hash == clerk.pin_hash);
  CHECK(with_local_pin(forged, nullptr).pin_hash.empty());
}

TEST_CASE("team: the desk's own security state survives a round trip and a damaged file") {
  DeskSecurity s;
  s.admin_established = true;
  s.recovery = hash_recovery_code("7K2M-Q9XD-4HRT-B1NW", kSalt, kPinIterationsMin);
  s.guard.by_code["S001"] = {3, std::nullopt};
  s.guard.by_code["M001"] = {5, Timestamp{morning().ms + kLockout}};
  s.idle_minutes = 20;
  CHECK(security_from_json(security_to_json(s)) == s);
  const DeskSecurity defaults = security_from_json(json::parse("[1,2]"));
  CHECK_FALSE(defaults.admin_established);
  CHECK(defaults.idle_minutes == kIdleSignOutMinutes);
  json bad = security_to_json(s);
  bad["guard"]["S001"]["failures"] = 99;
  bad["recovery"]["iterations"] = 1'000'000'000;
  const DeskSecurity clamped = security_from_json(bad);
  CHECK(clamped.guard.by_code.at("S001").failures == kMaxPinFailures);
  CHECK(clamped.recovery->iterations <= kPinIterationsMax);
}

TEST_CASE("roles: every action has a label and a code, and at least one role may do it") {
  for (const auto& e : enum_entries(Action{})) {
    INFO(e.code);
    CHECK(std::string(e.zh).size() > 0);
    CHECK(std::string(e.en).size() > 0);
    CHECK_FALSE(roles_allowed(e.value).empty());
  }
  // Every enumerator up to the last one is in the table (a missing label read 「?」).
  for (int a = 0; a < static_cast<int>(Action::action_count_); ++a) {
    INFO(a);
    CHECK(enum_entry(static_cast<Action>(a)) != nullptr);
  }
}

TEST_CASE("roles: data leaves the desk only with a role that may take it") {
  CHECK(may(Role::supervisor, Action::export_full));
  CHECK_FALSE(may(Role::receptionist, Action::export_full));
  CHECK(may(Role::receptionist, Action::export_redacted));
  CHECK_FALSE(may(Role::guard, Action::export_redacted));
  CHECK_FALSE(may(Role::technician, Action::export_redacted));
  CHECK(may(Role::technician, Action::print_documents));
  CHECK_FALSE(may(Role::guard, Action::print_documents));
  CHECK(may(Role::manager_assistant, Action::export_statistics));
  CHECK_FALSE(may(Role::receptionist, Action::export_statistics));
  CHECK_FALSE(may(Role::receptionist, Action::import_data));
  CHECK(check_permission(Role::receptionist, Action::view_team_training)->message.zh.find("「?」") ==
        std::string::npos);
}

TEST_CASE("csv: a cell a spreadsheet would run as a formula is made inert; numbers stay numbers") {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"=HYPERLINK(\"http://x\",\"点我\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""},
      {"+1+2", "\"'+1+2\""},
      {"-2+3", "\"'-2+3\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"\tcmd", "\"'\tcmd\""},
      {"\rcmd", "\"'\rcmd\""},
      {"3栋-0303", "\"3栋-0303\""},
      {"-5", "\"-5\""},
      {"+12.5", "\"+12.5\""},
      {"97.5%", "\"97.5%\""},
      {"", "\"\""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(csv_field(c.in) == c.out);
  }
}

TEST_CASE("print: every printed page forbids scripts") {
  Repair r;
  r.requester = "<script>alert(1)</script>";
  r.unit = "3栋";
  const std::string sheet = repair_sheet_html(r, "<b>项目</b>");
  CHECK(sheet.find("Content-Security-Policy") != std::string::npos);
  CHECK(sheet.find("default-src 'none'") != std::string::npos);
  CHECK(sheet.find("<script>") == std::string::npos);
  CHECK(sheet.find("<b>项目</b>") == std::string::npos);
  const MonthlyStats s = monthly_stats(Dataset{}, "site-A", 2026, 11, morning());
  CHECK(stats_html(s, "<img src=x onerror=alert(1)>").find("<img") == std::string::npos);
  CHECK(stats_html(s, "t").find("default-src 'none'") != std::string::npos);
}
