#include "core/todo.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/workflow.hpp"

namespace desk {

namespace {

std::string first_line(const std::string& s, std::size_t max_bytes = 60) {
  std::string line = s.substr(0, s.find('\n'));
  if (line.size() <= max_bytes) return line;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return line.substr(0, cut) + "…";
}

std::string join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : " · ") + p;
  return out;
}

struct Collector {
  Timestamp now;
  const TodoOptions& options;
  std::vector<TodoItem> items;

  void add(const char* type, const std::string& id, const char* rule, Msg what, std::string subject,
           const std::optional<Deadline>& d, std::string owner, std::optional<Role> role, std::int64_t soon) {
    if (!d) return;
    const DeadlineStatus status = deadline_status(*d, now, soon);
    const bool open = status == DeadlineStatus::overdue || status == DeadlineStatus::due_soon ||
                      (options.include_not_due && status == DeadlineStatus::not_due);
    if (!open) return;
    if (!options.staff.empty() && !owner.empty() && owner != options.staff) return;
    items.push_back({type, id, rule, std::move(what), std::move(subject), d->due, status, std::move(owner), role});
  }
  // A rule whose clock started at `start`: due soon for its own span.
  void add_since(const char* type, const std::string& id, const char* rule, Msg what, std::string subject,
                 const std::optional<Deadline>& d, std::string owner, Timestamp start,
                 std::optional<Role> role = std::nullopt) {
    if (d)
      add(type, id, rule, std::move(what), std::move(subject), d, std::move(owner), role,
          due_soon_window(d->due - start));
  }
  // Issue 13: an open record waiting for a step no timed rule covers (a new
  // complaint to investigate, a finished repair to accept) is listed too,
  // as 待办理, with the role that may take the step.
  void wait(const char* type, const std::string& id, Msg what, std::string subject, Timestamp since, std::string owner,
            std::optional<Role> role) {
    if (!options.staff.empty() && !owner.empty() && owner != options.staff) return;
    TodoItem item{
        type, id, "waiting_step", std::move(what), std::move(subject), since, DeadlineStatus::not_due, std::move(owner),
        role};
    item.waiting = true;
    items.push_back(std::move(item));
  }
  // The record's next step from its workflow, when nothing was listed for
  // it since `mark`: side steps (escalate, reschedule, decline) are left
  // out, and a step taken on another record (the callback) is not waited for.
  template <class R>
  void wait_for_step(std::size_t mark, const R& r, const std::string& subject, Timestamp since,
                     const std::string& owner = "") {
    if (items.size() > mark) return;
    std::string zh, en;
    std::optional<Role> role;
    for (auto a : actions_from(transitions(r), r.status)) {
      const std::string code = enum_code(a);
      if (code == "escalate" || code == "reschedule" || code == "decline" || code == "callback") continue;
      const Msg label = enum_label(a);
      zh += (zh.empty() ? "" : "/") + label.zh;
      en += (en.empty() ? "" : " / ") + label.en;
      if (!role) {
        const auto roles = roles_allowed(permission_for(r, a));
        if (!roles.empty()) role = roles.front();
      }
    }
    if (zh.empty()) return;
    wait(R::kType, r.meta.id, {"待办理：" + zh, "To do: " + en}, subject, since, owner, role);
  }
};

}  // namespace

