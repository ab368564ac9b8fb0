// Reading assets/wording.json into a Wording (see wording.hpp).
#include <set>

#include "core/data_reader.hpp"
#include "core/wording.hpp"

namespace desk {

const AnswerElement* Wording::element(std::string_view id) const {
  for (const auto& e : elements)
    if (e.id == id) return &e;
  return nullptr;
}

namespace {

std::string id_of(const json& j) {
  return j.is_object() && j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "?";
}

WordingRule read_rule(const json& j, Errors& errors, const std::string& where) {
  WordingRule r;
  if (!data::object_with_keys(
          j, {"id", "kind", "words", "then", "max_gap", "not_before", "not_after", "excused_by", "zh", "en", "source"},
          errors, where))
    return r;
  r.id = data::text(j, "id", errors, where, true);
  const std::string kind = data::text(j, "kind", errors, where, true);
  if (kind == "shirking")
    r.kind = WordingKind::shirking;
  else if (kind != "forbidden")
    errors.push_back({where, {"kind 应为 forbidden 或 shirking", "kind must be forbidden or shirking"}});
  r.words = data::texts(j, "words", errors, where);
  r.then = data::texts(j, "then", errors, where);
  r.max_gap = data::number(j, "max_gap", 0, 0, 40, errors, where);
  r.not_before = data::texts(j, "not_before", errors, where);
  r.not_after = data::texts(j, "not_after", errors, where);
  r.excused_by = data::texts(j, "excused_by", errors, where);
  r.explanation = {data::text(j, "zh", errors, where, true), data::text(j, "en", errors, where, true)};
  r.source = data::text(j, "source", errors, where, true);
  for (const auto* list : {&r.words, &r.then})
    for (const auto& w : *list)
      if (w.empty()) errors.push_back({where, {"词语为空", "empty word"}});
  if (r.words.empty()) errors.push_back({where, {"规则没有词语", "rule has no words"}});
  return r;
}

AnswerElement read_element(const json& j, Errors& errors, const std::string& where) {
  AnswerElement e;
  if (!data::object_with_keys(j, {"id", "zh", "en", "words", "units"}, errors, where)) return e;
  e.id = data::text(j, "id", errors, where, true);
  e.name = {data::text(j, "zh", errors, where, true), data::text(j, "en", errors, where, true)};
  e.words = data::texts(j, "words", errors, where);
  e.units = data::texts(j, "units", errors, where);
  if (e.words.empty() && e.units.empty()) errors.push_back({where, {"要素没有词语", "element has no words"}});
  return e;
}

}  // namespace

Expected<Wording> parse_wording(std::string_view json_text) {
  Errors errors;
  auto doc = data::parse_text(json_text, errors, "wording");
  if (!doc) return errors;
  if (!data::object_with_keys(*doc, {"format", "version", "_about", "rule_markers", "negators", "rules", "elements"},
                              errors, "wording"))
    return errors;
  if (data::text(*doc, "format", errors, "wording", true) != "desk-wording")
    errors.push_back({"wording", {"不是用语规则文件（format 应为 desk-wording）", "not a wording file"}});
  Wording w;
  w.rule_markers = data::texts(*doc, "rule_markers", errors, "wording");
  w.negators = data::texts(*doc, "negators", errors, "wording");
  std::set<std::string> ids;
  for (const auto& rj : data::list(*doc, "rules", errors, "wording", true)) {
    w.rules.push_back(read_rule(rj, errors, "wording/" + id_of(rj)));
    if (!ids.insert(w.rules.back().id).second)
      errors.push_back({"wording/" + w.rules.back().id, {"规则编号重复", "duplicate rule id"}});
  }
  for (const auto& ej : data::list(*doc, "elements", errors, "wording", false)) {
    w.elements.push_back(read_element(ej, errors, "wording/" + id_of(ej)));
    if (!ids.insert(w.elements.back().id).second)
      errors.push_back({"wording/" + w.elements.back().id, {"编号重复", "duplicate id"}});
  }
  if (!errors.empty()) return errors;
  return w;
}

}  // namespace desk
