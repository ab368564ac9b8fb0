// 出入登记 — visitor and contractor access log (SPEC §7; seed 000 人员出入管理).
// One ID is registered for a group; without ID the host is phoned (the
// number recorded) or escorts the visitor. From taking the ID to handing it
// back takes at most 25 seconds.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <tuple>

#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class IdType { id_card, home_return_permit, temporary_residence, other, none };
DESK_ENUM_TABLE(IdType, {IdType::id_card, "id_card", "身份证", "ID card"},
                {IdType::home_return_permit, "home_return_permit", "回乡证", "Home-return permit"},
                {IdType::temporary_residence, "temporary_residence", "暂住证", "Temporary residence permit"},
                {IdType::other, "other", "其他证件", "Other ID"}, {IdType::none, "none", "无证件", "No ID"})

enum class Official { none, police, armed_police, judicial };
DESK_ENUM_TABLE(Official, {Official::none, "none", "否", "No"}, {Official::police, "police", "公安", "Police"},
                {Official::armed_police, "armed_police", "武警", "Armed police"},
                {Official::judicial, "judicial", "司法", "Judicial"})

enum class NoIdCheck { none, host_phoned, host_escorts };
DESK_ENUM_TABLE(NoIdCheck, {NoIdCheck::none, "none", "—", "—"},
                {NoIdCheck::host_phoned, "host_phoned", "电话联系被访人同意", "Host phoned and agreed"},
                {NoIdCheck::host_escorts, "host_escorts", "被访人亲自带领", "Escorted by the host"})

enum class AccessStatus { inside, left };
DESK_ENUM_TABLE(AccessStatus, {AccessStatus::inside, "inside", "在内", "Inside"},
                {AccessStatus::left, "left", "已离开", "Left"})
enum class AccessAction { leave };
DESK_ENUM_TABLE(AccessAction, {AccessAction::leave, "leave", "登记离开", "Left"})

struct AccessEntry {
  static constexpr const char* kType = "access";
  RecordMeta meta;

  Timestamp time_in;
  std::string person;
  IdType id_type = IdType::id_card;
  std::string id_number;
  int group_size = 1;
  std::string visiting_person;
  std::string visiting_department;
  bool contractor = false;
  std::string pass_number;  // 出入证 / 派工单 for contractors
  Official official = Official::none;
  NoIdCheck no_id_check = NoIdCheck::none;
  std::string host_phone;
  std::string escort;
  std::int64_t id_handling_ms = 0;  // from taking the ID to handing it back
  std::string logged_by;
  AccessStatus status = AccessStatus::inside;
  std::optional<Timestamp> time_out;

  bool operator==(const AccessEntry&) const = default;
  static constexpr auto fields() {
    using E = AccessEntry;
    return std::tuple{
        Field{"time_in", &E::time_in, "进入时间", "Time in"},
        Field{"person", &E::person, "来访人", "Person"},
        Field{"id_type", &E::id_type, "证件类型", "ID type"},
        Field{"id_number", &E::id_number, "证件号码", "ID number"},
        Field{"group_size", &E::group_size, "同行人数", "Group size"},
        Field{"visiting_person", &E::visiting_person, "被访人", "Visiting"},
        Field{"visiting_department", &E::visiting_department, "被访部门", "Department"},
        Field{"contractor", &E::contractor, "施工单位", "Contractor"},
        Field{"pass_number", &E::pass_number, "出入证号", "Pass number"},
        Field{"official", &E::official, "执行公务", "Official duty"},
        Field{"no_id_check", &E::no_id_check, "无证件处理", "Without ID"},
        Field{"host_phone", &E::host_phone, "被访人电话", "Host's phone"},
        Field{"escort", &E::escort, "带领人", "Escort"},
        Field{"id_handling_ms", &E::id_handling_ms, "证件登记用时（毫秒）", "ID handling (ms)"},
        Field{"logged_by", &E::logged_by, "登记人", "Logged by"},
        Field{"status", &E::status, "状态", "Status"},
        Field{"time_out", &E::time_out, "离开时间", "Time out"},
    };
  }
};

std::span<const Transition<AccessStatus, AccessAction>> transitions(const AccessEntry&);
Action create_permission(const AccessEntry&);
Action permission_for(const AccessEntry&, AccessAction);
void on_action(AccessEntry& e, AccessAction a, Timestamp now);
Errors validate(const AccessEntry& e);
std::string search_text(const AccessEntry& e);
bool is_open(const AccessEntry& e);

// "4403**********1234": the first 4 and last 4 characters shown (lists and
// redacted exports).
std::string mask_id_number(const std::string& id);

// Seed 000: 接过证件到送还证件的时间不得超过25秒.
constexpr std::int64_t kIdHandlingStandardMs = 25'000;
bool id_handling_within_standard(const AccessEntry& e);
// The median ID handling time of the entries that registered an ID, or
// nothing when none did.
std::optional<std::int64_t> median_id_handling_ms(std::span<const AccessEntry> entries);

}  // namespace desk
