#include "core/scenario.hpp"

#include <set>

#include "core/data_reader.hpp"

namespace desk {

const Scenario* ScenarioSet::find(std::string_view id) const {
  for (const auto& s : scenarios)
    if (s.id == id) return &s;
  return nullptr;
}

namespace {

std::string id_of(const json& j, const std::string& fallback) {
  return j.is_object() && j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : fallback;
}

Choice read_choice(const json& j, Errors& errors, const std::string& where) {
  Choice c;
  if (!data::object_with_keys(j, {"id", "text", "correct", "repeat", "reply", "rule", "rule_en", "source"}, errors,
                              where))
    return c;
  c.id = data::text(j, "id", errors, where, true);
  c.text = data::text(j, "text", errors, where, true);
  c.correct = data::flag(j, "correct", false, errors, where);
  c.repeat = data::flag(j, "repeat", false, errors, where);
  c.reply = data::text(j, "reply", errors, where, false);
  const bool needs_rule = !c.correct && !c.repeat;
  c.rule = {data::text(j, "rule", errors, where, needs_rule), data::text(j, "rule_en", errors, where, false)};
  c.source = data::text(j, "source", errors, where, needs_rule);
  return c;
}

ScenarioStep read_step(const json& j, Errors& errors, const std::string& where) {
  ScenarioStep s;
  if (!data::object_with_keys(
          j, {"id", "event", "customer", "prompt", "points", "choices", "required", "rule", "rule_en", "source"},
          errors, where))
    return s;
  s.id = data::text(j, "id", errors, where, true);
  s.event = data::text(j, "event", errors, where, false);
  s.customer = data::text(j, "customer", errors, where, false);
  s.prompt = data::text(j, "prompt", errors, where, true);
  s.points = data::number(j, "points", 10, 1, 100, errors, where);
  std::set<std::string> ids;
  bool any_correct = false;
  for (const auto& c : data::list(j, "choices", errors, where, false)) {
    s.choices.push_back(read_choice(c, errors, where + "/" + id_of(c, "?")));
    any_correct |= s.choices.back().correct;
    if (!ids.insert(s.choices.back().id).second)
      errors.push_back({where, {"选项编号重复：" + s.choices.back().id, "duplicate choice id"}});
  }
  for (const auto& g : data::list(j, "required", errors, where, false)) {
    std::vector<std::string> group;
    from_value(g, group, errors, where + ".required");
    if (group.empty()) errors.push_back({where, {"关键词组为空", "empty keyword group"}});
    s.required.push_back(std::move(group));
  }
  const bool needs_rule = s.typed();
  s.rule = {data::text(j, "rule", errors, where, needs_rule), data::text(j, "rule_en", errors, where, false)};
  s.source = data::text(j, "source", errors, where, needs_rule);
  if (!s.choices.empty() && !any_correct) errors.push_back({where, {"没有正确的选项", "no correct choice"}});
  return s;
}

}  // namespace

Expected<ScenarioSet> parse_scenarios(std::string_view json_text) {
  Errors errors;
  auto doc = data::parse_text(json_text, errors, "scenarios");
  if (!doc) return errors;
  if (!data::object_with_keys(*doc, {"format", "version", "pass_mark", "scenarios"}, errors, "scenarios"))
    return errors;
  if (data::text(*doc, "format", errors, "scenarios", true) != "desk-scenarios")
    errors.push_back({"scenarios", {"不是培训情景文件（format 应为 desk-scenarios）", "not a scenarios file"}});
  ScenarioSet set;
  set.pass_mark = data::number(*doc, "pass_mark", 80, 1, 100, errors, "scenarios");
  std::set<std::string> ids;
  for (const auto& sj : data::list(*doc, "scenarios", errors, "scenarios", true)) {
    const std::string sid = id_of(sj, "?");
    Scenario sc;
    if (!data::object_with_keys(sj, {"id", "zh", "en", "brief", "steps"}, errors, sid)) continue;
    sc.id = data::text(sj, "id", errors, sid, true);
    sc.title = {data::text(sj, "zh", errors, sid, true), data::text(sj, "en", errors, sid, true)};
    sc.brief = data::text(sj, "brief", errors, sid, true);
    if (!ids.insert(sc.id).second) errors.push_back({sid, {"情景编号重复", "duplicate scenario id"}});
    std::set<std::string> step_ids;
    const json& steps = data::list(sj, "steps", errors, sid, true);
    if (steps.empty()) errors.push_back({sid, {"情景没有步骤", "scenario has no steps"}});
    for (const auto& st : steps) {
      const std::string where = sid + "/" + id_of(st, "?");
      sc.steps.push_back(read_step(st, errors, where));
      if (!step_ids.insert(sc.steps.back().id).second) errors.push_back({where, {"步骤编号重复", "duplicate step id"}});
    }
    set.scenarios.push_back(std::move(sc));
  }
  if (!errors.empty()) return errors;
  return set;
}

}  // namespace desk
