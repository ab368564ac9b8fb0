// 站点设置, sign-in and recovery (issue 11): the first run of a fresh desk,
// the sign-in screen with its stored lock, the recovery code, the idle
// sign-out and the site's settings for administrators. Rules live in
// core/team.hpp; this view only collects what people type.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "core/team.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class TeamView {
 public:
  const std::optional<Staff>& signed_in() const { return signed_in_; }
  void sign_out() { signed_in_.reset(); }
  // Whether the people at the desk must sign in now.
  bool sign_in_required(const Desk& desk) const { return desk.team_mode() == TeamMode::guarded; }

  // The setup (站点设置) a fresh desk opens with; `site` is the project name.
  // Returns true when the person chose to set up later.
  bool draw_setup(Context& ctx, std::string& site);
  // The one-time recovery code after setup or a recovery (until confirmed).
  bool showing_recovery_code() const { return !recovery_code_.empty(); }
  // Returns true when the person goes on to add the team (员工).
  bool draw_recovery_code(Context& ctx, const std::string& site);
  void draw_sign_in(Context& ctx);
  // Site settings for administrators: project name, idle sign-out.
  bool draw_site_settings(Context& ctx, std::string& site);
  // Signs out after the site's idle minutes without input; views keep drafts.
  void watch_idle(Context& ctx);
  // Set when the signed-in person changed this frame (stale messages go).
  bool person_changed() { return std::exchange(person_changed_, false); }

 private:
  void signed_in_as(const Staff& s);
  void draw_recovery_form(Context& ctx);

  std::optional<Staff> signed_in_;
  bool person_changed_ = false;
  Timestamp last_input_{};
  // sign-in: the PIN is hashed off the main thread; the result arrives later
  std::string code_, pin_;
  bool checking_ = false;
  std::shared_ptr<std::optional<std::string>> hashed_;
  Errors errors_;
  bool recovering_ = false;
  // setup and recovery
  FirstAdmin admin_;
  std::string recovery_typed_, recovery_staff_, new_pin_, new_pin_again_;
  std::string recovery_code_;
  Errors setup_errors_;
};

}  // namespace desk::ui
