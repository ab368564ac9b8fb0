// 来电/来访历史 (issue 13 item 6): a caller's earlier records across modules.
#include "core/caller_history.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

TEST_CASE("(rule) caller_history: same phone digits or same unit, every module, newest first, open marked") {
  Dataset data;
  Complaint c;
  c.meta.id = "C1";
  c.meta.created_at = morning();
  c.unit = "3栋-1202";
  c.phone = "13812345678";
  c.content = "楼道灯坏了";
  c.received_by = "S001";
  data.table<Complaint>().upsert(c);
  Repair r;
  r.meta.id = "R1";
  r.meta.created_at = morning() + kDay;
  r.unit = "３栋－１２０２";  // typed with full-width digits and dash
  r.phone = "";
  r.status = RepairStatus::accepted;
  data.table<Repair>().upsert(r);
  KeyLoan k;
  k.meta.id = "K1";
  k.meta.created_at = morning() + 2 * kDay;
  k.key = "3栋-1202";
  data.table<KeyLoan>().upsert(k);
  Visit v;
  v.meta.id = "V1";
  v.meta.created_at = morning() + 3 * kDay;
  v.phone = "138-1234-5678";
  v.unit = "5栋-0101";
  data.table<Visit>().upsert(v);
  Visit other;
  other.meta.id = "V2";
  other.meta.created_at = morning() + 4 * kDay;
  other.phone = "13900000000";
  other.unit = "3栋-1203";
  data.table<Visit>().upsert(other);
  Complaint gone = c;
  gone.meta.id = "C0";
  gone.meta.deleted = true;
  data.table<Complaint>().upsert(gone);

  const auto hits = caller_history(data, "13812345678", "3栋-1202", "");
  REQUIRE(hits.size() == 4);
  CHECK(hits[0].id == "V1");  // newest first
  CHECK(hits[0].by_phone);
  CHECK_FALSE(hits[0].by_unit);
  CHECK(hits[1].id == "K1");
  CHECK(hits[1].open);  // a key still out
  CHECK(hits[2].id == "R1");
  CHECK_FALSE(hits[2].open);  // accepted
  CHECK(hits[3].id == "C1");
  CHECK(hits[3].open);
  CHECK(hits[3].by_phone);
  CHECK(hits[3].by_unit);
  // The record being edited is left out; the limit keeps the newest.
  CHECK(caller_history(data, "13812345678", "3栋-1202", "V1").size() == 3);
  CHECK(caller_history(data, "13812345678", "3栋-1202", "", 2).size() == 2);
  // Too short a number, and a blank unit, match nothing.
  CHECK(caller_history(data, "1234", "", "").empty());
  CHECK(caller_history(data, "", "  ", "").empty());
  CHECK(phone_key("138 1234 5678") == "13812345678");
  CHECK(unit_key(" ３栋－１２０２ ") == "3栋-1202");
  CHECK(unit_key("Ｂ栋－１２０２") == unit_key("b栋-1202"));  // full-width capitals fold like ASCII ones
}
