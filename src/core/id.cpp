#include "core/id.hpp"

#include <array>

namespace desk {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string make_record_id(Timestamp created, const RandomBits& random) {
  std::string id(26, '0');
  std::uint64_t t = static_cast<std::uint64_t>(created.ms) & ((1ULL << 48) - 1);
  for (int i = 9; i >= 0; --i) {
    id[i] = kAlphabet[t & 31];
    t >>= 5;
  }
  // 80 random bits -> 16 characters of 5 bits.
  int bit = 0;
  for (int i = 10; i < 26; ++i, bit += 5) {
    int v = 0;
    for (int b = 0; b < 5; ++b) {
      const int pos = bit + b;
      v = (v << 1) | ((random[pos / 8] >> (7 - pos % 8)) & 1);
    }
    id[i] = kAlphabet[v];
  }
  return id;
}

bool is_record_id(const std::string& s) {
  if (s.size() != 26 || s[0] < '0' || s[0] > '7') return false;
  // A lookup table of the alphabet (this runs for every record loaded).
  static const auto allowed = [] {
    std::array<bool, 256> t{};
    for (const char* a = kAlphabet; *a; ++a) t[static_cast<unsigned char>(*a)] = true;
    return t;
  }();
  for (char c : s)
    if (!allowed[static_cast<unsigned char>(c)]) return false;
  return true;
}

}  // namespace desk
