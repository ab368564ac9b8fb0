#include "ui/app.hpp"

#include <cstdio>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/modules.hpp"
#include "ui/quarantine_view.hpp"
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
    default:
      return "idle";
  }
}
}  // namespace

App::App(Desk& desk, Fonts& fonts, Settings settings) : desk_(desk), fonts_(fonts), settings_(std::move(settings)) {
  for (auto make : {make_complaints, make_repairs, make_callbacks, make_violations, make_key_loans, make_access_log,
                    make_incidents, make_inspections, make_duty_logs, make_staff})
    modules_.push_back(make());
  if (const std::string m = platform::query_param("module"); !m.empty()) screen_ = m;
}

void App::draw(Timestamp now) {
  Context ctx{desk_, fonts_, now, settings_.staff, settings_.site, settings_.device};
  if (signed_in_) {
    ctx.staff = signed_in_->code;
    ctx.role = signed_in_->role;
  }
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
    const std::string banner = desk_.read_only_because_newer() ? tr(reason) : std::string(tr(S::read_only_banner));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.80f, 1.0f));
    ImGui::BeginChild("readonly.banner", ImVec2(0, ImGui::GetTextLineHeight() + ImGui::GetStyle().WindowPadding.y * 2),
                      true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextColored(colors::error, "%s", banner.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
    probe::message("readonly", banner);
  }
  const float status_h = ImGui::GetFrameHeightWithSpacing() + 4;
  if (sign_in_required() && !signed_in_) {
    ImGui::BeginChild("signin", ImVec2(0, -status_h), false);
    draw_sign_in(ctx);
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

  probe::fact("lang", tr("zh", "en"));
  probe::fact("saveState", save_state_name(desk_.state()));
  probe::fact("status", tr(desk_.status()));
  probe::fact("dataVersion", std::to_string(desk_.version()));
  probe::fact("recordCount", std::to_string(desk_.data().size()));
}

void App::draw_top_bar(Context& ctx) {
  ImGui::TextColored(colors::accent, "%s", tr(S::app_title));
  ImGui::SameLine(0, 24);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::site));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(150);
  ImGui::InputText("##settings.site", &settings_.site);
  if (ImGui::IsItemDeactivatedAfterEdit()) settings_changed_ = true;
  ImGui::SameLine(0, 16);
  ImGui::TextUnformatted(tr(S::on_duty));
  ImGui::SameLine();
  if (signed_in_) {
    ImGui::Text("%s %s · %s", signed_in_->code.c_str(), signed_in_->name.c_str(),
                tr(enum_label(signed_in_->role)).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label(tr("退出", "Sign out"), "signin.out"))) {
      signed_in_.reset();
      screen_ = "today";
    }
  } else {
    ImGui::SetNextItemWidth(110);
    ImGui::InputText("##settings.staff", &settings_.staff);
    if (ImGui::IsItemDeactivatedAfterEdit()) settings_changed_ = true;
    if (!sign_in_required()) {
      ImGui::SameLine();
      ImGui::TextColored(colors::due_soon, "%s", tr("（未设置员工：全部权限）", "(no staff set up: all rights)"));
    }
  }

  const float right = ImGui::GetWindowContentRegionMax().x;
  const char* export_label = tr(S::export_json);
  const char* import_label = tr(S::import_json);
  const char* lang_label = tr(S::language_switch);
  const ImGuiStyle& st = ImGui::GetStyle();
  const char* redacted_label = tr("脱敏导出", "Export redacted");
  const float w = ImGui::CalcTextSize(export_label).x + ImGui::CalcTextSize(redacted_label).x +
                  ImGui::CalcTextSize(import_label).x + ImGui::CalcTextSize(lang_label).x + st.FramePadding.x * 8 +
                  st.ItemSpacing.x * 3;
  ImGui::SameLine(right - w);
  if (ImGui::Button(id_label(export_label, "data.export"))) export_all(ctx, false);
  ImGui::SameLine();
  if (ImGui::Button(id_label(redacted_label, "data.export_redacted"))) export_all(ctx, true);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", tr("培训用：手机号和证件号打码，不含修改历史和 PIN",
                               "For training: phones and ID numbers masked, no change history or PINs"));
  ImGui::SameLine();
  ImGui::BeginDisabled(desk_.busy() || desk_.read_only());
  if (ImGui::Button(id_label(import_label, "data.import"))) start_import(ctx);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(id_label(lang_label, "settings.lang"))) {
    settings_.lang = lang() == Lang::zh ? Lang::en : Lang::zh;
    set_lang(settings_.lang);
    settings_changed_ = true;
  }
}

void App::draw_status_bar(Context& ctx) {
  ImGui::Separator();
  const Desk::SaveState s = desk_.state();
  const ImVec4 color = s == Desk::SaveState::failed   ? colors::error
                       : s == Desk::SaveState::saving ? colors::due_soon
                       : s == Desk::SaveState::saved  ? colors::ok
                                                      : colors::muted;
  const char* dot = s == Desk::SaveState::saving ? "◌" : s == Desk::SaveState::failed ? "●" : "●";
  ImGui::TextColored(color, "%s %s", dot, tr(desk_.status()).c_str());
  if (!tr(desk_.status()).empty()) probe::message("status", tr(desk_.status()));
  char loaded[200];
  const platform::StorageInfo info = platform::storage_info();
  const int n = std::snprintf(loaded, sizeof loaded, tr(S::storage_loaded), desk_.data().size());
  if (info.used >= 0 && n > 0)
    std::snprintf(loaded + n, sizeof loaded - static_cast<std::size_t>(n), tr(S::storage_used), info.used / 1048576.0,
                  info.persisted == 1 ? tr(S::storage_persistent) : tr(S::storage_not_persistent));
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(loaded).x -
                  ImGui::CalcTextSize(format_local(ctx.now).c_str()).x - 24);
  ImGui::TextColored(colors::muted, "%s", loaded);
  ImGui::SameLine();
  ImGui::TextColored(colors::muted, "  %s", format_local(ctx.now).c_str());
}

