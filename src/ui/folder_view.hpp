// The site folder on screen (issue 12): the setting that chooses it, the
// banner when the browser wants permission again, the folder's state in the
// status bar, the restore's progress, refused files and the conflict list;
// and, without a folder, the last backup and the 立即备份 reminder.
// The work itself is FolderSync's (app/folder_sync.hpp).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/folder_sync.hpp"
#include "core/conflicts.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class FolderView {
 public:
  // Each frame: runs the background sync while the folder is on and usable.
  void tick(Context& ctx, const std::string& desk_name);
  // One line above the module area when something needs a person: the
  // re-grant button, a folder no longer chosen, or the backup reminder.
  // `backup` downloads a full export (the app's export).
  void draw_banner(Context& ctx, const std::function<void()>& backup);
  // The status bar's folder part, drawn at the cursor.
  void draw_status(Context& ctx);
  // The 站点文件夹 screen; true when the desk's name was changed.
  bool draw(Context& ctx, std::string& desk_name);
  // Offered on a fresh desk's setup screen: restore from the site folder.
  void draw_restore_offer(Context& ctx);
  std::size_t conflict_count(const Context& ctx);
  // The site name read from the folder by a restore ("" when none): the
  // app takes it as its own.
  std::string take_adopted_site() { return std::exchange(adopted_site_, {}); }

 private:
  void choose(Context& ctx);
  void adopt_site_then_start(Desk* desk, const Actor& actor);
  void draw_progress(Context& ctx);
  void draw_conflicts(Context& ctx);
  void update_reminder(const Context& ctx);

  std::unique_ptr<FolderSync> sync_;
  std::string site_, device_;
  Msg choose_error_;
  bool choosing_ = false;
  std::string name_buf_;
  bool name_editing_ = false;
  std::string adopted_site_;
  std::vector<Conflict> conflicts_;
  std::uint64_t conflicts_version_ = ~std::uint64_t{0};
  std::uint64_t reminder_version_ = ~std::uint64_t{0};
  std::int64_t reminder_minute_ = -1, reminder_backup_ = -2;
  bool reminder_due_ = false;
  std::size_t reminder_count_ = 0;
};

}  // namespace desk::ui
