#include "core/guide.hpp"

#include <algorithm>

namespace desk {

namespace {

// Index of the first branch of `step_id` in the flattened branch list.
std::size_t branch_base(const Script& s, std::string_view step_id) {
  std::size_t base = 0;
  for (const auto& st : s.steps) {
    if (st.id == step_id) return base;
    base += st.branches.size();
  }
  return base;
}

}  // namespace

std::string* visit_field(Visit& v, std::string_view key) {
  if (key == "visitor_name") return &v.visitor_name;
  if (key == "phone") return &v.phone;
  if (key == "content") return &v.content;
  if (key == "answer") return &v.answer;
  if (key == "unit") return &v.unit;
  if (key == "company") return &v.company;
  return nullptr;
}

const std::string* visit_field(const Visit& v, std::string_view key) {
  return visit_field(const_cast<Visit&>(v), key);
}

GuidedVisit start_guided_visit(const Script& script, Visit draft) {
  GuidedVisit g;
  g.script = &script;
  g.step = script.start;
  draft.outcome = VisitOutcome::pending;
  g.draft = std::move(draft);
  g.path.push_back(script.start);
  std::size_t branches = 0;
  for (const auto& st : script.steps) branches += st.branches.size();
  g.taken.assign(branches, 0);
  return g;
}

const Step& current_step(const GuidedVisit& g) {
  return *g.script->find(g.step);
}

int steps_to_finish(const Script& script, std::string_view from) {
  // Breadth first over the branches: the first finish step reached is the nearest.
  std::vector<std::pair<std::string_view, int>> queue{{from, 0}};
  std::vector<std::string_view> seen{from};
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const auto [id, depth] = queue[i];
    const Step* step = script.find(id);
    if (!step) continue;
    if (step->finish) return depth;
    for (const Branch& b : step->branches)
      if (std::find(seen.begin(), seen.end(), b.next) == seen.end()) {
        seen.push_back(b.next);
        queue.push_back({b.next, depth + 1});
      }
  }
  return -1;
}

StepCount step_count(const GuidedVisit& g) {
  const int at = static_cast<int>(g.path.size());
  const int rest = steps_to_finish(*g.script, g.step);
  return {at, at + std::max(rest, 0)};
}

Errors set_visit_field(GuidedVisit& g, std::string_view key, std::string value) {
  if (g.finished) return {{std::string(key), {"接待已结束", "the visit is finished"}}};
  std::string* field = is_script_input_field(key) ? visit_field(g.draft, key) : nullptr;
  if (!field) return {{std::string(key), {"此项不能在接待流程中填写", "this field is not filled by the script"}}};
  *field = std::move(value);
  return {};
}

Expected<Visit> visit_after_branch(const Visit& draft, const Branch& branch) {
  Errors errors;
  Visit v = draft;
  for (const auto& key : branch.effects.requires_fields) {
    std::string* field = visit_field(v, key);
    const Msg label = field_label<Visit>(key);
    if (!field || trim(*field).empty()) {
      errors.push_back({key, {"请先填写" + label.zh, label.en + " is required first"}});
    } else if (key == "phone" && !plausible_phone(trim(*field))) {
      errors.push_back({key,
                        {"电话号码格式不对（7–20 位数字，可含 - 或空格）",
                         "Phone number looks wrong (7–20 digits, '-' or spaces allowed)"}});
    }
  }
  if (!errors.empty()) return errors;
  if (branch.effects.purpose) v.purpose = *branch.effects.purpose;
  if (branch.effects.outcome) v.outcome = *branch.effects.outcome;
  if (branch.effects.consulted) v.consulted = *branch.effects.consulted;
  return v;
}

Errors choose_branch(GuidedVisit& g, std::size_t index) {
  if (g.finished) return {{g.step, {"接待已结束", "the visit is finished"}}};
  const Step& step = current_step(g);
  if (index >= step.branches.size()) return {{g.step, {"没有这个选项", "no such choice"}}};
  const Branch& branch = step.branches[index];
  auto next = visit_after_branch(g.draft, branch);
  if (!next) return next.errors();
  int& count = g.taken[branch_base(*g.script, g.step) + index];
  ++count;
  if (branch.limit > 0 && count > branch.limit)
    g.notes.push_back({"“" + branch.label.zh + "”第 " + std::to_string(count) + " 次（限 " +
                           std::to_string(branch.limit) + " 次），记录在案，作为定期考核的参考（" + step.source + "）",
                       "\"" + branch.label.en + "\" taken " + std::to_string(count) + " times (limit " +
                           std::to_string(branch.limit) + "); recorded for the periodic review (" + step.source + ")"});
  g.draft = std::move(next.value());
  g.step = branch.next;
  g.path.push_back(g.step);
  return {};
}

Errors finish_guided_visit(GuidedVisit& g) {
  if (g.finished) return {};
  if (!current_step(g).finish) return {{g.step, {"流程还没有走到结束步骤", "the script has not reached a finish"}}};
  Errors errors = validate(g.draft);
  if (!errors.empty()) return errors;
  g.finished = true;
  return {};
}

std::string turns_into(const Visit& v) {
  if (v.purpose == VisitPurpose::repair) return "repair";
  if (v.purpose == VisitPurpose::complaint) return "complaint";
  return {};
}

}  // namespace desk
