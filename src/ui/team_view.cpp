#include "ui/team_view.hpp"

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
constexpr float kBoxWidth = 460;

void centered_box(const char* id, float height) {
  ImGui::SetCursorPos(ImVec2(std::max(8.0f, ImGui::GetContentRegionAvail().x * 0.5f - kBoxWidth * 0.5f), 24));
  ImGui::BeginChild(id, ImVec2(kBoxWidth, height), true);
}

// A label above its field (these short forms are one column, no table).
void field_label(const char* label, bool required = false) {
  ImGui::TextUnformatted(label);
  if (required) {
    ImGui::SameLine(0, 2);
    ImGui::TextColored(colors::error, "*");
  }
}

bool pin_input(const char* id, std::string& pin, bool enter_returns = false) {
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal;
  if (enter_returns) flags |= ImGuiInputTextFlags_EnterReturnsTrue;
  return ImGui::InputText((std::string("##") + id).c_str(), &pin, flags);
}

std::string recovery_sheet(const std::string& code, const std::string& site, Timestamp now) {
  return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">" + std::string(kPrintCsp) +
         "<title>恢复码</title><style>@page{size:A5;margin:15mm}body{font-family:'WenQuanYi Micro Hei',"
         "'Microsoft YaHei',sans-serif}h1{font-size:16pt}.code{font:bold 22pt monospace;letter-spacing:2pt;"
         "border:1px solid #333;padding:4mm;text-align:center;margin:6mm 0}</style></head><body><h1>" +
         html_escape(site) + " · 客服台管理员恢复码</h1><div class=\"code\">" + html_escape(code) +
         "</div><p>管理员忘记 PIN、无人能登录时，在登录页点「忘记 PIN？用恢复码」，输入此码即可为管理员设置新 "
         "PIN，所有记录都不会丢失。此码只能用一次，用后会给出新的恢复码。</p><p>请交项目经理锁入文件柜保管，"
         "不要贴在电脑上。</p><p>打印时间：" +
         html_escape(format_local(now)) + "</p></body></html>";
}
}  // namespace

void TeamView::signed_in_as(const Staff& s) {
  signed_in_ = s;
  person_changed_ = true;
  code_.clear();
  pin_.clear();
  errors_.clear();
}

