#include "ui/app.hpp"

#include <cstdio>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/training_strings.hpp"
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

void App::draw(Timestamp now) {
  Context ctx{desk_, fonts_, now, settings_.staff, settings_.site, settings_.device};
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("desk", nullptr, flags);
  draw_top_bar(ctx);
  ImGui::Separator();
  if (desk_.read_only()) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.80f, 1.0f));
    ImGui::BeginChild("readonly.banner", ImVec2(0, ImGui::GetTextLineHeight() + ImGui::GetStyle().WindowPadding.y * 2),
                      true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextColored(colors::error, "%s", tr(S::read_only_banner));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    probe::message("readonly", tr(S::read_only_banner));
  }
  const float status_h = ImGui::GetFrameHeightWithSpacing() + 4;
  ImGui::BeginChild("module", ImVec2(0, -status_h), false);
  if (show_training_) {  // training: module toggle until the left navigation lands
    training_.draw(ctx);
  } else {
    ImGui::TextColored(colors::accent, "%s", tr(S::module_visits));
    visits_.draw(ctx);
  }
  ImGui::EndChild();
  draw_status_bar(ctx);
  draw_import_dialogs(ctx);
  ImGui::End();

  probe::fact("lang", lang() == Lang::zh ? "zh" : "en");
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
  ImGui::SetNextItemWidth(110);
  ImGui::InputText("##settings.staff", &settings_.staff);
  if (ImGui::IsItemDeactivatedAfterEdit()) settings_changed_ = true;
  ImGui::SameLine(0, 16);  // training: module toggle until the left navigation lands
  if (ImGui::Button(
          id_label(training_text::t(show_training_ ? training_text::toggle_visits : training_text::toggle_training),
                   "module.training")))
    show_training_ = !show_training_;

  const float right = ImGui::GetWindowContentRegionMax().x;
  const char* export_label = tr(S::export_json);
  const char* import_label = tr(S::import_json);
  const char* lang_label = tr(S::language_switch);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float w = ImGui::CalcTextSize(export_label).x + ImGui::CalcTextSize(import_label).x +
                  ImGui::CalcTextSize(lang_label).x + st.FramePadding.x * 6 + st.ItemSpacing.x * 2;
  ImGui::SameLine(right - w);
  if (ImGui::Button(id_label(export_label, "data.export"))) export_all(ctx);
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

void App::export_all(Context& ctx) {
  ExportOptions o{settings_.site, settings_.device, ctx.now, {}, {}, false};
  const std::string name = "wuye-desk-" + settings_.site + "-" + format_date(ctx.now) + ".json";
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

}  // namespace desk::ui
