#include "core/stats.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace desk {

namespace {

struct Month {
  Timestamp from, to;
  bool contains(Timestamp t) const { return !(t < from) && t < to; }
};

template <class R>
std::vector<const R*> rows_of(const Dataset& data, const std::string& site) {
  std::vector<const R*> out;
  for (const auto& r : data.table<R>().rows())
    if (!r.meta.deleted && (site.empty() || r.meta.site == site)) out.push_back(&r);
  return out;
}

class Compliance {
 public:
  Compliance(Month m, Timestamp now) : month_(m), now_(now) {}
  void add(const std::string& rule, Msg label, const std::optional<Deadline>& d) {
    if (!d || !month_.contains(d->due)) return;
    auto it = std::find_if(rows_.begin(), rows_.end(), [&](const auto& r) { return r.rule == rule; });
    if (it == rows_.end()) it = rows_.insert(rows_.end(), RuleCompliance{rule, std::move(label)});
    const DeadlineStatus raw = deadline_status(without_holds(*d), now_);
    it->met_counting_holds += raw == DeadlineStatus::met;
    it->judged_counting_holds +=
        raw == DeadlineStatus::met || raw == DeadlineStatus::missed || raw == DeadlineStatus::overdue;
    switch (deadline_status(*d, now_)) {
      case DeadlineStatus::met:
        ++it->met;
        break;
      case DeadlineStatus::missed:
        ++it->missed;
        break;
      case DeadlineStatus::overdue:
        ++it->overdue;
        break;
      default:
        ++it->pending;
    }
  }
  std::vector<RuleCompliance> rows() && { return std::move(rows_); }

 private:
  Month month_;
  Timestamp now_;
  std::vector<RuleCompliance> rows_;
};

std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * x);
  return buf;
}

}  // namespace

double RuleCompliance::rate() const {
  const int judged = met + missed + overdue;
  return judged == 0 ? 1.0 : static_cast<double>(met) / judged;
}

double RuleCompliance::rate_counting_holds() const {
  return judged_counting_holds == 0 ? 1.0 : static_cast<double>(met_counting_holds) / judged_counting_holds;
}

double MonthlyStats::satisfaction() const {
  return rated == 0 ? 0.0 : static_cast<double>(satisfied) / rated;
}

std::vector<RepeatComplaint> repeat_complaints(const std::vector<const Complaint*>& month) {
  std::map<std::string, std::vector<const Complaint*>> by_customer;
  for (const Complaint* c : month) {
    const std::string who = trim(c->unit).empty() ? trim(c->complainant) : trim(c->unit);
    if (!who.empty()) by_customer[who].push_back(c);
  }
  std::vector<RepeatComplaint> out;
  for (auto& [who, list] : by_customer) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Complaint* a, const Complaint* b) { return a->received_at < b->received_at; });
    auto matter = [](const Complaint* c) {
      const std::string m = trim(c->matter);
      return m.empty() ? std::string("type:") + enum_code(c->type) : m;
    };
    for (std::size_t i = 0; i < list.size();) {
      std::size_t j = i + 1;
      while (j < list.size() && matter(list[j]) == matter(list[i])) ++j;
      if (j - i >= 2) {
        RepeatComplaint r{who,
                          trim(list[i]->matter).empty() ? enum_label(list[i]->type).zh : trim(list[i]->matter),
                          static_cast<int>(j - i),
                          {}};
        for (std::size_t k = i; k < j; ++k) r.ids.push_back(list[k]->meta.id);
        out.push_back(std::move(r));
      }
      i = j;
    }
  }
  return out;
}

std::vector<RepeatRepair> repeat_repairs(const std::vector<const Repair*>& month) {
  std::map<std::pair<std::string, FaultType>, std::vector<const Repair*>> groups;
  for (const Repair* r : month)
    if (!trim(r->unit).empty()) groups[{trim(r->unit), r->fault}].push_back(r);
  std::vector<RepeatRepair> out;
  for (const auto& [key, list] : groups) {
    if (static_cast<int>(list.size()) < kRepeatRepairThreshold) continue;
    RepeatRepair r{key.first, key.second, static_cast<int>(list.size()), {}};
    for (const Repair* x : list) r.ids.push_back(x->meta.id);
    out.push_back(std::move(r));
  }
  return out;
}

