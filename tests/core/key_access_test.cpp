// 钥匙借用 (SPEC §6) and 出入登记 (SPEC §7).
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/access.hpp"
#include "core/key_loan.hpp"
#include "core/todo.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
KeyLoan loan() {
  KeyLoan k;
  k.key = "9栋-1101";
  k.borrower = "王师傅";
  k.purpose = "空置房查看渗水";
  k.out_at = morning();
  k.expected_return = morning() + 2 * kHour;
  k.lent_by = "S001";
  return k;
}
AccessEntry entry() {
  AccessEntry e;
  e.time_in = morning();
  e.person = "陈先生";
  e.id_number = "440301199001011234";
  e.visiting_person = "刘主任";
  e.visiting_department = "行政办公室";
  e.logged_by = "G01";
  e.id_handling_ms = 18'000;
  return e;
}
}  // namespace

TEST_CASE("keys: a contractor never borrows directly — a staff member borrows and is responsible") {
  auto k = loan();
  k.contractor = true;
  CHECK(error_for(validate(k), "responsible_staff"));
  k.responsible_staff = "S002";
  CHECK(validate(k).empty());
}

TEST_CASE("keys: returned with power off and windows closed confirmed; not returned is overdue") {
  auto k = create_checked(loan(), actor_as(Role::guard)).value();
  auto refused = perform(k, k, KeyLoanAction::give_back, actor_as(Role::guard, morning() + kHour));
  REQUIRE_FALSE(refused.ok());
  CHECK(error_for(refused.errors(), "power_off"));
  CHECK(error_for(refused.errors(), "windows_closed"));
  CHECK(deadline_status(*key_return_deadline(k), morning() + 2 * kHour + 1) == DeadlineStatus::overdue);
  KeyLoan d = k;
  d.power_off = d.windows_closed = true;
  auto back = perform(k, d, KeyLoanAction::give_back, actor_as(Role::guard, morning() + 3 * kHour)).value();
  CHECK(deadline_status(*key_return_deadline(back), morning() + 4 * kHour) == DeadlineStatus::missed);
  CHECK_FALSE(is_open(back));
  CHECK_FALSE(perform(k, k, KeyLoanAction::give_back, actor_as(Role::technician)).ok());
}

TEST_CASE("keys: lost or damaged is reported to the supervisor") {
  auto k = create_checked(loan(), actor_as(Role::receptionist)).value();
  CHECK_FALSE(perform(k, k, KeyLoanAction::report_lost, actor_as(Role::receptionist)).ok());
  KeyLoan d = k;
  d.reported_to_supervisor = true;
  CHECK(perform(k, d, KeyLoanAction::report_lost, actor_as(Role::receptionist))->status == KeyLoanStatus::lost);
}

TEST_CASE("access: without ID the host is phoned (number recorded) or escorts the visitor") {
  auto e = entry();
  e.id_type = IdType::none;
  e.id_number.clear();
  CHECK(error_for(validate(e), "no_id_check"));
  e.no_id_check = NoIdCheck::host_phoned;
  CHECK(error_for(validate(e), "host_phone"));
  e.host_phone = "0755-82345678";
  CHECK(validate(e).empty());
  e.no_id_check = NoIdCheck::host_escorts;
  CHECK(error_for(validate(e), "escort"));
  e.escort = "刘主任";
  CHECK(validate(e).empty());
  e.official = Official::police;  // officials show their ID
  CHECK(error_for(validate(e), "id_type"));
}

TEST_CASE("access: contractors need a pass; one ID registers a group") {
  auto e = entry();
  e.contractor = true;
  e.visiting_person.clear();
  e.visiting_department.clear();
  CHECK(error_for(validate(e), "pass_number"));
  e.pass_number = "SG-2026-118";
  e.group_size = 6;
  CHECK(validate(e).empty());
  e.group_size = 0;
  CHECK(error_for(validate(e), "group_size"));
}

