#include "ui/app.hpp"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/case_training.hpp"
#include "ui/modules.hpp"
#include "ui/quarantine_view.hpp"
#include "ui/record_link.hpp"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
const char* save_state_name(Desk::SaveState s) {
  switch (s) {
    case Desk::SaveState::saving:
      return "saving";
    case Desk::SaveState::saved:
      return "saved";
    case Desk::SaveState::failed:
      return "failed";
    case Desk::SaveState::refused:
      return "refused";
    default:
      return "idle";
  }
}
}  // namespace

App::App(Desk& desk, Fonts& fonts, Settings settings)
    : desk_(desk),
      fonts_(fonts),
      settings_(std::move(settings)),
      store_watch_(platform::read_local(kStoreMarkKey)),
      marked_version_(desk.version()) {
  for (auto make :
       {make_complaints, make_repairs, make_callbacks, make_contracts, make_referrals, make_violations, make_key_loans,
        make_access_log, make_incidents, make_inspections, make_gas_checks, make_duty_logs, make_calendar, make_staff})
    modules_.push_back(make());
  cases_ = make_cases();
  if (const std::string m = platform::query_param("module"); !m.empty()) screen_ = m;
}

void App::draw(Timestamp now) {
  Context ctx{desk_, fonts_, now, settings_.staff, settings_.site, settings_.device};
  ctx.schedule.shift_start = settings_.shift_start;
  team_.watch_idle(ctx);
  if (team_.person_changed()) {
    desk_.clear_status();
    screen_ = "today";
  }
  const bool guarded = team_.sign_in_required(desk_);
  if (const auto& s = team_.signed_in(); s && guarded) {
    ctx.staff = s->code;
    ctx.role = s->role;
  } else if (s) {
    team_.sign_out();
  }
  const bool signed_in = guarded && team_.signed_in();
  folder_.tick(ctx, settings_.desk_name);
  if (const std::string site = folder_.take_adopted_site(); !site.empty() && site != settings_.site)
    settings_.site = ctx.site = site, settings_changed_ = true;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("desk", nullptr, flags);
  draw_top_bar(ctx);
  ImGui::Separator();
  if (desk_.read_only()) {
    const Msg reason = desk_.read_only_reason();
    const std::string banner = desk_.read_only_because_newer() || desk_.read_only_because_unreadable()
                                   ? tr(reason)
                                   : std::string(tr(S::read_only_banner));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.80f, 1.0f));
    ImGui::BeginChild("readonly.banner", ImVec2(0, ImGui::GetTextLineHeight() + ImGui::GetStyle().WindowPadding.y * 2),
                      true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextColored(colors::error, "%s", banner.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
    probe::message("readonly", banner);
  }
  keep_store_mark(now);
  draw_store_warning(ctx);
  if (!guarded || signed_in) folder_.draw_banner(ctx, [this, &ctx] { export_all(ctx, false); });
  const float status_h = ImGui::GetFrameHeightWithSpacing() + 4;
  if (team_.showing_recovery_code()) {
    ImGui::BeginChild("recovery", ImVec2(0, -status_h), false);
    if (team_.draw_recovery_code(ctx, settings_.site)) screen_ = "staff";
    ImGui::EndChild();
  } else if (guarded && !signed_in) {
    ImGui::BeginChild("signin", ImVec2(0, -status_h), false);
    team_.draw_sign_in(ctx);
    ImGui::EndChild();
  } else if (!guarded && !settings_.setup_later) {
    ImGui::BeginChild("setup", ImVec2(0, -status_h), false);
    const std::string site_before = settings_.site;
    if (team_.draw_setup(ctx, settings_.site)) settings_.setup_later = true, settings_changed_ = true;
    folder_.draw_restore_offer(ctx);
    if (settings_.site != site_before) settings_changed_ = true;
    ImGui::EndChild();
  } else {
    ImGui::BeginChild("nav", ImVec2(150, -status_h), true);
    draw_nav(ctx);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("module", ImVec2(0, -status_h), false);
    draw_screen(ctx);
    ImGui::EndChild();
  }
  draw_status_bar(ctx);
  draw_import_dialogs(ctx);
  ImGui::End();
  if (searchable_) search_.draw_results(ctx);
  if (ctx.schedule.shift_start != settings_.shift_start)
    settings_.shift_start = ctx.schedule.shift_start, settings_changed_ = true;

  probe::fact("lang", tr("zh", "en"));
  probe::fact("saveState", save_state_name(desk_.state()));
  probe::fact("status", tr(desk_.status()));
  probe::fact("dataVersion", std::to_string(desk_.version()));
  probe::fact("recordCount", std::to_string(desk_.data().size()));
  probe::fact("teamMode", guarded ? "guarded" : "open");
  probe::fact("signedIn", signed_in ? team_.signed_in()->code : "");
}

