#include "core/answer_check.hpp"

namespace desk {

bool meets_group(const std::vector<std::string>& group, const Wording& wording, std::string_view typed) {
  for (const auto& w : group) {
    if (!w.empty() && w.front() == '@') {
      const AnswerElement* e = wording.element(std::string_view(w).substr(1));
      if (e && has_element(*e, typed)) return true;
    } else if (typed.find(w) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

Msg group_name(const std::vector<std::string>& group, const Wording& wording) {
  Msg name;
  for (const auto& w : group) {
    const AnswerElement* e = !w.empty() && w.front() == '@' ? wording.element(std::string_view(w).substr(1)) : nullptr;
    name.zh += (name.zh.empty() ? "" : "／") + (e ? e->name.zh : w);
    name.en += (name.en.empty() ? "" : " / ") + (e ? e->name.en : w);
  }
  return name;
}

AnswerCheck check_answer(const ScenarioStep& step, const Wording& wording, std::string_view typed) {
  AnswerCheck check;
  for (auto& hit : find_wording(wording, typed))
    (hit.kind == WordingKind::shirking ? check.shirking : check.forbidden).push_back(std::move(hit));
  for (const auto& group : step.required) {
    if (meets_group(group, wording, typed))
      ++check.met;
    else
      check.missing.push_back(group_name(group, wording));
  }
  return check;
}

}  // namespace desk
