// The visit form of VisitsView: fields per SPEC §1, the 24-hour promise with
// its due time, save (acknowledged only once durable) and the history.
#include <cstdio>

#include "core/change_text.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/assets.hpp"
#include "ui/caller_panel.hpp"
#include "ui/history_view.hpp"
#include "ui/modules.hpp"
#include "ui/record_link.hpp"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/visits_view.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
Msg field_name(const std::string& key) {
  return field_label<Visit>(key);
}

}  // namespace

void VisitsView::save(Context& ctx) {
  Visit candidate = draft_;
  errors_.clear();
  if (auto t = parse_local(trim(time_text_))) {
    candidate.time = *t;
  } else {
    errors_.push_back({"time", {"时间格式应为 2026-11-22 14:30", "Time format: 2026-11-22 14:30"}});
  }
  for (std::string* s :
       {&candidate.visitor_name, &candidate.unit, &candidate.company, &candidate.phone, &candidate.received_by})
    *s = trim(*s);
  if (candidate.outcome == VisitOutcome::promised_24h && follow_up_) {
    if (!candidate.follow_up_done) candidate.follow_up_done = ctx.now;
  } else {
    candidate.follow_up_done.reset();
  }
  if (!errors_.empty()) return;
  const bool is_new = candidate.meta.id.empty();
  errors_ = ctx.desk.save(candidate, ctx.actor(), [this, is_new, &desk = ctx.desk](bool ok) {
    if (!ok) return;  // the form keeps what was typed; the status bar says why
    // Show the stored version: new records get their id, edits their revision.
    const auto& rows = desk.data().table<Visit>().rows();
    if (is_new && !rows.empty()) selected_id_ = rows.back().meta.id;
    form_open_ = false;
  });
}

