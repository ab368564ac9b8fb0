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
  // The PIN's salt, hash and iterations never appear in the history.
  static bool secret_field(std::string_view f) { return f.starts_with("pin_"); }
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
// The PIN parameters a stored record may carry: what this app writes, so a
// record from elsewhere cannot make sign-in hash for minutes (issue 18).
constexpr int kPinIterationsMin = 10'000, kPinIterationsMax = 100'000;
constexpr std::size_t kPinMinDigits = 6, kPinMaxDigits = 8;
// Nothing when `pin` is 6–8 digits; otherwise why not (see check_pin_policy
// in team.hpp for trivial PINs).
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
    bool operator==(const Attempts&) const = default;
  };
  std::map<std::string, Attempts> by_code;
  bool operator==(const SignInGuard&) const = default;
};
// The guard is stored by the desk so a reload does not reset it.
json guard_to_json(const SignInGuard& g);
SignInGuard guard_from_json(const json& j);
// Checks the PIN of the active staff member `code` among `staff`. A wrong
// PIN counts; the 5th in a row locks the code for 5 minutes, during which
// even the right PIN is refused. Success clears the count.
Expected<Staff> sign_in(std::span<const Staff> staff, const std::string& code, const std::string& pin,
                        SignInGuard& guard, Timestamp now);
// The same with the PIN already hashed (with `pin_parameters(code)`'s salt
// and iterations) elsewhere, e.g. by the browser's WebCrypto off the main thread.
Expected<Staff> sign_in_hashed(std::span<const Staff> staff, const std::string& code, const std::string& pin_hash,
                               SignInGuard& guard, Timestamp now);
// The salt and iterations to hash a typed PIN with for `code`: the staff
// member's, or fixed stand-ins for an unknown code (the same work either way).
struct PinParameters {
  std::string salt;
  int iterations = kPinIterations;
};
PinParameters pin_parameters(std::span<const Staff> staff, const std::string& code);
std::string hash_pin(const std::string& pin, const PinParameters& p);

// The actor for a signed-in staff member.
Actor actor_for(const Staff& s, const std::string& site, Timestamp now, const RandomBits& random);

}  // namespace desk
