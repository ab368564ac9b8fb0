// The lower-cased search text of each row of a list, made the first time a
// search tests that row (inside the sliced scan, a few milliseconds per
// frame), not for every row whenever the data changes: at 100,000 visits
// making them all took ~160 ms of the first frame, and of the frame after
// every save.
#pragma once
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
  }
  // Row i's text, made by make() if this is the first time it is asked for.
  template <class Make>
  const std::string& at(std::size_t i, Make&& make) {
    if (!made_[i]) {
      texts_[i] = make();
      made_[i] = true;
    }
    return texts_[i];
  }

 private:
  std::vector<std::string> texts_;
  std::vector<bool> made_;
};

}  // namespace desk::ui
