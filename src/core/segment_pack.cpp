#include "core/segment_pack.hpp"

#include <lz4.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace desk {

namespace {
constexpr char kMagic[4] = {'D', 'L', 'Z', '4'};
constexpr std::size_t kHeader = 8;

void put_u32(char* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
std::uint32_t get_u32(const char* p) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
}  // namespace

std::string pack_segment(std::string_view raw) {
  if (raw.size() > kMaxUnpackedSegment) return {};
  const int bound = LZ4_compressBound(static_cast<int>(raw.size()));
  std::string out(kHeader + static_cast<std::size_t>(bound), '\0');
  std::memcpy(out.data(), kMagic, 4);
  put_u32(out.data() + 4, static_cast<std::uint32_t>(raw.size()));
  // The compressor's state on the heap, not LZ4's 16 KB on the wasm stack.
  static thread_local std::vector<std::uint64_t> state((LZ4_sizeofState() + 7) / 8);
  const int n = LZ4_compress_fast_extState(state.data(), raw.data(), out.data() + kHeader, static_cast<int>(raw.size()),
                                           bound, 1);
  if (n <= 0 && !raw.empty()) return {};
  out.resize(kHeader + static_cast<std::size_t>(n));
  return out;
}

bool unpack_segment(std::string_view packed, std::string& out) {
  out.clear();
  if (packed.size() < kHeader || std::memcmp(packed.data(), kMagic, 4) != 0) return false;
  const std::size_t size = get_u32(packed.data() + 4);
  if (size > kMaxUnpackedSegment) return false;
  out.resize(size);
  const std::string_view block = packed.substr(kHeader);
  if (size == 0 && block.empty()) return true;
  // decompress_safe never writes past `size` nor reads past the block; the
  // whole block must unpack to exactly `size` bytes.
  const int n = LZ4_decompress_safe(block.data(), out.data(), static_cast<int>(block.size()), static_cast<int>(size));
  if (n < 0 || static_cast<std::size_t>(n) != size) {
    out.clear();
    return false;
  }
  return true;
}

}  // namespace desk
