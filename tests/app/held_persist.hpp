// A persist step the test finishes by hand: nothing is durable until finish().
#pragma once
#include <vector>

#include "app/desk.hpp"

namespace desk::test {

struct HeldPersist {
  std::vector<Desk::PersistDone> pending;
  Desk::PersistFn fn() {
    return [this](Desk::PersistDone done) { pending.push_back(std::move(done)); };
  }
  void finish() {
    auto done = std::move(pending.front());
    pending.erase(pending.begin());
    done(true, "");
  }
};

}  // namespace desk::test
