#include "ui/folder_view.hpp"

#include <algorithm>
#include <cstdio>

#include "core/backup.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "platform/folder.hpp"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
using platform::FolderAccess;

const char* state_name(const FolderSync* s, FolderAccess access, bool on) {
  if (!on) return access == FolderAccess::unsupported ? "unsupported" : "off";
  if (access == FolderAccess::prompt) return "prompt";
  if (access != FolderAccess::granted) return "lost";
  if (!s) return "starting";
  switch (s->state()) {
    case FolderSync::State::unavailable:
      return "unavailable";
    case FolderSync::State::ok:
      return s->pending() ? "pending" : "ok";
    default:
      return s->pending() ? "pending" : "working";
  }
}

std::string hhmm(Timestamp t) {
  const std::string s = format_local(t);
  return s.size() >= 16 ? s.substr(11, 5) : s;
}

void banner(const char* id, const ImVec4& bg, const ImVec4& fg, const std::string& text, const char* button_label,
            const char* button_id, const std::function<void()>& on_click) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
  ImGui::BeginChild(id, ImVec2(0, ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2), true,
                    ImGuiWindowFlags_NoScrollbar);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(fg, "%s", text.c_str());
  probe::message(id, text);
  if (button_label) {
    ImGui::SameLine();
    if (primary_button(id_label(button_label, button_id))) on_click();
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}
}  // namespace

void FolderView::tick(Context& ctx, const std::string& desk_name) {
  Desk& desk = ctx.desk;
  if (!desk.folder_on() || platform::folder_access() != FolderAccess::granted) {
    if (!desk.folder_on()) sync_.reset();
    return;
  }
  if (!sync_ || site_ != ctx.site || device_ != ctx.device) {
    if (sync_ && sync_->running()) return;  // its callbacks still point at it
    sync_ = std::make_unique<FolderSync>(desk, platform::folder_io(), ctx.site, ctx.device);
    site_ = ctx.site, device_ = ctx.device;
  }
  sync_->set_desk_name(desk_name);
  if (platform::folder_take_poke()) sync_->poke();
  // Reading the others every few seconds only while the page is seen;
  // this desk's own lines are written whenever there are any.
  if (platform::page_visible() || sync_->pending()) sync_->tick(ctx.now);
  sync_->take_news();  // Desk::apply_synced already says them in the status bar
}

void FolderView::choose(Context& ctx) {
  choosing_ = true;
  choose_error_ = {};
  const Actor actor = ctx.actor();
  Desk* desk = &ctx.desk;
  platform::choose_folder([this, actor, desk](bool ok, std::string error) {
    choosing_ = false;
    if (!ok) {
      if (error != "cancelled")
        choose_error_ = error == "unsupported" ? Msg{"此浏览器不支持站点文件夹（请使用 Chrome 或 Edge）",
                                                     "This browser has no folder access "
                                                     "(use Chrome or Edge)"}
                                               : folder_error_words(error);
      return;
    }
    if (desk->folder_on()) {
      sync_.reset();  // a new folder: everything is read and written again
      desk->stop_folder(actor);
    }
    if (desk->data().size() > 0) {
      if (auto refused = desk->start_folder(actor); !refused.empty()) choose_error_ = refused.front().message;
      return;
    }
    // An empty desk (a new PC) takes the site's name from the folder first:
    // readers skip files of other sites.
    adopt_site_then_start(desk, actor);
  });
}

void FolderView::adopt_site_then_start(Desk* desk, const Actor& actor) {
  auto start = [this, desk, actor] {
    if (auto refused = desk->start_folder(actor); !refused.empty()) choose_error_ = refused.front().message;
  };
  platform::folder_io().list([this, start](bool ok, std::string error, std::vector<FolderEntry> files) {
    if (!ok) return choose_error_ = folder_error_words(error), void();
    const auto first = std::find_if(files.begin(), files.end(), [](const FolderEntry& f) {
      return parse_desk_file_path(f.path).has_value() && f.size > 0;
    });
    if (first == files.end()) return start();  // an empty folder: this desk is the site's first
    platform::folder_io().read(first->path, 0, [this, start](bool ok, std::string error, std::string bytes) {
      if (!ok) return choose_error_ = folder_error_words(error), void();
      adopted_site_ = desk_file_site(bytes);
      if (!adopted_site_.empty()) site_ = adopted_site_;
      start();
    });
  });
}

