#include "core/team.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/text.hpp"

namespace desk {

bool is_admin(Role role) {
  return may(role, Action::manage_staff);
}

bool is_signing_admin(const Staff& s) {
  return !s.meta.deleted && s.active && is_admin(s.role) && !s.pin_hash.empty();
}

bool has_signing_admin(std::span<const Staff> staff) {
  return std::any_of(staff.begin(), staff.end(), is_signing_admin);
}

bool admin_ever_set_up(std::span<const Staff> staff) {
  // A deleted administrator keeps its role and, in the history, that a PIN was set.
  auto pin_set_once = [](const Staff& s) {
    for (const Change& c : s.meta.history)
      for (const FieldChange& f : c.changes)
        if (f.field == "pin_hash" && secret_presence(f.to) == true) return true;
    return false;
  };
  return std::any_of(staff.begin(), staff.end(),
                     [&](const Staff& s) { return is_admin(s.role) && (!s.pin_hash.empty() || pin_set_once(s)); });
}

TeamMode team_mode(std::span<const Staff> staff, bool admin_established) {
  if (admin_established || has_signing_admin(staff) || admin_ever_set_up(staff)) return TeamMode::guarded;
  return TeamMode::open;
}

namespace {
bool same_record(const Staff& a, const Staff& b) {
  return !a.meta.id.empty() && a.meta.id == b.meta.id;
}
}  // namespace

std::optional<FieldError> check_team_change(std::span<const Staff> staff, const Staff* before, const Staff& after) {
  const std::string code = trim(after.code);
  if (!after.meta.deleted)
    for (const Staff& s : staff)
      if (!s.meta.deleted && trim(s.code) == code && !same_record(s, after) && !(before && same_record(s, *before)))
        return FieldError{"code",
                          {"工号 " + code + " 已被 " + s.name + " 使用（记录 " + s.meta.id + "），工号不能重复",
                           "Staff number " + code + " is already used by " + s.name + " (record " + s.meta.id +
                               "); staff numbers must be unique"}};
  bool other_admin = false;
  for (const Staff& s : staff)
    if (is_signing_admin(s) && !same_record(s, after) && !(before && same_record(s, *before))) other_admin = true;
  if (other_admin) return std::nullopt;
  const bool gains_pin = !after.pin_hash.empty() && (!before || before->pin_hash.empty());
  if (gains_pin && !is_signing_admin(after))
    return FieldError{"pin",
                      {"第一个PIN必须设给在职的物业服务中心经理或项目经理：否则设置后无人能管理员工",
                       "The first PIN must go to an active service-center manager or project manager; otherwise "
                       "nobody could manage staff afterwards"}};
  if (before && is_signing_admin(*before) && !is_signing_admin(after))
    return FieldError{"role",
                      {"这是最后一位能登录的管理员，不能降级、停用、删除或清除 PIN；请先为另一位经理设置 PIN",
                       "This is the last administrator who can sign in: they cannot be demoted, deactivated, "
                       "deleted or lose the PIN; set a PIN for another manager first"}};
  return std::nullopt;
}

std::optional<FieldError> check_pin_policy(const std::string& pin, const std::string& staff_code) {
  if (auto e = check_pin_format(pin)) return e;
  auto trivial = [&] {
    bool up = true, down = true;
    for (std::size_t i = 1; i < pin.size(); ++i) {
      up &= pin[i] == pin[i - 1] + 1;
      down &= pin[i] == pin[i - 1] - 1;
    }
    if (up || down) return true;
    for (std::size_t period = 1; period <= 3; ++period) {
      bool repeats = true;
      for (std::size_t i = period; i < pin.size(); ++i) repeats &= pin[i] == pin[i - period];
      if (repeats) return true;
    }
    std::string code_digits;
    for (char c : staff_code)
      if (c >= '0' && c <= '9') code_digits += c;
    return !code_digits.empty() && (pin == code_digits || pin.find(code_digits) != std::string::npos) &&
           code_digits.size() * 2 >= pin.size();
  };
  if (trivial())
    return FieldError{"pin",
                      {"PIN 太容易被猜到（重复数字、顺序数字或含工号），请换一个",
                       "This PIN is too easy to guess (repeated or consecutive digits, or the staff number)"}};
  return std::nullopt;
}

namespace {
constexpr char kBase32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford
}

std::string make_recovery_code(std::span<const std::uint8_t> random10) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < random10.size() && out.size() < 16; ++i) {
    buffer = (buffer << 8) | random10[i];
    bits += 8;
    while (bits >= 5 && out.size() < 16) {
      out += kBase32[(buffer >> (bits - 5)) & 31u];
      bits -= 5;
    }
  }
  std::string grouped;
  for (std::size_t i = 0; i < out.size(); ++i) grouped += (i && i % 4 == 0 ? "-" : "") + std::string(1, out[i]);
  return grouped;
}

std::string normalize_recovery_code(const std::string& typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    out += c;
  }
  return out;
}

RecoveryKey hash_recovery_code(const std::string& code, std::span<const std::uint8_t> salt_bits, int iterations) {
  RecoveryKey k;
  k.salt = to_hex(salt_bits.data(), salt_bits.size());
  k.iterations = iterations;
  k.hash = to_hex(pbkdf2_sha256(normalize_recovery_code(code), k.salt, iterations, 32));
  return k;
}

