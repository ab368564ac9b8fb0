// What every view is given each frame: the data service, the clock, who is
// on duty and where.
#pragma once
#include <string>

#include "app/desk.hpp"
#include "platform/platform.hpp"
#include "ui/fonts.hpp"

namespace desk::ui {

struct Context {
  Desk& desk;
  Fonts& fonts;
  Timestamp now;
  std::string staff;  // the person on duty
  std::string site;
  std::string device;
  Role role = Role::project_manager;  // of the signed-in staff; all rights before staff are set up
  SiteSchedule schedule{};            // the site's shift start (a site setting; 工作日历设置 edits it)
  Actor actor() const { return {staff, site, now, platform::random_bits(), role}; }
};

}  // namespace desk::ui
