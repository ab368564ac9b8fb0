// The to-do list (one answer to "what is due or overdue now, for whom") and
// the monthly statistics with the report's flags (SPEC §11).
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/stats.hpp"
#include "core/todo.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
int seq = 0;
template <class R>
R with_id(R r, const std::string& site = "site-A", Timestamp created = morning()) {
  r.meta.id = "ID" + std::to_string(++seq);
  r.meta.site = site;
  r.meta.created_at = r.meta.updated_at = created;
  r.meta.revision = 1;
  return r;
}
Complaint complaint(const std::string& unit, const std::string& matter, Timestamp at) {
  Complaint c;
  c.received_at = at;
  c.unit = unit;
  c.matter = matter;
  c.content = matter;
  c.received_by = "S001";
  return with_id(c, "site-A", at);
}
Repair repair(const std::string& unit, FaultType f, Timestamp at) {
  Repair r;
  r.received_at = at;
  r.unit = unit;
  r.fault = f;
  r.description = "故障";
  r.received_by = "S001";
  return with_id(r, "site-A", at);
}
}  // namespace

TEST_CASE("todo: overdue first, then due soon, each for its owner or the center") {
  Dataset data;
  Visit promised = sample_visit(morning() + (-20 * kHour));  // due in 4 h: due soon
  promised.outcome = VisitOutcome::promised_24h;
  promised.received_by = "S002";
  data.table<Visit>().upsert(with_id(promised));
  Repair emergency = repair("1栋-0101", FaultType::electrical, morning() + (-20 * kMinute));  // 5 min late
  emergency.urgency = Urgency::emergency;
  emergency.status = RepairStatus::dispatched;
  emergency.technician = "T007";
  data.table<Repair>().upsert(with_id(emergency));
  KeyLoan key;
  key.key = "9栋-1101";
  key.borrower = "王师傅";
  key.out_at = morning() + (-3 * kHour);
  key.expected_return = morning() + (-kHour);
  key.lent_by = "S001";
  data.table<KeyLoan>().upsert(with_id(key));
  Complaint far = complaint("2栋-0202", "噪音", morning());  // nothing due yet
  data.table<Complaint>().upsert(far);

  auto all = todo(data, morning());
  REQUIRE(all.size() == 4);
  CHECK(all[0].rule == "key_return");  // overdue, earliest due (an hour ago)
  CHECK(all[0].status == DeadlineStatus::overdue);
  CHECK(all[1].rule == "repair_emergency_arrival_15min");  // overdue by 5 minutes
  CHECK(all[1].status == DeadlineStatus::overdue);
  CHECK(all[1].role == Role::technician);
  CHECK(all[1].owner == "T007");
  CHECK(all[2].rule == "inquiry_promise_24h");
  CHECK(all[2].status == DeadlineStatus::due_soon);
  // Nothing is due on the new complaint, but it waits for its investigation.
  CHECK(all[3].id == far.meta.id);
  CHECK(all[3].waiting);
  CHECK(all[3].what.zh == "待办理：开始调查");
  CHECK(all[3].role == Role::supervisor);

  TodoOptions mine;
  mine.staff = "S002";
  auto for_s002 = todo(data, morning(), mine);
  REQUIRE(for_s002.size() == 2);
  CHECK(for_s002[0].owner == "S002");
  CHECK(for_s002[1].owner.empty());  // the center's: anyone may see it

  // Fulfilled duties leave the list.
  Visit answered = data.table<Visit>().rows()[0];
  answered.follow_up_done = morning();
  data.table<Visit>().upsert(revise_record(data.table<Visit>().rows()[0], answered, actor()));
  CHECK(todo(data, morning()).size() == 3);
}

