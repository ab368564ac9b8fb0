#include "ui/visits_view.hpp"

#include <algorithm>
#include <cstdio>

#include "core/exchange.hpp"
#include "core/row_order.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Short outcome names that fit the list column.
const char* outcome_short(VisitOutcome o) {
  switch (o) {
    case VisitOutcome::pending:
      return tr(S::outcome_pending_short);
    case VisitOutcome::answered_on_spot:
      return tr(S::outcome_spot_short);
    case VisitOutcome::answered_after_colleague:
      return tr(S::outcome_colleague_short);
    case VisitOutcome::answered_after_outside_inquiry:
      return tr(S::outcome_outside_short);
    case VisitOutcome::promised_24h:
      return tr(S::outcome_promise_short);
  }
  return "";
}
}  // namespace

void VisitsView::open_new(const Context& ctx) {
  draft_ = Visit{};
  draft_.time = ctx.now;
  draft_.received_by = ctx.staff;
  time_text_ = format_local(ctx.now);
  errors_.clear();
  follow_up_ = false;
  form_open_ = true;
  focus_first_ = true;
}

void VisitsView::open(const Visit& v) {
  draft_ = v;
  time_text_ = format_local(v.time);
  errors_.clear();
  follow_up_ = v.follow_up_done.has_value();
  form_open_ = true;
  selected_id_ = v.meta.id;
}

void VisitsView::refresh_rows(const Context& ctx) {
  const std::string needle = lower_ascii(trim(search_));
  const std::string key = from_text_ + "\x1f" + to_text_ + (only_promises_ ? "1" : "0");
  const bool data_changed = rows_version_ != ctx.desk.version();
  const auto& visits = ctx.desk.data().table<Visit>().rows();
  if (data_changed) {
    // The newest-first order, rebuilt only when the data changes; the
    // search texts are made as a search first reaches each row.
    haystack_.reset(visits.size());
    live_ = static_cast<std::size_t>(
        std::count_if(visits.begin(), visits.end(), [](const Visit& v) { return !v.meta.deleted; }));
    order_ = order_by_keys_desc(
        visits, [](const Visit& v) { return v.time.ms; }, [](const Visit& v) { return text_prefix_key(v.meta.id); },
        [](const Visit& a, const Visit& b) { return a.meta.id > b.meta.id; });
    std::erase_if(rows_, [&](std::size_t i) { return i >= visits.size(); });
  }
  if (data_changed || rows_key_ != key || rows_needle_ != needle) {
    // Typing on narrows the current rows instead of scanning everything again.
    const bool narrowing = !data_changed && !scan_.running() && rows_key_ == key && !rows_needle_.empty() &&
                           needle.find(rows_needle_) != std::string::npos;
    scan_.restart(narrowing ? rows_ : order_);
    rows_version_ = ctx.desk.version();
    rows_key_ = key;
    rows_needle_ = needle;
    from_ = parse_local(trim(from_text_));
    to_ = parse_local(trim(to_text_));
    if (to_ && trim(to_text_).size() == 10) to_ = *to_ + kDay;  // a date includes that whole day
  }
  auto text_of = [&](std::size_t i) { return lower_ascii(search_text(visits[i])); };
  if (!scan_.running()) {
    haystack_.make_ahead(text_of);
    return;
  }
  const bool done = scan_.step([&](std::size_t i) {
    const Visit& v = visits[i];
    if (v.meta.deleted) return false;
    if (from_ && v.time < *from_) return false;
    if (to_ && !(v.time < *to_)) return false;
    if (only_promises_ && (v.outcome != VisitOutcome::promised_24h || v.follow_up_done)) return false;
    return rows_needle_.empty() || haystack_.at(i, text_of).find(rows_needle_) != std::string::npos;
  });
  if (done) rows_ = scan_.take();
}

void VisitsView::draw(Context& ctx) {
  if (shortcut('n') && !ctx.desk.read_only()) open_new(ctx);
  if (shortcut('f')) focus_search_ = true;
  refresh_rows(ctx);
  draw_toolbar(ctx);
  const float form_width = form_open_ ? std::max(460.0f, ImGui::GetContentRegionAvail().x * 0.42f) : 0.0f;
  ImGui::BeginChild("visit-list", ImVec2(-form_width - (form_open_ ? 8 : 0), 0), false);
  draw_table(ctx);
  ImGui::EndChild();
  if (form_open_) {
    ImGui::SameLine();
    ImGui::BeginChild("visit-form", ImVec2(0, 0), true);
    draw_form(ctx);
    ImGui::EndChild();
  }
}

