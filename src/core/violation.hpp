// 违章 — rule violations (SPEC §5; seed 000 "客户违章处理工作规程").
// Any staff member records a violation and persuades; only the project
// manager imposes anything beyond 劝导教育 (rule), and the four heaviest
// measures take effect only with the logistics consultation and the general
// manager's sign-off. After a measure the desk eases relations again.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/deadline.hpp"
#include "core/record.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class ViolationCategory { decoration, fire, sanitation, security, unpaid_fees };
DESK_ENUM_TABLE(ViolationCategory, {ViolationCategory::decoration, "decoration", "装修", "Renovation"},
                {ViolationCategory::fire, "fire", "消防", "Fire safety"},
                {ViolationCategory::sanitation, "sanitation", "环境卫生", "Sanitation"},
                {ViolationCategory::security, "security", "治安", "Public order"},
                {ViolationCategory::unpaid_fees, "unpaid_fees", "拒交费用", "Refusing to pay fees"})

// 一般: no economic loss, a potential safety threat; 重大: all others.
enum class ViolationLevel { general, major };
DESK_ENUM_TABLE(ViolationLevel, {ViolationLevel::general, "general", "一般", "Ordinary"},
                {ViolationLevel::major, "major", "重大", "Major"})

// In rising order (seed 000 违章的处理方法).
enum class Measure { persuasion, rectify_by_deadline, compensation, cut_utilities, public_criticism, lawsuit };
DESK_ENUM_TABLE(Measure, {Measure::persuasion, "persuasion", "劝导教育", "Persuasion and education"},
                {Measure::rectify_by_deadline, "rectify_by_deadline", "限期整改", "Rectify by a deadline"},
                {Measure::compensation, "compensation", "赔偿经济损失", "Compensation"},
                {Measure::cut_utilities, "cut_utilities", "停水停电", "Water and power cut"},
                {Measure::public_criticism, "public_criticism", "通报批评", "Public criticism"},
                {Measure::lawsuit, "lawsuit", "提起诉讼", "Lawsuit"})

struct MeasureEntry {
  Measure measure = Measure::persuasion;
  Timestamp at;
  std::string by;
  std::string note;
  std::optional<Timestamp> deadline;  // 限期整改
  std::optional<Timestamp> rectified_at;
  bool logistics_consulted = false;    // 与医院/甲方后勤管理中心沟通
  bool gm_signed = false;              // 公司总经理签署
  std::optional<Timestamp> signed_at;  // when the sign-off was recorded (issue 14 item 15)
  std::string sign_off_by;             // who recorded it
  bool operator==(const MeasureEntry&) const = default;
  static constexpr auto fields() {
    using M = MeasureEntry;
    return std::tuple{
        Field{"measure", &M::measure, "措施", "Measure"},
        Field{"at", &M::at, "时间", "Time"},
        Field{"by", &M::by, "执行人", "By"},
        Field{"note", &M::note, "说明", "Note"},
        Field{"deadline", &M::deadline, "整改期限", "Deadline"},
        Field{"rectified_at", &M::rectified_at, "整改完成", "Rectified"},
        Field{"logistics_consulted", &M::logistics_consulted, "已与后勤中心沟通", "Logistics consulted"},
        Field{"gm_signed", &M::gm_signed, "总经理已签署", "Signed by the GM"},
        Field{"signed_at", &M::signed_at, "签署登记时间", "Sign-off recorded"},
        Field{"sign_off_by", &M::sign_off_by, "签署登记人", "Sign-off recorded by", kAddedLater},
    };
  }
};

enum class ViolationStatus { open, closed };
DESK_ENUM_TABLE(ViolationStatus, {ViolationStatus::open, "open", "处理中", "Open"},
                {ViolationStatus::closed, "closed", "已结案", "Closed"})
enum class ViolationAction { close, reopen };
DESK_ENUM_TABLE(ViolationAction, {ViolationAction::close, "close", "结案", "Close"},
                {ViolationAction::reopen, "reopen", "重新处理", "Reopen"})

struct Violation {
  static constexpr const char* kType = "violation";
  RecordMeta meta;

  Timestamp found_at;
  ViolationCategory category = ViolationCategory::decoration;
  ViolationLevel level = ViolationLevel::general;
  std::string unit;
  std::string party;  // 当事人
  std::string phone;
  std::string description;
  std::string recorded_by;
  std::vector<MeasureEntry> measures;
  std::string relations_follow_up;  // 事后主动缓和关系
  std::optional<Timestamp> followed_up_at;
  ViolationStatus status = ViolationStatus::open;
  std::optional<Timestamp> closed_at;

  bool operator==(const Violation&) const = default;
  static constexpr auto fields() {
    using V = Violation;
    return std::tuple{
        Field{"found_at", &V::found_at, "发现时间", "Found at"},
        Field{"category", &V::category, "违章类别", "Category"},
        Field{"level", &V::level, "违章级别", "Level"},
        Field{"unit", &V::unit, "楼栋-房号/位置", "Unit / place"},
        Field{"party", &V::party, "当事人", "Party"},
        Field{"phone", &V::phone, "联系电话", "Phone"},
        Field{"description", &V::description, "违章情况", "Description"},
        Field{"recorded_by", &V::recorded_by, "登记人", "Recorded by"},
        Field{"measures", &V::measures, "处理措施", "Measures"},
        Field{"relations_follow_up", &V::relations_follow_up, "事后沟通", "Follow-up to ease relations"},
        Field{"followed_up_at", &V::followed_up_at, "沟通时间", "Followed up at"},
        Field{"status", &V::status, "状态", "Status"},
        Field{"closed_at", &V::closed_at, "结案时间", "Closed at"},
    };
  }
};

std::span<const Transition<ViolationStatus, ViolationAction>> transitions(const Violation&);
Action create_permission(const Violation&);
Action permission_for(const Violation& v, ViolationAction a);
void on_action(Violation& v, ViolationAction a, Timestamp now);
Errors validate(const Violation& v);
Errors edit_guard(const Violation& current, const Violation& draft);
std::string search_text(const Violation& v);
bool is_open(const Violation& v);

// (rule) SPEC §5 violations authority: any staff may record a violation and
// log persuasion; only the project manager may impose any measure beyond
// 劝导教育. Checked for the role of whoever adds the measure.
Action violation_measure_permission(Measure m);
// SPEC §5: compensation, utilities cut, public criticism and lawsuit need
// the logistics consultation and the GM's sign-off before they take effect.
bool needs_sign_off(Measure m);
bool in_effect(const MeasureEntry& m);
// Adds a measure, checked: role, an open case, the measure's own fields.
Expected<Violation> add_measure(const Violation& current, MeasureEntry entry, const Actor& actor);
// Issue 14 item 15: the consultation with the logistics center and the GM's
// sign-off (seed 000 「違章處理意見經公司總經理簽署後生效」), recorded later on
// the measure already taken — its own step, role-checked as the measure
// (project manager), in the history as "sign_off:<measure>". Either flag may
// come first in time, but the GM signs after the consultation
// (「作出處理意見前應與醫院後勤管理中心進行溝通」). Refused with a message for a
// measure that needs no sign-off, nothing new, a closed case, or no such measure.
Expected<Violation> record_sign_off(const Violation& current, std::size_t index, bool logistics_consulted,
                                    bool gm_signed, const Actor& actor);
// 限期整改: the rectification deadline of each such measure.
std::vector<Deadline> rectification_deadlines(const Violation& v);

}  // namespace desk
