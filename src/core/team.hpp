// 站点设置与数据权限 — who runs a desk's team and who may take data out
// (SPEC "Staff, roles, audit"). The rules that keep a site from locking
// itself out, PIN policy, the one-time recovery code, and which staff changes
// arriving from outside (an import file) must wait for an administrator.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/staff.hpp"

namespace desk {

// (rule) The site's administrators manage staff: 物业服务中心经理, 项目经理.
bool is_admin(Role role);
// An active, not deleted administrator who has a PIN: someone who can sign in
// and manage the team.
bool is_signing_admin(const Staff& s);
bool has_signing_admin(std::span<const Staff> staff);

// (rule) Until an administrator with a PIN exists the desk is open: nobody
// signs in and everyone has all rights. Once one existed, the desk stays
// guarded for good — deleting every staff record never reopens it.
enum class TeamMode { open, guarded };
TeamMode team_mode(std::span<const Staff> staff, bool admin_established);
// Whether `staff` (deleted ones included) ever held a signing administrator.
bool admin_ever_set_up(std::span<const Staff> staff);

// Refuses a change of the staff list (`before` null for a new record) that
// would break the team (rule, issue 11):
// - the first PIN on a desk goes to an administrator, else nobody could add staff;
// - the last signing administrator cannot be demoted, deactivated, deleted
//   or lose the PIN;
// - staff codes are unique among the records that are not deleted.
std::optional<FieldError> check_team_change(std::span<const Staff> staff, const Staff* before, const Staff& after);

// ---- PIN policy --------------------------------------------------------------
// (rule) 6–8 digits; not trivial: one repeated digit, a run up or down
// (123456, 987654), a repeated short pattern (121212, 123123), or the digits
// of the staff code.
std::optional<FieldError> check_pin_policy(const std::string& pin, const std::string& staff_code);

// ---- recovery ----------------------------------------------------------------
// A one-time recovery code, shown (and printable) once when the first
// administrator is created: it lets a new administrator PIN be set on a
// locked-out desk without losing a record. Stored only as a slow hash.
struct RecoveryKey {
  std::string salt;  // hex
  std::string hash;  // hex
  int iterations = 0;
  bool operator==(const RecoveryKey&) const = default;
};
constexpr std::size_t kRecoveryBits = 80;  // 16 characters of Crockford base32
// "7K2M-Q9XD-4HRT-B1NW" from 10 random bytes.
std::string make_recovery_code(std::span<const std::uint8_t> random10);
// Upper-case, no dashes or spaces; O→0, I/L→1 (Crockford's reading rules).
std::string normalize_recovery_code(const std::string& typed);
RecoveryKey hash_recovery_code(const std::string& code, std::span<const std::uint8_t> salt_bits,
                               int iterations = kPinIterations);
bool recovery_matches(const RecoveryKey& key, const std::string& typed);

// ---- what the desk keeps for itself ---------------------------------------------
// Never exported or synced: whether an administrator was ever set up here,
// the recovery key, the sign-in failures and locks (so a reload does not
// reset them) and the idle sign-out.
constexpr int kIdleSignOutMinutes = 15;
struct DeskSecurity {
  bool admin_established = false;
  std::optional<RecoveryKey> recovery;
  SignInGuard guard;
  int idle_minutes = kIdleSignOutMinutes;  // 0: never
  bool operator==(const DeskSecurity&) const = default;
};
json security_to_json(const DeskSecurity& s);
// Tolerant: a damaged file gives the defaults for what it lacks.
DeskSecurity security_from_json(const json& j);

// The first administrator of a fresh desk (站点设置): an active 物业服务中心经理
// or 项目经理 with a PIN that meets the policy, typed twice.
struct FirstAdmin {
  std::string name, code;
  Role role = Role::center_manager;
  std::string pin, pin_again;
};
Expected<Staff> first_admin(const FirstAdmin& form, std::span<const std::uint8_t> salt_bits,
                            int iterations = kPinIterations);
// A new PIN for `s`, typed twice and checked against the policy.
Expected<Staff> with_new_pin(const Staff& s, const std::string& pin, const std::string& pin_again,
                             std::span<const std::uint8_t> salt_bits, int iterations = kPinIterations);

// ---- staff changes from outside -------------------------------------------------
// (rule) A staff record arriving by import that adds a person, changes a
// role or the active flag, or deletes the record is held until an
// administrator signed in at this desk approves it; PIN fields from outside
// are never taken (a PIN is set on each desk).
struct HeldStaffChange {
  Staff incoming;  // the version that would apply (local PIN kept)
  Msg what;        // 新增员工 王磊 · 项目经理
};
// Nothing when the incoming version may apply without approval.
std::optional<Msg> staff_change_needing_approval(const Staff* stored, const Staff& incoming);
// The incoming version with this desk's PIN fields (or none for a new person).
Staff with_local_pin(Staff incoming, const Staff* stored);
// A staff record as it leaves the desk: no PIN salt, hash or iterations, and
// no PIN values in its history.
void strip_secrets(Staff& s);

}  // namespace desk