void FolderView::draw_banner(Context& ctx, const std::function<void()>& backup) {
  Desk& desk = ctx.desk;
  const FolderAccess access = platform::folder_access();
  const ImVec4 amber_bg{1.0f, 0.93f, 0.80f, 1.0f};
  if (desk.folder_on() && access == FolderAccess::prompt) {
    banner("folder.banner", amber_bg, colors::error,
           tr("浏览器要求重新授权站点文件夹，授权前本机记录不会备份到文件夹",
              "The browser wants permission for the site folder again; nothing is backed up until then"),
           tr("授权", "Allow"), "folder.regrant", [] { platform::regrant_folder([](bool, std::string) {}); });
    return;
  }
  if (desk.folder_on() && access != FolderAccess::granted) {
    banner("folder.banner", amber_bg, colors::error,
           tr("站点文件夹已不可用（浏览器数据被清除或换了浏览器），请主管在「站点文件夹」中重新选择",
              "The site folder is no longer available here; a supervisor must choose it again under Site folder"),
           nullptr, nullptr, {});
    return;
  }
  update_reminder(ctx);
  if (!desk.folder_on() && reminder_due_) {
    const std::size_t n = reminder_count_;
    char text[256];
    std::snprintf(text, sizeof text,
                  tr("尚未备份：有 %zu 条记录不在任何备份中（未设置站点文件夹）。请立即备份并妥善保存文件。",
                     "Not backed up: %zu records are in no backup (no site folder). Back up now and keep the file."),
                  n);
    if (may(ctx.role, Action::export_full))
      banner("folder.banner", amber_bg, colors::due_soon, text, tr("立即备份", "Back up now"), "folder.backup_now",
             backup);
    else
      banner("folder.banner", amber_bg, colors::due_soon,
             std::string(text) + tr("（请主管备份）", " (ask a supervisor)"), nullptr, nullptr, {});
  }
}

void FolderView::draw_status(Context& ctx) {
  Desk& desk = ctx.desk;
  const FolderAccess access = platform::folder_access();
  const std::string state = state_name(sync_.get(), access, desk.folder_on());
  probe::fact("folderState", state);
  probe::fact("folderPending", std::to_string(desk.folder_pending()));
  probe::fact("folderRounds", std::to_string(sync_ ? sync_->rounds() : 0));
  std::string text;
  ImVec4 color = colors::muted;
  if (!desk.folder_on()) {
    const auto last = desk.last_backup();
    text = last ? std::string(tr("上次备份 ", "Last backup ")) + format_local(*last)
                : std::string(tr("尚未备份", "Never backed up"));
    update_reminder(ctx);
    color = reminder_due_ ? colors::due_soon : colors::muted;
  } else if (state == "prompt") {
    text = tr("文件夹不可用（需重新授权）", "Folder unavailable (permission needed)"), color = colors::error;
  } else if (state == "lost") {
    text = tr("文件夹不可用（未选择）", "Folder unavailable (not chosen)"), color = colors::error;
  } else if (state == "unavailable") {
    text = std::string(tr("文件夹不可用（", "Folder unavailable (")) + tr(sync_->problem()) + tr("）", ")");
    if (desk.folder_pending())
      text +=
          std::string(tr(" · 备份待补 ", " · to back up: ")) + std::to_string(desk.folder_pending()) + tr(" 条", "");
    color = colors::error;
  } else if (desk.folder_pending()) {
    text = std::string(tr("备份待补 ", "To back up: ")) + std::to_string(desk.folder_pending()) + tr(" 条", "");
    color = colors::due_soon;
  } else if (sync_ && sync_->backed_up_at()) {
    text = std::string(tr("已备份至 ", "Backed up at ")) + hhmm(*sync_->backed_up_at());
    color = colors::ok;
  } else {
    text = tr("正在连接站点文件夹…", "Connecting to the site folder…");
  }
  ImGui::TextColored(color, "%s", text.c_str());
  probe::message("folder.status", text);
}

void FolderView::draw_restore_offer(Context& ctx) {
  if (ctx.desk.folder_on() || platform::folder_access() == FolderAccess::unsupported) return;
  const char* offer = tr("换了新电脑？本站点已有站点文件夹时，可从文件夹恢复全部记录：",
                         "A new PC? If the site already has a site folder, restore every record from it:");
  const float width = ImGui::CalcTextSize(offer).x + 200;
  ImGui::SetCursorPosX(std::max(8.0f, (ImGui::GetWindowWidth() - width) * 0.5f));
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(colors::muted, "%s", offer);
  ImGui::SameLine();
  ImGui::BeginDisabled(choosing_);
  if (ImGui::Button(id_label(tr("从站点文件夹恢复…", "Restore from the site folder…"), "folder.restore"))) choose(ctx);
  ImGui::EndDisabled();
  if (!choose_error_.zh.empty()) error_text_wrapped(tr(choose_error_));
}

