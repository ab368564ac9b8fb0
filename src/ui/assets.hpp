// The manuals' data files the views use (assets/ preloaded at /assets):
// read once, parsed by the core; a file that does not parse leaves an empty
// list and a message for the status area.
#pragma once
#include <string>
#include <vector>

#include "core/duties.hpp"
#include "core/plans.hpp"

namespace desk::ui {

struct Assets {
  std::vector<EmergencyPlan> plans;
  std::vector<DutyRule> duties;
  std::vector<Msg> problems;
};

// Loaded on first use.
const Assets& assets();

}  // namespace desk::ui
