// 工作日历设置 (issue 14): the site's own calendar entries are records like
// any other — checked, role-guarded, with history, exported and merged — and
// the call deadline of a 24-hour promise follows them.
#include "core/calendar_override.hpp"

#include <catch2/catch.hpp>

#include "calendar_asset.hpp"
#include "core/exchange.hpp"
#include "core/todo.hpp"
#include "core/workflow.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
CalendarOverride entry(const std::string& date, DayKind kind, const std::string& name) {
  CalendarOverride c;
  c.date = date;
  c.kind = kind;
  c.name = name;
  c.note = "国务院办公厅通知";
  return c;
}
int next_unknown_year() {
  return *shipped_calendar().years.rbegin() + 1;
}
std::string in_year(int year, const char* month_day) {
  return std::to_string(year) + "-" + month_day;
}
}  // namespace

TEST_CASE("calendar override: a real date and a name; refused with a clear message") {
  CHECK(validate(entry("2027-02-06", DayKind::rest_day, "春节")).empty());
  for (const char* bad : {"2027-02-30", "2027/02/06", "27-02-06", "", "1999-12-31", "2101-01-01"}) {
    INFO(bad);
    const Errors errors = validate(entry(bad, DayKind::rest_day, "春节"));  // kept: error_for points into it
    const auto e = error_for(errors, "date");
    REQUIRE(e);
    CHECK(e->message.zh.find("YYYY-MM-DD") != std::string::npos);
  }
  CHECK(error_for(validate(entry("2027-02-06", DayKind::rest_day, "  ")), "name"));
}

TEST_CASE("calendar override: only a supervisor or above may enter one") {
  const auto draft = entry("2027-01-01", DayKind::rest_day, "元旦");
  auto refused = create_checked(draft, actor_as(Role::receptionist));
  REQUIRE_FALSE(refused);
  CHECK(refused.errors().front().message.zh.find("设置工作日历") != std::string::npos);
  CHECK_FALSE(create_checked(draft, actor_as(Role::technician)));
  auto made = create_checked(draft, actor_as(Role::supervisor));
  REQUIRE(made);
  CHECK(made->meta.history.size() == 1);
  CHECK(made->meta.history[0].action == "create");
  // An edit is in the history, with what changed.
  CalendarOverride edited = made.value();
  edited.kind = DayKind::working_day;
  auto revised = edit_checked(made.value(), edited, actor_as(Role::manager_assistant, morning() + kHour));
  REQUIRE(revised);
  REQUIRE(revised->meta.history.size() == 2);
  CHECK(revised->meta.history[1].changes.front().field == "kind");
}

TEST_CASE("(rule) calendar_override_one_per_date: a second entry for a date is refused") {
  const CalendarOverride first =
      create_record(entry("2027-01-01", DayKind::rest_day, "元旦"), actor_as(Role::supervisor));
  const std::vector<CalendarOverride> rows = {first};
  const auto second = check_override_unique(rows, nullptr, entry("2027-01-01", DayKind::working_day, "调休"));
  REQUIRE(second);
  CHECK(second->where == "date");
  CHECK(second->message.zh.find("已有") != std::string::npos);
  CHECK_FALSE(check_override_unique(rows, &first, first));  // editing the same one
  CHECK_FALSE(check_override_unique(rows, nullptr, entry("2027-01-02", DayKind::rest_day, "元旦")));
  CalendarOverride deleted = tombstone_record(first, actor_as(Role::supervisor, morning() + kHour));
  CHECK_FALSE(check_override_unique({deleted}, nullptr, entry("2027-01-01", DayKind::rest_day, "元旦")));
}

TEST_CASE("(rule) calendar_override_winner: two desks' entries for one date agree after merging") {
  CalendarOverride a = create_record(entry("2027-10-08", DayKind::rest_day, "国庆节"), actor("S001", morning(), 1));
  CalendarOverride b =
      create_record(entry("2027-10-08", DayKind::working_day, "国庆调休"), actor("S002", morning() + kHour, 2));
  const auto ab = live_overrides({a, b});
  const auto ba = live_overrides({b, a});
  REQUIRE(ab.size() == 1);
  CHECK(ab == ba);
  CHECK(ab[0].kind == DayKind::working_day);  // changed last
  // A deleted entry no longer counts; the other one decides.
  const auto without_b = live_overrides({a, tombstone_record(b, actor("S002", morning() + 2 * kHour, 3))});
  REQUIRE(without_b.size() == 1);
  CHECK(without_b[0].kind == DayKind::rest_day);
  // A stored entry with a date nobody can read is skipped, not fatal.
  CalendarOverride bad = a;
  bad.meta.id = "x";
  bad.date = "2027-13-01";
  CHECK(live_overrides({bad}).empty());
}