TEST_CASE("todo: every open record that waits for a step is listed, with the role that takes it") {
  Dataset data;
  Complaint judging = complaint("3栋-0303", "电梯异响", morning() + (-kDay));
  judging.status = ComplaintStatus::investigating;
  data.table<Complaint>().upsert(judging);
  Repair finished = repair("4栋-0404", FaultType::plumbing, morning() + (-2 * kHour));
  finished.status = RepairStatus::finished;
  finished.technician = "T007";
  data.table<Repair>().upsert(finished);
  Repair reported = repair("5栋-0505", FaultType::electrical, morning() + (-kHour));
  data.table<Repair>().upsert(reported);
  Repair accepted = repair("6栋-0606", FaultType::plumbing, morning() + (-kHour));
  accepted.status = RepairStatus::accepted;  // its callback record carries it on
  data.table<Repair>().upsert(accepted);

  const auto items = todo(data, morning());
  REQUIRE(items.size() == 3);
  for (const auto& i : items) CHECK(i.waiting);
  auto find = [&](const std::string& id) {
    for (const auto& i : items)
      if (i.id == id) return i;
    FAIL("not listed: " << id);
    return TodoItem{};
  };
  CHECK(find(judging.meta.id).what.zh == "待办理：判定有效/判定无效");
  CHECK(find(judging.meta.id).role == Role::supervisor);
  CHECK(find(finished.meta.id).what.zh == "待办理：客户验收签字");
  CHECK(find(finished.meta.id).owner.empty());  // accepted at the desk, not by the technician
  CHECK(find(reported.meta.id).what.zh == "待办理：派工");
  // Oldest waiting first.
  CHECK(items[0].id == judging.meta.id);
}

TEST_CASE("todo: an active incident is listed; its 30-minute item is due soon in its last 10 minutes") {
  Dataset data;
  Incident typhoon;
  typhoon.plan = "typhoon_1";
  typhoon.location = "全小区";
  typhoon.started_at = morning();
  data.table<Incident>().upsert(with_id(typhoon));
  EmergencyPlan plan;
  plan.code = "typhoon_1";
  plan.zh = "台风1号信号";
  PlanItem notice, watch;
  notice.id = "notice", notice.zh = "半小时内发出预告", notice.minutes = 30;
  watch.id = "watch", watch.zh = "关注台风警报";
  plan.items = {notice, watch};
  std::vector<EmergencyPlan> plans = {plan};
  TodoOptions o;
  o.plans = &plans;
  // 30 minutes to go: the item is not yet due soon (listed with 含未到期).
  auto at_start = todo(data, morning(), o);
  REQUIRE(at_start.size() == 1);
  CHECK(at_start[0].waiting);  // the incident is under way: someone must act
  o.include_not_due = true;
  auto all = todo(data, morning(), o);
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "incident_checklist_item");
  CHECK(all[0].status == DeadlineStatus::not_due);
  o.include_not_due = false;
  auto later = todo(data, morning() + 21 * kMinute, o);
  REQUIRE(later.size() == 1);
  CHECK(later[0].status == DeadlineStatus::due_soon);
}

TEST_CASE("todo: due soon is soon for the rule: minutes, hours, and never a month ahead") {
  CHECK(due_soon_window(15 * kMinute) == 5 * kMinute);
  CHECK(due_soon_window(30 * kMinute) == 10 * kMinute);
  CHECK(due_soon_window(kDay) == 6 * kHour);
  CHECK(due_soon_window(3 * kDay) == 18 * kHour);
  CHECK(due_soon_window(30 * kDay) == kDueSoonCap);
  // A yearly duty 29 days before its due time is not due soon.
  DutyRule drill{"fire_drill", "消防演习", "Fire drill", PeriodUnit::year, 1, 1};
  TodoOptions o;
  std::vector<DutyRule> duties = {drill};
  o.duties = &duties;
  Dataset data;
  data.table<Visit>().upsert(with_id(sample_visit(from_civil({2026, 1, 2, 9})), "site-A", from_civil({2026, 1, 2, 9})));
  CHECK(todo(data, from_civil({2026, 12, 3, 0}), o).empty());
  const auto last_day = todo(data, from_civil({2026, 12, 30, 12}), o);
  REQUIRE(last_day.size() == 1);
  CHECK(last_day[0].status == DeadlineStatus::due_soon);
  // A month's callback: due soon only in its last two days.
  Callback cb;
  cb.source = CallbackSource::repair;
  cb.source_id = "R1";
  cb.required = true;
  cb.source_finished_at = from_civil({2026, 11, 1, 9});
  cb.due = callback_due(cb.source, cb.source_finished_at);
  Dataset calls;
  calls.table<Callback>().upsert(with_id(cb));
  CHECK(todo(calls, cb.due + (-3 * kDay)).empty());
  CHECK(todo(calls, cb.due + (-kDay)).size() == 1);
}

