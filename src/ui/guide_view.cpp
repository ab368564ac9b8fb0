#include "ui/guide_view.hpp"

#include <algorithm>
#include <cstdio>

#include "core/manual_source.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/caller_panel.hpp"
#include "ui/record_link.hpp"
#include "ui/test_probe.hpp"
#include "ui/training_strings.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
using namespace training_text;

void draft_row(const std::string& label, const std::string& value) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextColored(colors::muted, "%s", label.c_str());
  ImGui::TableSetColumnIndex(1);
  ImGui::TextWrapped("%s", value.empty() ? "—" : value.c_str());
}

void show_errors(const Errors& errors) {
  for (const auto& e : errors) {
    ImGui::PushStyleColor(ImGuiCol_Text, colors::error);
    ImGui::TextWrapped("%s", tr(e.message).c_str());
    ImGui::PopStyleColor();
    probe::message("error." + e.where, tr(e.message));
  }
}
}  // namespace

void GuideView::draw(Context& ctx, const Script& script, const PhraseBook& book) {
  if (!guide_ && !saved_) {
    ImGui::TextWrapped("%s", t(guide_intro));
    ImGui::Spacing();
    ImGui::BeginDisabled(ctx.desk.read_only());
    if (primary_button(id_label(t(guide_start), "guide.start"), ImVec2(160, 0))) {
      Visit draft;
      draft.time = ctx.now;
      draft.received_by = ctx.staff;
      guide_ = start_guided_visit(script, draft);
      errors_.clear();
    }
    ImGui::EndDisabled();
    return;
  }
  if (saved_) return draw_saved(ctx);
  const float draft_w = std::max(380.0f, ImGui::GetContentRegionAvail().x * 0.36f);
  ImGui::BeginChild("guide.step", ImVec2(-draft_w - 8, 0), true);
  draw_step(ctx, book);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("guide.draft", ImVec2(0, 0), true);
  draw_draft(ctx);
  ImGui::EndChild();
}

void GuideView::draw_step(Context& ctx, const PhraseBook& book) {
  GuidedVisit& g = *guide_;
  const Step& step = current_step(g);
  char heading[64];
  const StepCount count = step_count(g);
  std::snprintf(heading, sizeof heading, t(guide_step), count.at, count.total);
  ImGui::TextColored(colors::accent, "%s · %s", heading, tr(enum_label(step.who)).c_str());
  ImGui::SameLine(0, 12);
  // Where the manual says it, in words (《客户服务手册》服务接待流程 第 i 步).
  const std::string source = tr(source_in_words(step.source));
  ImGui::TextColored(colors::muted, "%s", source.c_str());
  probe::fact("guide.step", step.id);
  probe::message("guide.count", heading);
  probe::message("guide.source", source);
  ImGui::Separator();
  if (!step.says.empty()) {
    ImGui::TextColored(colors::muted, "%s", t(guide_says));
    ImGui::SetWindowFontScale(1.4f);
    ImGui::TextWrapped("%s", step.says.c_str());
    ImGui::SetWindowFontScale(1.0f);
    probe::message("guide.says", step.says);
  }
  if (!step.does.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(colors::muted, "%s", t(guide_does));
    ImGui::TextWrapped("%s", step.does.c_str());
  }
  if (lang() == Lang::en && !step.en.empty()) ImGui::TextColored(colors::muted, "%s", step.en.c_str());
  if (!step.phrases.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(colors::muted, "%s", t(guide_phrases));
    for (const auto& id : step.phrases)
      if (const Phrase* p = book.find(id)) ImGui::BulletText("%s", p->text.c_str());
  }
  for (const auto& key : step.inputs) {
    const std::string* current = visit_field(g.draft, key);
    if (!current) continue;
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(field_label<Visit>(key)).c_str());
    std::string value = *current;
    const std::string id = "guide." + key;
    const bool changed =
        key == "content" || key == "answer" ? input_multiline(id.c_str(), value, 2.5f) : input_text(id.c_str(), value);
    if (changed) {
      std::erase_if(errors_, [&](const FieldError& e) { return e.where == key; });  // typed: no longer missing
      Errors e = set_visit_field(g, key, value);
      errors_.insert(errors_.end(), e.begin(), e.end());
    }
  }
  for (const auto& note : g.notes) ImGui::TextColored(colors::due_soon, "%s", tr(note).c_str());
  show_errors(errors_);

  ImGui::Spacing();
  ImGui::Separator();
  const bool busy = ctx.desk.busy() || saving_;
  ImGui::BeginDisabled(busy || ctx.desk.read_only());
  if (!step.branches.empty()) ImGui::TextColored(colors::muted, "%s", t(guide_next));
  for (std::size_t i = 0; i < step.branches.size(); ++i) {
    const std::string id = "guide.branch." + std::to_string(i);
    if (ImGui::Button(id_label(t(step.branches[i].label), id.c_str()))) {
      errors_ = choose_branch(g, i);
      break;
    }
  }
  if (step.finish) {
    ImGui::TextColored(colors::ok, "%s", t(guide_finished));
    if (primary_button(id_label(t(saving_ ? guide_saving : guide_save), "guide.save"), ImVec2(180, 0)))
      save(ctx, false);
  }
  ImGui::Spacing();
  if (!step.finish && ImGui::Button(id_label(t(guide_leave), "guide.leave"))) save(ctx, true);
  ImGui::EndDisabled();
}

