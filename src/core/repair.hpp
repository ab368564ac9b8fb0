// 报修 / 派工单 — repair requests and work orders (SPEC §3; seed 002).
// 报修 → 派工 → 到场 → 完工 → 验收 → 回访, with the 15-minute emergency
// arrival, the agreed appointment, and the paid-work quote agreed first.
#pragma once
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/deadline.hpp"
#include "core/hold.hpp"
#include "core/record.hpp"
#include "core/signature.hpp"
#include "core/workflow.hpp"

namespace desk {

enum class RepairSource { phone, in_person, staff };
DESK_ENUM_TABLE(RepairSource, {RepairSource::phone, "phone", "电话报修", "Phone"},
                {RepairSource::in_person, "in_person", "上门报修", "In person"},
                {RepairSource::staff, "staff", "员工发现", "Raised by staff"})

enum class FaultType { plumbing, electrical, door_window, aircon, lift, gas, leak, public_facility, other };
DESK_ENUM_TABLE(FaultType, {FaultType::plumbing, "plumbing", "给排水", "Plumbing"},
                {FaultType::electrical, "electrical", "电气照明", "Electrical"},
                {FaultType::door_window, "door_window", "门窗锁具", "Doors and windows"},
                {FaultType::aircon, "aircon", "空调", "Air-conditioning"}, {FaultType::lift, "lift", "电梯", "Lift"},
                {FaultType::gas, "gas", "燃气", "Gas"}, {FaultType::leak, "leak", "渗漏", "Leak"},
                {FaultType::public_facility, "public_facility", "公共设施", "Public facility"},
                {FaultType::other, "other", "其他", "Other"})

enum class Urgency { normal, emergency };
DESK_ENUM_TABLE(Urgency, {Urgency::normal, "normal", "普通", "Normal"},
                {Urgency::emergency, "emergency", "紧急", "Emergency"})

enum class MaterialsBy { none, owner, engineering };
DESK_ENUM_TABLE(MaterialsBy, {MaterialsBy::none, "none", "无需材料", "No materials"},
                {MaterialsBy::owner, "owner", "业主自备", "Supplied by the owner"},
                {MaterialsBy::engineering, "engineering", "工程部提供（收费）", "From engineering (charged)"})

enum class RepairStatus { reported, dispatched, arrived, working, finished, accepted, called_back, declined };
DESK_ENUM_TABLE(RepairStatus, {RepairStatus::reported, "reported", "报修", "Reported"},
                {RepairStatus::dispatched, "dispatched", "派工", "Dispatched"},
                {RepairStatus::arrived, "arrived", "到场", "On site"},
                {RepairStatus::working, "working", "施工中", "Work started"},
                {RepairStatus::finished, "finished", "完工", "Finished"},
                {RepairStatus::accepted, "accepted", "验收", "Accepted"},
                {RepairStatus::called_back, "called_back", "回访", "Called back"},
                {RepairStatus::declined, "declined", "客户谢绝", "Declined by the customer"})

enum class RepairAction { dispatch, arrive, reschedule, decline, start_work, finish, accept, callback };
DESK_ENUM_TABLE(RepairAction, {RepairAction::dispatch, "dispatch", "派工", "Dispatch"},
                {RepairAction::arrive, "arrive", "到场", "Arrived"},
                {RepairAction::reschedule, "reschedule", "无法当场修复，改约", "Cannot fix now: new appointment"},
                {RepairAction::decline, "decline", "客户不同意收费，婉拒", "Customer declined the quote"},
                {RepairAction::start_work, "start_work", "开工", "Start work"},
                {RepairAction::finish, "finish", "完工", "Finished"},
                {RepairAction::accept, "accept", "客户验收签字", "Customer accepted"},
                {RepairAction::callback, "callback", "完成回访", "Called back"})

struct Repair {
  static constexpr const char* kType = "repair";
  RecordMeta meta;

  std::string order_no;  // 工单号 2026-12-0042 (issue 13 item 9), given when first saved
  Timestamp received_at;
  RepairSource source = RepairSource::phone;
  std::string requester;
  std::string unit;
  std::string phone;
  FaultType fault = FaultType::plumbing;
  std::string description;
  std::string received_by;
  Urgency urgency = Urgency::normal;
  std::optional<Timestamp> appointment;  // 普通: agreed with the customer
  RepairStatus status = RepairStatus::reported;
  std::string technician;
  std::optional<Timestamp> dispatched_at;
  std::optional<Timestamp> arrived_at;
  bool paid = false;  // 有偿
  std::string quote;  // labour, materials and fee standard told to the customer
  Money fee;          // in fen; stored as yuan (money.hpp)
  MaterialsBy materials = MaterialsBy::none;
  bool customer_agreed = false;                  // to the quote, before work starts
  std::optional<Signature> agreement_signature;  // the customer signs the quote (optional)
  std::optional<Timestamp> agreed_at;            // the agreement recorded, at 开工 (issue 14 item 8)
  std::string agreement_recorded_by;             // who recorded it
  std::optional<Timestamp> started_at;           // 开工
  std::string unfixable_reason;
  std::string work_done;
  std::optional<Timestamp> finished_at;
  bool fee_collected = false;
  bool handed_to_cashier = false;  // 交房管员
  bool invoice_requested = false;
  std::string signed_by;                          // the customer who accepted the work
  std::optional<Signature> customer_signature;    // seed 002: 客户验收合格后，请其签字
  std::optional<Signature> technician_signature;  // the technician's own (optional)
  std::optional<Timestamp> accepted_at;
  std::optional<Timestamp> called_back_at;
  std::string rework_of;    // the earlier repair this one redoes
  std::vector<Hold> holds;  // 暂停计时 (issue 14 item 5)
  std::string linked_visit;

