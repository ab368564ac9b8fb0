#include "core/staff.hpp"

#include "core/crypto.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
std::string hash_pin(const std::string& pin, const std::string& salt, int iterations) {
  return to_hex(pbkdf2_sha256(pin, salt, iterations, 32));
}
}  // namespace

Action create_permission(const Staff&) {
  return Action::manage_staff;
}

Errors validate(const Staff& s) {
  Errors errors;
  require_text(errors, s.code, "code", "工号", "Staff number");
  require_text(errors, s.name, "name", "姓名", "Name");
  check_phone(errors, s.phone);
  if (s.pin_hash.empty() != s.pin_salt.empty() || (!s.pin_hash.empty() && s.pin_iterations < 1000))
    errors.push_back({"pin_hash", {"PIN 数据不完整", "The PIN data is incomplete"}});
  return errors;
}

std::string search_text(const Staff& s) {
  return s.code + "\n" + s.name + "\n" + s.phone + "\n" + enum_label(s.role).zh;
}

std::optional<FieldError> check_pin_format(const std::string& pin) {
  bool digits = !pin.empty();
  for (char c : pin) digits &= c >= '0' && c <= '9';
  if (!digits || pin.size() < kPinMinDigits || pin.size() > kPinMaxDigits)
    return FieldError{"pin", {"PIN 应为 4–8 位数字", "The PIN must be 4–8 digits"}};
  return std::nullopt;
}

Expected<Staff> with_pin(Staff s, const std::string& pin, std::span<const std::uint8_t> salt_bits, int iterations) {
  if (auto e = check_pin_format(pin)) return Errors{*e};
  if (salt_bits.size() < 8) return Errors{{"pin_salt", {"随机数不足", "Not enough random bytes for the salt"}}};
  s.pin_salt = to_hex(salt_bits.data(), salt_bits.size());
  s.pin_iterations = iterations;
  s.pin_hash = hash_pin(pin, s.pin_salt, iterations);
  return s;
}

bool pin_matches(const Staff& s, const std::string& pin) {
  if (s.pin_hash.empty()) return false;
  const std::string h = hash_pin(pin, s.pin_salt, s.pin_iterations);
  // Constant-time compare of equal-length hex strings.
  if (h.size() != s.pin_hash.size()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < h.size(); ++i) diff |= static_cast<unsigned>(h[i] ^ s.pin_hash[i]);
  return diff == 0;
}

Expected<Staff> sign_in(std::span<const Staff> staff, const std::string& code, const std::string& pin,
                        SignInGuard& guard, Timestamp now) {
  auto& attempts = guard.by_code[code];
  if (attempts.locked_until && now < *attempts.locked_until) {
    const auto minutes = std::to_string((*attempts.locked_until - now + kMinute - 1) / kMinute);
    return Errors{{"pin",
                   {"PIN 连续输错 5 次，已锁定，请 " + minutes + " 分钟后再试",
                    "Locked after 5 wrong PINs; try again in " + minutes + " min"}}};
  }
  if (attempts.locked_until) attempts = {};  // the lockout has passed
  const Staff* found = nullptr;
  for (const auto& s : staff)
    if (!s.meta.deleted && s.active && s.code == code) found = &s;
  if (found && pin_matches(*found, pin)) {
    attempts = {};
    return *found;
  }
  // The same message whether the code or the PIN was wrong.
  if (++attempts.failures >= kMaxPinFailures) {
    attempts.locked_until = now + kLockout;
    return Errors{{"pin", {"PIN 连续输错 5 次，已锁定 5 分钟", "5 wrong PINs: locked for 5 minutes"}}};
  }
  const auto left = std::to_string(kMaxPinFailures - attempts.failures);
  return Errors{
      {"pin", {"工号或 PIN 不正确，还可再试 " + left + " 次", "Wrong staff number or PIN; " + left + " tries left"}}};
}

Actor actor_for(const Staff& s, const std::string& site, Timestamp now, const RandomBits& random) {
  return Actor{s.code, site, now, random, s.role};
}

}  // namespace desk