void GuideView::draw_draft(Context& ctx) {
  GuidedVisit& g = *guide_;
  const Visit& v = g.draft;
  ImGui::TextColored(colors::accent, "%s", t(guide_draft));
  ImGui::Separator();
  // Issue 13 item 10: who the visitor is, from the start. A question may
  // stay anonymous; a 24-hour promise needs the name and phone (the branch
  // says so when they are missing).
  ImGui::TextColored(
      colors::muted, "%s",
      tr("来访人（一般咨询可不填，承诺回复时必填）", "Visitor (optional for a question, needed for a promise)"));
  if (ImGui::BeginTable("guide.visitor", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("l", ImGuiTableColumnFlags_WidthFixed, 84);
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
    for (const char* key : {"visitor_name", "phone", "unit"}) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(tr(field_label<Visit>(key)).c_str());
      ImGui::TableSetColumnIndex(1);
      std::string value = *visit_field(g.draft, key);
      const std::string id = std::string("guide.visitor.") + key;
      const char* hint = std::string_view(key) == "unit" ? "3栋-1202" : "";
      if (input_text(id.c_str(), value, hint)) {
        std::erase_if(errors_, [&](const FieldError& e) { return e.where == key; });
        Errors e = set_visit_field(g, key, value);
        errors_.insert(errors_.end(), e.begin(), e.end());
      }
    }
    ImGui::EndTable();
  }
  caller_panel(ctx, v.phone, v.unit, "", "guide");
  ImGui::Spacing();
  ImGui::Separator();
  if (ImGui::BeginTable("guide.draft.fields", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("l", ImGuiTableColumnFlags_WidthFixed, 84);
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
    auto label = [](const char* key) { return tr(field_label<Visit>(key)); };
    draft_row(label("time"), format_local(v.time));
    draft_row(label("received_by"), v.received_by);
    draft_row(label("purpose"), tr(enum_label(v.purpose)));
    draft_row(label("content"), v.content);
    draft_row(label("outcome"), tr(enum_label(v.outcome)));
    draft_row(label("consulted"), tr(enum_label(v.consulted)));
    draft_row(label("answer"), v.answer);
    ImGui::EndTable();
  }
  probe::fact("guide.outcome", enum_code(v.outcome));
  probe::fact("guide.purpose", enum_code(v.purpose));
  if (auto d = inquiry_promise_deadline(v)) {
    ImGui::Spacing();
    ImGui::TextColored(colors::due_soon, "%s%s", t(guide_promise_due), format_local(d->due).c_str());
    ImGui::TextWrapped("%s", t(guide_promise_rule));
    probe::message("guide.promise_due", format_local(d->due));
  }
  const std::string into = turns_into(v);
  if (!into.empty())
    ImGui::TextColored(colors::accent, "%s%s", t(guide_turns_into),
                       t(into == "repair" ? guide_repair : guide_complaint));
}

void GuideView::save(Context& ctx, bool leaving) {
  GuidedVisit& g = *guide_;
  if (!leaving) {
    errors_ = finish_guided_visit(g);
    if (!errors_.empty()) return;
  }
  const Visit draft = leave_guided_visit(g);
  saving_ = true;
  errors_ = ctx.desk.save(draft, ctx.actor(), [this, &desk = ctx.desk](bool ok) {
    saving_ = false;
    if (!ok) return;  // the guide keeps its state; the status bar says why
    const auto& rows = desk.data().table<Visit>().rows();
    if (!rows.empty()) saved_ = rows.back();
    guide_.reset();
  });
  if (!errors_.empty()) {
    saving_ = false;
    if (!leaving) g.finished = false;  // stay at the finish step and let the desk fix it
  }
}

void GuideView::draw_saved(Context& ctx) {
  const Visit& v = *saved_;
  ImGui::TextColored(colors::ok, "● %s", t(guide_saved));
  probe::message("guide.saved", tr(guide_saved));
  ImGui::Spacing();
  ImGui::TextWrapped("%s：%s", tr(field_label<Visit>("content")).c_str(), v.content.c_str());
  ImGui::Text("%s：%s", tr(field_label<Visit>("outcome")).c_str(), tr(enum_label(v.outcome)).c_str());
  if (auto d = inquiry_promise_deadline(v)) {
    ImGui::SetWindowFontScale(1.3f);
    ImGui::TextColored(colors::due_soon, "%s%s", t(guide_promise_due), format_local(d->due).c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextWrapped("%s", t(guide_promise_rule));
    probe::message("guide.promise_due", format_local(d->due));
  }
  // SPEC §1: a visit that is really a repair or complaint turns into it with one action.
  if (const std::string into = turns_into(v); !into.empty()) {
    ImGui::Spacing();
    if (!v.linked_record.empty()) {
      ImGui::AlignTextToFramePadding();
      ImGui::TextColored(colors::ok, "%s", tr("已转办：", "Turned into:"));
      ImGui::SameLine();
      if (!record_link(ctx.desk.data(), v.linked_record, "guide.linked.open"))
        ImGui::TextUnformatted(v.linked_record.c_str());
      probe::message("guide.linked", v.linked_record);
    } else {
      const bool repair = into == "repair";
      const char* label = repair ? tr("转为报修单", "Turn into a repair") : tr("转为投诉", "Turn into a complaint");
      if (v.unit.empty() && v.company.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(field_label<Visit>("unit")).c_str());
        ImGui::SameLine();
        ImGui::SetNextItemWidth(200);
        ImGui::InputTextWithHint("##guide.turn_unit", "3栋-1202", &turn_unit_);
        ImGui::SameLine();
      }
      ImGui::BeginDisabled(ctx.desk.busy() || ctx.desk.read_only());
      if (primary_button(id_label(label, "guide.turn_into"), ImVec2(160, 0))) {
        auto refresh = [this, &desk = ctx.desk](bool ok) {
          if (const Visit* stored = desk.data().table<Visit>().find(saved_->meta.id); ok && stored) saved_ = *stored;
        };
        errors_ = repair ? ctx.desk.turn_visit_into<Repair>(v.meta.id, ctx.actor(), refresh, turn_unit_)
                         : ctx.desk.turn_visit_into<Complaint>(v.meta.id, ctx.actor(), refresh, turn_unit_);
      }
      ImGui::EndDisabled();
      for (const auto& e : errors_) ImGui::TextColored(colors::error, "%s", tr(e.message).c_str());
    }
  }
  ImGui::Spacing();
  ImGui::BeginDisabled(ctx.desk.read_only());
  if (primary_button(id_label(t(guide_new), "guide.restart"), ImVec2(160, 0))) {
    saved_.reset();
    errors_.clear();
  }
  ImGui::EndDisabled();
}

}  // namespace desk::ui