TEST_CASE("access: ID handled within 25 seconds; the desk sees the median") {
  auto e = entry();
  e.id_handling_ms = 25'000;
  CHECK(id_handling_within_standard(e));
  e.id_handling_ms = 25'001;
  CHECK_FALSE(id_handling_within_standard(e));
  std::vector<AccessEntry> all;
  for (std::int64_t ms : {30'000, 10'000, 20'000}) {
    auto x = entry();
    x.id_handling_ms = ms;
    all.push_back(x);
  }
  CHECK(median_id_handling_ms(all) == 20'000);
  all.push_back(entry());  // 18 000
  CHECK(median_id_handling_ms(all) == 19'000);
  auto no_id = entry();
  no_id.id_type = IdType::none;
  CHECK_FALSE(median_id_handling_ms(std::vector<AccessEntry>{no_id}));
}

TEST_CASE("access: ID numbers are masked for lists and training exports") {
  CHECK(mask_id_number("440301199001011234") == "4403**********1234");
  CHECK(mask_id_number("1234567") == "*******");
}

TEST_CASE("keys: the daily register check lists every key still out, not only overdue ones (issue 14 item 10)") {
  Dataset data;
  KeyLoan late = loan();  // out since 09:00, due back 11:00
  late.meta.id = "K1";
  KeyLoan fresh = loan();  // out since 14:00, due back 18:00
  fresh.meta.id = "K2";
  fresh.key = "3栋-0502";
  fresh.borrower = "李工";
  fresh.contractor = true;
  fresh.responsible_staff = "S002";
  fresh.out_at = morning() + 5 * kHour;
  fresh.expected_return = morning() + 9 * kHour;
  KeyLoan back = loan();
  back.meta.id = "K3";
  back.status = KeyLoanStatus::returned;
  back.returned_at = morning() + kHour;
  for (KeyLoan k : {fresh, late, back}) {
    k.meta.created_at = k.out_at;  // the desk's first day: no earlier check was missed
    data.table<KeyLoan>().upsert(k);
  }

  const Timestamp now = morning() + 6 * kHour;  // 15:00: K1 overdue, K2 not yet due
  const auto out = keys_out(data.table<KeyLoan>().rows());
  REQUIRE(out.size() == 2);
  CHECK(out[0]->meta.id == "K1");  // oldest first
  CHECK(key_out_line(*out[0], now).zh ==
        "9栋-1101 · 王师傅 · 责任人 S001 · 借出 " + format_local(morning()).substr(5) + " · 已逾期");
  CHECK(key_out_line(*out[1], now).zh.find("李工（施工） · 责任人 S002") != std::string::npos);
  CHECK(key_out_line(*out[1], now).zh.find("逾期") == std::string::npos);

  // Ticking the check records who checked, and what was out then.
  const DutyLog check = key_register_check(out, "S005", now);
  CHECK(check.duty == "key_register_check");
  CHECK(check.done_by == "S005");
  CHECK(check.done_at == now);
  CHECK(check.note.find("未收回 2 把") == 0);
  CHECK(check.note.find("3栋-0502") != std::string::npos);
  CHECK(validate(check).empty());
  CHECK(key_register_check({}, "S005", now).note == "钥匙已全部收回");

  // In Today all day while keys are out (not only from the due-soon hour), listing them.
  const DutyRule rule{"key_register_check", "检查钥匙登记表", "Key register check", PeriodUnit::day, 1, 1};
  std::vector<DutyRule> duties{rule};
  duties[0].lists = "keys_out";
  TodoOptions o;
  o.duties = &duties;
  auto items = todo(data, now, o);
  const auto it =
      std::find_if(items.begin(), items.end(), [](const TodoItem& t) { return t.rule == "recurring_duty"; });
  REQUIRE(it != items.end());
  CHECK(it->waiting);
  CHECK(it->subject.find("0/1 · 未收回 2 把") == 0);
  CHECK(it->subject.find("王师傅") != std::string::npos);
  // Checked today: it leaves the list.
  data.table<DutyLog>().upsert([&] {
    DutyLog d = check;
    d.meta.id = "D1";
    return d;
  }());
  items = todo(data, now + kHour, o);
  CHECK(std::none_of(items.begin(), items.end(), [](const TodoItem& t) { return t.rule == "recurring_duty"; }));
}
