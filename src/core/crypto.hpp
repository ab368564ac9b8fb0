// SHA-256 (FIPS 180-4), HMAC-SHA-256 (RFC 2104) and PBKDF2-HMAC-SHA-256
// (RFC 8018) for staff PINs. Pure functions: the same code runs natively
// and in the browser, so a PIN set on one desk verifies on another.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace desk {

using Digest = std::array<std::uint8_t, 32>;

Digest sha256(std::string_view data);
Digest hmac_sha256(std::string_view key, std::string_view message);
std::vector<std::uint8_t> pbkdf2_sha256(std::string_view password, std::string_view salt, int iterations,
                                        std::size_t length);

std::string to_hex(const std::uint8_t* data, std::size_t n);
template <class C>
std::string to_hex(const C& bytes) {
  return to_hex(bytes.data(), bytes.size());
}

}  // namespace desk