bool TeamView::draw_setup(Context& ctx, std::string& site) {
  const bool zh = lang() == Lang::zh;
  centered_box("setup.box", 560);
  ImGui::TextColored(colors::accent, "%s", zh ? "站点设置 · 第一次使用" : "Site setup · first run");
  ImGui::Separator();
  ImGui::TextWrapped("%s",
                     zh ? "先设置本站点的第一位管理员（物业服务中心经理或项目经理）。设置之前，此客服台不需要登录，"
                          "任何人都拥有全部权限。"
                        : "Set up the site's first administrator (service-center manager or project manager). "
                          "Until then nobody signs in and everyone at this desk has all rights.");
  field_label(zh ? "项目名称" : "Project name", true);
  input_text("setup.site", site);
  field_error(setup_errors_, "site");
  field_label(zh ? "管理员姓名" : "Administrator's name", true);
  input_text("setup.name", admin_.name);
  field_error(setup_errors_, "name");
  field_label(zh ? "工号" : "Staff number", true);
  input_text("setup.code", admin_.code, "M001");
  field_error(setup_errors_, "code");
  field_label(zh ? "岗位" : "Role", true);
  if (ImGui::RadioButton(id_label(tr(enum_label(Role::center_manager)).c_str(), "setup.role.center_manager"),
                         admin_.role == Role::center_manager))
    admin_.role = Role::center_manager;
  ImGui::SameLine();
  if (ImGui::RadioButton(id_label(tr(enum_label(Role::project_manager)).c_str(), "setup.role.project_manager"),
                         admin_.role == Role::project_manager))
    admin_.role = Role::project_manager;
  field_label(zh ? "PIN（6–8 位数字）" : "PIN (6–8 digits)", true);
  pin_input("setup.pin", admin_.pin);
  field_error(setup_errors_, "pin");
  field_label(zh ? "再输一次 PIN" : "PIN again", true);
  pin_input("setup.pin_again", admin_.pin_again);
  field_error(setup_errors_, "pin_again");
  if (const FieldError* e = general_error(setup_errors_)) error_text_wrapped(tr(e->message));
  for (const auto& e : setup_errors_) probe::message("setup.error", tr(e.message));
  ImGui::Spacing();
  bool later = false;
  ImGui::BeginDisabled(ctx.desk.busy());
  if (primary_button(id_label(zh ? "完成设置" : "Finish setup", "setup.ok"))) {
    Actor a = ctx.actor();
    a.staff = trim(admin_.code);
    if (trim(site).empty()) {
      setup_errors_ = {{"site", {"请填写项目名称", "Enter the project name"}}};
    } else {
      site = trim(site);
      auto r = ctx.desk.set_up_site(admin_, a, [this, &desk = ctx.desk, code = trim(admin_.code)](bool ok) {
        if (!ok) return;
        for (const Staff& s : desk.data().table<Staff>().rows())
          if (s.code == code && is_signing_admin(s)) signed_in_as(s);
      });
      if (r) {
        recovery_code_ = r.value();
        setup_errors_.clear();
        admin_ = {};
      } else {
        setup_errors_ = r.errors();
        admin_.pin.clear();
        admin_.pin_again.clear();
      }
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(id_label(zh ? "稍后设置（暂不需要登录）" : "Later (no sign-in for now)", "setup.later")))
    later = true;
  ImGui::EndChild();
  return later;
}

bool TeamView::draw_recovery_code(Context& ctx, const std::string& site) {
  const bool zh = lang() == Lang::zh;
  centered_box("recovery.box", 250);
  ImGui::TextColored(colors::accent, "%s",
                     zh ? "管理员恢复码（只显示这一次）" : "Administrator recovery code (shown once)");
  ImGui::Separator();
  ImGui::TextWrapped("%s", zh ? "管理员忘记 PIN、无人能登录时，用此码可为管理员设置新 PIN，所有记录都不会丢失。"
                                "请打印或抄下，交项目经理妥善保管。"
                              : "If the administrator forgets the PIN and nobody can sign in, this code sets a new "
                                "administrator PIN without losing any record. Print or copy it and keep it safe.");
  ImGui::Spacing();
  ImGui::SetWindowFontScale(1.6f);
  ImGui::TextColored(colors::accent, "%s", recovery_code_.c_str());
  ImGui::SetWindowFontScale(1.0f);
  probe::message("recovery.code", recovery_code_);
  ImGui::Spacing();
  if (ImGui::Button(id_label(zh ? "打印恢复码" : "Print the code", "recovery.print")))
    platform::print_html(recovery_sheet(recovery_code_, site, ctx.now));
  ImGui::SameLine();
  if (primary_button(id_label(zh ? "我已妥善保存" : "I have kept it safe", "recovery.done"))) recovery_code_.clear();
  ImGui::SameLine();
  bool add_staff = false;
  if (ImGui::Button(id_label(zh ? "已保存，接着添加员工" : "Kept; now add the team", "recovery.add_staff"))) {
    recovery_code_.clear();
    add_staff = true;
  }
  ImGui::EndChild();
  return add_staff;
}

void TeamView::draw_sign_in(Context& ctx) {
  const bool zh = lang() == Lang::zh;
  if (recovering_) return draw_recovery_form(ctx);
  centered_box("signin.box", 262);
  ImGui::TextColored(colors::accent, "%s", zh ? "员工登录" : "Staff sign-in");
  ImGui::Separator();
  if (!has_signing_admin(ctx.desk.data().table<Staff>().rows()))
    error_text_wrapped(zh ? "没有能登录的管理员：请用恢复码为管理员设置新 PIN"
                          : "No administrator can sign in: use the recovery code to set a new PIN");
  field_label(zh ? "工号" : "Staff number");
  input_text("signin.code", code_);
  field_label("PIN");
  const bool enter = pin_input("signin.pin", pin_, true);
  field_error(errors_, "pin");
  for (const auto& e : errors_) probe::message("signin.error", tr(e.message));
  if (checking_ && hashed_ && *hashed_) {
    auto r = ctx.desk.sign_in_hashed(trim(code_), **hashed_, ctx.now);
    checking_ = false;
    hashed_.reset();
    if (r)
      signed_in_as(r.value());
    else
      errors_ = r.errors();
  }
  ImGui::BeginDisabled(checking_);
  const bool clicked =
      primary_button(id_label(checking_ ? (zh ? "正在验证…" : "Checking…") : (zh ? "登录" : "Sign in"), "signin.ok"),
                     ImVec2(-FLT_MIN, 0));
  ImGui::EndDisabled();
  if ((clicked || enter) && !checking_) {
    const PinParameters p = ctx.desk.pin_parameters(trim(code_));
    checking_ = true;
    errors_.clear();
    hashed_ = std::make_shared<std::optional<std::string>>();
    platform::hash_pin_async(pin_, p.salt, p.iterations, [slot = hashed_](std::string hex) { *slot = std::move(hex); });
    pin_.clear();
  }
  if (ImGui::SmallButton(
          id_label(zh ? "忘记 PIN？用恢复码" : "Forgot the PIN? Use the recovery code", "signin.recover")))
    recovering_ = true;
  ImGui::EndChild();
}

void TeamView::draw_recovery_form(Context& ctx) {
  const bool zh = lang() == Lang::zh;
  centered_box("recover.box", 420);
  ImGui::TextColored(colors::accent, "%s",
                     zh ? "用恢复码设置管理员 PIN" : "Set an administrator PIN with the recovery code");
  ImGui::Separator();
  field_label(zh ? "恢复码" : "Recovery code", true);
  input_text("recover.code", recovery_typed_, "XXXX-XXXX-XXXX-XXXX");
  field_error(setup_errors_, "recovery");
  field_label(zh ? "管理员工号" : "Administrator's staff number", true);
  input_text("recover.staff", recovery_staff_);
  field_error(setup_errors_, "code");
  field_label(zh ? "新 PIN（6–8 位数字）" : "New PIN (6–8 digits)", true);
  pin_input("recover.pin", new_pin_);
  field_error(setup_errors_, "pin");
  field_label(zh ? "再输一次" : "Again", true);
  pin_input("recover.pin_again", new_pin_again_);
  field_error(setup_errors_, "pin_again");
  for (const auto& e : setup_errors_) probe::message("recover.error", tr(e.message));
  ImGui::BeginDisabled(ctx.desk.busy());
  if (primary_button(id_label(zh ? "设置新 PIN" : "Set the new PIN", "recover.ok"))) {
    auto r = ctx.desk.recover_admin(recovery_typed_, trim(recovery_staff_), new_pin_, new_pin_again_, ctx.actor());
    new_pin_.clear();
    new_pin_again_.clear();
    if (r) {
      recovery_code_ = r.value();
      recovery_typed_.clear();
      setup_errors_.clear();
      recovering_ = false;
    } else {
      setup_errors_ = r.errors();
    }
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(id_label(zh ? "返回登录" : "Back to sign-in", "recover.cancel"))) {
    recovering_ = false;
    setup_errors_.clear();
  }
  ImGui::EndChild();
}

bool TeamView::draw_site_settings(Context& ctx, std::string& site) {
  const bool zh = lang() == Lang::zh;
  bool changed = false;
  ImGui::TextColored(colors::accent, "%s", zh ? "站点设置" : "Site settings");
  ImGui::Separator();
  if (auto e = check_permission(ctx.role, Action::manage_staff)) {
    error_text_wrapped(tr(e->message));
    probe::message("settings.refused", tr(e->message));
    return false;
  }
  ImGui::PushItemWidth(360);
  field_label(zh ? "项目名称" : "Project name", true);
  ImGui::SetNextItemWidth(360);
  ImGui::InputText("##settings.site", &site);
  if (ImGui::IsItemDeactivatedAfterEdit() && !trim(site).empty()) changed = true;
  field_label(zh ? "无操作自动退出登录（分钟，0 = 不退出）" : "Sign out after idle minutes (0 = never)");
  int minutes = ctx.desk.security().idle_minutes;
  ImGui::SetNextItemWidth(120);
  if (ImGui::InputInt("##settings.idle", &minutes, 0, 0) && minutes >= 0 && minutes <= 24 * 60)
    ctx.desk.set_idle_minutes(minutes);
  ImGui::PopItemWidth();
  ImGui::Spacing();
  ImGui::TextWrapped("%s", zh ? "员工的 PIN 只保存在本机，任何导出都不含 PIN；每台客服台在「员工」中分别设置。"
                              : "PINs stay on this desk and are never exported; set them on each desk under Staff.");
  return changed;
}

void TeamView::watch_idle(Context& ctx) {
  const ImGuiIO& io = ImGui::GetIO();
  bool input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.InputQueueCharacters.Size > 0;
  for (bool down : io.MouseDown) input |= down;
  for (bool down : io.KeysDown) input |= down;
  if (input || last_input_.ms == 0) last_input_ = ctx.now;
  const int minutes = ctx.desk.security().idle_minutes;
  if (signed_in_ && minutes > 0 && ctx.now.ms - last_input_.ms > minutes * kMinute) {
    signed_in_.reset();
    person_changed_ = true;
  }
}

}  // namespace desk::ui