void App::draw_top_bar(Context& ctx) {
  ImGui::TextColored(colors::accent, "%s", tr(S::app_title));
  ImGui::SameLine(0, 24);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s %s", tr(S::site), settings_.site.c_str());
  ImGui::SameLine(0, 16);
  const bool guarded = team_.sign_in_required(desk_);
  if (const auto& s = team_.signed_in(); guarded && s) {
    ImGui::TextUnformatted(tr(S::on_duty));
    ImGui::SameLine();
    ImGui::Text("%s %s · %s", s->code.c_str(), s->name.c_str(), tr(enum_label(s->role)).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label(tr("退出", "Sign out"), "signin.out"))) team_.sign_out(), screen_ = "today";
  } else if (!guarded) {
    ImGui::TextUnformatted(tr(S::on_duty));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::InputText("##settings.staff", &settings_.staff);
    if (ImGui::IsItemDeactivatedAfterEdit()) settings_changed_ = true;
    ImGui::SameLine();
    const char* open_text =
        tr("未设置管理员：此客服台任何人都拥有全部权限", "No administrator yet: everyone here has all rights");
    ImGui::TextColored(colors::due_soon, "%s", open_text);
    probe::message("team.open", open_text);
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label(tr("站点设置", "Site setup"), "setup.open")))
      settings_.setup_later = false, settings_changed_ = true;
  }
  // Nothing is searched or leaves the desk from the sign-in screen.
  searchable_ = !guarded || team_.signed_in();
  if (searchable_) {
    ImGui::SameLine(0, 16);
    const float data_x = ImGui::GetWindowContentRegionMax().x - data_buttons_width();
    const float width = std::min(300.0f, data_x - ImGui::GetCursorPosX() - 16);
    searchable_ = width >= 140;
    if (searchable_) search_.draw(ctx, width);
  }
  if (guarded && !team_.signed_in()) {
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(tr(S::language_switch)).x -
                    ImGui::GetStyle().FramePadding.x * 2);
  } else {
    draw_data_buttons(ctx);
    ImGui::SameLine();
  }
  if (ImGui::Button(id_label(tr(S::language_switch), "settings.lang"))) {
    settings_.lang = lang() == Lang::zh ? Lang::en : Lang::zh;
    set_lang(settings_.lang);
    settings_changed_ = true;
  }
}

float App::data_buttons_width() const {
  const ImGuiStyle& st = ImGui::GetStyle();
  return ImGui::CalcTextSize(tr(S::export_json)).x + ImGui::CalcTextSize(tr("脱敏导出", "Export redacted")).x +
         ImGui::CalcTextSize(tr(S::import_json)).x + ImGui::CalcTextSize(tr(S::language_switch)).x +
         st.FramePadding.x * 8 + st.ItemSpacing.x * 3;
}

void App::draw_data_buttons(Context& ctx) {
  const char* export_label = tr(S::export_json);
  const char* import_label = tr(S::import_json);
  const char* redacted_label = tr("脱敏导出", "Export redacted");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - data_buttons_width());
  auto gated = [&](const char* label, const char* id, Action action, bool busy) {
    return permitted_button(label, id, action, ctx.role, busy);
  };
  if (gated(export_label, "data.export", Action::export_full, false)) export_all(ctx, false);
  ImGui::SameLine();
  if (gated(redacted_label, "data.export_redacted", Action::export_redacted, false)) export_all(ctx, true);
  if (ImGui::IsItemHovered() && may(ctx.role, Action::export_redacted))
    ImGui::SetTooltip("%s", tr("培训用：姓名只留姓，电话、证件号及文字中的号码打码，不含修改历史和 PIN",
                               "For training: names cut to the surname, phones and ID numbers masked (in free text "
                               "too), no change history or PINs"));
  ImGui::SameLine();
  if (gated(import_label, "data.import", Action::import_data, desk_.busy() || desk_.read_only())) start_import(ctx);
}

