// The permission matrix (SPEC "Staff, roles, audit", §2, §4, §5, §8): every
// action × every role, against the table written here from the manuals.
#include "core/roles.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace desk;

namespace {
const std::set<Role> kAll = {Role::receptionist,   Role::supervisor,      Role::manager_assistant,
                             Role::center_manager, Role::project_manager, Role::technician,
                             Role::guard};
const std::set<Role> kDesk = {Role::receptionist, Role::supervisor, Role::manager_assistant, Role::center_manager,
                              Role::project_manager};
const std::set<Role> kSupervisorsUp = {Role::supervisor, Role::manager_assistant, Role::center_manager,
                                       Role::project_manager};
const std::set<Role> kManagers = {Role::center_manager, Role::project_manager};
const std::set<Role> kPm = {Role::project_manager};
std::set<Role> plus(std::set<Role> s, Role r) {
  s.insert(r);
  return s;
}

const std::map<Action, std::set<Role>>& expected() {
  static const std::map<Action, std::set<Role>> m = {
      {Action::record_visit, kDesk},
      {Action::record_complaint, kDesk},
      {Action::judge_complaint, kSupervisorsUp},
      {Action::handle_complaint, kDesk},
      {Action::escalate_complaint, kAll},  // anyone may escalate past a stalled level
      {Action::close_complaint, kSupervisorsUp},
      {Action::close_serious_complaint, kManagers},  // manager role or above
      {Action::record_repair, kAll},
      {Action::dispatch_repair, kDesk},
      {Action::work_repair, plus(kDesk, Role::technician)},
      {Action::accept_repair, plus(kDesk, Role::technician)},
      {Action::record_callback, kDesk},
      {Action::callback_major_complaint, kPm},           // major complaints: the project manager calls back
      {Action::record_violation, kAll},                  // (rule) any staff may record
      {Action::persuade_violation, kAll},                // (rule) … and log persuasion
      {Action::impose_violation_measure, kPm},           // (rule) only the project manager
      {Action::record_measure_sign_off, kPm},            // issue 14 item 15: as the measure itself
      {Action::hold_serious_complaint, kSupervisorsUp},  // issue 14 item 5: only a supervisor (or above)
      {Action::close_general_violation, kDesk},
      {Action::close_major_violation, kManagers},
      {Action::lend_key, plus(kDesk, Role::guard)},
      {Action::log_access, plus(kDesk, Role::guard)},
      {Action::open_incident, kAll},
      {Action::tick_checklist, kAll},
      {Action::confirm_damage, kManagers},
      {Action::record_inspection, kSupervisorsUp},
      {Action::record_duty, kAll},
      {Action::manage_staff, kManagers},
      {Action::delete_record, kSupervisorsUp},
      {Action::import_data, kSupervisorsUp},
      {Action::view_team_training, kSupervisorsUp},
      // Data leaving the desk (issue 11).
      {Action::export_full, kSupervisorsUp},
      {Action::export_redacted, kDesk},
      {Action::print_documents, plus(kDesk, Role::technician)},
      {Action::export_statistics, kSupervisorsUp},
      {Action::site_folder, kSupervisorsUp},     // the folder holds every record (issue 12)
      {Action::void_signature, kSupervisorsUp},  // issue 15
      {Action::view_cases, kDesk},               // issue 15: everyone who trains at the desk
      {Action::mark_case, kSupervisorsUp},
      {Action::set_work_calendar, kSupervisorsUp},  // issue 14: a supervisor enters the calendar
  };
  return m;
}
}  // namespace

TEST_CASE("permission matrix: every action x every role") {
  int checked = 0;
  for (const auto& a : enum_entries(Action{})) {
    INFO("action " << a.code);
    REQUIRE(expected().count(a.value) == 1);
    for (const auto& r : enum_entries(Role{})) {
      INFO("role " << r.code);
      const bool allowed = expected().at(a.value).count(r.value) == 1;
      CHECK(may(r.value, a.value) == allowed);
      CHECK(check_permission(r.value, a.value).has_value() == !allowed);
      ++checked;
    }
  }
  CHECK(checked == static_cast<int>(enum_entries(Action{}).size() * enum_entries(Role{}).size()));
}

TEST_CASE("a refused action names the role that may do it") {
  auto refusal = check_permission(Role::receptionist, Action::impose_violation_measure);
  REQUIRE(refusal);
  CHECK(refusal->message.zh.find("项目经理") != std::string::npos);
  CHECK(refusal->message.zh.find("客服员") != std::string::npos);  // and the current role
  CHECK(refusal->message.en.find("Project manager") != std::string::npos);
  auto close = check_permission(Role::supervisor, Action::close_serious_complaint);
  REQUIRE(close);
  CHECK(close->message.zh.find("物业服务中心经理") != std::string::npos);
}

// Issue 14 item 17: `view_team_training` once had no label and its refusal read
// 「?」只能由主管…. Every enumerator up to the sentinel, not only those the
// table lists, must have a code and both labels, and its refusal names it.
TEST_CASE("every action has a code and a label in both languages") {
  const int count = static_cast<int>(Action::action_count_);
  REQUIRE(count > 0);
  std::set<std::string> codes, labels;
  for (int i = 0; i < count; ++i) {
    const auto action = static_cast<Action>(i);
    INFO("action #" << i);
    const auto* entry = enum_entry(action);
    REQUIRE(entry != nullptr);
    INFO("code " << entry->code);
    CHECK(std::string(entry->code).size() > 0);
    CHECK(codes.insert(entry->code).second);
    const Msg label = enum_label(action);
    CHECK_FALSE(label.zh.empty());
    CHECK_FALSE(label.en.empty());
    CHECK(label.zh != "?");
    CHECK(label.en != "?");
    CHECK(labels.insert(label.zh).second);
    CHECK_FALSE(roles_allowed(action).empty());
    // A role that may not act is told which action it was refused.
    for (const auto& r : enum_entries(Role{}))
      if (auto refusal = check_permission(r.value, action)) {
        CHECK(refusal->message.zh.find("「" + label.zh + "」") != std::string::npos);
        CHECK(refusal->message.zh.find("「?」") == std::string::npos);
      }
  }
  // The table holds exactly the actions, nothing beyond the sentinel.
  CHECK(enum_entries(Action{}).size() == static_cast<std::size_t>(count));
}
