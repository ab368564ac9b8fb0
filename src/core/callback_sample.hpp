// 回访 sampling (SPEC §4): how many of a month's repair / special-service /
// help work orders are called back, and which ones.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace desk {

// (rule) SPEC §4 monthly sample size, n = that month's count:
// n < 20 → min(n, 5); 20 ≤ n ≤ 50 → ceil(30 % · n); 50 < n ≤ 100 → ceil(15 % · n); n > 100 → 20.
int callback_sample_size(int n);

// A stable seed for one site's month ("site-A", 2026, 11).
std::uint64_t callback_sample_seed(const std::string& site, int year, int month);

// The month's sample: callback_sample_size(ids.size()) ids drawn with the
// seed. The same ids (in any order) and seed give the same sample on every
// platform (own generator and shuffle, not the standard library's).
std::vector<std::string> callback_sample(std::vector<std::string> ids, std::uint64_t seed);

}  // namespace desk
