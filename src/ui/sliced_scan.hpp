// Filtering a long list a few milliseconds per frame. A search over 100,000
// rows takes tens of milliseconds in the browser; done in one frame it
// stutters the typing. The scan keeps the order it is given (the list's sort
// order), so the result needs no sorting afterwards, and the list shows the
// previous result until the new one is complete (a few frames).
#pragma once
#include <chrono>
#include <cstddef>
#include <vector>

namespace desk::ui {

class SlicedScan {
 public:
  // Starts over on `candidates` (row indices in display order).
  void restart(std::vector<std::size_t> candidates) {
    candidates_ = std::move(candidates);
    next_ = 0;
    found_.clear();
    running_ = true;
  }
  bool running() const { return running_; }

  // Tests keep(i) on the next candidates for about `budget_ms`; returns true
  // once every candidate has been tested (take() then has the result).
  template <class Keep>
  bool step(Keep&& keep, double budget_ms = 3.0) {
    if (!running_) return false;
    using clock = std::chrono::steady_clock;
    const auto until = clock::now() + std::chrono::microseconds(static_cast<long>(budget_ms * 1000));
    while (next_ < candidates_.size()) {
      const std::size_t end = std::min(candidates_.size(), next_ + kChunk);
      for (; next_ < end; ++next_)
        if (keep(candidates_[next_])) found_.push_back(candidates_[next_]);
      if (clock::now() >= until) break;
    }
    running_ = next_ < candidates_.size();
    return !running_;
  }
  std::vector<std::size_t> take() { return std::move(found_); }

 private:
  // Rows between clock reads. A row's first test also makes its search
  // text (haystack.hpp, ~1.5 µs in the browser), so 2,048 rows could run
  // 3 ms past the budget; 512 keeps a slice within about 1 ms of it, for
  // 200 clock reads over 100,000 rows.
  static constexpr std::size_t kChunk = 512;
  std::vector<std::size_t> candidates_;
  std::vector<std::size_t> found_;
  std::size_t next_ = 0;
  bool running_ = false;
};

}  // namespace desk::ui