  bool operator==(const Repair&) const = default;

  static constexpr auto fields() {
    using R = Repair;
    return std::tuple{
        Field{"order_no", &R::order_no, "工单号", "Work order no.", kAddedLater},
        Field{"received_at", &R::received_at, "报修时间", "Received at"},
        Field{"source", &R::source, "报修方式", "Source"},
        Field{"requester", &R::requester, "报修人", "Requested by"},
        Field{"unit", &R::unit, "楼栋-房号/位置", "Unit / place"},
        Field{"phone", &R::phone, "联系电话", "Phone"},
        Field{"fault", &R::fault, "故障类型", "Fault type"},
        Field{"description", &R::description, "报修内容", "Description"},
        Field{"received_by", &R::received_by, "受理人", "Received by"},
        Field{"urgency", &R::urgency, "紧急程度", "Urgency"},
        Field{"appointment", &R::appointment, "预约时间", "Appointment"},
        Field{"status", &R::status, "状态", "Status"},
        Field{"technician", &R::technician, "维修人员", "Technician"},
        Field{"dispatched_at", &R::dispatched_at, "派工时间", "Dispatched at"},
        Field{"arrived_at", &R::arrived_at, "到场时间", "Arrived at"},
        Field{"paid", &R::paid, "有偿服务", "Paid service"},
        Field{"quote", &R::quote, "工时、材料及收费标准", "Quote"},
        Field{"fee", &R::fee, "收费（元）", "Fee (yuan)"},
        Field{"materials", &R::materials, "材料来源", "Materials"},
        Field{"customer_agreed", &R::customer_agreed, "客户同意收费", "Customer agreed to the quote"},
        Field{"agreement_signature", &R::agreement_signature, "收费确认签字", "Quote signature"},
        Field{"agreed_at", &R::agreed_at, "同意收费时间", "Quote agreed at"},
        Field{"agreement_recorded_by", &R::agreement_recorded_by, "同意收费登记人", "Agreement recorded by",
              kAddedLater},
        Field{"started_at", &R::started_at, "开工时间", "Work started at"},
        Field{"unfixable_reason", &R::unfixable_reason, "未能修复原因", "Why it could not be fixed"},
        Field{"work_done", &R::work_done, "维修情况", "Work done"},
        Field{"finished_at", &R::finished_at, "完工时间", "Finished at"},
        Field{"fee_collected", &R::fee_collected, "已现场收费", "Fee collected"},
        Field{"handed_to_cashier", &R::handed_to_cashier, "已交房管员", "Handed to the cashier"},
        Field{"invoice_requested", &R::invoice_requested, "需开发票", "Invoice requested"},
        Field{"signed_by", &R::signed_by, "验收客户", "Accepted by"},
        Field{"customer_signature", &R::customer_signature, "客户验收签字", "Customer's signature"},
        Field{"technician_signature", &R::technician_signature, "维修人员签字", "Technician's signature"},
        Field{"accepted_at", &R::accepted_at, "验收时间", "Accepted at"},
        Field{"called_back_at", &R::called_back_at, "回访时间", "Called back at"},
        Field{"rework_of", &R::rework_of, "返修原单", "Rework of"},
        Field{"holds", &R::holds, "暂停记录", "Holds", kAddedLater},
        Field{"linked_visit", &R::linked_visit, "来访记录", "Linked visit"},
    };
  }
};

std::span<const Transition<RepairStatus, RepairAction>> transitions(const Repair&);
Action create_permission(const Repair&);
Action permission_for(const Repair& r, RepairAction a);
// Issue 14 item 5: whoever works the repair holds and resumes it.
inline Action hold_permission(const Repair&) {
  return Action::work_repair;
}
inline Action resume_permission(const Repair&) {
  return Action::work_repair;
}
void on_action(Repair& r, RepairAction a, Timestamp now);
// Issue 14 item 8: 开工 on paid work records the customer's agreement — when,
// and who recorded it (seed 002 「如需收費，應在服務前將收費標準明示客戶」).
void on_action(Repair& r, RepairAction a, const Actor& actor);
Errors validate(const Repair& r);
std::string search_text(const Repair& r);
bool is_open(const Repair& r);

// (rule) work_order_number: a repair's short number at its site, for the
// sheet and the phone — the month it was received and its place in that
// month, 2026-12-0042: one more than the highest number of that month among
// `repairs` (deleted ones too, so a number is never given twice by a desk).
std::string next_work_order_number(const std::vector<Repair>& repairs, Timestamp received_at);

// ---- deadlines (SPEC §3) ------------------------------------------------------
// 紧急: technician on site within 15 minutes of the call.
constexpr std::int64_t kEmergencyArrivalWindow = 15 * kMinute;
constexpr std::int64_t kEmergencyArrivalDueSoon = 5 * kMinute;
std::optional<Deadline> repair_emergency_arrival_deadline(const Repair& r);
// 普通: on site by the appointment agreed with the customer.
std::optional<Deadline> repair_appointment_deadline(const Repair& r);

}  // namespace desk
