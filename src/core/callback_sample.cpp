#include "core/callback_sample.hpp"

#include <algorithm>

namespace desk {

namespace {
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Uniform in [0, bound) without modulo bias.
std::uint64_t below(std::uint64_t bound, std::uint64_t& state) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t r;
  do r = splitmix64(state);
  while (r >= limit);
  return r % bound;
}
}  // namespace

int callback_sample_size(int n) {
  if (n <= 0) return 0;
  if (n < 20) return std::min(n, 5);
  if (n <= 50) return (30 * n + 99) / 100;
  if (n <= 100) return (15 * n + 99) / 100;
  return 20;
}

std::uint64_t callback_sample_seed(const std::string& site, int year, int month) {
  std::uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a
  for (unsigned char c : site + "|" + std::to_string(year) + "-" + std::to_string(month)) {
    h ^= c;
    h *= 0x100000001B3ull;
  }
  return h;
}

std::vector<std::string> callback_sample(std::vector<std::string> ids, std::uint64_t seed) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  const auto k = static_cast<std::size_t>(callback_sample_size(static_cast<int>(ids.size())));
  std::uint64_t state = seed;
  // Partial Fisher–Yates: the first k places.
  for (std::size_t i = 0; i < k; ++i) std::swap(ids[i], ids[i + below(ids.size() - i, state)]);
  ids.resize(k);
  return ids;
}

}  // namespace desk
