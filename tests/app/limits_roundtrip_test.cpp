// Issue 17's generative round trip: 10,000 generated operations (saves,
// edits, workflow steps and imports of every record type, with values at
// the limits and one past them, CJK, astral-plane and control characters,
// empty and maximal lists, revisions near the maximum). Whatever the desk
// accepts reads back identically with both journal readers and re-imports
// identically; whatever it refuses leaves the stored bytes unchanged.
#include <catch2/catch.hpp>
#include <filesystem>

#include "../gen/desk_runner.hpp"

using namespace desk;
using namespace desk::gen;

TEST_CASE("limits: 10,000 generated saves, steps and imports round-trip or leave the store unchanged") {
  const std::uint64_t seed = 20261202;
  SampleRng rng(seed);
  Gen g([&] { return rng.next(); });
  Stats total;
  constexpr int kBatches = 100, kSteps = 100;
  const auto dir = std::filesystem::temp_directory_path() / ("desk-gen-" + std::to_string(::getpid()));
  for (int b = 0; b < kBatches; ++b) {
    Runner run((dir / std::to_string(b)).string(), g);
    for (int s = 0; s < kSteps; ++s) {
      const std::string problem = run.step();
      INFO("seed " << seed << ", batch " << b << ", step " << s);
      REQUIRE(problem == "");
    }
    INFO("seed " << seed << ", batch " << b);
    REQUIRE(run.verify() == "");
    const Stats& s = run.stats;
    total.saved += s.saved, total.save_refused += s.save_refused, total.performed += s.performed;
    total.perform_refused += s.perform_refused, total.imported += s.imported, total.import_refused += s.import_refused;
    total.at_limit_saved += s.at_limit_saved, total.at_limit_imported += s.at_limit_imported;
    total.over_limit_refused += s.over_limit_refused;
  }
  std::filesystem::remove_all(dir);
  // The generator reached both sides of every limit, and both outcomes.
  INFO("saved " << total.saved << " refused " << total.save_refused << "; steps " << total.performed << " refused "
                << total.perform_refused << "; imports " << total.imported << " refused " << total.import_refused
                << "; at a limit and accepted " << total.at_limit_saved << " + " << total.at_limit_imported
                << "; past a limit and refused " << total.over_limit_refused);
  WARN("saved " << total.saved << " refused " << total.save_refused << "; steps " << total.performed << " refused "
                << total.perform_refused << "; imports " << total.imported << " refused " << total.import_refused
                << "; at a limit and accepted " << total.at_limit_saved << " + " << total.at_limit_imported
                << "; past a limit and refused " << total.over_limit_refused);
  CHECK(total.saved > 500);
  CHECK(total.save_refused > 500);
  CHECK(total.performed > 50);
  CHECK(total.imported > 200);
  CHECK(total.import_refused > 200);
  CHECK(total.at_limit_saved > 20);
  CHECK(total.at_limit_imported > 20);
  CHECK(total.over_limit_refused > 500);
}
