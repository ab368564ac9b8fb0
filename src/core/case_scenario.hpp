// 案例情景 — a case of the case library played in the trainer (issue 15):
// the complaint-handling script (assets/case_scenario.json: listen,
// apologise, the measures with a timetable, escalation, cause and
// prevention, follow-up — seed 000 投诉处理程序 and the four golden rules,
// seed 002 严重投诉) filled with the case's own facts, so new hires train on
// what really happened at their site.
#pragma once
#include <string>

#include "core/case_study.hpp"
#include "core/scenario.hpp"

namespace desk {

// The id of a case's scenario ("case-" + the case id): attempts on it are
// stored like any other and never count toward certification.
std::string case_scenario_id(const CaseStudy& c);

// The template with its placeholders replaced in every text a trainee sees:
//   {title} {what_happened} {cause_analysis} {responsibility}
//   {corrective_action} {prevention} {reply} {type} {severity}
//   {escalation} {deadlines} {year}
// (an empty fact reads "（未记录）"). The title becomes 案例：<title>.
Scenario scenario_from_case(const Scenario& script, const CaseStudy& c);

}  // namespace desk