void App::export_all(Context& ctx, bool redacted) {
  ExportOptions o{settings_.site, settings_.device, ctx.now, {}, {}, redacted};
  const std::string name =
      "wuye-desk-" + settings_.site + "-" + format_date(ctx.now) + (redacted ? "-脱敏" : "") + ".json";
  platform::download(name, "application/json", desk_.export_text(o));
}

void App::start_import(Context&) {
  platform::choose_file(".json,application/json", [this](std::string name, std::string bytes) {
    import_name_ = name;
    auto plan = desk_.plan_import(bytes);
    if (!plan.ok()) {
      import_errors_ = plan.errors();
      show_import_errors_ = true;
      return;
    }
    fonts_.request(bytes);
    import_plan_ = std::move(plan.value());
  });
}

void App::draw_import_dialogs(Context&) {
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
    const bool nothing = import_plan_ && import_plan_->added + import_plan_->updated == 0;
    if (nothing) ImGui::TextColored(colors::muted, "%s", tr(S::import_nothing_changed));
    ImGui::BeginDisabled(nothing || desk_.busy());
    if (ImGui::Button(id_label(tr(S::import_confirm), "import.confirm.ok"), ImVec2(120, 0))) {
      desk_.apply_import(*import_plan_);
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

bool App::sign_in_required() const {
  for (const auto& s : desk_.data().table<Staff>().rows())
    if (!s.meta.deleted && s.active && !s.pin_hash.empty()) return true;
  return false;
}

void App::draw_sign_in(Context& ctx) {
  const bool zh = lang() == Lang::zh;
  ImGui::SetCursorPos(ImVec2(ImGui::GetContentRegionAvail().x * 0.5f - 170, 120));
  ImGui::BeginChild("signin.box", ImVec2(340, 260), true);
  ImGui::TextColored(colors::accent, "%s", zh ? "员工登录" : "Staff sign-in");
  ImGui::Separator();
  ImGui::TextUnformatted(zh ? "工号" : "Staff number");
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::InputText("##signin.code", &sign_in_code_);
  ImGui::TextUnformatted("PIN");
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool enter = ImGui::InputText("##signin.pin", &sign_in_pin_,
                                      ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  field_error(sign_in_errors_, "pin");
  for (const auto& e : sign_in_errors_) probe::message("signin.error", tr(e.message));
  if (primary_button(id_label(zh ? "登录" : "Sign in", "signin.ok"), ImVec2(-FLT_MIN, 0)) || enter) {
    const auto& rows = desk_.data().table<Staff>().rows();
    auto r = sign_in(rows, trim(sign_in_code_), sign_in_pin_, guard_, ctx.now);
    sign_in_pin_.clear();
    if (r) {
      signed_in_ = r.value();
      sign_in_errors_.clear();
      screen_ = "today";
    } else {
      sign_in_errors_ = r.errors();
    }
  }
  ImGui::EndChild();
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
  if (!desk_.quarantined().empty()) item("quarantine", zh ? "隔离记录" : "Quarantine", desk_.quarantined().size());
}

void App::draw_screen(Context& ctx) {
  if (screen_ == "today") {
    today_.draw(ctx, [this, &ctx](const std::string& type, const std::string& id) { open_record(ctx, type, id); });
    return;
  }
  if (screen_ == "stats") return stats_.draw(ctx);
  if (screen_ == "training") return training_.draw(ctx);
  if (screen_ == "quarantine") return draw_quarantine(ctx);
  for (const auto& m : modules_)
    if (screen_ == m->id()) {
      ImGui::TextColored(colors::accent, "%s", tr(m->title()).c_str());
      return m->draw(ctx);
    }
  ImGui::TextColored(colors::accent, "%s", tr(S::module_visits));
  visits_.draw(ctx);
}

void App::open_record(Context& ctx, const std::string& type, const std::string& id) {
  if (type == Visit::kType) {
    screen_ = "visits";
    if (const Visit* v = desk_.data().table<Visit>().find(id)) visits_.open(*v);
    return;
  }
  if (type == "duty") {
    screen_ = "duties";
    return;
  }
  static const std::pair<const char*, const char*> kScreens[] = {
      {"complaint", "complaints"}, {"repair", "repairs"}, {"callback", "callbacks"}, {"violation", "violations"},
      {"key_loan", "keys"},        {"access", "access"},  {"incident", "incidents"}, {"inspection", "inspections"},
      {"duty_log", "duties"},      {"staff", "staff"}};
  for (const auto& [t, screen] : kScreens)
    if (type == t) {
      screen_ = screen;
      for (const auto& m : modules_)
        if (screen_ == m->id()) m->open_record(ctx, id);
    }
}

}  // namespace desk::ui
