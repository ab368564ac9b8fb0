// The lower-cased search text of each row of a list, made the first time a
// search tests that row (inside the sliced scan, a few milliseconds per
// frame), not for every row whenever the data changes: at 100,000 visits
// making them all took ~160 ms of the first frame, and of the frame after
// every save.
#pragma once
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace desk::ui {

class Haystack {
 public:
  // Forgets every text: the rows changed (now `rows` of them).
  void reset(std::size_t rows) {
    texts_.clear();
    texts_.resize(rows);
    made_.assign(rows, false);
    ahead_ = 0;
  }
  // Row i's text, made by make(i) if this is the first time it is asked for.
  template <class Make>
  const std::string& at(std::size_t i, Make&& make) {
    if (!made_[i]) {
      texts_[i] = make(i);
      made_[i] = true;
    }
    return texts_[i];
  }
  // On a frame with no search running: makes the texts not yet made for
  // about `budget_ms`, make(i) giving row i's, so that by the time someone
  // types (a few seconds after a load of 100,000 rows) a search only
  // compares.
  template <class Make>
  void make_ahead(Make&& make, double budget_ms = 1.0) {
    using clock = std::chrono::steady_clock;
    const auto until = clock::now() + std::chrono::microseconds(static_cast<long>(budget_ms * 1000));
    while (ahead_ < texts_.size()) {
      const std::size_t end = std::min(texts_.size(), ahead_ + 256);
      for (; ahead_ < end; ++ahead_)
        if (!made_[ahead_]) texts_[ahead_] = make(ahead_), made_[ahead_] = true;
      if (clock::now() >= until) break;
    }
  }

 private:
  std::vector<std::string> texts_;
  std::vector<bool> made_;
  std::size_t ahead_ = 0;  // rows before this one are all made
};

}  // namespace desk::ui