TEST_CASE("todo: recurring duties and incident checklists come from the assets' rules") {
  Dataset data;
  DutyRule pest{"pest_control", "公共区域消杀", "Pest control", PeriodUnit::month, 1, 2};
  std::vector<DutyRule> duties = {pest};
  TodoOptions o;
  o.duties = &duties;
  auto near_end = todo(data, from_civil({2026, 11, 29, 10}), o);
  REQUIRE(near_end.size() == 1);
  CHECK(near_end[0].rule == "recurring_duty");
  CHECK(near_end[0].id == "pest_control");
  CHECK(near_end[0].subject == "0/2");
  // Issue 14 item 16: the weekly summary meeting says when to arrive.
  DutyRule summary{"weekly_summary_meeting", "周工作总结会", "Weekly summary meeting", PeriodUnit::week, 1, 1};
  summary.weekday = 7;
  summary.time_of_day = 16 * 60;
  summary.arrive_before_minutes = 15;
  duties = {summary};
  auto sunday = todo(data, from_civil({2026, 11, 29, 15, 30}), o);
  REQUIRE(sunday.size() == 1);
  CHECK(sunday[0].what.zh == "周工作总结会（15:45 到场）");
  CHECK(format_local(sunday[0].due) == "2026-11-29 16:00");
}

TEST_CASE("(rule) repeat complaints: the same matter twice or more in a row, per customer") {
  const Timestamp d = from_civil({2026, 11, 2, 9});
  std::vector<Complaint> cs = {complaint("3栋-1202", "噪音", d), complaint("3栋-1202", "噪音", d + kDay),
                               complaint("3栋-1202", "漏水", d + 2 * kDay), complaint("3栋-1202", "噪音", d + 3 * kDay),
                               complaint("5栋-0101", "噪音", d + 4 * kDay)};
  std::vector<const Complaint*> ptrs;
  for (const auto& c : cs) ptrs.push_back(&c);
  auto flags = repeat_complaints(ptrs);
  REQUIRE(flags.size() == 1);  // the run of two; the later 噪音 is not "in a row"
  CHECK(flags[0].customer == "3栋-1202");
  CHECK(flags[0].times == 2);
  cs[2].matter = "噪音";  // now four in a row
  flags = repeat_complaints(ptrs);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].times == 4);
}

TEST_CASE("(rule) repeat repairs: same unit and fault 3 or more times in the month") {
  const Timestamp d = from_civil({2026, 11, 2, 9});
  std::vector<Repair> rs = {repair("3栋-1202", FaultType::plumbing, d),
                            repair("3栋-1202", FaultType::plumbing, d + kDay),
                            repair("3栋-1202", FaultType::electrical, d + kDay)};
  rs.reserve(4);  // ptrs below must stay valid
  std::vector<const Repair*> ptrs;
  for (const auto& r : rs) ptrs.push_back(&r);
  CHECK(repeat_repairs(ptrs).empty());  // 2 is not a flag
  rs.push_back(repair("3栋-1202", FaultType::plumbing, d + 2 * kDay));
  ptrs.push_back(&rs.back());
  auto flags = repeat_repairs(ptrs);
  REQUIRE(flags.size() == 1);
  CHECK(flags[0].times == 3);
  CHECK(flags[0].fault == FaultType::plumbing);
}