std::vector<TodoItem> todo(const Dataset& data, Timestamp now, const TodoOptions& options) {
  Collector c{now, options, {}};
  const WorkCalendar weekdays;
  const WorkCalendar& calendar = options.calendar ? *options.calendar : weekdays;
  for (const auto& v : data.table<Visit>().rows()) {
    if (v.meta.deleted) continue;
    const std::string s = join({v.visitor_name, v.phone, first_line(v.content)});
    c.add_since(Visit::kType, v.meta.id, "inquiry_promise_24h",
                {"24小时内回复来访者", "Answer the visitor within 24 h"}, s, inquiry_promise_deadline(v), v.received_by,
                v.time);
    c.add_since(Visit::kType, v.meta.id, "inquiry_call_next_working_day",
                {"下一个工作日上班第一件事：致电来访者", "First thing next working day: call the visitor"}, s,
                inquiry_call_deadline(v, calendar, options.schedule), v.received_by, v.time);
  }
  for (const auto& x : data.table<Complaint>().rows()) {
    if (x.meta.deleted || x.status == ComplaintStatus::closed) continue;
    const std::string s = join({x.unit, x.complainant, first_line(x.matter.empty() ? x.content : x.matter)});
    const std::size_t mark = c.items.size();
    const Timestamp judged = x.judged_at.value_or(x.received_at);
    c.add_since(Complaint::kType, x.meta.id, "complaint_invalid_reply_1d",
                {"无效投诉1天内向投诉人解释", "Explain an invalid complaint within 1 day"}, s,
                complaint_invalid_reply_deadline(x), x.received_by, judged);
    c.add_since(Complaint::kType, x.meta.id, "complaint_record_3d",
                {"有效投诉3天内完成原因责任分析和处理记录", "Analyse a valid complaint within 3 days"}, s,
                complaint_record_deadline(x), x.received_by, judged);
    c.add_since(Complaint::kType, x.meta.id, "complaint_serious_result_48h",
                {"严重投诉48小时内出处理结果", "Serious complaint: result within 48 h"}, s,
                complaint_serious_result_deadline(x), "", x.received_at, Role::project_manager);
    c.add_since(Complaint::kType, x.meta.id, "complaint_other_org_3d",
                {"涉及其他单位：3天内向投诉人解释", "Other organisation involved: explain within 3 days"}, s,
                complaint_other_org_deadline(x), x.received_by, x.received_at);
    c.add_since(Complaint::kType, x.meta.id, "complaint_corrective_action", {"纠正措施到期", "Corrective action due"},
                s, complaint_corrective_deadline(x), x.received_by, x.record_filed_at.value_or(judged));
    c.wait_for_step(mark, x, s, x.meta.updated_at);
  }
  for (const auto& r : data.table<Repair>().rows()) {
    if (r.meta.deleted || !is_open(r)) continue;
    const std::string s = join({r.unit, std::string(enum_label(r.fault).zh), first_line(r.description)});
    const std::string owner = r.technician;
    const std::size_t mark = c.items.size();
    c.add(Repair::kType, r.meta.id, "repair_emergency_arrival_15min",
          {"紧急维修15分钟内到场", "Emergency repair: on site within 15 min"}, s, repair_emergency_arrival_deadline(r),
          owner, Role::technician, kEmergencyArrivalDueSoon);
    c.add(Repair::kType, r.meta.id, "repair_appointment", {"按预约时间上门维修", "Repair at the agreed time"}, s,
          repair_appointment_deadline(r), owner, Role::technician, 2 * kHour);
    const bool technicians =
        r.status == RepairStatus::dispatched || r.status == RepairStatus::arrived || r.status == RepairStatus::working;
    c.wait_for_step(mark, r, s, r.meta.updated_at, technicians ? owner : std::string());
  }
  // An unsatisfied callback followed by its special callback: the rework is
  // listed once, on the special callback (issue 14 item 7).
  std::set<std::string> followed;
  for (const auto& cb : data.table<Callback>().rows())
    if (!cb.meta.deleted && !cb.follows.empty()) followed.insert(cb.follows);
  for (const auto& cb : data.table<Callback>().rows()) {
    if (cb.meta.deleted) continue;
    const std::string s = join({cb.unit, cb.contact, first_line(cb.subject)});
    if (cb.required && cb.status != CallbackStatus::done)
      c.add_since(Callback::kType, cb.meta.id, "callback_due", {"回访到期", "Callback due"}, s, callback_deadline(cb),
                  "", cb.source_finished_at, cb.major ? std::optional<Role>(Role::project_manager) : std::nullopt);
    if (followed.count(cb.meta.id)) continue;
    const auto rework = callback_rework_deadline(cb);
    c.add_since(Callback::kType, cb.meta.id, "callback_rework_24h",
                {"24小时内安排特殊回访与返修", "Arrange rework within 24 h"}, s, rework, "",
                rework ? rework->due + (-kReworkWindow) : cb.source_finished_at);
  }
  for (const auto& r : data.table<Referral>().rows()) {
    if (!is_open(r)) continue;
    const std::string s = join({std::string(enum_label(r.department).zh), r.unit, first_line(r.subject)});
    const std::size_t mark = c.items.size();
    c.add_since(Referral::kType, r.meta.id, "referral_response_3d",
                {"相关部门3天内回复工作联系单", "The department answers the referral within 3 days"}, s,
                referral_response_deadline(r), r.sent_by, r.sent_at);
    c.wait_for_step(mark, r, s, r.meta.updated_at, r.sent_by);
  }
  // Issue 14 item 9: the day before each unit's gas check, phone its owner.
  for (const auto& g : data.table<GasCheck>().rows()) {
    if (!is_open(g)) continue;
    c.add(GasCheck::kType, g.meta.id, "gas_check_notice_day_before",
          {"明天煤气安全检查：今天致电业主确定上门", "Gas check tomorrow: phone the owner today"},
          join({g.unit, g.owner, g.phone}), gas_check_notice_deadline(g), "", Role::receptionist, kDay);
  }
  for (const auto& k : data.table<KeyLoan>().rows()) {
    if (k.meta.deleted || !is_open(k)) continue;
    c.add_since(KeyLoan::kType, k.meta.id, "key_return", {"钥匙未归还", "Key not returned"},
                join({k.key, k.borrower, k.purpose}), key_return_deadline(k),
                k.responsible_staff.empty() ? k.lent_by : k.responsible_staff, k.out_at);
  }
  for (const auto& v : data.table<Violation>().rows()) {
    if (v.meta.deleted || !is_open(v)) continue;
    for (const auto& d : rectification_deadlines(v))
      c.add_since(Violation::kType, v.meta.id, "violation_rectification",
                  {"违章限期整改到期", "Rectification deadline"}, join({v.unit, v.party, first_line(v.description)}), d,
                  "", v.found_at);
  }
  if (options.plans)
    for (const auto& i : data.table<Incident>().rows()) {
      if (i.meta.deleted || i.status != IncidentStatus::active) continue;
      const EmergencyPlan* plan = find_plan(*options.plans, i.plan);
      const std::string s = join({plan ? plan->zh : i.plan, i.location});
      const std::size_t mark = c.items.size();
      int unticked = 0;
      for (const auto& item : plan ? plan->items : std::vector<PlanItem>{}) {
        const ChecklistTick* t = find_tick(i, item.id);
        unticked += t == nullptr;
        auto d = item_deadline(item, i.started_at, t ? std::optional<Timestamp>(t->at) : std::nullopt);
        c.add(Incident::kType, i.meta.id, "incident_checklist_item", {item.zh, item.en.empty() ? item.zh : item.en}, s,
              d, "", std::nullopt, item_due_soon_window(item));
      }
      // An active incident always needs someone: its untimed items too.
      if (c.items.size() == mark)
        c.wait(Incident::kType, i.meta.id,
               {"应急处置中：尚有 " + std::to_string(unticked) + " 项未勾选",
                "Incident under way: " + std::to_string(unticked) + " items not ticked"},
               s, i.started_at, "", Role::supervisor);
    }
  if (options.duties) {
    std::map<std::string, std::vector<Timestamp>> done;
    for (const auto& d : data.table<DutyLog>().rows())
      if (!d.meta.deleted) done[d.duty].push_back(d.done_at);
    // A period that ended before the desk held any record is not the desk's shortfall.
    std::optional<Timestamp> first_record;
    data.each_table([&](const auto& t) {
      for (const auto& r : t.rows())
        if (!first_record || r.meta.created_at < *first_record) first_record = r.meta.created_at;
    });
    for (const auto& rule : *options.duties) {
      DutyReport report = duty_status(rule, done[rule.code], now, options.schedule);
      if (!first_record || !(*first_record < report.previous.period.end)) report.previous = report.current;
      const DeadlineStatus w = report.warning();
      // Issue 14 item 10: the key check lists every key still out, all day.
      const auto out =
          rule.lists == "keys_out" ? keys_out(data.table<KeyLoan>().rows()) : std::vector<const KeyLoan*>{};
      const bool waiting = !out.empty() && w == DeadlineStatus::not_due;
      if (w != DeadlineStatus::overdue && w != DeadlineStatus::due_soon && !waiting && !options.include_not_due)
        continue;
      if (w == DeadlineStatus::met) continue;
      const PeriodReport& p = report.previous.status == DeadlineStatus::overdue ? report.previous : report.current;
      std::string subject = std::to_string(p.done) + "/" + std::to_string(p.required);
      if (rule.lists == "keys_out") {
        subject += out.empty() ? " · 钥匙已全部收回" : " · 未收回 " + std::to_string(out.size()) + " 把";
        for (const KeyLoan* k : out) subject += "；" + key_out_line(*k, now).zh;
      }
      TodoItem item{
          "duty", rule.code, "recurring_duty", duty_title(rule, p.period, options.schedule), std::move(subject), p.due,
          w,      "",        std::nullopt};
      item.waiting = waiting;
      c.items.push_back(std::move(item));
    }
  }
  std::stable_sort(c.items.begin(), c.items.end(), [](const TodoItem& a, const TodoItem& b) {
    // Overdue, due soon, waiting for a step (oldest first), then not yet due.
    auto rank = [](const TodoItem& i) {
      return i.status == DeadlineStatus::overdue ? 0 : i.status == DeadlineStatus::due_soon ? 1 : i.waiting ? 2 : 3;
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a.due < b.due;
  });
  return c.items;
}

}  // namespace desk