TEST_CASE("calendar override: exported and merged like any record") {
  Dataset d;
  const CalendarOverride c = create_record(entry("2027-02-06", DayKind::rest_day, "春节"), actor_as(Role::supervisor));
  d.table<CalendarOverride>().upsert(c);
  auto back = parse_export(export_document(d, {"site-A", "desk-1", morning(), {}, {}, false}));
  REQUIRE(back);
  REQUIRE(back->records.table<CalendarOverride>().size() == 1);
  CHECK(*back->records.table<CalendarOverride>().find(c.meta.id) == c);
  Dataset other;
  CHECK(merge_into(other, back->records) == 1);
  CHECK(merge_into(other, back->records) == 0);  // idempotent
  CHECK(record_type_label(CalendarOverride::kType).zh == "工作日历设置");
}

TEST_CASE("(rule) inquiry_call_next_working_day: an override for a year the package lacks moves the call") {
  const int year = next_unknown_year();
  // The last working day of the covered year, 17:40: without entries the call is on 2 January or later by weekdays.
  CalendarDate eve{year - 1, 12, 31};
  Visit v = sample_visit(from_civil({eve.year, eve.month, eve.day, 17, 40}));
  v.outcome = VisitOutcome::promised_24h;
  const SiteSchedule site{9 * 60};
  const WorkCalendar bare = site_calendar(shipped_calendar(), {});
  const Timestamp by_weekdays = inquiry_call_due(v, bare, site);
  CHECK(iso_weekday(date_of(by_weekdays)) <= 5);
  CHECK(to_civil(by_weekdays).hour == 9);
  // The supervisor enters 元旦 for the first two days of the year (rule: the entry wins).
  const std::vector<CalendarOverride> rows = {
      create_record(entry(in_year(year, "01-01"), DayKind::rest_day, "元旦"), actor("S001", morning(), 1)),
      create_record(entry(in_year(year, "01-02"), DayKind::rest_day, "元旦"), actor("S001", morning(), 2))};
  const WorkCalendar entered = site_calendar(shipped_calendar(), rows);
  const Timestamp after = inquiry_call_due(v, entered, site);
  CHECK(date_of(after) > CalendarDate{year, 1, 2});
  CHECK(entered.is_working_day(date_of(after)));
  CHECK(after == entered.next_working_day_start(v.time, site));
  // The 24-hour promise itself is hours, not working days: unchanged.
  CHECK(inquiry_promise_due(v) == v.time + 24 * kHour);
}

TEST_CASE("(rule) inquiry_call_next_working_day: both deadlines in the to-do list, for the receiver") {
  Dataset data;
  // Friday 17:40 before 清明 2026 (Saturday 04-04 … Monday 04-06 off).
  Visit v = sample_visit(from_civil({2026, 4, 3, 17, 40}));
  v.outcome = VisitOutcome::promised_24h;
  v.received_by = "S003";
  data.table<Visit>().upsert(create_record(v, actor()));
  const WorkCalendar calendar = site_calendar(shipped_calendar(), {});
  TodoOptions o;
  o.calendar = &calendar;
  o.include_not_due = true;
  o.schedule.shift_start = 8 * 60 + 30;
  const auto items = todo(data, from_civil({2026, 4, 3, 18, 0}), o);
  REQUIRE(items.size() == 2);
  CHECK(items[0].rule == "inquiry_promise_24h");
  CHECK(items[0].due == v.time + 24 * kHour);
  CHECK(items[1].rule == "inquiry_call_next_working_day");
  CHECK(items[1].due == from_civil({2026, 4, 7, 8, 30}));
  CHECK(items[1].owner == "S003");
  // Overdue once the first working hour has passed, gone once answered.
  const auto late = todo(data, from_civil({2026, 4, 7, 8, 31}), o);
  REQUIRE(late.size() == 2);
  CHECK(late[1].rule == "inquiry_call_next_working_day");
  CHECK(late[1].status == DeadlineStatus::overdue);
  Visit answered = data.table<Visit>().rows()[0];
  answered.follow_up_done = from_civil({2026, 4, 7, 8, 45});
  data.table<Visit>().upsert(revise_record(data.table<Visit>().rows()[0], answered, actor()));
  CHECK(todo(data, from_civil({2026, 4, 7, 9, 0}), o).empty());
  // No promise, no call.
  CHECK_FALSE(inquiry_call_deadline(sample_visit(), calendar, o.schedule));
}