TEST_CASE("stats: a month's counts, compliance, callback rate, satisfaction and flags; CSV for Excel") {
  Dataset data;
  const Timestamp d = from_civil({2026, 11, 3, 9});
  for (int i = 0; i < 3; ++i) {
    Repair r = repair("3栋-1202", FaultType::plumbing, d + i * kDay);
    r.finished_at = r.accepted_at = d + i * kDay + kHour;
    r.status = RepairStatus::accepted;
    data.table<Repair>().upsert(r);
  }
  data.table<Repair>().upsert(repair("8栋-0808", FaultType::lift, from_civil({2026, 10, 31, 23, 59})));  // October
  Complaint serious = complaint("1栋-0101", "电梯困人", d);
  serious.severity = Severity::serious;
  serious.replied_at = d + 50 * kHour;  // missed the 48 h
  data.table<Complaint>().upsert(serious);
  Callback cb;
  cb.source = CallbackSource::complaint;
  cb.source_id = serious.meta.id;
  cb.source_finished_at = *serious.replied_at;
  cb.due = cb.source_finished_at + 3 * kDay;
  cb.required = true;
  cb.status = CallbackStatus::done;
  cb.done_at = cb.source_finished_at + kDay;
  cb.overall = Satisfaction::unsatisfied;
  data.table<Callback>().upsert(with_id(cb));
  Complaint other_site = complaint("9栋-0909", "噪音", d);
  other_site.meta.site = "site-B";
  data.table<Complaint>().upsert(other_site);

  auto s = monthly_stats(data, "site-A", 2026, 11, from_civil({2026, 12, 1}));
  CHECK(s.created["repair"] == 3);
  CHECK(s.created["complaint"] == 1);
  // The daily chart: one bar per day of November, the same records counted.
  REQUIRE(s.created_per_day.size() == 30);
  CHECK(s.created_per_day[2] == 2);  // 3 Nov: a repair and the serious complaint (site-B's is not counted)
  CHECK(s.created_per_day[3] == 1);
  CHECK(s.created_per_day[4] == 1);
  int per_day = 0, per_type = 0;
  for (int n : s.created_per_day) per_day += n;
  for (const auto& [type, n] : s.created) per_type += n;
  CHECK(per_day == per_type);
  CHECK(s.repairs_by_fault["给排水"] == 3);
  CHECK(s.serious_complaints == 1);
  REQUIRE(s.repeat_repairs.size() == 1);
  CHECK(s.failed_callbacks.size() == 1);
  CHECK(s.rated == 1);
  CHECK(s.satisfaction() == 0.0);
  bool saw_serious = false;
  for (const auto& c : s.compliance)
    if (c.rule == "complaint_serious_result_48h") {
      saw_serious = true;
      CHECK(c.missed == 1);
      CHECK(c.rate() == 0.0);
    }
  CHECK(saw_serious);
  bool saw_repair_rate = false, saw_complaint_rate = false;
  for (const auto& r : s.callback_rates) {
    if (r.source == CallbackSource::repair) {
      saw_repair_rate = true;
      CHECK(r.finished == 3);
      CHECK(r.required == 3);  // n < 20 → min(n, 5)
      CHECK_FALSE(r.meets());
    }
    if (r.source == CallbackSource::complaint) {
      saw_complaint_rate = true;
      CHECK(r.meets());
    }
  }
  CHECK(saw_repair_rate);
  CHECK(saw_complaint_rate);
  CHECK(monthly_stats(data, "", 2026, 11, morning()).created["complaint"] == 2);  // all sites

  const std::string csv = stats_csv(s);
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("\r\n") != std::string::npos);
  CHECK(csv.find("\"同一维修3次以上\"") != std::string::npos);
}

