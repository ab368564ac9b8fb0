// Issue 13: a record named in another (a visit's 转办记录, a complaint's
// 来访记录, a callback's 原记录) is shown as a link that opens it, not as a
// raw id. Views never call each other: the link posts a request the app
// takes once per frame (like case_training.hpp).
#pragma once
#include <optional>
#include <string>
#include <utility>

#include "core/dataset.hpp"

namespace desk::ui {

struct LinkedRecord {
  std::string type;   // Visit::kType …
  std::string label;  // 报修 · 3栋-1202 · 派工
};
// The stored record with this id in any table, described for a link.
std::optional<LinkedRecord> find_linked(const Dataset& data, const std::string& id);

// Draws the link (widget id `widget`); a click asks the app to open it.
// False (nothing drawn) when no stored record has that id.
bool record_link(const Dataset& data, const std::string& id, const std::string& widget);

void request_open(const std::string& type, const std::string& id);
// The (type, id) asked for since the last call, once.
std::optional<std::pair<std::string, std::string>> take_open_request();

}  // namespace desk::ui