MonthlyStats monthly_stats(const Dataset& data, const std::string& site, int year, int month, Timestamp now) {
  const Month m{from_civil({year, month, 1}), add_months(from_civil({year, month, 1}), 1)};
  MonthlyStats s;
  s.site = site, s.year = year, s.month = month;
  s.created_per_day.assign(static_cast<std::size_t>((m.to.ms - m.from.ms) / kDay), 0);
  data.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    // A case is made from a complaint already counted: not new work of the month.
    if constexpr (std::is_same_v<R, CaseStudy>) return;
    // Calendar entries are settings, the staff list and training attempts
    // the team's own: not the month's service work (issue 13).
    if constexpr (std::is_same_v<R, CalendarOverride> || std::is_same_v<R, Staff> || std::is_same_v<R, TrainingAttempt>)
      return;
    int n = 0;
    for (const auto& r : table.rows())
      if (!r.meta.deleted && (site.empty() || r.meta.site == site) && m.contains(r.meta.created_at)) {
        ++n;
        ++s.created_per_day[static_cast<std::size_t>((r.meta.created_at.ms - m.from.ms) / kDay)];
      }
    s.created[R::kType] = n;
  });
  Compliance comp(m, now);

  for (const Visit* v : rows_of<Visit>(data, site))
    comp.add("inquiry_promise_24h", {"来访24小时内回复", "Visit answered within 24 h"}, inquiry_promise_deadline(*v));

  std::vector<const Complaint*> complaints;
  for (const Complaint* c : rows_of<Complaint>(data, site)) {
    if (m.contains(c->received_at)) {
      complaints.push_back(c);
      ++s.complaints_by_type[enum_label(c->type).zh];
      s.serious_complaints += c->severity == Severity::serious;
    }
    comp.add("complaint_invalid_reply_1d", {"无效投诉1天内解释", "Invalid complaint explained in 1 day"},
             complaint_invalid_reply_deadline(*c));
    comp.add("complaint_record_3d", {"有效投诉3天内分析记录", "Valid complaint analysed in 3 days"},
             complaint_record_deadline(*c));
    comp.add("complaint_serious_result_48h", {"严重投诉48小时出结果", "Serious complaint result in 48 h"},
             complaint_serious_result_deadline(*c));
    comp.add("complaint_other_org_3d", {"涉及其他单位3天内解释", "Other organisation: explained in 3 days"},
             complaint_other_org_deadline(*c));
  }
  s.repeat_complaints = repeat_complaints(complaints);
  // Issue 14 item 5: time on hold per reason, for holds begun in the month.
  auto tally_holds = [&](const std::vector<Hold>& holds) {
    bool any = false;
    for (const auto& h : holds) {
      if (!m.contains(h.from)) continue;
      any = true;
      const Timestamp end = h.to.value_or(now);
      if (end > h.from) s.hold_ms_by_reason[enum_code(h.reason)] += end - h.from;
    }
    s.held_records += any;
  };
  for (const Complaint* c : rows_of<Complaint>(data, site)) tally_holds(c->holds);
  for (const Repair* r : rows_of<Repair>(data, site)) tally_holds(r->holds);

  std::vector<const Repair*> repairs;
  for (const Repair* r : rows_of<Repair>(data, site)) {
    if (m.contains(r->received_at)) {
      repairs.push_back(r);
      ++s.repairs_by_fault[enum_label(r->fault).zh];
      s.emergency_repairs += r->urgency == Urgency::emergency;
    }
    comp.add("repair_emergency_arrival_15min", {"紧急维修15分钟到场", "Emergency repair on site in 15 min"},
             repair_emergency_arrival_deadline(*r));
    comp.add("repair_appointment", {"按预约时间上门", "Repair at the agreed time"}, repair_appointment_deadline(*r));
  }
  s.repeat_repairs = repeat_repairs(repairs);

  // Callback rates: sources finished in the month against the callbacks done for them.
  std::map<CallbackSource, std::pair<int, int>> finished_done;
  std::map<CallbackSource, int> not_yet_due;  // issue 13: a callback not yet due is not missed
  for (const Callback* cb : rows_of<Callback>(data, site)) {
    comp.add("callback_due", {"按期回访", "Callback on time"},
             cb->required ? callback_deadline(*cb) : std::optional<Deadline>{});
    comp.add("callback_rework_24h", {"24小时内安排返修", "Rework arranged in 24 h"}, callback_rework_deadline(*cb));
    if (!cb->special && m.contains(cb->source_finished_at)) {
      auto& fd = finished_done[cb->source];
      ++fd.first;
      fd.second += cb->status == CallbackStatus::done;
      not_yet_due[cb->source] += cb->status != CallbackStatus::done && !(cb->due < now);
    }
    if (cb->done_at && m.contains(*cb->done_at) && cb->status == CallbackStatus::done) {
      ++s.rated;
      s.satisfied += cb->overall == Satisfaction::very_satisfied || cb->overall == Satisfaction::satisfied;
    }
    const bool failed_in_month = m.contains(cb->done_at.value_or(cb->meta.updated_at));
    if (failed_in_month && (cb->status == CallbackStatus::unreachable || is_unsatisfied(*cb)))
      s.failed_callbacks.push_back(cb->meta.id);
  }
  // Finished sources without a callback record still count in the denominator.
  int finished_repairs = 0;
  for (const Repair* r : rows_of<Repair>(data, site))
    finished_repairs += r->finished_at && r->accepted_at && m.contains(*r->finished_at);
  int finished_complaints = 0;
  for (const Complaint* c : rows_of<Complaint>(data, site))
    finished_complaints += c->replied_at && m.contains(*c->replied_at);
  finished_done[CallbackSource::repair].first = std::max(finished_done[CallbackSource::repair].first, finished_repairs);
  finished_done[CallbackSource::complaint].first =
      std::max(finished_done[CallbackSource::complaint].first, finished_complaints);
  for (const auto& [source, fd] : finished_done) {
    if (fd.first == 0 && fd.second == 0) continue;
    s.callback_rates.push_back(
        {source, fd.first, callback_required_count(source, fd.first), fd.second, not_yet_due[source]});
  }

  for (const GasCheck* g : rows_of<GasCheck>(data, site))
    comp.add("gas_check_notice_day_before", {"煤气检查提前一天通知业主", "Gas check: owner phoned the day before"},
             gas_check_notice_deadline(*g));
  for (const Referral* r : rows_of<Referral>(data, site))
    comp.add("referral_response_3d", {"部门3天内回复联系单", "Referral answered in 3 days"},
             referral_response_deadline(*r));
  for (const KeyLoan* k : rows_of<KeyLoan>(data, site))
    comp.add("key_return", {"钥匙按时归还", "Key returned on time"}, key_return_deadline(*k));
  for (const Violation* v : rows_of<Violation>(data, site)) {
    if (m.contains(v->found_at)) ++s.violations_by_category[enum_label(v->category).zh];
    for (const auto& d : rectification_deadlines(*v))
      comp.add("violation_rectification", {"违章限期整改", "Rectification on time"}, d);
  }
  for (const Incident* i : rows_of<Incident>(data, site))
    if (m.contains(i->started_at)) ++s.incidents_by_plan[i->plan];
  std::vector<AccessEntry> access;
  for (const AccessEntry* e : rows_of<AccessEntry>(data, site))
    if (m.contains(e->time_in)) access.push_back(*e);
  s.median_id_handling_ms = median_id_handling_ms(access);
  s.compliance = std::move(comp).rows();
  return s;
}