void VisitsView::draw_form(Context& ctx) {
  const bool is_new = draft_.meta.id.empty();
  // Keyboard: Enter in a one-line field saves; Esc leaves a field, a second Esc closes the form.
  const FormKeys keys = form_keys();
  const bool enter_pressed = keys.enter, escape_pressed = keys.escape;
  ImGui::TextColored(colors::accent, "%s", tr(is_new ? S::form_new_title : S::form_edit_title));
  if (!is_new) {
    ImGui::SameLine();
    ImGui::TextColored(colors::muted, "%s %lld", tr(S::revision), static_cast<long long>(draft_.meta.revision));
  }
  ImGui::Separator();
  const bool saving = ctx.desk.busy();
  // Fields scroll; the action row below them stays in view.
  const FieldError* general = general_error(errors_);
  const std::string error_line = errors_.empty() ? std::string() : general ? tr(general->message) : tr(S::fix_errors);
  const float footer =
      ImGui::GetFrameHeightWithSpacing() * 1.3f + (error_line.empty() ? 0.0f : wrapped_height(error_line));
  ImGui::BeginChild("visit.body", ImVec2(0, -footer), false);
  caller_panel(ctx, draft_.phone, draft_.unit, draft_.meta.id, "visit");  // issue 13 item 6
  ImGui::BeginDisabled(saving);
  if (ImGui::BeginTable("visit.fields", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("l", ImGuiTableColumnFlags_WidthFixed, 96);
    ImGui::TableSetupColumn("f", ImGuiTableColumnFlags_WidthStretch);
    form_label(tr(S::field_time), true);
    ImGui::SetNextItemWidth(170);
    ImGui::InputText("##visit.time", &time_text_);
    ImGui::SameLine();
    if (ImGui::SmallButton(id_label(tr(S::now_button), "visit.time.now"))) time_text_ = format_local(ctx.now);
    field_error(errors_, "time");

    const bool promise = draft_.outcome == VisitOutcome::promised_24h;
    form_label(tr(field_name("visitor_name")).c_str(), promise);
    if (focus_first_) {
      ImGui::SetKeyboardFocusHere();
      focus_first_ = false;
    }
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 120);
    ImGui::InputText("##visit.visitor_name", &draft_.visitor_name);
    ImGui::SameLine();
    enum_combo("visit.address_form", draft_.address_form, -FLT_MIN);
    text_limit_counter("visit.visitor_name", draft_.visitor_name);
    field_error(errors_, "visitor_name");

    form_label(tr(field_name("unit")).c_str());
    input_text("visit.unit", draft_.unit, "3栋-1202");
    form_label(tr(field_name("company")).c_str());
    input_text("visit.company", draft_.company);
    form_label(tr(field_name("phone")).c_str(), promise);
    input_text("visit.phone", draft_.phone);
    field_error(errors_, "phone");
    form_label(tr(field_name("purpose")).c_str(), true);
    enum_radios("visit.purpose", draft_.purpose);
    form_label(tr(field_name("content")).c_str(), true);
    input_multiline("visit.content", draft_.content, 3);
    field_error(errors_, "content");
    form_label(tr(field_name("received_by")).c_str(), true);
    input_text("visit.received_by", draft_.received_by);
    field_error(errors_, "received_by");
    form_label(tr(field_name("outcome")).c_str(), true);
    enum_radios("visit.outcome", draft_.outcome);
    if (draft_.outcome == VisitOutcome::answered_after_colleague) {
      form_label(tr(field_name("consulted")).c_str(), true);
      enum_radios("visit.consulted", draft_.consulted);
      field_error(errors_, "consulted");
    }
    const bool answered = draft_.outcome == VisitOutcome::answered_on_spot ||
                          draft_.outcome == VisitOutcome::answered_after_colleague ||
                          draft_.outcome == VisitOutcome::answered_after_outside_inquiry;
    if (answered) {
      form_label(tr(field_name("answer")).c_str(), true);
      input_multiline("visit.answer", draft_.answer, 2);
      field_error(errors_, "answer");
    }
    ImGui::EndTable();
  }

  if (draft_.outcome == VisitOutcome::promised_24h) {
    Visit timed = draft_;
    if (auto t = parse_local(trim(time_text_))) timed.time = *t;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.97f, 0.90f, 1.0f));
    ImGui::BeginChild("visit.promise", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * (follow_up_ ? 10.4f : 7.0f)),
                      true);
    ImGui::TextUnformatted(tr(S::promise_due));
    ImGui::SameLine();
    ImGui::TextColored(colors::accent, "%s", format_local(inquiry_promise_due(timed)).c_str());
    ImGui::SameLine();
    Deadline d = *inquiry_promise_deadline(timed);
    if (follow_up_) d.done = draft_.follow_up_done.value_or(ctx.now);
    deadline_badge(d, ctx.now);
    probe::message("visit.promise_due", format_local(inquiry_promise_due(timed)));
    // Seed 000: the call is the first thing of the next working day (work_calendar.hpp).
    const WorkCalendar& calendar = work_calendar(ctx.desk);
    const Timestamp call = inquiry_call_due(timed, calendar, ctx.schedule);
    ImGui::TextUnformatted(tr("致电访客期限", "Call the visitor by"));
    ImGui::SameLine();
    const std::string call_text = format_local(call) + " " + weekday_name(date_of(call));
    ImGui::TextColored(colors::accent, "%s", call_text.c_str());
    ImGui::SameLine();
    Deadline cd = *inquiry_call_deadline(timed, calendar, ctx.schedule);
    if (follow_up_) cd.done = draft_.follow_up_done.value_or(ctx.now);
    deadline_badge(cd, ctx.now);
    probe::message("visit.call_due", format_local(call));
    if (!calendar.knows_year(date_of(call).year)) {
      const char* unknown = tr("（该年无节假日数据，按周一至周五计算）", "(no holiday data for that year: Mon–Fri)");
      ImGui::TextColored(colors::due_soon, "%s", unknown);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
    ImGui::TextWrapped("%s", tr(S::promise_rule));
    ImGui::PopStyleColor();
    ImGui::Checkbox(id_label(tr(S::follow_up_done), "visit.follow_up"), &follow_up_);
    field_error(errors_, "follow_up_done");
    if (follow_up_) input_multiline("visit.follow_up_note", draft_.follow_up_note, 2);
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
  ImGui::EndDisabled();
  if (!is_new) draw_turn_into(ctx);
  if (const Visit* stored = is_new ? nullptr : ctx.desk.data().table<Visit>().find(draft_.meta.id))
    refer_button(ctx, *stored, "", stored->content, stored->unit, "visit");
  if (!is_new && ImGui::CollapsingHeader(id_label(tr(S::history), "visit.history"))) draw_history(draft_, "visit");
  ImGui::EndChild();

  ImGui::Separator();
  if (!errors_.empty()) {
    error_text_wrapped(error_line);  // who may, when the role refuses; else "fix the marked fields"
    for (const auto& e : errors_) probe::message("error." + e.where, tr(e.message));
  }
  ImGui::BeginDisabled(saving || ctx.desk.read_only());
  if (primary_button(id_label(tr(saving ? S::saving : S::save), "visit.save"), ImVec2(110, 0)) ||
      (enter_pressed && !saving && !ctx.desk.read_only()))
    save(ctx);
  ImGui::SameLine();
  if (ImGui::Button(id_label(tr(S::cancel), "visit.cancel"), ImVec2(80, 0)) || (escape_pressed && !saving))
    form_open_ = false;
  ImGui::EndDisabled();
}

// Issue 13 / SPEC §1: a stored visit that is really a repair or complaint
// turns into it from its own form (the same one durable write and links as
// the guided visit); once turned, the form links to the record.
void VisitsView::draw_turn_into(Context& ctx) {
  const Visit* stored = ctx.desk.data().table<Visit>().find(draft_.meta.id);
  if (!stored) return;
  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(field_name("linked_record")).c_str());
  ImGui::SameLine();
  if (!stored->linked_record.empty()) {
    if (!record_link(ctx.desk.data(), stored->linked_record, "visit.linked_record"))
      ImGui::TextColored(colors::muted, "%s", stored->linked_record.c_str());
    return;
  }
  auto refresh = [this, &desk = ctx.desk](bool ok) {
    if (const Visit* v = desk.data().table<Visit>().find(draft_.meta.id); ok && v) {
      draft_ = *v;
      selected_id_ = v->meta.id;
    }
  };
  const std::string unit = trim(draft_.unit);
  ImGui::BeginDisabled(ctx.desk.busy() || ctx.desk.read_only());
  if (ImGui::Button(id_label(tr("转为报修", "Turn into a repair"), "visit.turn_repair")))
    errors_ = ctx.desk.turn_visit_into<Repair>(stored->meta.id, ctx.actor(), refresh, unit);
  ImGui::SameLine();
  if (ImGui::Button(id_label(tr("转为投诉", "Turn into a complaint"), "visit.turn_complaint")))
    errors_ = ctx.desk.turn_visit_into<Complaint>(stored->meta.id, ctx.actor(), refresh, unit);
  ImGui::EndDisabled();
}

}  // namespace desk::ui
