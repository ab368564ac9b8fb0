// Record ids: unique across sites and devices without coordination.
// A ULID (26 characters, Crockford base32): 48 bits of creation time in
// milliseconds, then 80 random bits from the platform's secure generator.
// Ids sort by creation time, which keeps lists and exports stable.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "core/time.hpp"

namespace desk {

using RandomBits = std::array<std::uint8_t, 10>;

std::string make_record_id(Timestamp created, const RandomBits& random);
// True for 26 characters of Crockford base32 (upper case) whose first is 0–7.
bool is_record_id(const std::string& s);

}  // namespace desk