const std::vector<std::string>& stats_header() {
  static const std::vector<std::string> header = {"月份", "项目", "类别", "数值", "单位", "分子", "分母", "说明"};
  return header;
}

std::vector<std::vector<std::string>> stats_rows(const MonthlyStats& s) {
  std::vector<std::vector<std::string>> out;
  const std::string month = std::to_string(s.year) + "-" + (s.month < 10 ? "0" : "") + std::to_string(s.month);
  auto count = [&](std::string item, std::string category, std::int64_t n, const char* unit, std::string note = "") {
    out.push_back({month, std::move(item), std::move(category), std::to_string(n), unit, "", "", std::move(note)});
  };
  // A rate as its percentage with one decimal; 0 of 0 is no rate at all.
  auto rate = [&](std::string item, std::string category, int num, int den, std::string note_if_none,
                  std::string note = "") {
    char pct[32] = "";
    if (den > 0) std::snprintf(pct, sizeof pct, "%.1f", 100.0 * num / den);
    out.push_back({month, std::move(item), std::move(category), pct, "%", std::to_string(num), std::to_string(den),
                   den > 0 ? std::move(note) : std::move(note_if_none)});
  };
  for (const auto& [type, n] : s.created) count("新建记录", record_type_label(type).zh, n, "条");
  for (const auto& [k, n] : s.complaints_by_type) count("投诉类型", k, n, "件");
  for (const auto& [k, n] : s.repairs_by_fault) count("维修类型", k, n, "件");
  for (const auto& [k, n] : s.violations_by_category) count("违章类别", k, n, "件");
  for (const auto& c : s.compliance)
    rate("时限达标率", c.label.zh, c.met, c.judged(), "本月无到期",
         c.overdue ? "逾期未办 " + std::to_string(c.overdue) : "");
  for (const auto& c : s.compliance)
    if (c.judged_counting_holds != c.judged() || c.met_counting_holds != c.met)
      rate("时限达标率（暂停时间照计）", c.label.zh, c.met_counting_holds, c.judged_counting_holds, "本月无到期");
  for (const auto& [reason, ms] : s.hold_ms_by_reason) {
    char hours[32];
    std::snprintf(hours, sizeof hours, "%.1f", static_cast<double>(ms) / kHour);
    out.push_back({month, "暂停时长",
                   enum_label(enum_from_code<HoldReason>(reason).value_or(HoldReason::other_party)).zh, hours, "小时",
                   "", "", ""});
  }
  for (const auto& r : s.callback_rates)
    out.push_back({month, "回访完成", enum_label(r.source).zh, std::to_string(r.done), "次", std::to_string(r.done),
                   std::to_string(r.required),
                   r.meets()         ? "达标"
                   : r.in_progress() ? "进行中（" + std::to_string(r.pending) + " 次未到期）"
                                     : "未达标"});
  rate("满意率", "回访", s.satisfied, s.rated, "本月无评价");
  count("回访不合格", "", static_cast<std::int64_t>(s.failed_callbacks.size()), "次");
  for (const auto& r : s.repeat_complaints) count("连续同一事项投诉", r.customer + " " + r.matter, r.times, "次");
  for (const auto& r : s.repeat_repairs) count("同一维修3次以上", r.unit + " " + enum_label(r.fault).zh, r.times, "次");
  return out;
}

