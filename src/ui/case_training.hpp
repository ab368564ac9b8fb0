// A typed request between views (views never call each other): the case
// library asks for a case to be played in the trainer; the app takes the
// request once per frame and switches to 培训考核 with that case's scenario.
#pragma once
#include <optional>
#include <string>

namespace desk::ui {

void request_case_training(const std::string& case_id);
// The case id asked for since the last call, once.
std::optional<std::string> take_case_training();

}  // namespace desk::ui
