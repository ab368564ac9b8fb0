#include "core/todo.hpp"

#include <algorithm>
#include <map>

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
           const std::optional<Deadline>& d, std::string owner, std::optional<Role> role = std::nullopt,
           std::int64_t soon = 6 * kHour) {
    if (!d) return;
    const DeadlineStatus status = deadline_status(*d, now, soon);
    const bool open = status == DeadlineStatus::overdue || status == DeadlineStatus::due_soon ||
                      (options.include_not_due && status == DeadlineStatus::not_due);
    if (!open) return;
    if (!options.staff.empty() && !owner.empty() && owner != options.staff) return;
    items.push_back({type, id, rule, std::move(what), std::move(subject), d->due, status, std::move(owner), role});
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
    c.add(Visit::kType, v.meta.id, "inquiry_promise_24h", {"24小时内回复来访者", "Answer the visitor within 24 h"}, s,
          inquiry_promise_deadline(v), v.received_by);
    c.add(Visit::kType, v.meta.id, "inquiry_call_next_working_day",
          {"下一个工作日上班第一件事：致电来访者", "First thing next working day: call the visitor"}, s,
          inquiry_call_deadline(v, calendar, options.schedule), v.received_by);
  }
  for (const auto& x : data.table<Complaint>().rows()) {
    if (x.meta.deleted || x.status == ComplaintStatus::closed) continue;
    const std::string s = join({x.unit, x.complainant, first_line(x.matter.empty() ? x.content : x.matter)});
    c.add(Complaint::kType, x.meta.id, "complaint_invalid_reply_1d",
          {"无效投诉1天内向投诉人解释", "Explain an invalid complaint within 1 day"}, s,
          complaint_invalid_reply_deadline(x), x.received_by);
    c.add(Complaint::kType, x.meta.id, "complaint_record_3d",
          {"有效投诉3天内完成原因责任分析和处理记录", "Analyse a valid complaint within 3 days"}, s,
          complaint_record_deadline(x), x.received_by);
    c.add(Complaint::kType, x.meta.id, "complaint_serious_result_48h",
          {"严重投诉48小时内出处理结果", "Serious complaint: result within 48 h"}, s,
          complaint_serious_result_deadline(x), "", Role::project_manager);
    c.add(Complaint::kType, x.meta.id, "complaint_other_org_3d",
          {"涉及其他单位：3天内向投诉人解释", "Other organisation involved: explain within 3 days"}, s,
          complaint_other_org_deadline(x), x.received_by);
    c.add(Complaint::kType, x.meta.id, "complaint_corrective_action", {"纠正措施到期", "Corrective action due"}, s,
          complaint_corrective_deadline(x), x.received_by);
  }
  for (const auto& r : data.table<Repair>().rows()) {
    if (r.meta.deleted || !is_open(r)) continue;
    const std::string s = join({r.unit, std::string(enum_label(r.fault).zh), first_line(r.description)});
    const std::string owner = r.technician;
    c.add(Repair::kType, r.meta.id, "repair_emergency_arrival_15min",
          {"紧急维修15分钟内到场", "Emergency repair: on site within 15 min"}, s, repair_emergency_arrival_deadline(r),
          owner, Role::technician, kEmergencyArrivalDueSoon);
    c.add(Repair::kType, r.meta.id, "repair_appointment", {"按预约时间上门维修", "Repair at the agreed time"}, s,
          repair_appointment_deadline(r), owner, Role::technician, 2 * kHour);
  }
  for (const auto& cb : data.table<Callback>().rows()) {
    if (cb.meta.deleted) continue;
    const std::string s = join({cb.unit, cb.contact, first_line(cb.subject)});
    if (cb.required && cb.status != CallbackStatus::done)
      c.add(Callback::kType, cb.meta.id, "callback_due", {"回访到期", "Callback due"}, s, callback_deadline(cb), "",
            cb.major ? std::optional<Role>(Role::project_manager) : std::nullopt, 1 * kDay);
    c.add(Callback::kType, cb.meta.id, "callback_rework_24h",
          {"24小时内安排特殊回访与返修", "Arrange rework within 24 h"}, s, callback_rework_deadline(cb), "");
  }
  for (const auto& k : data.table<KeyLoan>().rows()) {
    if (k.meta.deleted || !is_open(k)) continue;
    c.add(KeyLoan::kType, k.meta.id, "key_return", {"钥匙未归还", "Key not returned"},
          join({k.key, k.borrower, k.purpose}), key_return_deadline(k),
          k.responsible_staff.empty() ? k.lent_by : k.responsible_staff, std::nullopt, 1 * kHour);
  }
  for (const auto& v : data.table<Violation>().rows()) {
    if (v.meta.deleted || !is_open(v)) continue;
    for (const auto& d : rectification_deadlines(v))
      c.add(Violation::kType, v.meta.id, "violation_rectification", {"违章限期整改到期", "Rectification deadline"},
            join({v.unit, v.party, first_line(v.description)}), d, "", std::nullopt, 1 * kDay);
  }
  if (options.plans)
    for (const auto& i : data.table<Incident>().rows()) {
      if (i.meta.deleted || i.status != IncidentStatus::active) continue;
      const EmergencyPlan* plan = find_plan(*options.plans, i.plan);
      if (!plan) continue;
      for (const auto& item : plan->items) {
        const ChecklistTick* t = find_tick(i, item.id);
        auto d = item_deadline(item, i.started_at, t ? std::optional<Timestamp>(t->at) : std::nullopt);
        c.add(Incident::kType, i.meta.id, "incident_checklist_item", {item.zh, item.en.empty() ? item.zh : item.en},
              join({plan->zh, i.location}), d, "", std::nullopt, item_due_soon_window(item));
      }
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
      if (w != DeadlineStatus::overdue && w != DeadlineStatus::due_soon && !options.include_not_due) continue;
      if (w == DeadlineStatus::met) continue;
      const PeriodReport& p = report.previous.status == DeadlineStatus::overdue ? report.previous : report.current;
      c.items.push_back({"duty",
                         rule.code,
                         "recurring_duty",
                         {rule.zh, rule.en},
                         std::to_string(p.done) + "/" + std::to_string(p.required),
                         p.due,
                         w,
                         "",
                         std::nullopt});
    }
  }
  std::stable_sort(c.items.begin(), c.items.end(), [](const TodoItem& a, const TodoItem& b) {
    auto rank = [](DeadlineStatus s) {
      return s == DeadlineStatus::overdue ? 0 : s == DeadlineStatus::due_soon ? 1 : 2;
    };
    if (rank(a.status) != rank(b.status)) return rank(a.status) < rank(b.status);
    return a.due < b.due;
  });
  return c.items;
}

}  // namespace desk