// The reminder scans every record: once per change of the data, the last
// backup or the minute, not every frame.
void FolderView::update_reminder(const Context& ctx) {
  const Desk& desk = ctx.desk;
  const std::int64_t minute = ctx.now.ms / kMinute;
  const std::int64_t backup = desk.last_backup() ? desk.last_backup()->ms : -1;
  if (reminder_version_ == desk.version() && reminder_minute_ == minute && reminder_backup_ == backup) return;
  reminder_version_ = desk.version(), reminder_minute_ = minute, reminder_backup_ = backup;
  reminder_due_ = !desk.folder_on() && backup_reminder_due(desk.data(), desk.last_backup(), ctx.now);
  reminder_count_ = reminder_due_ ? changed_since(desk.data(), desk.last_backup()) : 0;
}

std::size_t FolderView::conflict_count(const Context& ctx) {
  // Conflicts come from the folder's merges: no scan while it is off.
  if (!ctx.desk.folder_on()) return 0;
  if (conflicts_version_ != ctx.desk.version()) {
    conflicts_ = find_conflicts(ctx.desk.data());
    conflicts_version_ = ctx.desk.version();
  }
  return conflicts_.size();
}

bool FolderView::draw(Context& ctx, std::string& desk_name) {
  Desk& desk = ctx.desk;
  const bool zh = lang() == Lang::zh;
  ImGui::TextColored(colors::accent, "%s", tr("站点文件夹", "Site folder"));
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextWrapped("%s",
                     tr("本站点各客服台共用一个文件夹（本机文件夹或办公室的共享文件夹）。每台客服台把自己保存的记录"
                        "追加到文件夹中自己的文件，并读取其他客服台的新记录：各台数据一致，换电脑可恢复，"
                        "不需要服务器。",
                        "The site's desks share one folder (on this PC or the office's shared folder). Each desk "
                        "appends its saved records to its own files there and reads the others' new ones: the "
                        "desks agree, a new PC can be restored, and no server is needed."));
  ImGui::PopStyleColor();
  ImGui::Spacing();
  const FolderAccess access = platform::folder_access();
  if (access == FolderAccess::unsupported) {
    error_text_wrapped(
        tr("此浏览器不支持站点文件夹（Firefox、Safari）。请改用 Chrome 或 Edge；在此之前请每天用"
           "「导出 JSON」或提示条上的「立即备份」备份。",
           "This browser cannot use a site folder (Firefox, Safari). Use Chrome or Edge; until then, "
           "back up every day with Export or the Back up now reminder."));
    return false;
  }
  const std::string name = platform::folder_name();
  ImGui::Text("%s %s", tr("当前文件夹：", "Folder:"),
              desk.folder_on() && !name.empty() ? name.c_str() : tr("未设置", "not set"));
  ImGui::SameLine(0, 16);
  draw_status(ctx);
  bool renamed = false;
  if (const auto refused = check_permission(ctx.role, Action::site_folder)) {
    ImGui::TextColored(colors::muted, "%s", tr(refused->message).c_str());
  } else {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("本机名称", "This desk's name"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (!name_editing_) name_buf_ = desk_name;
    const bool entered = ImGui::InputTextWithHint("##folder.desk_name", tr("如 前台1", "e.g. Front desk 1"), &name_buf_,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    name_editing_ = ImGui::IsItemActive() && !entered;
    if (entered || ImGui::IsItemDeactivatedAfterEdit()) {
      const std::string typed = trim(name_buf_);
      if (utf8_length(typed) <= kMaxDeskNameChars && typed != desk_name) desk_name = typed, renamed = true;
    }
    ImGui::SameLine();
    ImGui::TextColored(
        colors::muted, "%s",
        tr("其他客服台据此显示「来自 前台1 的更新」", "shown on the other desks: \"3 updates from Front desk 1\""));
    const char* label =
        desk.folder_on() ? tr("更换文件夹…", "Change folder…") : tr("选择站点文件夹…", "Choose the folder…");
    ImGui::BeginDisabled(choosing_ || desk.busy());
    if (primary_button(id_label(label, "folder.choose"))) choose(ctx);
    ImGui::EndDisabled();
    if (desk.folder_on()) {
      ImGui::SameLine();
      if (ImGui::Button(id_label(tr("停用站点文件夹", "Stop using the folder"), "folder.stop"))) {
        desk.stop_folder(ctx.actor());
        platform::forget_folder();
        sync_.reset();
      }
    }
    if (!choose_error_.zh.empty()) error_text_wrapped(tr(choose_error_));
  }
  draw_progress(ctx);
  if (sync_ && !sync_->refusals().empty()) {
    ImGui::Spacing();
    ImGui::TextColored(
        colors::error, "%s",
        tr("以下文件或行未读取（原样保留，未被改写）：", "Not read (left as they are, never written over):"));
    for (const Msg& m : sync_->refusals()) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", tr(m).c_str());
      probe::message("folder.refused", tr(m));
    }
  }
  if (may(ctx.role, Action::site_folder)) draw_conflicts(ctx);
  (void)zh;
  return renamed;
}

void FolderView::draw_progress(Context& ctx) {
  (void)ctx;
  if (!sync_) return;
  const std::size_t total = sync_->first_round_total(), done = sync_->first_round_done();
  if (total > 0 && sync_->rounds() == 0) {
    char text[96];
    std::snprintf(text, sizeof text, tr("正在读取文件夹 %.1f / %.1f MB", "Reading the folder %.1f / %.1f MB"),
                  static_cast<double>(done) / 1048576.0, static_cast<double>(total) / 1048576.0);
    ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(total), ImVec2(420, 0), text);
    probe::message("folder.progress", text);
  }
  if (sync_->per_desk().empty()) return;
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("从各客服台读取（本次启动以来）：", "Read from each desk (since this start):"));
  for (const auto& [device, count] : sync_->per_desk()) {
    char line[200];
    std::snprintf(line, sizeof line,
                  tr("%s：读取 %zu 条，本机新增或更新 %zu 条", "%s: %zu read, %zu added or updated here"),
                  sync_->desk_label(device).c_str(), count.read, count.changed);
    ImGui::BulletText("%s", line);
    probe::message("folder.desk", line);
  }
}

