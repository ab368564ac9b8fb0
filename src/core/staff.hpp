// 员工 — the staff list and sign-in (SPEC "Staff, roles, audit"). A PIN is
// stored only as a salted, slow hash (PBKDF2-HMAC-SHA-256); after 5 wrong
// PINs the staff member is locked out for 5 minutes.
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <tuple>

#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

struct Staff {
  static constexpr const char* kType = "staff";
  RecordMeta meta;

  std::string code;  // 工号, e.g. "S001": what records name as received_by etc.
  std::string name;
  Role role = Role::receptionist;
  std::string phone;
  bool active = true;
  std::string pin_salt;  // hex
  std::string pin_hash;  // hex
  int pin_iterations = 0;

  bool operator==(const Staff&) const = default;
  static constexpr auto fields() {
    using S = Staff;
    return std::tuple{
        Field{"code", &S::code, "工号", "Staff number"},
        Field{"name", &S::name, "姓名", "Name"},
        Field{"role", &S::role, "岗位", "Role"},
        Field{"phone", &S::phone, "电话", "Phone"},
        Field{"active", &S::active, "在职", "Active"},
        Field{"pin_salt", &S::pin_salt, "PIN 盐值", "PIN salt"},
        Field{"pin_hash", &S::pin_hash, "PIN 摘要", "PIN hash"},
        Field{"pin_iterations", &S::pin_iterations, "PIN 迭代次数", "PIN iterations"},
    };
  }
};

Action create_permission(const Staff&);
Errors validate(const Staff& s);
std::string search_text(const Staff& s);

constexpr int kPinIterations = 50'000;
constexpr std::size_t kPinMinDigits = 4, kPinMaxDigits = 8;
// Nothing when `pin` is 4–8 digits; otherwise why not.
std::optional<FieldError> check_pin_format(const std::string& pin);
// Sets a new PIN: salt from `salt_bits` (fresh random bytes), hash stored.
Expected<Staff> with_pin(Staff s, const std::string& pin, std::span<const std::uint8_t> salt_bits,
                         int iterations = kPinIterations);
bool pin_matches(const Staff& s, const std::string& pin);

// Sign-in attempts per staff code, kept by the desk for the session.
constexpr int kMaxPinFailures = 5;
constexpr std::int64_t kLockout = 5 * kMinute;
struct SignInGuard {
  struct Attempts {
    int failures = 0;
    std::optional<Timestamp> locked_until;
  };
  std::map<std::string, Attempts> by_code;
};
// Checks the PIN of the active staff member `code` among `staff`. A wrong
// PIN counts; the 5th in a row locks the code for 5 minutes, during which
// even the right PIN is refused. Success clears the count.
Expected<Staff> sign_in(std::span<const Staff> staff, const std::string& code, const std::string& pin,
                        SignInGuard& guard, Timestamp now);

// The actor for a signed-in staff member.
Actor actor_for(const Staff& s, const std::string& site, Timestamp now, const RandomBits& random);

}  // namespace desk
