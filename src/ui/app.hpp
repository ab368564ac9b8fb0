// The whole interface, one frame at a time: the top bar (site, person on
// duty, language, export/import), the module area and the status bar.
#pragma once
#include <optional>
#include <string>

#include "ui/context.hpp"
#include "ui/training_area.hpp"
#include "ui/visits_view.hpp"

namespace desk::ui {

struct Settings {
  std::string site = "未命名项目";
  std::string device;
  std::string staff = "客服员";
  Lang lang = Lang::zh;
};

class App {
 public:
  App(Desk& desk, Fonts& fonts, Settings settings) : desk_(desk), fonts_(fonts), settings_(std::move(settings)) {}
  void draw(Timestamp now);
  // Settings changed this frame (the runner stores them).
  bool settings_changed() { return std::exchange(settings_changed_, false); }
  const Settings& settings() const { return settings_; }

 private:
  void draw_top_bar(Context& ctx);
  void draw_status_bar(Context& ctx);
  void draw_import_dialogs(Context& ctx);
  void export_all(Context& ctx);
  void start_import(Context& ctx);

  Desk& desk_;
  Fonts& fonts_;
  Settings settings_;
  bool settings_changed_ = false;
  VisitsView visits_;
  TrainingArea training_;       // training: module toggle until the left navigation lands
  bool show_training_ = false;  // training
  std::optional<Desk::ImportPlan> import_plan_;
  Errors import_errors_;
  std::string import_name_;
  bool show_import_errors_ = false;
};

}  // namespace desk::ui
