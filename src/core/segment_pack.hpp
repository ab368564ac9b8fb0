// A closed journal segment, kept compressed. Journal text packs about eight
// to one, and a 100,000-record store is 130 MB of it: the browser reads every
// stored byte from IndexedDB before the first frame (0.85 s for 130 MB on the
// bench machine, at the browser's floor), and an import hands every byte to it.
// A segment is closed when the next one starts; only the open (last) segment
// is appended to, so only closed ones are packed (platform/file_store.cpp).
//
// Layout: "DLZ4", the unpacked size (4 bytes, little-endian), one LZ4 block
// (Debian's liblz4; the browser build compiles its source package's lz4.c).
// Each line inside still carries its own checksum (core/journal.hpp).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace desk {

constexpr const char* kPackedSegmentExt = ".lz4";
constexpr const char* kOpenSegmentExt = ".log";
// The largest unpacked segment accepted: far above kSegmentBytes (one line
// longer than a segment is stored alone), far below what a damaged size
// field could ask for.
constexpr std::size_t kMaxUnpackedSegment = 64u << 20;
// A save that writes many segments' worth of lines at once (an import) packs
// them in closed segments of up to this much text: IndexedDB answers each
// stored file in its own request (about half a millisecond each on the bench
// machine), so fewer, larger files read faster.
constexpr std::size_t kPackedRunBytes = 4u << 20;

// The packed form of `raw`; "" when `raw` is larger than kMaxUnpackedSegment.
std::string pack_segment(std::string_view raw);

// Unpacks into `out` (its room is reused). False, with `out` empty, when the
// bytes are not a whole packed segment: a wrong header, a size over the limit,
// a damaged or cut block, or trailing bytes.
bool unpack_segment(std::string_view packed, std::string& out);

}  // namespace desk
