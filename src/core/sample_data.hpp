// Sample data: a seeded generator of plausible records of every module for
// one site and month. It feeds the merge property tests, the consolidation
// test and benchmarks, and shows what a month at a service center holds.
#pragma once
#include <cstdint>
#include <string>

#include "core/dataset.hpp"

namespace desk {

struct SampleOptions {
  std::string site = "site-A";
  int year = 2026, month = 11;
  std::size_t records = 100;  // spread over the modules
  std::uint64_t seed = 1;
  std::string only;  // a record type ("visit", "complaint", "repair", "key_loan"): all records of it
};

// The same options give the same records on every platform.
Dataset sample_dataset(const SampleOptions& options);

// A small deterministic generator (splitmix64), shared by tests.
class SampleRng {
 public:
  explicit SampleRng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  RandomBits bits();

 private:
  std::uint64_t state_;
};

}  // namespace desk
