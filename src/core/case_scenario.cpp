#include "core/case_scenario.hpp"

#include <utility>
#include <vector>

namespace desk {

namespace {

using Facts = std::vector<std::pair<std::string, std::string>>;

std::string fill(std::string text, const Facts& facts) {
  for (const auto& [key, value] : facts)
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  return text;
}

std::string or_unknown(const std::string& s) {
  return trim(s).empty() ? "（未记录）" : trim(s);
}

}  // namespace

std::string case_scenario_id(const CaseStudy& c) {
  return "case-" + c.meta.id;
}

Scenario scenario_from_case(const Scenario& script, const CaseStudy& c) {
  const std::string title = trim(c.title).empty() ? enum_label(c.type).zh + "投诉" : trim(c.title);
  const Facts facts = {
      {"{title}", title},
      {"{what_happened}", or_unknown(c.what_happened)},
      {"{cause_analysis}", or_unknown(c.cause_analysis)},
      {"{responsibility}", or_unknown(c.responsibility)},
      {"{corrective_action}", or_unknown(c.corrective_action)},
      {"{prevention}", or_unknown(c.prevention)},
      {"{reply}", or_unknown(c.reply)},
      {"{type}", enum_label(c.type).zh},
      {"{severity}", enum_label(c.severity).zh},
      {"{escalation}", enum_label(c.escalation).zh},
      {"{deadlines}", case_deadlines_text(c).zh},
      {"{year}", std::to_string(case_year(c))},
  };
  Scenario s = script;
  s.id = case_scenario_id(c);
  s.title = {"案例：" + title, "Case: " + title};
  s.brief = fill(s.brief, facts);
  for (auto& step : s.steps) {
    step.event = fill(step.event, facts);
    step.customer = fill(step.customer, facts);
    step.prompt = fill(step.prompt, facts);
    for (auto& choice : step.choices) {
      choice.text = fill(choice.text, facts);
      choice.reply = fill(choice.reply, facts);
    }
  }
  return s;
}

}  // namespace desk
