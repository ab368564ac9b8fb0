// libFuzzer target (native, ASan + UBSan) over the save path: the fuzzer's
// bytes drive the same generator as the generative round-trip test
// (tests/gen/): a few saves, edits, workflow steps and imports on a desk in
// a scratch folder, then a reload with both readers and an export and
// re-import. Any broken promise of issue 17 aborts with what broke.
// `make fuzz FUZZ_SECONDS=600` runs it after import_fuzz.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "../gen/desk_runner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::size_t pos = 0;
  desk::gen::Gen g([&]() -> std::uint64_t {
    std::uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = v << 8 | (pos < size ? data[pos++] : 0);
    return v;
  });
  static const std::string dir =
      (std::filesystem::temp_directory_path() / ("desk-save-fuzz-" + std::to_string(::getpid()))).string();
  desk::gen::Runner run(dir, g);
  const int steps = 1 + static_cast<int>(g.below(4));
  for (int s = 0; s < steps; ++s) {
    const std::string problem = run.step();
    if (!problem.empty()) {
      std::fprintf(stderr, "step %d: %s\n", s, problem.c_str());
      std::abort();
    }
  }
  const std::string problem = run.verify();
  if (!problem.empty()) {
    std::fprintf(stderr, "verify: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