bool recovery_matches(const RecoveryKey& key, const std::string& typed) {
  if (key.hash.empty() || key.iterations < 1) return false;
  const std::string h = to_hex(pbkdf2_sha256(normalize_recovery_code(typed), key.salt, key.iterations, 32));
  if (h.size() != key.hash.size()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < h.size(); ++i) diff |= static_cast<unsigned>(h[i] ^ key.hash[i]);
  return diff == 0;
}

json security_to_json(const DeskSecurity& s) {
  json j = {
      {"admin_established", s.admin_established}, {"guard", guard_to_json(s.guard)}, {"idle_minutes", s.idle_minutes}};
  if (s.recovery)
    j["recovery"] = {{"salt", s.recovery->salt}, {"hash", s.recovery->hash}, {"iterations", s.recovery->iterations}};
  return j;
}

DeskSecurity security_from_json(const json& j) {
  DeskSecurity s;
  if (!j.is_object()) return s;
  if (auto a = j.find("admin_established"); a != j.end() && a->is_boolean()) s.admin_established = a->get<bool>();
  if (auto g = j.find("guard"); g != j.end()) s.guard = guard_from_json(*g);
  if (auto m = j.find("idle_minutes"); m != j.end() && m->is_number_integer())
    s.idle_minutes = std::clamp(m->get<int>(), 0, 24 * 60);
  if (auto r = j.find("recovery"); r != j.end() && r->is_object()) {
    RecoveryKey k;
    const json& it = r->value("iterations", json(0));
    k.salt = r->value("salt", json("")).is_string() ? r->value("salt", "") : "";
    k.hash = r->value("hash", json("")).is_string() ? r->value("hash", "") : "";
    k.iterations = it.is_number_integer() ? std::clamp(it.get<int>(), 0, kPinIterationsMax) : 0;
    if (!k.hash.empty() && k.iterations > 0) s.recovery = k;
  }
  return s;
}

namespace {
std::optional<FieldError> pins_typed(const std::string& pin, const std::string& again, const std::string& code) {
  if (pin != again) return FieldError{"pin_again", {"两次输入的 PIN 不一致", "The two PINs differ"}};
  return check_pin_policy(pin, code);
}
}  // namespace

Expected<Staff> first_admin(const FirstAdmin& form, std::span<const std::uint8_t> salt_bits, int iterations) {
  Staff s;
  s.name = trim(form.name);
  s.code = trim(form.code);
  s.role = form.role;
  Errors errors = validate(s);
  if (!is_admin(s.role))
    errors.push_back({"role",
                      {"第一位管理员须为物业服务中心经理或项目经理",
                       "The first administrator must be a service-center manager or project manager"}});
  if (auto e = pins_typed(form.pin, form.pin_again, s.code)) errors.push_back(*e);
  if (!errors.empty()) return errors;
  return with_pin(s, form.pin, salt_bits, iterations);
}

Expected<Staff> with_new_pin(const Staff& s, const std::string& pin, const std::string& pin_again,
                             std::span<const std::uint8_t> salt_bits, int iterations) {
  if (auto e = pins_typed(pin, pin_again, s.code)) return Errors{*e};
  return with_pin(s, pin, salt_bits, iterations);
}

std::optional<Msg> staff_change_needing_approval(const Staff* stored, const Staff& in) {
  const Msg role = enum_label(in.role);
  if (!stored) {
    if (in.meta.deleted) return std::nullopt;  // nothing to add
    return Msg{"新增员工 " + in.name + "（" + in.code + "）· " + role.zh,
               "New staff " + in.name + " (" + in.code + ") · " + role.en};
  }
  if (in.meta.revision < stored->meta.revision) return std::nullopt;  // older: the merge keeps ours
  if (in.meta.deleted && !stored->meta.deleted)
    return Msg{"删除员工 " + stored->name + "（" + stored->code + "）",
               "Delete staff " + stored->name + " (" + stored->code + ")"};
  if (in.role != stored->role) {
    const Msg was = enum_label(stored->role);
    return Msg{"岗位变更 " + in.name + "（" + in.code + "）：" + was.zh + " → " + role.zh,
               "Role change " + in.name + " (" + in.code + "): " + was.en + " → " + role.en};
  }
  if (in.active != stored->active)
    return Msg{(in.active ? "恢复在职 " : "停用 ") + in.name + "（" + in.code + "）",
               (in.active ? "Reactivate " : "Deactivate ") + in.name + " (" + in.code + ")"};
  if (trim(in.code) != trim(stored->code))
    return Msg{"工号变更 " + stored->code + " → " + in.code, "Staff number change " + stored->code + " → " + in.code};
  return std::nullopt;
}

Staff with_local_pin(Staff incoming, const Staff* stored) {
  incoming.pin_salt = stored ? stored->pin_salt : "";
  incoming.pin_hash = stored ? stored->pin_hash : "";
  incoming.pin_iterations = stored ? stored->pin_iterations : 0;
  return incoming;
}

void strip_secrets(Staff& s) {
  s.pin_salt.clear();
  s.pin_hash.clear();
  s.pin_iterations = 0;
  scrub_secret_changes<Staff>(s.meta.history);
}

}  // namespace desk
