#include "core/case_study.hpp"

#include <algorithm>

#include "core/anonymise.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"

namespace desk {

namespace {

struct RuleName {
  const char* code;
  Msg label;
};
// The complaint deadlines of SPEC §2, by the names of complaint.hpp.
const RuleName kRules[] = {
    {"complaint_serious_result", {"严重投诉48小时内出结果", "Serious: result within 48 h"}},
    {"complaint_record", {"有效投诉3天内填写处理记录", "Valid: record filled within 3 days"}},
    {"complaint_invalid_reply", {"无效投诉1天内向投诉人解释", "Invalid: explained within 1 day"}},
    {"complaint_other_org", {"涉及其他单位3天内向投诉人解释", "Other organisation: explained within 3 days"}},
    {"complaint_corrective", {"纠正措施按期完成", "Corrective action by its due date"}},
};

// At most kMaxTextLength code points: cutting out names and units can lengthen
// a text, and the close of a complaint must not fail on its case's length.
std::string fit(const std::string& s) {
  if (utf8_length(s) <= kMaxTextLength) return s;
  std::size_t at = 0;
  for (std::size_t n = 0; at < s.size() && n + 1 < kMaxTextLength; ++n) {
    const auto b = static_cast<unsigned char>(s[at]);
    at += b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  }
  return s.substr(0, std::min(at, s.size())) + "…";
}

}  // namespace

Action create_permission(const CaseStudy&) {
  return Action::mark_case;
}

Errors validate(const CaseStudy& c) {
  Errors errors;
  require_text(errors, c.source_id, "source_id", "来源投诉", "Source complaint");
  require_text(errors, c.what_happened, "what_happened", "经过", "What happened");
  for (std::size_t i = 0; i < c.deadlines.size(); ++i) {
    const CaseDeadline& d = c.deadlines[i];
    bool known = false;
    for (const auto& r : kRules) known |= d.rule == r.code;
    if (!known) errors.push_back({"deadlines", {"未知的时限：" + d.rule, "unknown deadline: " + d.rule}});
  }
  return errors;
}

std::string search_text(const CaseStudy& c) {
  return join_lines(
      {c.title, c.what_happened, c.cause_analysis, c.responsibility, c.corrective_action, c.prevention, c.reply});
}

CaseStudy case_from_complaint(const Complaint& c, CaseOrigin origin, Timestamp now) {
  const PersonalData who{c.complainant, c.phone, c.unit};
  auto clean = [&](const std::string& s) { return fit(anonymise_text(trim(s), who)); };
  auto joined = [&](const std::string& a, const std::string& b) {
    const std::string x = clean(a), y = clean(b);
    return fit(x.empty() ? y : y.empty() ? x : x + "\n" + y);
  };
  CaseStudy k;
  k.source_id = c.meta.id;
  k.origin = origin;
  k.occurred_at = c.received_at;
  k.type = c.type;
  k.severity = c.severity;
  k.serious_criteria = c.serious_criteria;
  k.title = clean(c.matter.empty() ? std::string() : c.matter);
  k.what_happened = joined(c.content, c.investigation);
  if (k.title.empty()) k.title = utf8_length(k.what_happened) <= 24 ? k.what_happened : std::string();
  k.cause_analysis = clean(c.cause_analysis);
  k.responsibility = clean(c.responsibility);
  k.corrective_action = clean(c.corrective_action);
  k.prevention = clean(c.prevention);
  k.reply = clean(c.reply);
  k.escalation = c.escalation;
  const std::pair<const char*, std::optional<Deadline>> deadlines[] = {
      {"complaint_serious_result", complaint_serious_result_deadline(c)},
      {"complaint_record", complaint_record_deadline(c)},
      {"complaint_invalid_reply", complaint_invalid_reply_deadline(c)},
      {"complaint_other_org", complaint_other_org_deadline(c)},
      {"complaint_corrective", complaint_corrective_deadline(c)},
  };
  for (const auto& [rule, d] : deadlines)
    if (d) k.deadlines.push_back({rule, d->due, d->done, deadline_status(*d, now)});
  return k;
}

std::optional<CaseStudy> case_on_close(const Complaint& before, const Complaint& after, Timestamp now) {
  if (after.severity != Severity::serious || after.status != ComplaintStatus::closed ||
      before.status == ComplaintStatus::closed)
    return std::nullopt;
  return case_from_complaint(after, CaseOrigin::serious_closed, now);
}

Msg case_deadline_label(const std::string& rule) {
  for (const auto& r : kRules)
    if (rule == r.code) return r.label;
  return {rule, rule};
}

Msg case_deadlines_text(const CaseStudy& c) {
  Msg out;
  for (const auto& d : c.deadlines) {
    const Msg label = case_deadline_label(d.rule), outcome = enum_label(d.outcome);
    out.zh += (out.zh.empty() ? "" : "；") + label.zh + "：" + outcome.zh;
    out.en += (out.en.empty() ? "" : "; ") + label.en + ": " + outcome.en;
  }
  if (out.zh.empty()) out = {"无", "none"};
  return out;
}

int case_year(const CaseStudy& c) {
  return to_civil(c.occurred_at).year;
}

}  // namespace desk
