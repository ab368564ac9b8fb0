// 来电/来访历史 — the caller in front of you (issue 13 item 6; seed 000
// 首问负责制): when a phone number or unit is typed in an intake form, the
// earlier records of that phone or unit across every module, newest first,
// open ones marked — so a repeat complaint is seen before it is taken.
#pragma once
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace desk {

struct CallerHit {
  std::string type;  // Visit::kType …
  std::string id;
  Timestamp at;       // when the record was made
  bool open = false;  // still waiting for someone
  bool by_phone = false, by_unit = false;
};

// Whether a record of any type still waits for someone (is_open where the
// type has one; records without a workflow are never open).
template <class R>
bool record_is_open(const R& r) {
  if constexpr (requires { is_open(r); })
    return is_open(r);
  else
    return false;
}

// Digits only, so 138-1234-5678 and 13812345678 match; empty under 7 digits
// (too short to name a caller).
std::string phone_key(const std::string& phone);
// Trimmed, with full-width digits, letters and the dash made half-width, so
// 3栋－１２０２ and 3栋-1202 match; empty when blank.
std::string unit_key(const std::string& unit);

// (rule) caller_history: every live record (any type) whose phone has the
// same digits as `phone`, or whose unit — a key loan's key — is the same
// as `unit`, except `exclude_id` (the record being edited); newest first, at
// most `limit`.
std::vector<CallerHit> caller_history(const Dataset& data, const std::string& phone, const std::string& unit,
                                      const std::string& exclude_id, std::size_t limit = 8);

}  // namespace desk
