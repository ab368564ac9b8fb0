#include "core/script.hpp"

#include <map>
#include <set>

#include "core/data_reader.hpp"

namespace desk {

const Step* Script::find(std::string_view id) const {
  for (const auto& s : steps)
    if (s.id == id) return &s;
  return nullptr;
}

bool is_script_input_field(std::string_view key) {
  return key == "visitor_name" || key == "phone" || key == "content" || key == "answer" || key == "unit" ||
         key == "company";
}

namespace {

template <class E>
std::optional<E> read_enum(const json& obj, const char* key, Errors& errors, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end()) return std::nullopt;
  E value{};
  if (!from_value(*it, value, errors, where + "." + key)) return std::nullopt;
  return value;
}

RecordEffects read_effects(const json& j, Errors& errors, const std::string& where) {
  RecordEffects fx;
  if (!data::object_with_keys(j, {"purpose", "outcome", "consulted", "requires"}, errors, where)) return fx;
  fx.purpose = read_enum<VisitPurpose>(j, "purpose", errors, where);
  fx.outcome = read_enum<VisitOutcome>(j, "outcome", errors, where);
  fx.consulted = read_enum<Consulted>(j, "consulted", errors, where);
  fx.requires_fields = data::texts(j, "requires", errors, where);
  return fx;
}

Branch read_branch(const json& j, Errors& errors, const std::string& where) {
  Branch b;
  if (!data::object_with_keys(j, {"label", "en", "next", "effects", "limit"}, errors, where)) return b;
  b.label = {data::text(j, "label", errors, where, true), data::text(j, "en", errors, where, false)};
  b.next = data::text(j, "next", errors, where, true);
  b.limit = data::number(j, "limit", 0, 0, 100, errors, where);
  if (j.contains("effects")) b.effects = read_effects(j["effects"], errors, where);
  return b;
}

Step read_step(const json& j, Errors& errors, std::size_t index) {
  Step s;
  std::string where = "steps[" + std::to_string(index) + "]";
  if (j.is_object() && j.contains("id") && j["id"].is_string()) where = j["id"].get<std::string>();
  if (!data::object_with_keys(
          j, {"id", "source", "who", "says", "does", "en", "phrases", "inputs", "branches", "next", "finish"}, errors,
          where))
    return s;
  s.id = data::text(j, "id", errors, where, true);
  s.source = data::text(j, "source", errors, where, false);
  if (auto who = read_enum<Speaker>(j, "who", errors, where)) s.who = *who;
  s.says = data::text(j, "says", errors, where, false);
  s.does = data::text(j, "does", errors, where, false);
  s.en = data::text(j, "en", errors, where, false);
  s.phrases = data::texts(j, "phrases", errors, where);
  s.inputs = data::texts(j, "inputs", errors, where);
  s.finish = data::flag(j, "finish", false, errors, where);
  for (const auto& b : data::list(j, "branches", errors, where, false))
    s.branches.push_back(read_branch(b, errors, where));
  // "next" is shorthand for one unconditional branch.
  if (j.contains("next")) {
    Branch b;
    b.label = {"继续", "Continue"};
    b.next = data::text(j, "next", errors, where, true);
    s.branches.push_back(std::move(b));
  }
  return s;
}

}  // namespace

Errors validate_script(const Script& script, const PhraseBook& phrases) {
  Errors errors;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < script.steps.size(); ++i)
    if (!index.emplace(script.steps[i].id, i).second)
      errors.push_back({script.steps[i].id, {"步骤编号重复", "duplicate step id"}});
  if (!index.count(script.start))
    errors.push_back({"start", {"起始步骤不存在：" + script.start, "start step does not exist: " + script.start}});

  for (const auto& s : script.steps) {
    for (const auto& b : s.branches) {
      if (!index.count(b.next))
        errors.push_back({s.id, {"分支指向不存在的步骤：" + b.next, "branch goes to a missing step: " + b.next}});
      for (const auto& f : b.effects.requires_fields)
        if (!is_script_input_field(f)) errors.push_back({s.id, {"未知的登记字段：" + f, "unknown visit field: " + f}});
    }
    for (const auto& p : s.phrases)
      if (!phrases.find(p)) errors.push_back({s.id, {"用语库中没有：" + p, "phrase not in the book: " + p}});
    for (const auto& f : s.inputs)
      if (!is_script_input_field(f)) errors.push_back({s.id, {"未知的登记字段：" + f, "unknown visit field: " + f}});
    if (s.branches.empty() && !s.finish)
      errors.push_back({s.id, {"此步骤没有出口，也不是结束步骤", "step has no exit and is not a finish"}});
  }
  if (!errors.empty()) return errors;  // the graph checks need sound edges

  // Forward from the start: every step must be reachable.
  std::vector<bool> reached(script.steps.size(), false);
  std::vector<std::size_t> todo{index[script.start]};
  reached[todo.back()] = true;
  while (!todo.empty()) {
    const Step& s = script.steps[todo.back()];
    todo.pop_back();
    for (const auto& b : s.branches) {
      const std::size_t n = index[b.next];
      if (!reached[n]) reached[n] = true, todo.push_back(n);
    }
  }
  // Backward from the finishes: every step must be able to end.
  std::vector<bool> ends(script.steps.size(), false);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < script.steps.size(); ++i) {
      if (ends[i]) continue;
      bool can = script.steps[i].finish;
      for (const auto& b : script.steps[i].branches) can = can || ends[index[b.next]];
      if (can) ends[i] = changed = true;
    }
  }
  for (std::size_t i = 0; i < script.steps.size(); ++i) {
    const std::string& id = script.steps[i].id;
    if (!reached[i]) errors.push_back({id, {"从起始步骤无法到达此步骤", "step cannot be reached from the start"}});
    if (!ends[i])
      errors.push_back({id, {"从此步骤无法走到结束（死路）", "no path from this step to a finish (dead end)"}});
  }
  return errors;
}

Expected<Script> parse_script(std::string_view json_text, const PhraseBook& phrases) {
  Errors errors;
  auto doc = data::parse_text(json_text, errors, "script");
  if (!doc) return errors;
  if (!data::object_with_keys(*doc, {"format", "version", "id", "zh", "en", "source", "start", "steps"}, errors,
                              "script"))
    return errors;
  if (data::text(*doc, "format", errors, "script", true) != "desk-script")
    errors.push_back({"script", {"不是流程文件（format 应为 desk-script）", "not a script file (format)"}});
  Script script;
  script.id = data::text(*doc, "id", errors, "script", true);
  script.title = {data::text(*doc, "zh", errors, "script", true), data::text(*doc, "en", errors, "script", true)};
  script.source = data::text(*doc, "source", errors, "script", false);
  script.start = data::text(*doc, "start", errors, "script", true);
  const json& steps = data::list(*doc, "steps", errors, "script", true);
  for (std::size_t i = 0; i < steps.size(); ++i) script.steps.push_back(read_step(steps[i], errors, i));
  if (!errors.empty()) return errors;
  errors = validate_script(script, phrases);
  if (!errors.empty()) return errors;
  return script;
}

}  // namespace desk