static bool is_plain_number(const std::string& s) {
  std::size_t i = s.size() > 1 && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9')
      digits = true;
    else if (s[i] == '.' && !dot)
      dot = true;
    else
      return false;
  }
  return digits;
}

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  // (rule) A cell a spreadsheet would run as a formula gets a leading
  // apostrophe (OWASP "CSV injection"); plain numbers stay numbers.
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !is_plain_number(s))
    out += '\'';
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string stats_csv(const MonthlyStats& s) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
    out += "\r\n";
  };
  line(stats_header());
  for (const auto& r : stats_rows(s)) line(r);
  return out;
}

// Issue 13: the printed report is one A4 page per few sections — a heading
// and a table for each item, rates with a bar — not the CSV's rows.
std::string stats_html(const MonthlyStats& s, const std::string& title) {
  std::string h =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">" + std::string(kPrintCsp) + "<title>" +
      html_escape(title) +
      "</title><style>@page{size:A4;margin:15mm}body{font-family:'WenQuanYi Micro Hei','Microsoft YaHei',sans-serif;"
      "font-size:10pt}h1{font-size:15pt;margin:0 0 2mm}h2{font-size:11.5pt;margin:4mm 0 1mm}"
      "table{width:100%;border-collapse:collapse;page-break-inside:avoid}th,td{border:1px solid #888;"
      "padding:1mm 2mm;text-align:left}th{background:#eee}td.n{text-align:right;white-space:nowrap}"
      ".bar{width:40mm;height:3mm;background:#e4e4e4}.bar div{height:3mm;background:#3a7d44}"
      ".bar div.low{background:#c47f1a}</style></head><body><h1>" +
      html_escape(title) + "</h1>";
  const auto rows = stats_rows(s);
  std::string open_item;
  for (const auto& r : rows) {
    if (r[kItem] != open_item) {
      if (!open_item.empty()) h += "</table>";
      open_item = r[kItem];
      const bool rate = r[kUnit] == "%";
      h += "<h2>" + html_escape(open_item) + "</h2><table><tr><th>类别</th><th>" +
           (rate ? std::string("达标率</th><th></th><th>分子/分母") : std::string("数值")) + "</th><th>说明</th></tr>";
    }
    h += "<tr><td>" + html_escape(r[kCategory].empty() ? "—" : r[kCategory]) + "</td>";
    if (r[kUnit] == "%") {
      const double pct = r[kValue].empty() ? 0.0 : std::atof(r[kValue].c_str());
      h += "<td class=\"n\">" + (r[kValue].empty() ? std::string("—") : html_escape(r[kValue]) + "%") +
           "</td><td><div class=\"bar\">" +
           (r[kValue].empty() ? std::string()
                              : "<div class=\"" + std::string(pct < 99.95 ? "low" : "") +
                                    "\" style=\"width:" + std::to_string(static_cast<int>(pct + 0.5)) + "%\"></div>") +
           "</div></td><td class=\"n\">" + html_escape(r[kNumerator]) + "/" + html_escape(r[kDenominator]) + "</td>";
    } else {
      h += "<td class=\"n\">" + html_escape(r[kValue]) + " " + html_escape(r[kUnit]) + "</td>";
    }
    h += "<td>" + html_escape(r[kNote]) + "</td></tr>";
  }
  if (!open_item.empty()) h += "</table>";
  return h + "</body></html>";
}

