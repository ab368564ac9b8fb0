// 培训考核 — judging one typed answer (SPEC "Reception script" 2): what was
// said against the manual's 服务禁用语 and 推诿 rules (wording.hpp), and
// what a good answer to this step must contain (the step's required groups;
// a group word "@apology" names an AnswerElement of assets/wording.json).
// The three findings are kept apart so the review shows each under its own
// heading: 服务禁用语, 推诿, 缺少要素.
#pragma once
#include <string_view>
#include <vector>

#include "core/scenario.hpp"
#include "core/wording.hpp"

namespace desk {

struct AnswerCheck {
  std::vector<WordingHit> forbidden;  // WordingKind::forbidden hits
  std::vector<WordingHit> shirking;   // WordingKind::shirking hits
  std::vector<Msg> missing;           // each required group not met, by name (抱歉, 理解, 久等 …)
  std::size_t met = 0;                // required groups met
  bool acceptable() const { return forbidden.empty() && shirking.empty(); }
};

// True when `typed` meets one of the group's words ("@id": the element).
bool meets_group(const std::vector<std::string>& group, const Wording& wording, std::string_view typed);

// The name of a required group: element names and plain words joined by ／.
Msg group_name(const std::vector<std::string>& group, const Wording& wording);

AnswerCheck check_answer(const ScenarioStep& step, const Wording& wording, std::string_view typed);

}  // namespace desk
