#include "core/staff.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

namespace {
std::string hash_pin(const std::string& pin, const std::string& salt, int iterations) {
  return to_hex(pbkdf2_sha256(pin, salt, iterations, 32));
}
bool same_hex(const std::string& a, const std::string& b) {
  // Constant-time compare of equal-length hex strings.
  if (a.empty() || a.size() != b.size()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned>(a[i] ^ b[i]);
  return diff == 0;
}
}  // namespace

std::string hash_pin(const std::string& pin, const PinParameters& p) {
  return hash_pin(pin, p.salt, p.iterations);
}

Action create_permission(const Staff&) {
  return Action::manage_staff;
}

Errors validate(const Staff& s) {
  Errors errors;
  require_text(errors, s.code, "code", "工号", "Staff number");
  require_text(errors, s.name, "name", "姓名", "Name");
  check_phone(errors, s.phone);
  auto hex = [](const std::string& h, std::size_t min, std::size_t max) {
    return h.size() >= min && h.size() <= max &&
           std::all_of(h.begin(), h.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  };
  if (!s.pin_hash.empty() || !s.pin_salt.empty() || s.pin_iterations != 0) {
    if (!hex(s.pin_hash, 64, 64) || !hex(s.pin_salt, 16, 64) || s.pin_iterations < kPinIterationsMin ||
        s.pin_iterations > kPinIterationsMax)
      errors.push_back({"pin_hash",
                        {"PIN 数据无效（摘要、盐值或迭代次数 " + std::to_string(kPinIterationsMin) + "–" +
                             std::to_string(kPinIterationsMax) + " 不符）",
                         "The PIN data is invalid (hash, salt or iterations outside " +
                             std::to_string(kPinIterationsMin) + "–" + std::to_string(kPinIterationsMax) + ")"}});
  }
  return errors;
}

std::string search_text(const Staff& s) {
  return join_lines({s.code, s.name, s.phone, enum_label(s.role).zh});
}

std::optional<FieldError> check_pin_format(const std::string& pin) {
  bool digits = !pin.empty();
  for (char c : pin) digits &= c >= '0' && c <= '9';
  if (!digits || pin.size() < kPinMinDigits || pin.size() > kPinMaxDigits)
    return FieldError{"pin", {"PIN 应为 6–8 位数字", "The PIN must be 6–8 digits"}};
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
  if (s.pin_hash.empty() || s.pin_iterations < kPinIterationsMin || s.pin_iterations > kPinIterationsMax) return false;
  return same_hex(hash_pin(pin, s.pin_salt, s.pin_iterations), s.pin_hash);
}

namespace {
// The staff member who may sign in as `code`, nothing when unknown, or the
// refusal when two records claim the code.
Expected<const Staff*> signing_staff(std::span<const Staff> staff, const std::string& code) {
  const Staff* found = nullptr;
  for (const auto& s : staff) {
    if (s.meta.deleted || !s.active || s.code != code) continue;
    // Two records with one code (a file from elsewhere): neither signs in.
    if (found)
      return Errors{{"pin",
                     {"工号 " + code + " 有两条员工记录（" + found->name + "、" + s.name + "），请管理员先处理",
                      "Staff number " + code + " has two records (" + found->name + ", " + s.name +
                          "); an administrator must resolve it first"}}};
    found = &s;
  }
  return found;
}

template <class Matches>
Expected<Staff> sign_in_with(std::span<const Staff> staff, const std::string& code, Matches matches, SignInGuard& guard,
                             Timestamp now) {
  auto& attempts = guard.by_code[code];
  if (attempts.locked_until && now < *attempts.locked_until) {
    const auto minutes = std::to_string((*attempts.locked_until - now + kMinute - 1) / kMinute);
    return Errors{{"pin",
                   {"PIN 连续输错 5 次，已锁定，请 " + minutes + " 分钟后再试",
                    "Locked after 5 wrong PINs; try again in " + minutes + " min"}}};
  }
  if (attempts.locked_until) attempts = {};  // the lockout has passed
  auto found = signing_staff(staff, code);
  if (!found) return found.errors();
  if (const Staff* s = found.value(); s && matches(*s)) {
    attempts = {};
    return *s;
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
}  // namespace

PinParameters pin_parameters(std::span<const Staff> staff, const std::string& code) {
  auto found = signing_staff(staff, code);
  if (const Staff* s = found ? found.value() : nullptr;
      s && !s->pin_hash.empty() && s->pin_iterations >= kPinIterationsMin && s->pin_iterations <= kPinIterationsMax)
    return {s->pin_salt, s->pin_iterations};
  return {"00000000000000000000000000000000", kPinIterations};
}

Expected<Staff> sign_in(std::span<const Staff> staff, const std::string& code, const std::string& pin,
                        SignInGuard& guard, Timestamp now) {
  return sign_in_with(
      staff, code, [&](const Staff& s) { return pin_matches(s, pin); }, guard, now);
}

Expected<Staff> sign_in_hashed(std::span<const Staff> staff, const std::string& code, const std::string& pin_hash,
                               SignInGuard& guard, Timestamp now) {
  return sign_in_with(
      staff, code,
      [&](const Staff& s) {
        return s.pin_iterations >= kPinIterationsMin && s.pin_iterations <= kPinIterationsMax &&
               same_hex(pin_hash, s.pin_hash);
      },
      guard, now);
}

json guard_to_json(const SignInGuard& g) {
  json j = json::object();
  for (const auto& [code, a] : g.by_code) {
    if (a.failures == 0 && !a.locked_until) continue;
    json e = {{"failures", a.failures}};
    if (a.locked_until) e["locked_until"] = a.locked_until->ms;
    j[code] = e;
  }
  return j;
}

SignInGuard guard_from_json(const json& j) {
  SignInGuard g;
  if (!j.is_object()) return g;
  for (const auto& [code, e] : j.items()) {
    if (!e.is_object()) continue;
    SignInGuard::Attempts a;
    const json& f = e.value("failures", json(0));
    a.failures = f.is_number_integer() ? std::clamp(f.get<int>(), 0, kMaxPinFailures) : 0;
    if (auto l = e.find("locked_until"); l != e.end() && l->is_number_integer())
      a.locked_until = Timestamp{l->get<std::int64_t>()};
    g.by_code[code] = a;
  }
  return g;
}

Actor actor_for(const Staff& s, const std::string& site, Timestamp now, const RandomBits& random) {
  return Actor{s.code, site, now, random, s.role};
}

}  // namespace desk