void App::draw_status_bar(Context& ctx) {
  ImGui::Separator();
  const Desk::SaveState s = desk_.state();
  const ImVec4 color = s == Desk::SaveState::failed || s == Desk::SaveState::refused ? colors::error
                       : s == Desk::SaveState::saving                                ? colors::due_soon
                       : s == Desk::SaveState::saved                                 ? colors::ok
                                                                                     : colors::muted;
  const char* dot = s == Desk::SaveState::saving ? "◌" : s == Desk::SaveState::failed ? "●" : "●";
  ImGui::TextColored(color, "%s %s", dot, tr(desk_.status()).c_str());
  if (!tr(desk_.status()).empty()) probe::message("status", tr(desk_.status()));
  ImGui::SameLine(0, 24);
  folder_.draw_status(ctx);
  char loaded[200];
  const platform::StorageInfo info = platform::storage_info();
  const int n = std::snprintf(loaded, sizeof loaded, tr(S::storage_loaded), desk_.data().size());
  if (info.used >= 0 && n > 0)
    std::snprintf(loaded + n, sizeof loaded - static_cast<std::size_t>(n), tr(S::storage_used), info.used / 1048576.0,
                  info.persisted == 1 ? tr(S::storage_persistent) : tr(S::storage_not_persistent));
  // Right-aligned, but never over the save and folder states on the left.
  const float left_end = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 24;
  ImGui::SameLine(std::max(left_end, ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(loaded).x -
                                         ImGui::CalcTextSize(format_local(ctx.now).c_str()).x - 24));
  ImGui::TextColored(colors::muted, "%s", loaded);
  probe::message("storage.loaded", loaded);
  ImGui::SameLine();
  ImGui::TextColored(colors::muted, "  %s", format_local(ctx.now).c_str());
}

void App::export_all(Context& ctx, bool redacted) {
  ExportOptions o{settings_.site, settings_.device, ctx.now, {}, {}, redacted};
  const std::string name =
      "wuye-desk-" + settings_.site + "-" + format_date(ctx.now) + (redacted ? "-脱敏" : "") + ".json";
  platform::mark("desk-export-start");
  if (auto text = desk_.export_text(o, ctx.role)) {
    platform::mark("desk-export-written");
    platform::download(name, "application/json", text.value());
    platform::mark("desk-export-handed");
    if (!redacted) desk_.note_backup(ctx.now);
  }
}

void App::start_import(Context& ctx) {
  const Actor actor = ctx.actor();
  platform::choose_file(".json,application/json", [this, actor](std::string name, std::string bytes) {
    platform::mark("desk-import-read");
    import_name_ = name;
    approve_staff_ = false;
    auto plan = desk_.plan_import(bytes, actor, name);
    platform::mark("desk-import-checked");
    if (!plan.ok()) {
      import_errors_ = plan.errors();
      show_import_errors_ = true;
      return;
    }
    fonts_.request(bytes);
    platform::mark("desk-import-glyphs");
    import_plan_ = std::move(plan.value());
  });
}

