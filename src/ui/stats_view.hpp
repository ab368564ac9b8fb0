// 月度统计 — the month's statistics (SPEC §11): counts, deadline compliance,
// callback rates, satisfaction and the flags, as tables and bars; CSV for
// Excel and a printable page.
#pragma once
#include <optional>

#include "core/stats.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class StatsView {
 public:
  void draw(Context& ctx);

 private:
  int year_ = 0, month_ = 0;
  bool all_sites_ = false;
  std::optional<MonthlyStats> stats_;
  std::uint64_t version_ = ~0ull;
  std::string key_;
};

}  // namespace desk::ui
