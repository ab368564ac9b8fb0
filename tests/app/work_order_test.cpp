// 工单号 and the printed 报修单/派工单 (issue 13 item 9).
#include <catch2/catch.hpp>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"
#include "core/work_order_sheet.hpp"
#include "held_persist.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Repair draft(Timestamp at) {
  Repair r;
  r.received_at = at;
  r.requester = "王珺";
  r.unit = "3栋-1202";
  r.phone = "13812345678";
  r.description = "厨房水龙头漏水";
  r.received_by = "S001";
  return r;
}
Repair with_no(const std::string& no) {
  Repair r;
  r.order_no = no;
  return r;
}
}  // namespace

TEST_CASE("(rule) work_order_number: the month and one more than its highest number") {
  const Timestamp dec = parse_local("2026-12-03 09:00").value();
  CHECK(next_work_order_number({}, dec) == "2026-12-0001");
  const std::vector<Repair> known = {with_no("2026-12-0041"), with_no("2026-12-0007"),
                                     with_no("2026-11-0099"), with_no(""),
                                     with_no("2026-12-abc"),  with_no("2026-12-0042")};
  CHECK(next_work_order_number(known, dec) == "2026-12-0043");
  CHECK(next_work_order_number(known, parse_local("2027-01-01 00:10").value()) == "2027-01-0001");
  CHECK(next_work_order_number({with_no("2026-12-9999")}, dec) == "2026-12-10000");
}

TEST_CASE("desk: a new repair gets the next number once, and keeps it through edits") {
  HeldPersist persist;
  Desk desk(fresh_dir("work-order-no"), persist.fn());
  desk.load();
  const Timestamp at = parse_local("2026-12-03 09:00").value();
  REQUIRE(desk.save(draft(at), actor_as(Role::receptionist, at)).empty());
  persist.finish();
  REQUIRE(desk.save(draft(at + kHour), actor_as(Role::receptionist, at + kHour, "S001", 2)).empty());
  persist.finish();
  const auto& rows = desk.data().table<Repair>().rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].order_no == "2026-12-0001");
  CHECK(rows[1].order_no == "2026-12-0002");
  // An edit cannot change the number (the field is the desk's, not the form's).
  Repair edited = rows[0];
  edited.order_no = "2026-12-0999";
  edited.description = "厨房水龙头漏水，已关总阀";
  REQUIRE(desk.save(edited, actor_as(Role::receptionist, at + 2 * kHour)).empty());
  persist.finish();
  CHECK(desk.data().table<Repair>().find(edited.meta.id)->order_no == "2026-12-0001");
  CHECK(desk.data().table<Repair>().find(edited.meta.id)->description == "厨房水龙头漏水，已关总阀");
}

TEST_CASE("the work-order sheet: number, project, 受理人, materials and fees, A5 or A4") {
  Repair r = draft(parse_local("2026-12-03 09:00").value());
  r.order_no = "2026-12-0042";
  r.paid = true;
  r.quote = "更换阀芯，人工 30 元，材料 25 元";
  r.fee = Money{5500};
  r.materials = MaterialsBy::engineering;
  r.accepted_at = parse_local("2026-12-03 15:00").value();
  const std::string a5 = repair_sheet_html(r, SheetOptions{"翠湖花园", "S001 张丽", "", Paper::a5});
  CHECK(a5.find("工单号 2026-12-0042") != std::string::npos);
  CHECK(a5.find("项目：翠湖花园") != std::string::npos);
  CHECK(a5.find("S001 张丽") != std::string::npos);
  CHECK(a5.find("工程部提供（收费）") != std::string::npos);
  CHECK(a5.find("55.00 元") != std::string::npos);
  CHECK(a5.find("2026-12-03 15:00") != std::string::npos);  // 验收时间
  CHECK(a5.find("size:A5") != std::string::npos);
  const std::string a4 = repair_sheet_html(r, SheetOptions{"翠湖花园", "", "", Paper::a4});
  CHECK(a4.find("size:A4") != std::string::npos);
  CHECK(a4.find("<td>S001</td>") != std::string::npos);  // the stored code when no name is given
  // Unpaid work prints no fee rows.
  r.paid = false;
  CHECK(repair_sheet_html(r, SheetOptions{}).find("收费合计") == std::string::npos);
  // A repair from before numbers existed prints its record id instead.
  r.order_no.clear();
  r.meta.id = "R-OLD-1";
  CHECK(repair_sheet_html(r, SheetOptions{}).find("工单号 R-OLD-1") != std::string::npos);
}
