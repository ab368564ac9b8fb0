// Staff roles and the permissions matrix (SPEC "Staff, roles, audit" and §5
// violations authority). Every mutating action of the core is checked here,
// so a hidden button is never the only guard; a refusal names who may act.
#pragma once
#include <optional>
#include <span>
#include <vector>

#include "core/enums.hpp"
#include "core/errors.hpp"

namespace desk {

enum class Role {
  receptionist,       // 客服员
  supervisor,         // 主管 (also the cleaning / inspection team leader)
  manager_assistant,  // 经理助理
  center_manager,     // 物业服务中心经理
  project_manager,    // 项目经理 / 工程经理, highest authority on site
  technician,         // 维修工
  guard,              // 护卫员 / 安管员
};
DESK_ENUM_TABLE(Role, {Role::receptionist, "receptionist", "客服员", "Receptionist"},
                {Role::supervisor, "supervisor", "主管", "Supervisor"},
                {Role::manager_assistant, "manager_assistant", "经理助理", "Manager's assistant"},
                {Role::center_manager, "center_manager", "物业服务中心经理", "Service-center manager"},
                {Role::project_manager, "project_manager", "项目经理", "Project manager"},
                {Role::technician, "technician", "维修工", "Technician"}, {Role::guard, "guard", "护卫员", "Guard"})

// Every mutating action, one per row of the matrix in roles.cpp.
enum class Action {
  record_visit,
  record_complaint,
  judge_complaint,     // investigate and decide 有效/无效, severity
  handle_complaint,    // analysis, corrective action, reply
  escalate_complaint,  // anyone may escalate past a stalled level
  close_complaint,     // a 普通 complaint
  close_serious_complaint,
  record_repair,
  dispatch_repair,
  work_repair,    // arrive, quote, finish, reschedule
  accept_repair,  // the customer's acceptance and signature
  record_callback,
  callback_major_complaint,  // SPEC §4: called back by the project manager
  record_violation,
  persuade_violation,        // 劝导教育, and the follow-up that eases relations
  impose_violation_measure,  // any measure beyond 劝导教育 (rule, SPEC §5)
  record_measure_sign_off,   // issue 14 item 15: the consultation and GM's sign-off, recorded later
  hold_serious_complaint,    // issue 14 item 5: only a supervisor pauses a 严重 complaint's clocks
  close_general_violation,
  close_major_violation,
  lend_key,
  log_access,
  open_incident,
  tick_checklist,
  confirm_damage,
  record_inspection,
  record_duty,
  manage_staff,
  delete_record,
  import_data,
  view_team_training,  // the manager sees the team's training progress
  // Data leaving the desk (issue 11): nothing goes out without a role.
  export_full,        // every record, unmasked (head office's file)
  export_redacted,    // phones, ID numbers and names masked (training data)
  print_documents,    // work orders and other printed sheets
  export_statistics,  // the month's statistics as CSV or a printed report
  site_folder,        // choose, start or stop the site folder (issue 12)
  void_signature,     // a confirmed signature is only ever voided, with a reason (issue 15)
  // The case library (issue 15).
  view_cases,  // browse cases and train on them
  mark_case,   // put a complaint in the case library, edit a case
  // The working calendar (issue 14).
  set_work_calendar,  // enter or correct holidays and make-up working days, the shift start
  // Not an action: how many there are (tests iterate every action up to it;
  // keep it last).
  action_count_,
};
DESK_ENUM_TABLE(
    Action, {Action::record_visit, "record_visit", "登记来访", "Record a visit"},
    {Action::record_complaint, "record_complaint", "受理投诉", "Record a complaint"},
    {Action::judge_complaint, "judge_complaint", "调查判定投诉", "Investigate and judge a complaint"},
    {Action::handle_complaint, "handle_complaint", "处理和答复投诉", "Handle and reply to a complaint"},
    {Action::escalate_complaint, "escalate_complaint", "上报投诉", "Escalate a complaint"},
    {Action::close_complaint, "close_complaint", "关闭普通投诉", "Close an ordinary complaint"},
    {Action::close_serious_complaint, "close_serious_complaint", "关闭严重投诉", "Close a serious complaint"},
    {Action::record_repair, "record_repair", "登记报修", "Record a repair request"},
    {Action::dispatch_repair, "dispatch_repair", "派工", "Dispatch a technician"},
    {Action::work_repair, "work_repair", "维修作业", "Carry out a repair"},
    {Action::accept_repair, "accept_repair", "验收签字", "Record acceptance"},
    {Action::record_callback, "record_callback", "回访", "Call back"},
    {Action::callback_major_complaint, "callback_major_complaint", "回访重大投诉", "Call back a major complaint"},
    {Action::record_violation, "record_violation", "登记违章", "Record a violation"},
    {Action::persuade_violation, "persuade_violation", "劝导教育", "Persuade and educate"},
    {Action::impose_violation_measure, "impose_violation_measure", "采取劝导教育以外的措施",
     "Impose a measure beyond persuasion"},
    {Action::hold_serious_complaint, "hold_serious_complaint", "暂停严重投诉的计时", "Put a serious complaint on hold"},
    {Action::record_measure_sign_off, "record_measure_sign_off", "记录措施的沟通与总经理签署",
     "Record a measure's consultation and GM sign-off"},
    {Action::close_general_violation, "close_general_violation", "结案一般违章", "Close an ordinary violation"},
    {Action::close_major_violation, "close_major_violation", "结案重大违章", "Close a major violation"},
    {Action::lend_key, "lend_key", "借还钥匙", "Lend and take back keys"},
    {Action::log_access, "log_access", "出入登记", "Log access"},
    {Action::open_incident, "open_incident", "启动应急事件", "Open an emergency incident"},
    {Action::tick_checklist, "tick_checklist", "勾选应急清单", "Tick the emergency checklist"},
    {Action::confirm_damage, "confirm_damage", "确认损失清单", "Confirm the damage list"},
    {Action::record_inspection, "record_inspection", "巡查考核", "Record an inspection"},
    {Action::record_duty, "record_duty", "登记例行工作", "Record a recurring duty"},
    {Action::manage_staff, "manage_staff", "管理员工", "Manage staff"},
    {Action::delete_record, "delete_record", "删除记录", "Delete a record"},
    {Action::import_data, "import_data", "导入数据", "Import data"},
    {Action::view_team_training, "view_team_training", "查看团队培训进度", "View the team's training progress"},
    {Action::export_full, "export_full", "完整导出数据", "Export all data"},
    {Action::export_redacted, "export_redacted", "脱敏导出", "Export redacted data"},
    {Action::print_documents, "print_documents", "打印单据", "Print documents"},
    {Action::export_statistics, "export_statistics", "导出或打印统计报表", "Export or print statistics"},
    {Action::site_folder, "site_folder", "设置站点文件夹", "Set up the site folder"},
    {Action::void_signature, "void_signature", "作废签字", "Void a signature"},
    {Action::view_cases, "view_cases", "查看案例库", "View the case library"},
    {Action::mark_case, "mark_case", "列入案例库", "Add to the case library"},
    {Action::set_work_calendar, "set_work_calendar", "设置工作日历", "Set the working calendar"})

// The roles that may perform `action`, in the order of the Role enum.
std::vector<Role> roles_allowed(Action action);
bool may(Role role, Action action);

// Nothing when `role` may perform `action`; otherwise a refusal that names
// the action and the roles that may do it ("只有项目经理可以…").
std::optional<FieldError> check_permission(Role role, Action action);

}  // namespace desk