TEST_CASE("stats (issue 13): 0 of 0 is no rate, numbers in number columns, callbacks not yet due are not missed") {
  Dataset data;
  const Timestamp d = from_civil({2026, 11, 28, 9});
  // A repair accepted on the 28th: its callback is due a month later, not missed in November.
  Repair r = repair("3栋-1202", FaultType::plumbing, d);
  r.finished_at = r.accepted_at = d + kHour;
  r.status = RepairStatus::accepted;
  data.table<Repair>().upsert(r);
  Callback cb = *callback_for(r);
  cb.required = true;
  data.table<Callback>().upsert(with_id(cb));
  // Staff and training records are not the month's service work.
  Staff st;
  st.meta.id = "ST1";
  st.meta.site = "site-A";
  st.meta.created_at = d;
  st.code = "S009";
  st.name = "新员工";
  data.table<Staff>().upsert(st);

  const auto s = monthly_stats(data, "site-A", 2026, 11, from_civil({2026, 11, 30, 12}));
  CHECK(s.created.count("staff") == 0);
  CHECK(s.created.at("repair") == 1);
  const auto rate = std::find_if(s.callback_rates.begin(), s.callback_rates.end(),
                                 [](const CallbackRateRow& x) { return x.source == CallbackSource::repair; });
  REQUIRE(rate != s.callback_rates.end());
  CHECK(rate->required == 1);
  CHECK(rate->done == 0);
  CHECK(rate->pending == 1);
  CHECK_FALSE(rate->meets());
  CHECK(rate->in_progress());

  const auto rows = stats_rows(s);
  for (const auto& row : rows) REQUIRE(row.size() == kStatsColumns);
  auto find = [&](const std::string& item, const std::string& category) -> const std::vector<std::string>* {
    for (const auto& row : rows)
      if (row[kItem] == item && row[kCategory] == category) return &row;
    return nullptr;
  };
  // Nothing fell due: no 100 %, the reason in the note.
  const auto* satisfaction = find("满意率", "回访");
  REQUIRE(satisfaction);
  CHECK((*satisfaction)[kValue] == "");
  CHECK((*satisfaction)[kNote] == "本月无评价");
  const auto* callbacks = find("回访完成", "维修");
  REQUIRE(callbacks);
  CHECK((*callbacks)[kNote] == "进行中（1 次未到期）");
  CHECK((*callbacks)[kDenominator] == "1");
  const auto* created = find("新建记录", "报修");
  REQUIRE(created);
  CHECK((*created)[kValue] == "1");
  CHECK((*created)[kUnit] == "条");
  // A rate as a number with its numerator and denominator in their own columns.
  Dataset one;
  Repair emergency = repair("5栋-0101", FaultType::electrical, d);
  emergency.urgency = Urgency::emergency;
  emergency.arrived_at = d + 10 * kMinute;
  one.table<Repair>().upsert(emergency);
  Repair late = repair("5栋-0102", FaultType::electrical, d + kHour);
  late.meta.id = "R-late";
  late.urgency = Urgency::emergency;
  late.arrived_at = d + kHour + 20 * kMinute;
  one.table<Repair>().upsert(late);
  bool seen = false;
  for (const auto& row : stats_rows(monthly_stats(one, "site-A", 2026, 11, from_civil({2026, 11, 30}))))
    if (row[kItem] == "时限达标率" && row[kCategory] == "紧急维修15分钟到场") {
      seen = true;
      CHECK(row[kValue] == "50.0");
      CHECK(row[kUnit] == "%");
      CHECK(row[kNumerator] == "1");
      CHECK(row[kDenominator] == "2");
    }
  CHECK(seen);
  const std::string csv = stats_csv(s);
  CHECK(csv.find("\"月份\",\"项目\",\"类别\",\"数值\",\"单位\",\"分子\",\"分母\",\"说明\"") != std::string::npos);
  // The printed report: a section per item, rates with a bar, 0 of 0 as —.
  const std::string html = stats_html(s, "月度统计");
  CHECK(html.find("<h2>满意率</h2>") != std::string::npos);
  CHECK(html.find("class=\"bar\"") != std::string::npos);
  CHECK(html.find("<td class=\"n\">—</td>") != std::string::npos);
}