std::string stats_text(const MonthlyStats& s) {
  std::string out;
  char head[64];
  std::snprintf(head, sizeof head, "%04d-%02d ", s.year, s.month);
  out += head + (s.site.empty() ? std::string("全部站点 all sites") : "站点 " + s.site) + "\n";
  out += "  新建记录 created:";
  for (const auto& [type, n] : s.created)
    if (n) out += " " + type + "=" + std::to_string(n);
  out += "\n";
  for (const auto& c : s.compliance)
    out += "  时限 " + c.label.zh + ": " + (c.judged() ? percent(c.rate()) : std::string("—")) + " met " +
           std::to_string(c.met) + ", missed " + std::to_string(c.missed) + ", overdue " + std::to_string(c.overdue) +
           "\n";
  for (const auto& r : s.callback_rates)
    out += "  回访 " + std::string(enum_label(r.source).zh) + ": " + std::to_string(r.done) + "/" +
           std::to_string(r.required) + " required of " + std::to_string(r.finished) + (r.meets() ? " ok" : " SHORT") +
           "\n";
  out += "  满意率 satisfaction: " + percent(s.satisfaction()) + " of " + std::to_string(s.rated) + "\n";
  out += "  回访不合格 failed callbacks: " + std::to_string(s.failed_callbacks.size()) + "\n";
  out += "  连续同一事项投诉 repeat complaints: " + std::to_string(s.repeat_complaints.size()) + "\n";
  out += "  同一维修3次以上 repeat repairs: " + std::to_string(s.repeat_repairs.size()) + "\n";
  return out;
}

}  // namespace desk