void VisitsView::draw_toolbar(Context& ctx) {
  ImGui::BeginDisabled(ctx.desk.read_only());
  if (primary_button(id_label((std::string("＋ ") + tr(S::new_visit)).c_str(), "visits.new"))) open_new(ctx);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(260);
  if (focus_search_) ImGui::SetKeyboardFocusHere(), focus_search_ = false;
  ImGui::InputTextWithHint("##visits.search", tr(S::search_hint), &search_);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(S::date_from));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##visits.from", tr(S::date_hint), &from_text_);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(S::date_to));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110);
  ImGui::InputTextWithHint("##visits.to", tr(S::date_hint), &to_text_);
  ImGui::SameLine();
  if (ImGui::SmallButton(id_label(tr(S::filter_today), "visits.today"))) from_text_ = to_text_ = format_date(ctx.now);
  ImGui::SameLine();
  if (ImGui::SmallButton(id_label(tr(S::filter_week), "visits.week"))) {
    from_text_ = format_date(ctx.now + -6 * kDay);
    to_text_ = format_date(ctx.now);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(id_label(tr(S::filter_all), "visits.all"))) from_text_.clear(), to_text_.clear();
  ImGui::SameLine();
  ImGui::Checkbox(id_label(tr(S::only_promises), "visits.promises"), &only_promises_);
  const bool bad_from = !trim(from_text_).empty() && !parse_local(trim(from_text_));
  const bool bad_to = !trim(to_text_).empty() && !parse_local(trim(to_text_));
  if (bad_from || bad_to) {
    ImGui::TextColored(colors::error, "%s", tr(S::bad_date));
    probe::message("visits.date", tr(S::bad_date));
  }
}

void VisitsView::draw_table(Context& ctx) {
  const auto& visits = ctx.desk.data().table<Visit>().rows();
  char count[96];
  std::snprintf(count, sizeof count, tr(S::shown_of_total), rows_.size(), live_);
  ImGui::TextColored(colors::muted, "%s", count);
  probe::message("visits.count", std::to_string(rows_.size()) + "/" + std::to_string(live_));
  if (scan_.running()) {
    ImGui::SameLine();
    ImGui::TextColored(colors::muted, "%s", tr("搜索中…", "Searching…"));
    probe::message("visits.searching", "1");
  }
  if (rows_.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(colors::muted, "%s", tr(S::no_records));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("visits.table", 7, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(S::col_time), ImGuiTableColumnFlags_WidthFixed, 128);
  ImGui::TableSetupColumn(tr(S::col_visitor), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr(S::col_unit), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr(S::col_phone), ImGuiTableColumnFlags_WidthFixed, 104);
  ImGui::TableSetupColumn(tr(S::col_purpose), ImGuiTableColumnFlags_WidthFixed, 48);
  ImGui::TableSetupColumn(tr(S::col_content), ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn(tr(S::col_outcome), ImGuiTableColumnFlags_WidthFixed, 112);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows_.size()));
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const Visit& v = visits[rows_[static_cast<std::size_t>(row)]];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(v.meta.id.c_str());
      const bool selected = v.meta.id == selected_id_;
      if (ImGui::Selectable(format_local(v.time).c_str(), selected,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
        open(v);
      }
      probe::record(Visit::kType, v.meta.id, v.visitor_name + " " + v.content);
      ImGui::PopID();
      ImGui::TableSetColumnIndex(1);
      const std::string form = v.address_form == AddressForm::unspecified ? "" : tr(enum_label(v.address_form));
      text_fit(v.visitor_name + form);
      ImGui::TableSetColumnIndex(2);
      text_fit(v.unit.empty() ? v.company : v.unit);
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(mask_phone(v.phone).c_str());
      ImGui::TableSetColumnIndex(4);
      ImGui::TextUnformatted(tr(enum_label(v.purpose)).c_str());
      ImGui::TableSetColumnIndex(5);
      text_fit(v.content.substr(0, v.content.find('\n')));
      ImGui::TableSetColumnIndex(6);
      if (auto d = inquiry_promise_deadline(v)) {
        deadline_badge(*d, ctx.now);
      } else {
        ImGui::TextColored(colors::muted, "%s", outcome_short(v.outcome));
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace desk::ui
