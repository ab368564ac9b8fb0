#include "core/roles.hpp"

#include <algorithm>

namespace desk {

namespace {
using R = Role;
// The people at the desk: reception staff and everyone above them.
constexpr Role kDesk[] = {R::receptionist, R::supervisor, R::manager_assistant, R::center_manager, R::project_manager};
constexpr Role kSupervisors[] = {R::supervisor, R::manager_assistant, R::center_manager, R::project_manager};
// SPEC §2: "closing a 严重 complaint requires manager role or above".
constexpr Role kManagers[] = {R::center_manager, R::project_manager};
constexpr Role kProjectManager[] = {R::project_manager};
constexpr Role kEveryone[] = {R::receptionist,   R::supervisor,      R::manager_assistant,
                              R::center_manager, R::project_manager, R::technician,
                              R::guard};
constexpr Role kDeskAndTechnicians[] = {R::receptionist,   R::supervisor,      R::manager_assistant,
                                        R::center_manager, R::project_manager, R::technician};
constexpr Role kDeskAndGuards[] = {R::receptionist,   R::supervisor,      R::manager_assistant,
                                   R::center_manager, R::project_manager, R::guard};

std::span<const Role> grants(Action a) {
  switch (a) {
    case Action::record_visit:
    case Action::record_complaint:
    case Action::handle_complaint:
    case Action::dispatch_repair:
    case Action::record_callback:
    case Action::close_general_violation:  // SPEC §5: 一般 cases by the service center
    case Action::export_redacted:
    case Action::view_cases:  // everyone who trains at the desk (training is a desk right)
      return kDesk;
    case Action::judge_complaint:
    case Action::close_complaint:
    case Action::record_inspection:  // the team leader's daily and weekly checks
    case Action::delete_record:
    case Action::import_data:
    case Action::view_team_training:
    case Action::export_full:
    case Action::export_statistics:
    case Action::site_folder:             // the folder holds every record: as for a full export
    case Action::void_signature:          // issue 15: a signature is voided by a supervisor only
    case Action::mark_case:               // issue 15: "any complaint a supervisor marks"
    case Action::set_work_calendar:       // issue 14: "a supervisor can enter or correct holidays"
    case Action::hold_serious_complaint:  // issue 14 item 5: "only a supervisor may put a 严重 complaint on hold"
      return kSupervisors;
    case Action::close_serious_complaint:
    case Action::close_major_violation:  // SPEC §5: 重大 by the manager
    case Action::confirm_damage:         // SPEC §8: damage list confirmed by the manager
    case Action::manage_staff:
      return kManagers;
    case Action::callback_major_complaint:  // SPEC §4
    case Action::impose_violation_measure:  // (rule) SPEC §5
    case Action::record_measure_sign_off:   // as the measure itself (SPEC §5 「嚴禁越權處分」)
      return kProjectManager;
    case Action::work_repair:
    case Action::accept_repair:
    case Action::print_documents:  // the technician prints the work order
      return kDeskAndTechnicians;
    case Action::lend_key:
    case Action::log_access:
      return kDeskAndGuards;
    case Action::escalate_complaint:  // SPEC §2: anyone may escalate past a stalled level
    case Action::record_repair:       // raised by any staff member
    case Action::record_violation:    // (rule) SPEC §5: any staff may record
    case Action::persuade_violation:  // (rule) SPEC §5: … and log persuasion
    case Action::open_incident:
    case Action::tick_checklist:
    case Action::record_duty:
      return kEveryone;
    case Action::action_count_:
      return {};
  }
  return {};
}
}  // namespace

std::vector<Role> roles_allowed(Action action) {
  auto g = grants(action);
  return {g.begin(), g.end()};
}

bool may(Role role, Action action) {
  auto g = grants(action);
  return std::find(g.begin(), g.end(), role) != g.end();
}

std::optional<FieldError> check_permission(Role role, Action action) {
  if (may(role, action)) return std::nullopt;
  std::string zh, en;
  for (Role r : grants(action)) {
    zh += (zh.empty() ? "" : "、") + enum_label(r).zh;
    en += (en.empty() ? "" : ", ") + enum_label(r).en;
  }
  const Msg what = enum_label(action);
  return FieldError{"role",
                    {"「" + what.zh + "」只能由" + zh + "进行（当前角色：" + enum_label(role).zh + "）",
                     "\"" + what.en + "\" is for: " + en + " (your role: " + enum_label(role).en + ")"}};
}

}  // namespace desk