void FolderView::draw_conflicts(Context& ctx) {
  const std::size_t n = conflict_count(ctx);
  ImGui::Spacing();
  ImGui::Separator();
  char title[120];
  std::snprintf(title, sizeof title,
                tr("冲突记录（%zu）：两台客服台离线时改了同一条记录",
                   "Conflicts (%zu): one record changed on two desks while apart"),
                n);
  ImGui::TextColored(colors::accent, "%s", title);
  if (n == 0) {
    ImGui::TextColored(colors::muted, "%s", tr("没有冲突。", "No conflicts."));
    return;
  }
  ImGui::TextColored(colors::muted, "%s",
                     tr("保留的版本按合并规则选出；另一版本记在记录的修改历史中，可按需手工改回。",
                        "The kept version is chosen by the merge rule; the other stays in the record's history and "
                        "can be restored by hand."));
  if (!ImGui::BeginTable("folder.conflicts", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) return;
  ImGui::TableSetupColumn(tr("记录", "Record"), ImGuiTableColumnFlags_WidthFixed, 210);
  ImGui::TableSetupColumn(tr("字段", "Field"), ImGuiTableColumnFlags_WidthFixed, 110);
  ImGui::TableSetupColumn(tr("保留的版本", "Kept"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr("另一版本（在历史中）", "Other (in history)"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const Conflict& c : conflicts_) {
    for (std::size_t i = 0; i < std::max<std::size_t>(c.fields.size(), 1); ++i) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (i == 0) {
        ImGui::TextWrapped("%s %s", tr(record_type_label(c.type)).c_str(),
                           c.id.substr(c.id.size() > 8 ? c.id.size() - 8 : 0).c_str());
      }
      ImGui::TableNextColumn();
      const ConflictField* f = i < c.fields.size() ? &c.fields[i] : nullptr;
      ImGui::TextWrapped("%s", f ? tr(f->label).c_str() : "—");
      for (const Change* ch : {&c.kept, &c.lost}) {
        ImGui::TableNextColumn();
        const std::string value = f ? (ch == &c.kept ? f->kept : f->lost) : std::string();
        ImGui::TextWrapped("%s", value.empty() ? tr("（未改）", "(unchanged)") : value.c_str());
        ImGui::TextColored(colors::muted, "%s · %s", ch->by.c_str(), format_local(ch->at).c_str());
      }
      probe::message("folder.conflict", c.id + " " + (f ? f->field + " " + f->kept + " | " + f->lost : std::string()));
    }
  }
  ImGui::EndTable();
}

}  // namespace desk::ui
