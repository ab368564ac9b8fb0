#include "core/plans.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/fields.hpp"

using namespace desk;

namespace {

std::string shipped_plans() {
  std::ifstream in(std::string(DESK_SOURCE_DIR) + "/assets/plans.json", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<EmergencyPlan> plans() {
  auto parsed = parse_plans(shipped_plans());
  REQUIRE(parsed.ok());
  return parsed.value();
}

// The shipped file with one change made to its JSON, parsed again.
template <class Edit>
Errors refused_after(Edit edit) {
  json doc = json::parse(shipped_plans());
  edit(doc);
  auto parsed = parse_plans(doc.dump());
  REQUIRE_FALSE(parsed.ok());
  return parsed.errors();
}

json& plan_json(json& doc, const std::string& code) {
  for (auto& p : doc["plans"])
    if (p["code"] == code) return p;
  FAIL("no plan " << code);
  return doc;
}

// 2026-08-14 10:00 at the site: typhoon signal 1 hoisted.
const Timestamp kSignal = from_civil({2026, 8, 14, 10, 0});

Timestamp after(int minutes, int seconds = 0) {
  return kSignal + minutes * kMinute + seconds * 1000;
}

}  // namespace

TEST_CASE("plans: the shipped plans parse, one per kind of incident (SPEC §8)") {
  const auto all = plans();
  for (const char* code : {"typhoon_1", "typhoon_2", "typhoon_3", "typhoon_4", "typhoon_lifted", "rainstorm_1",
                           "rainstorm_2", "rainstorm_3", "rainstorm_after", "earthquake", "fire", "pipe_burst",
                           "sewage_overflow", "water_outage", "power_outage", "lift_entrapment", "fire_alarm"}) {
    INFO(code);
    const EmergencyPlan* p = find_plan(all, code);
    REQUIRE(p);
    CHECK_FALSE(p->items.empty());
    for (const auto& item : p->items) {
      CHECK_FALSE(item.zh.empty());
      CHECK_FALSE(item.source.empty());
    }
  }
  CHECK(all.size() == 17);
}

TEST_CASE("plans: typhoon signal 1 notice within 30 minutes, signal 3 all staff and the manager 24 h (SPEC §8)") {
  const auto all = plans();
  const PlanItem* notice = find_plan(all, "typhoon_1")->item("notice");
  REQUIRE(notice);
  CHECK(notice->minutes == kTyphoonNoticeMinutes);
  CHECK(notice->zh.find("半小时内") != std::string::npos);
  CHECK(notice->role == PlanRole::service_center);
  const EmergencyPlan* t3 = find_plan(all, "typhoon_3");
  CHECK(t3->level == IncidentLevel::major);
  CHECK(find_plan(all, "typhoon_1")->level == IncidentLevel::general);
  REQUIRE(t3->item("all_staff_standby"));
  CHECK(t3->item("all_staff_standby")->role == PlanRole::all_staff);
  REQUIRE(t3->item("manager_24h"));
  CHECK(t3->item("manager_24h")->role == PlanRole::center_manager);
}

TEST_CASE("plans: seeds' wording and sources — seed 000 for weather, 003 for cleaning, spec for the general kinds") {
  const auto all = plans();
  CHECK(find_plan(all, "rainstorm_1")->source == "000");
  CHECK(find_plan(all, "pipe_burst")->source == "003");
  CHECK(find_plan(all, "pipe_burst")->item("close_valve")->zh == "迅速关闭水阀并迅速通知保安和维修人员前来相助");
  CHECK(find_plan(all, "sewage_overflow")->items.size() == 4);
  CHECK(find_plan(all, "rainstorm_after")->item("sweep_zones")->source == "003");  // item overrides the plan
  for (const char* code : {"water_outage", "power_outage", "lift_entrapment", "fire_alarm"})
    CHECK(find_plan(all, code)->source == "spec");
  // Seed 002: urgent repairs on site within 15 minutes of the call.
  CHECK(find_plan(all, "lift_entrapment")->item("technician_on_site")->minutes == 15);
}

TEST_CASE("plans: broken plan files are refused with the plan code and item id named") {
  SECTION("duplicate plan code") {
    const Errors e = refused_after([](json& d) { plan_json(d, "typhoon_2")["code"] = "typhoon_1"; });
    REQUIRE(error_for(e, "plans[typhoon_1].code"));
    CHECK(error_for(e, "plans[typhoon_1].code")->message.en == "duplicate plan code: typhoon_1");
  }
  SECTION("duplicate item id") {
    const Errors e = refused_after([](json& d) { plan_json(d, "typhoon_2")["items"][1]["id"] = "advise_customers"; });
    CHECK(error_for(e, "plans[typhoon_2].items[advise_customers].id"));
  }
  SECTION("empty Chinese text") {
    const Errors e = refused_after([](json& d) { plan_json(d, "fire")["items"][0]["zh"] = " \xE3\x80\x80 "; });
    REQUIRE(error_for(e, "plans[fire].items[call_119].zh"));
    CHECK(error_for(e, "plans[fire].items[call_119].zh")->message.zh == "文字不能为空");
  }
  SECTION("unknown role") {
    const Errors e = refused_after([](json& d) { plan_json(d, "fire")["items"][0]["role"] = "firefighter"; });
    REQUIRE(error_for(e, "plans[fire].items[call_119].role"));
    CHECK(error_for(e, "plans[fire].items[call_119].role")->message.en.find("guard") != std::string::npos);
  }
  SECTION("negative time limit") {
    const Errors e = refused_after([](json& d) { plan_json(d, "typhoon_1")["items"][0]["minutes"] = -5; });
    CHECK(error_for(e, "plans[typhoon_1].items[notice].minutes"));
  }
  SECTION("time limit that is not a whole number") {
    const Errors e = refused_after([](json& d) { plan_json(d, "typhoon_1")["items"][0]["minutes"] = 29.5; });
    CHECK(error_for(e, "plans[typhoon_1].items[notice].minutes"));
  }
  SECTION("unknown keys in an item, a plan and the document") {
    const Errors e = refused_after([](json& d) {
      plan_json(d, "typhoon_1")["items"][0]["colour"] = "red";
      plan_json(d, "fire")["extra"] = 1;
      d["author"] = "x";
    });
    CHECK(error_for(e, "plans[typhoon_1].items[notice].colour"));
    CHECK(error_for(e, "plans[fire].extra"));
    CHECK(error_for(e, "author"));
  }
  SECTION("missing text, bad code, unknown level, bad source, empty checklist") {
    const Errors e = refused_after([](json& d) {
      plan_json(d, "earthquake")["items"][1].erase("zh");
      plan_json(d, "earthquake")["items"][2]["id"] = "Cut Sources";
      plan_json(d, "fire")["level"] = "huge";
      plan_json(d, "pipe_burst")["source"] = "seed three";
      plan_json(d, "fire_alarm")["items"] = json::array();
    });
    CHECK(error_for(e, "plans[earthquake].items[rescue_standby].zh"));
    CHECK(error_for(e, "plans[earthquake].items[2].id"));
    CHECK(error_for(e, "plans[fire].level"));
    CHECK(error_for(e, "plans[pipe_burst].source"));
    CHECK(error_for(e, "plans[fire_alarm].items"));
  }
  SECTION("not this format, not JSON, truncated") {
    auto p = parse_plans(R"({"format":"desk.duties","version":1,"plans":[]})");
    REQUIRE_FALSE(p.ok());
    CHECK(error_for(p.errors(), "format"));
    p = parse_plans("not json");
    REQUIRE_FALSE(p.ok());
    CHECK(error_for(p.errors(), "文件"));
    const std::string text = shipped_plans();
    CHECK_FALSE(parse_plans(std::string_view(text).substr(0, text.size() / 2)).ok());
    p = parse_plans(R"({"format":"desk.plans","version":2,"plans":[]})");
    REQUIRE_FALSE(p.ok());
    CHECK(error_for(p.errors(), "version"));
  }
}

TEST_CASE("plans: typhoon notice at 29:59 and 30:00 is met, at 30:01 missed (SPEC §8)") {
  const EmergencyPlan plan = *find_plan(plans(), "typhoon_1");
  auto status_with_tick = [&](Timestamp tick) {
    const auto s = checklist_deadlines(plan, kSignal, Ticks{{"notice", tick}}, after(60));
    REQUIRE(s.size() == 1);  // the only timed item
    CHECK(s[0].item_id == "notice");
    return s[0].status;
  };
  CHECK(status_with_tick(after(29, 59)) == DeadlineStatus::met);
  CHECK(status_with_tick(after(30)) == DeadlineStatus::met);
  CHECK(status_with_tick(after(30, 1)) == DeadlineStatus::missed);
  CHECK(deadline_status(typhoon_notice_deadline(kSignal, after(30)), after(60)) == DeadlineStatus::met);
  CHECK(deadline_status(typhoon_notice_deadline(kSignal, after(30, 1)), after(60)) == DeadlineStatus::missed);
}

TEST_CASE("plans: an unticked typhoon notice is due soon in its last 10 minutes and overdue after 30") {
  const EmergencyPlan plan = *find_plan(plans(), "typhoon_1");
  const Ticks other{{"check_tools", after(5)}};  // ticking an untimed item changes nothing
  auto status_at = [&](Timestamp now) { return checklist_deadlines(plan, kSignal, other, now).at(0).status; };
  CHECK(status_at(after(0)) == DeadlineStatus::not_due);
  CHECK(status_at(after(19, 59)) == DeadlineStatus::not_due);
  CHECK(status_at(after(20)) == DeadlineStatus::due_soon);
  CHECK(status_at(after(30)) == DeadlineStatus::due_soon);
  CHECK(status_at(after(30, 1)) == DeadlineStatus::overdue);
  CHECK(status_at(after(31)) == DeadlineStatus::overdue);
  CHECK(checklist_deadlines(plan, kSignal, other, after(31)).at(0).deadline.due == after(30));
}

TEST_CASE("plans: item deadlines count from the incident start; untimed items have none") {
  const auto all = plans();
  const EmergencyPlan& lift = *find_plan(all, "lift_entrapment");
  const Timestamp start = from_civil({2026, 12, 31, 23, 50});
  const auto d = item_deadline(*lift.item("technician_on_site"), start, std::nullopt);
  REQUIRE(d);
  CHECK(to_civil(d->due) == CivilTime{2027, 1, 1, 0, 5});
  CHECK_FALSE(item_deadline(*lift.item("reassure"), start, std::nullopt));
  CHECK(checklist_deadlines(*find_plan(all, "fire"), start, {}, start).empty());
}

TEST_CASE("plans: ticks must name items of the plan and come after the start") {
  const EmergencyPlan plan = *find_plan(plans(), "typhoon_1");
  CHECK(validate_ticks(plan, kSignal, Ticks{{"notice", after(3)}}).empty());
  const Errors e = validate_ticks(plan, kSignal, Ticks{{"nonsense", after(3)}, {"check_tools", after(-1)}});
  CHECK(error_for(e, "typhoon_1.nonsense"));
  CHECK(error_for(e, "typhoon_1.check_tools"));
}
