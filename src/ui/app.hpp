// The whole interface, one frame at a time: the top bar (site, person on
// duty, language, export/import), the module area and the status bar.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/staff.hpp"
#include "core/store_watch.hpp"
#include "ui/context.hpp"
#include "ui/folder_view.hpp"
#include "ui/global_search.hpp"
#include "ui/module_view.hpp"
#include "ui/stats_view.hpp"
#include "ui/team_view.hpp"
#include "ui/today_view.hpp"
#include "ui/training_area.hpp"
#include "ui/visits_view.hpp"

namespace desk::ui {

struct Settings {
  std::string site = "未命名项目";
  std::string device;
  std::string staff = "客服员";
  Lang lang = Lang::zh;
  bool setup_later = false;                      // a fresh desk's setup put off (all rights until then)
  std::string desk_name;                         // this desk's name in the site folder (前台1)
  int shift_start = SiteSchedule{}.shift_start;  // minutes after midnight: the first working hour
};

class App {
 public:
  App(Desk& desk, Fonts& fonts, Settings settings);
  void draw(Timestamp now);
  // Settings changed this frame (the runner stores them).
  bool settings_changed() { return std::exchange(settings_changed_, false); }
  const Settings& settings() const { return settings_; }

 private:
  void draw_top_bar(Context& ctx);
  void draw_nav(Context& ctx);
  void draw_screen(Context& ctx);
  void open_record(Context& ctx, const std::string& type, const std::string& id);
  // A case the case library asked to train on (case_training.hpp).
  void take_case_request(Context& ctx);
  // The data buttons of the top bar, each disabled with the reason when the role may not.
  void draw_data_buttons(Context& ctx);
  float data_buttons_width() const;
  void draw_status_bar(Context& ctx);
  void draw_import_dialogs(Context& ctx);
  void export_all(Context& ctx, bool redacted);
  void start_import(Context& ctx);
  // Records missing since this browser's last save (store_watch.hpp): the
  // warning banner, and the mark kept up to date after each durable save.
  void draw_store_warning(Context& ctx);
  void keep_store_mark(Timestamp now);

  Desk& desk_;
  Fonts& fonts_;
  Settings settings_;
  StoreWatch store_watch_;
  std::uint64_t marked_version_;  // the data version the store mark was last written for
  float store_banner_h_ = 0;      // the warning's height as drawn last frame
  bool settings_changed_ = false;
  VisitsView visits_;
  TodayView today_;
  TrainingArea training_;
  StatsView stats_;
  std::vector<std::unique_ptr<ModuleBase>> modules_;
  std::unique_ptr<ModuleBase> cases_;  // 案例库, beside training in the navigation
  std::string screen_ = "today";
  TeamView team_;
  GlobalSearch search_;
  bool searchable_ = false;  // the search box was drawn this frame
  FolderView folder_;
  std::optional<Desk::ImportPlan> import_plan_;
  bool approve_staff_ = false;
  Errors import_errors_;
  std::string import_name_;
  bool show_import_errors_ = false;
};

}  // namespace desk::ui