void App::draw_import_dialogs(Context& ctx) {
  if (show_import_errors_) ImGui::OpenPopup("###import.errors");
  if (import_plan_) ImGui::OpenPopup("###import.confirm");
  const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(620, 0));
  if (ImGui::BeginPopupModal(id_label(tr(S::import_title), "#import.errors"), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextColored(colors::error, "%s", tr(S::import_refused));
    ImGui::TextColored(colors::muted, "%s", import_name_.c_str());
    probe::message("import.refused", tr(S::import_refused));
    for (const auto& e : import_errors_) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s：%s", e.where.c_str(), tr(e.message).c_str());
      probe::message("import.error", e.where + "：" + tr(e.message));
    }
    if (ImGui::Button(id_label(tr(S::ok), "import.errors.ok"), ImVec2(100, 0))) {
      show_import_errors_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(620, 0));
  if (ImGui::BeginPopupModal(id_label(tr(S::import_title), "#import.confirm"), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    if (import_plan_) {
      const auto& p = *import_plan_;
      char text[512];
      std::snprintf(text, sizeof text, tr(S::import_summary), p.imported.header.site.c_str(),
                    p.imported.header.device.c_str(), p.imported.records.size(), p.added, p.updated, p.unchanged);
      ImGui::TextWrapped("%s", text);
      probe::message("import.summary", text);
    }
    if (import_plan_ && !import_plan_->held.empty()) {
      ImGui::Spacing();
      ImGui::TextColored(
          colors::due_soon, "%s",
          tr("以下员工变更须经管理员批准才会生效：", "These staff changes need an administrator's approval:"));
      for (const auto& h : import_plan_->held) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", tr(h.what).c_str());
        probe::message("import.held", tr(h.what));
      }
      if (auto refused = check_permission(ctx.role, Action::manage_staff)) {
        approve_staff_ = false;
        const std::string why =
            tr("未批准，这些变更不会导入：", "Not approved, so not imported: ") + tr(refused->message);
        error_text_wrapped(why);
        probe::message("import.held.refused", why);
      } else {
        ImGui::Checkbox(id_label(tr("批准以上员工变更", "Approve these staff changes"), "import.approve_staff"),
                        &approve_staff_);
      }
    }
    const bool nothing = import_plan_ && import_plan_->added + import_plan_->updated == 0 &&
                         (import_plan_->held.empty() || !approve_staff_);
    if (nothing) ImGui::TextColored(colors::muted, "%s", tr(S::import_nothing_changed));
    ImGui::BeginDisabled(nothing || desk_.busy());
    if (ImGui::Button(id_label(tr(S::import_confirm), "import.confirm.ok"), ImVec2(120, 0))) {
      platform::mark("desk-import-apply");
      import_errors_ = desk_.apply_import(std::move(*import_plan_), ctx.actor(), approve_staff_);
      platform::mark("desk-import-written");
      show_import_errors_ = !import_errors_.empty();
      import_plan_.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(id_label(tr(S::cancel), "import.confirm.cancel"), ImVec2(100, 0))) {
      import_plan_.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

void App::draw_nav(Context& ctx) {
  const bool zh = lang() == Lang::zh;
  auto item = [&](const std::string& id, const char* label, std::size_t open) {
    std::string text = label;
    if (open) text += "  (" + std::to_string(open) + ")";
    if (ImGui::Selectable((text + "##nav." + id).c_str(), screen_ == id)) screen_ = id;
  };
  item("today", zh ? "今日待办" : "Today", 0);
  item("visits", tr(S::module_visits), 0);
  for (const auto& m : modules_) item(m->id(), tr(m->title()).c_str(), m->open_count(ctx));
  ImGui::Separator();
  item("stats", zh ? "月度统计" : "Statistics", 0);
  item("training", zh ? "接待引导与培训" : "Guide & training", 0);
  if (may(ctx.role, Action::view_cases)) item(cases_->id(), tr(cases_->title()).c_str(), 0);
  if (may(ctx.role, Action::manage_staff) && team_.sign_in_required(desk_))
    item("site", zh ? "站点设置" : "Site settings", 0);
  item("folder", zh ? "站点文件夹" : "Site folder", folder_.conflict_count(ctx));
  if (!desk_.quarantined().empty()) item("quarantine", zh ? "隔离记录" : "Quarantine", desk_.quarantined().size());
}

void App::draw_screen(Context& ctx) {
  if (auto link = take_open_request()) {
    open_record(ctx, link->first, link->second);
    // The opened form takes the keyboard (Enter saves, Esc closes), also
    // when the request came from the search results' own window.
    ImGui::SetWindowFocus();
  }
  if (screen_ == "today") {
    today_.draw(ctx, [this, &ctx](const std::string& type, const std::string& id) { open_record(ctx, type, id); });
    return;
  }
  if (screen_ == "stats") return stats_.draw(ctx);
  if (screen_ == "site") {
    if (team_.draw_site_settings(ctx, settings_.site)) settings_changed_ = true;
    return;
  }
  take_case_request(ctx);
  if (screen_ == "training") return training_.draw(ctx);
  if (screen_ == cases_->id() && may(ctx.role, Action::view_cases)) {
    ImGui::TextColored(colors::accent, "%s", tr(cases_->title()).c_str());
    return cases_->draw(ctx);
  }
  if (screen_ == "quarantine") return draw_quarantine(ctx);
  if (screen_ == "folder") {
    if (folder_.draw(ctx, settings_.desk_name)) settings_changed_ = true;
    return;
  }
  for (const auto& m : modules_)
    if (screen_ == m->id()) {
      ImGui::TextColored(colors::accent, "%s", tr(m->title()).c_str());
      return m->draw(ctx);
    }
  ImGui::TextColored(colors::accent, "%s", tr(S::module_visits));
  visits_.draw(ctx);
}

void App::take_case_request(Context& ctx) {
  const auto id = take_case_training();
  if (!id) return;
  if (const CaseStudy* c = desk_.data().table<CaseStudy>().find(*id); c && may(ctx.role, Action::view_cases)) {
    screen_ = "training";
    training_.train_on_case(ctx, *c);
  }
}

void App::open_record(Context& ctx, const std::string& type, const std::string& id) {
  if (type == CaseStudy::kType) {
    screen_ = cases_->id();
    cases_->open_record(ctx, id);
    return;
  }
  if (type == Visit::kType) {
    screen_ = "visits";
    if (const Visit* v = desk_.data().table<Visit>().find(id)) visits_.open(*v);
    return;
  }
  if (type == "duty") {
    screen_ = "duties";
    return;
  }
  static const std::pair<const char*, const char*> kScreens[] = {{"complaint", "complaints"},
                                                                 {"repair", "repairs"},
                                                                 {"callback", "callbacks"},
                                                                 {"violation", "violations"},
                                                                 {"key_loan", "keys"},
                                                                 {"access", "access"},
                                                                 {"incident", "incidents"},
                                                                 {"inspection", "inspections"},
                                                                 {"duty_log", "duties"},
                                                                 {"staff", "staff"},
                                                                 {"calendar_override", "calendar"}};
  for (const auto& [t, screen] : kScreens)
    if (type == t) {
      screen_ = screen;
      for (const auto& m : modules_)
        if (screen_ == m->id()) m->open_record(ctx, id);
    }
}

void App::keep_store_mark(Timestamp now) {
  // Only a durable change moves the version on (Desk::commit, after the
  // store said it is saved); a read-only tab never writes the mark.
  if (desk_.version() == marked_version_ || desk_.read_only()) return;
  marked_version_ = desk_.version();
  platform::write_local(kStoreMarkKey, store_watch_.saved(desk_.data().size(), now));
}

void App::draw_store_warning(Context& ctx) {
  // A store that could not be read is not a lost one: the read-only banner
  // says why, and a reload may read it all.
  if (desk_.read_only_because_unreadable()) return;
  const auto warning = store_watch_.warning(desk_.data().size());
  if (!warning) return;
  const std::string text = tr(*warning);
  fonts_.request(text);
  const ImGuiStyle& style = ImGui::GetStyle();
  // Sized to what it drew last frame (the text wraps on a narrow window).
  const float h = store_banner_h_ > 0 ? store_banner_h_
                                      : ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetFrameHeightWithSpacing() +
                                            style.WindowPadding.y * 2;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.88f, 0.86f, 1.0f));
  ImGui::BeginChild("storeloss.banner", ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(colors::error, "%s", text.c_str());
  ImGui::PopTextWrapPos();
  probe::message("storeloss", text);
  const auto refused = check_permission(ctx.role, Action::import_data);
  ImGui::BeginDisabled(refused.has_value() || desk_.read_only());
  if (ImGui::Button(
          id_label(tr("已知悉，以现有记录为准", "Understood: go on with the records there are"), "storeloss.ack")))
    platform::write_local(kStoreMarkKey, store_watch_.acknowledge(desk_.data().size(), ctx.now));
  ImGui::EndDisabled();
  if (refused) {
    ImGui::SameLine();
    ImGui::TextColored(colors::muted, "%s", tr(refused->message).c_str());
  }
  store_banner_h_ = ImGui::GetCursorPosY() - style.ItemSpacing.y + style.WindowPadding.y;
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace desk::ui
