// 今日待办 — the start screen: what is overdue and due soon, for me and for
// the center, each one click from its record (SPEC §1–§10 via core todo()).
#pragma once
#include <functional>
#include <string>

#include "core/todo.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class TodayView {
 public:
  // Called with (record type, record id) when a row is clicked.
  using OpenFn = std::function<void(const std::string& type, const std::string& id)>;
  void draw(Context& ctx, const OpenFn& open);

 private:
  bool mine_only_ = false;
  bool include_not_due_ = false;
  std::vector<TodoItem> items_;
  std::uint64_t version_ = ~0ull;
  std::int64_t computed_minute_ = -1;
  std::string key_;
  std::string person_;  // whose filters these are
};

}  // namespace desk::ui
