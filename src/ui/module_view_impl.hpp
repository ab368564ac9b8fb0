// ModuleView<R> member definitions (included by module_view.hpp; the
// modules_*.cpp files instantiate them for their record type).
#pragma once
#include "core/change_text.hpp"
#include "core/row_order.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/caller_panel.hpp"
#include "ui/history_view.hpp"
#include "ui/record_link.hpp"
#include "ui/test_probe.hpp"

namespace desk::ui {

// Issue 13: the label column fits the form's longest shown label in the
// language on screen (English labels like "Handed to the cashier" were cut
// at a fixed 120 px), within 120–150 px so the fields (a signature pad
// needs 300 px) keep their room; a label longer still wraps (form_label).
template <HasFields R>
float form_label_width(const FormState& form) {
  float widest = 0;
  std::apply(
      [&](const auto&... f) {
        ((widest = form.hidden.count(f.key)
                       ? widest
                       : std::max(widest, ImGui::CalcTextSize(lang() == Lang::zh ? f.zh : f.en).x)),
         ...);
      },
      R::fields());
  const float star = ImGui::CalcTextSize("*").x + 2;
  return std::clamp(widest + star + ImGui::GetStyle().CellPadding.x * 2, 120.0f, 150.0f);
}

namespace detail {
// An intake form that shows the caller's history: `static constexpr bool kCallerHistory = true;`.
template <class Spec>
concept CallerHistory = requires {
  requires Spec::kCallerHistory;
};
// A register sorted by code with no date or staff filter: `static constexpr bool kRegisterFilters = true;`.
template <class Spec>
concept RegisterFilters = requires {
  requires Spec::kRegisterFilters;
};
inline std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}
template <class R>
concept HasStatus = requires(R r) {
  r.status;
};
template <class R>
concept HasWorkflow = HasStatus<R> && requires(const R& r) {
  transitions(r);
};
template <class R>
concept HasOpen = requires(const R& r) {
  is_open(r);
};
// A module whose records have a kind to filter on (complaint type, fault…):
// its Spec names the member, e.g. `static constexpr auto kKind = &Complaint::type;`.
template <class Spec>
concept HasKind = requires {
  Spec::kKind;
};
template <class R>
concept HasUnit = requires(const R& r) {
  { r.unit } -> std::convertible_to<std::string>;
};

// A module whose records are made elsewhere (the case library): no "new" button.
template <class Spec>
concept NoNew = requires {
  Spec::kNoNew;
};
// A module with a filter of its own (the case library's year): its Spec has
//   static bool keep(const R&)      — the row passes the filter
//   static std::string filter_key() — changes when the filter does
template <class Spec, class R>
concept HasOwnFilter = requires(const R& r) {
  { Spec::keep(r) } -> std::convertible_to<bool>;
  { Spec::filter_key() } -> std::convertible_to<std::string>;
};

// A combo choosing one value of E or all (-1) for a list filter.
template <class E>
void enum_filter(const std::string& id, const char* all_label, int& value) {
  const std::string preview = value < 0 ? all_label : tr(enum_label(static_cast<E>(value)));
  const bool open = ImGui::BeginCombo(("##" + id).c_str(), preview.c_str());
  probe::item(id, preview);
  if (!open) return;
  if (ImGui::Selectable((std::string(all_label) + "##" + id + ".all").c_str(), value < 0)) value = -1;
  for (const auto& e : enum_entries(E{}))
    if (ImGui::Selectable((std::string(lang() == Lang::zh ? e.zh : e.en) + "##" + id + "." + e.code).c_str(),
                          value == static_cast<int>(e.value)))
      value = static_cast<int>(e.value);
  ImGui::EndCombo();
}

// True when `needle` (lower-cased) is in any staff code the record names:
// who created or last changed it, and who received, lent, repaired… it.
template <class R>
bool names_staff(const R& r, const std::string& needle) {
  auto has = [&](const std::string& s) { return lower_ascii(s).find(needle) != std::string::npos; };
  if (has(r.meta.created_by) || has(r.meta.updated_by)) return true;
  bool found = false;
  auto check = [&](const std::string& s) { found = found || has(s); };
  if constexpr (requires { r.received_by; }) check(r.received_by);
  if constexpr (requires { r.technician; }) check(r.technician);
  if constexpr (requires { r.lent_by; }) check(r.lent_by);
  if constexpr (requires { r.called_by; }) check(r.called_by);
  if constexpr (requires { r.recorded_by; }) check(r.recorded_by);
  if constexpr (requires { r.reported_by; }) check(r.reported_by);
  if constexpr (requires { r.logged_by; }) check(r.logged_by);
  if constexpr (requires { r.inspector; }) check(r.inspector);
  if constexpr (requires { r.confirmed_by; }) check(r.confirmed_by);
  if constexpr (requires { r.responsible_staff; }) check(r.responsible_staff);
  return found;
}
// A module lists deadlines when its spec has a deadline(record).
template <class S, class R>
concept ListsDeadlines = requires(const R& r) {
  S::deadline(r);
};
}  // namespace detail

template <class R>
std::size_t ModuleView<R>::open_count(const Context& ctx) const {
  if constexpr (detail::HasOpen<R>) {
    if (open_count_version_ != ctx.desk.version()) {
      open_count_ = 0;
      for (const auto& r : ctx.desk.data().template table<R>().rows()) open_count_ += is_open(r);
      open_count_version_ = ctx.desk.version();
    }
    return open_count_;
  }
  return 0;
}

template <class R>
void ModuleView<R>::refresh(const Context& ctx) {
  const auto& all = ctx.desk.data().template table<R>().rows();
  const bool data_changed = rows_version_ != ctx.desk.version();
  const std::string order_key = std::to_string(sort_column_) + (sort_ascending_ ? "a" : "d");
  if (data_changed) {
    haystack_.reset(all.size());
    std::erase_if(rows_, [&](std::size_t i) { return i >= all.size(); });
  }
  if (data_changed || order_key_ != order_key) {
    // Every row in display order; a search then keeps this order.
    order_.resize(all.size());
    for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    if (sort_column_ >= 0 && sort_column_ < static_cast<int>(columns_.size())) {
      const auto& text = columns_[sort_column_].text;
      std::vector<std::string> keys(all.size());
      for (std::size_t i = 0; i < all.size(); ++i) keys[i] = text(all[i]);
      std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
        return sort_ascending_ ? keys[a] < keys[b] : keys[b] < keys[a];
      });
    } else {
      // Newest first; rows created at the same moment in the order stored.
      order_ = order_by_key_desc(
          all, [](const R& r) { return r.meta.created_at.ms; }, [&](const R& a, const R& b) { return &a < &b; });
    }
  }
  const std::string needle = detail::lower_ascii(trim(search_));
  std::string key = needle + "|" + std::to_string(status_filter_) + "|" + std::to_string(only_open_) + "|" + order_key +
                    "|" + from_text_ + "|" + to_text_ + "|" + std::to_string(kind_filter_) + "|" + unit_text_ + "\x1f" +
                    staff_text_;
  if constexpr (detail::HasOwnFilter<Spec, R>) key += "\x1f" + Spec::filter_key();
  if (data_changed || rows_key_ != key) {
    rows_version_ = ctx.desk.version();
    rows_key_ = key;
    order_key_ = order_key;
    needle_ = needle;
    unit_needle_ = detail::lower_ascii(trim(unit_text_));
    staff_needle_ = detail::lower_ascii(trim(staff_text_));
    // Date range on the day the record was created (site time); a date that
    // does not parse is ignored (the field shows it in red).
    from_ = parse_local(trim(from_text_));
    to_ = parse_local(trim(to_text_));
    scan_.restart(order_);
  }
  auto text_of = [&](std::size_t i) { return detail::lower_ascii(search_text(all[i])); };
  if (!scan_.running()) {
    haystack_.make_ahead(text_of);
    return;
  }
  const bool done = scan_.step([&](std::size_t i) {
    const R& r = all[i];
    if (r.meta.deleted) return false;
    if constexpr (detail::HasStatus<R>) {
      if (status_filter_ >= 0 && static_cast<int>(r.status) != status_filter_) return false;
    }
    if constexpr (detail::HasOpen<R>) {
      if (only_open_ && !is_open(r)) return false;
    }
    if constexpr (detail::HasKind<Spec>) {
      if (kind_filter_ >= 0 && static_cast<int>(r.*Spec::kKind) != kind_filter_) return false;
    }
    if constexpr (detail::HasUnit<R>) {
      if (!unit_needle_.empty() && detail::lower_ascii(r.unit).find(unit_needle_) == std::string::npos) return false;
    }
    if (!staff_needle_.empty() && !detail::names_staff(r, staff_needle_)) return false;
    if constexpr (detail::HasOwnFilter<Spec, R>) {
      if (!Spec::keep(r)) return false;
    }
    if (!needle_.empty() && haystack_.at(i, text_of).find(needle_) == std::string::npos) return false;
    if (from_ && r.meta.created_at < start_of_day(*from_)) return false;
    if (to_ && !(r.meta.created_at < start_of_day(*to_) + kDay)) return false;
    return true;
  });
  if (done) rows_ = scan_.take();
}

template <class R>
void ModuleView<R>::draw(Context& ctx) {
  if (!detail::NoNew<Spec> && shortcut('n') && !ctx.desk.read_only()) open(ctx, Spec::blank(ctx));
  if (shortcut('f')) focus_search_ = true;
  refresh(ctx);
  draw_toolbar(ctx);
  const float form_width = form_open_ ? std::max(480.0f, ImGui::GetContentRegionAvail().x * 0.44f) : 0.0f;
  ImGui::BeginChild((std::string(Spec::kId) + "-list").c_str(), ImVec2(-form_width - (form_open_ ? 8 : 0), 0));
  draw_list(ctx);
  ImGui::EndChild();
  if (form_open_) {
    ImGui::SameLine();
    ImGui::BeginChild((std::string(Spec::kId) + "-form").c_str(), ImVec2(0, 0), true);
    draw_form(ctx);
    ImGui::EndChild();
  }
}

template <class R>
void ModuleView<R>::draw_toolbar(Context& ctx) {
  const std::string id = Spec::kId;
  if constexpr (!detail::NoNew<Spec>) {
    ImGui::BeginDisabled(ctx.desk.read_only());
    if (primary_button(id_label(("＋ " + tr(Spec::new_label())).c_str(), (id + ".new").c_str()))) {
      R blank = Spec::blank(ctx);
      open(ctx, blank);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(250);
  if (focus_search_) ImGui::SetKeyboardFocusHere(), focus_search_ = false;
  if constexpr (requires { Spec::search_hint(); })
    ImGui::InputTextWithHint(("##" + id + ".search").c_str(), tr(Spec::search_hint()).c_str(), &search_);
  else
    ImGui::InputTextWithHint(("##" + id + ".search").c_str(), tr(S::search_hint), &search_);
  if constexpr (detail::HasStatus<R>) {
    using St = decltype(R{}.status);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    detail::enum_filter<St>(id + ".filter.status", tr("全部状态", "All states"), status_filter_);
  }
  // Issue 13: a register (the staff list) offers only the filters that make
  // sense for it: no date range, no staff filter (Spec::kRegisterFilters).
  constexpr bool dated = !detail::RegisterFilters<Spec>;
  if constexpr (dated)
    for (auto [text, label, key] :
         {std::tuple{&from_text_, S::date_from, ".from"}, std::tuple{&to_text_, S::date_to, ".to"}}) {
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(tr(label));
      ImGui::SameLine();
      ImGui::SetNextItemWidth(108);
      const bool bad = !trim(*text).empty() && !parse_local(trim(*text));
      if (bad) ImGui::PushStyleColor(ImGuiCol_Text, colors::error);
      ImGui::InputTextWithHint(("##" + id + key).c_str(), tr(S::date_hint), text);
      if (bad) ImGui::PopStyleColor();
    }
  if constexpr (detail::HasOpen<R>) {
    ImGui::SameLine();
    ImGui::Checkbox(id_label(tr("仅未完成", "Open only"), (id + ".open_only").c_str()), &only_open_);
  }
  ImGui::SameLine();
  ImGui::TextColored(colors::muted, "%zu / %zu", rows_.size(), ctx.desk.data().template table<R>().size());
  probe::message(id + ".count",
                 std::to_string(rows_.size()) + "/" + std::to_string(ctx.desk.data().template table<R>().size()));
  if constexpr (requires { Spec::toolbar(ctx, *this); }) Spec::toolbar(ctx, *this);
  draw_filters();
}

// The second toolbar row: kind, unit and staff filters, and a reset.
template <class R>
void ModuleView<R>::draw_filters() {
  const std::string id = Spec::kId;
  if constexpr (detail::HasKind<Spec>) {
    using K = std::remove_cvref_t<decltype(R{}.*Spec::kKind)>;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("类型", "Type"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    detail::enum_filter<K>(id + ".filter.kind", tr("全部类型", "All types"), kind_filter_);
    ImGui::SameLine();
  }
  if constexpr (detail::HasUnit<R>) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("房号", "Unit"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::InputTextWithHint(("##" + id + ".filter.unit").c_str(), tr("如 3栋-1202", "e.g. 3栋-1202"), &unit_text_);
    ImGui::SameLine();
  }
  if constexpr (!detail::RegisterFilters<Spec>) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("员工", "Staff"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::InputTextWithHint(("##" + id + ".filter.staff").c_str(), tr("工号", "staff code"), &staff_text_);
    ImGui::SameLine();
  }
  const bool any = kind_filter_ >= 0 || status_filter_ >= 0 || only_open_ || !search_.empty() || !unit_text_.empty() ||
                   !staff_text_.empty() || !from_text_.empty() || !to_text_.empty();
  ImGui::BeginDisabled(!any);
  if (ImGui::SmallButton(id_label(tr("清除筛选", "Clear filters"), (id + ".filter.clear").c_str()))) {
    search_.clear(), unit_text_.clear(), staff_text_.clear(), from_text_.clear(), to_text_.clear();
    kind_filter_ = status_filter_ = -1;
    only_open_ = false;
  }
  ImGui::EndDisabled();
}

template <class R>
void ModuleView<R>::draw_list(Context& ctx) {
  const auto& all = ctx.desk.data().template table<R>().rows();
  // Registers without deadlines (staff, inspections…) have no deadline column.
  constexpr bool deadlines = detail::ListsDeadlines<Spec, R>;
  const int ncols = static_cast<int>(columns_.size()) + (deadlines ? 1 : 0);
  // Narrow columns are fixed at their width or their header's, whichever is
  // wider; the text columns share what is left. Beside an open form that may
  // not be enough: the list then scrolls sideways rather than cut a header.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float sort_arrow = ImGui::GetFontSize();
  std::vector<float> fixed(columns_.size(), 0.0f);
  float needed = (deadlines ? deadline_column_width() : 0.0f) + style.CellPadding.x * 2 * static_cast<float>(ncols);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const float header = ImGui::CalcTextSize(tr(columns_[c].header).c_str()).x + sort_arrow;
    if (columns_[c].width > 0) fixed[c] = std::max(columns_[c].width, header);
    needed += fixed[c] > 0 ? fixed[c] : 160.0f;  // a text column's least useful width
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (needed > avail) flags |= ImGuiTableFlags_ScrollX;
  const ImVec2 size(0, rows_.empty() ? ImGui::GetFrameHeightWithSpacing() * 1.2f : 0.0f);
  if (!ImGui::BeginTable(table_id(std::string(Spec::kId) + ".table").c_str(), ncols, flags, size,
                         needed > avail ? needed : 0.0f))
    return;
  // The deadline comes second, so it stays in sight when the list scrolls.
  // columns_[c] is table column table_index(c); its user id is c.
  constexpr ImGuiID kDeadlineColumn = 1000;
  const auto table_index = [](std::size_t c) { return static_cast<int>(c == 0 || !deadlines ? c : c + 1); };
  ImGui::TableSetupScrollFreeze(0, 1);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    ImGuiTableColumnFlags f = fixed[c] > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch;
    // Newest first, except a register sorted by its code (the staff list by 工号).
    if (c == 0)
      f |= ImGuiTableColumnFlags_DefaultSort |
           (detail::RegisterFilters<Spec> ? ImGuiTableColumnFlags_PreferSortAscending
                                          : ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn(tr(columns_[c].header).c_str(), f, fixed[c] > 0 ? fixed[c] : 1.0f, static_cast<ImGuiID>(c));
    if (c == 0 && deadlines)
      ImGui::TableSetupColumn(tr("时限", "Deadline"), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                              deadline_column_width(), kDeadlineColumn);
  }
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    if (specs->SpecsCount > 0 && specs->Specs[0].ColumnUserID != kDeadlineColumn) {
      sort_column_ = static_cast<int>(specs->Specs[0].ColumnUserID);
      sort_ascending_ = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    }
    specs->SpecsDirty = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows_.size()));
  while (clipper.Step()) {
    for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
      const R& r = all[rows_[k]];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      const bool selected = r.meta.id == selected_id_;
      const std::string first = columns_.empty() ? r.meta.id : columns_[0].text(r);
      if (ImGui::Selectable(("##row." + r.meta.id).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
        open(ctx, r);
      std::string label;
      for (const auto& c : columns_) label += (label.empty() ? "" : " ") + c.text(r);
      probe::record(Spec::kType, r.meta.id, label);
      ImGui::SameLine();
      text_fit(first);
      if constexpr (deadlines) {
        ImGui::TableSetColumnIndex(1);
        if (auto d = Spec::deadline(r)) deadline_badge(*d, ctx.now);
      }
      for (std::size_t c = 1; c < columns_.size(); ++c) {
        ImGui::TableSetColumnIndex(table_index(c));
        text_fit(columns_[c].text(r));
      }
    }
  }
  ImGui::EndTable();
  if (rows_.empty()) ImGui::TextColored(colors::muted, "%s", tr(S::no_records));  // full width, not one cell
}

template <class R>
void ModuleView<R>::open(const Context& ctx, const R& r) {
  draft_ = r;
  if constexpr (requires { Spec::on_open(ctx, draft_); }) Spec::on_open(ctx, draft_);
  selected_id_ = r.meta.id;
  step_refused_ = false;
  form_ = FormState{};
  form_.prefix = Spec::kId;
  Spec::setup_form(form_);
  if constexpr (detail::HasStatus<R>) form_.readonly.insert("status");
  load_texts(draft_, form_);
  form_open_ = true;
  (void)ctx;
}

template <class R>
void ModuleView<R>::open_record(const Context& ctx, const std::string& record_id) {
  if (const R* r = ctx.desk.data().template table<R>().find(record_id)) open(ctx, *r);
}

template <class R>
void ModuleView<R>::save(Context& ctx) {
  R candidate = draft_;
  form_.errors.clear();
  if (!apply_texts(candidate, form_)) return;
  const bool is_new = candidate.meta.id.empty();
  form_.errors = ctx.desk.save(candidate, ctx.actor(), [this, is_new, &desk = ctx.desk](bool ok) {
    if (!ok) return;  // the form keeps what was typed; the status bar says why
    const auto& rows = desk.data().template table<R>().rows();
    if (is_new && !rows.empty()) selected_id_ = rows.back().meta.id;
    form_open_ = false;
  });
  note_refusal(form_.errors, false);
}

template <class R>
void ModuleView<R>::note_refusal(const Errors& errors, bool by_step) {
  step_refused_ = by_step && !errors.empty();
  for (const auto& key : fields_in_error<R>(errors))
    if (!form_.hidden.count(key)) return form_.scroll_to = key, void();
}

template <class R>
void ModuleView<R>::draw_form(Context& ctx) {
  const std::string id = Spec::kId;
  const bool is_new = draft_.meta.id.empty();
  const FormKeys keys = form_keys();  // Enter saves, Esc (twice from a field) closes
  const R* stored = is_new ? nullptr : ctx.desk.data().template table<R>().find(draft_.meta.id);
  ImGui::TextColored(colors::accent, "%s · %s", tr(Spec::title()).c_str(),
                     is_new ? tr("新建", "New") : tr("查看/修改", "View / edit"));
  if (stored) {
    ImGui::SameLine();
    ImGui::TextColored(colors::muted, "%s %lld", tr(S::revision), static_cast<long long>(stored->meta.revision));
    if constexpr (detail::HasStatus<R>) {
      ImGui::SameLine();
      ImGui::TextColored(colors::ok, "· %s", tr(enum_label(stored->status)).c_str());
    }
    if constexpr (requires { Spec::title_buttons(ctx, *stored); }) {
      ImGui::SameLine(0, 24);
      Spec::title_buttons(ctx, *stored);
    }
  }
  ImGui::Separator();
  // A refusal is said in one line where the person looks: the fields to fill
  // (they are marked below, and the first takes the keyboard), or the reason.
  const FieldError* general = general_error(form_.errors);
  // A refusal about a field the form does not show (a hold's note, kept in
  // the hidden 暂停记录) is said in its own words, not as 请先改正：暂停记录.
  const auto shown_error = std::find_if(form_.errors.begin(), form_.errors.end(),
                                        [&](const FieldError& e) { return !form_.hidden.count(e.where); });
  const std::string general_text = general                                 ? tr(general->message)
                                   : form_.errors.empty() || step_refused_ ? std::string()
                                   : shown_error == form_.errors.end()     ? tr(form_.errors.front().message)
                                                                           : tr(refusal_summary<R>(form_.errors));
  if (!general_text.empty()) probe::message(id + ".refusal", general_text);
  const float footer =
      ImGui::GetFrameHeightWithSpacing() * 1.4f + (general_text.empty() ? 0.0f : wrapped_height(general_text));
  if (stored) draw_actions(ctx, *stored);  // above the scrolling fields: always in view
  ImGui::BeginChild((id + ".body").c_str(), ImVec2(0, -footer));
  // Issue 13 item 6: an intake form shows the caller's earlier records first.
  if constexpr (detail::CallerHistory<Spec>) {
    if constexpr (std::is_same_v<R, KeyLoan>)
      caller_panel(ctx, draft_.phone, draft_.key, draft_.meta.id, id);
    else
      caller_panel(ctx, draft_.phone, draft_.unit, draft_.meta.id, id);
  }
  constexpr bool extras_first = requires {
    Spec::kExtrasFirst;
  };
  if constexpr (extras_first) Spec::extras(ctx, *this, stored);
  form_.signatures.stored = stored ? confirmed_signatures(*stored) : std::set<std::string>{};
  form_.signatures.may_void = stored && may(ctx.role, Action::void_signature) && !ctx.desk.read_only();
  form_.signatures.void_it = [this, &ctx, stored](const std::string& key, const std::string& reason) {
    form_.errors = ctx.desk.store(void_signature(*stored, key, reason, ctx.actor()),
                                  Msg{"签字已作废", "Signature voided"}, [this, &desk = ctx.desk](bool ok) {
                                    if (!ok) return;
                                    if (const R* r = desk.data().template table<R>().find(draft_.meta.id)) {
                                      draft_ = *r;
                                      load_texts(draft_, form_);
                                      form_.pads.clear();
                                    }
                                  });
  };
  form_.draw_link = [&data = ctx.desk.data()](const std::string& widget, const std::string& linked) {
    return record_link(data, linked, widget);
  };
  ImGui::BeginDisabled(ctx.desk.busy());
  if (ImGui::BeginTable((id + ".fields").c_str(), 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("l", ImGuiTableColumnFlags_WidthFixed, form_label_width<R>(form_));
    ImGui::TableSetupColumn("f", ImGuiTableColumnFlags_WidthStretch);
    draw_fields(draft_, form_, ctx.now);
    ImGui::EndTable();
  }
  ImGui::EndDisabled();
  if constexpr (!extras_first && requires { Spec::extras(ctx, *this, stored); }) Spec::extras(ctx, *this, stored);
  if (stored && ImGui::CollapsingHeader(id_label(tr(S::history), (id + ".history").c_str()))) {
    draw_history(*stored, id);
  }
  for (const auto& e : form_.errors) probe::message(id + ".error." + e.where, tr(e.message));
  ImGui::EndChild();
  if (!general_text.empty()) error_text_wrapped(general_text);
  ImGui::BeginDisabled(ctx.desk.busy() || ctx.desk.read_only());
  if (primary_button(id_label(tr(ctx.desk.busy() ? S::saving : S::save), (id + ".save").c_str())) ||
      (keys.enter && !ctx.desk.busy() && !ctx.desk.read_only()))
    save(ctx);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(id_label(tr(S::cancel), (id + ".cancel").c_str())) || (keys.escape && !ctx.desk.busy()))
    form_open_ = false;
  if (stored) {
    ImGui::SameLine();
    ImGui::BeginDisabled(!may(ctx.role, Action::delete_record) || ctx.desk.busy());
    if (ImGui::Button(id_label(tr("删除", "Delete"), (id + ".delete").c_str()))) {
      form_.errors = ctx.desk.store(delete_checked(*stored, ctx.actor()), Msg{"已删除（可从历史恢复）", "Deleted"},
                                    [this](bool ok) { form_open_ = !ok; });
    }
    ImGui::EndDisabled();
  }
}

template <class R>
void ModuleView<R>::draw_actions(Context& ctx, const R& stored) {
  if constexpr (detail::HasWorkflow<R>) {
    using A = std::decay_t<decltype(transitions(stored)[0].action)>;
    const std::string id = std::string(Spec::kId) + ".action.";
    bool first = true;
    for (const auto& e : enum_entries(A{})) {
      auto to = next_state(transitions(stored), stored.status, e.value);
      auto refused = check_permission(ctx.role, permission_for(stored, e.value));
      std::string reason = !to ? tr(to.errors().front().message) : refused ? tr(refused->message) : "";
      const bool legal = reason.empty() && !ctx.desk.read_only();
      if (!first) ImGui::SameLine();
      if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(lang() == Lang::zh ? e.zh : e.en).x + 24 >
          ImGui::GetContentRegionMax().x)
        ImGui::NewLine();
      first = false;
      ImGui::BeginDisabled(!legal || ctx.desk.busy());
      const char* label = id_label(lang() == Lang::zh ? e.zh : e.en, (id + e.code).c_str());
      const bool pressed = ImGui::Button(label) && legal;
      ImGui::EndDisabled();
      if (!reason.empty()) {
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", reason.c_str());
        probe::message(id + e.code + ".reason", reason);
      }
      if (pressed) {
        R candidate = draft_;
        form_.errors.clear();
        if (apply_texts(candidate, form_))
          form_.errors = ctx.desk.perform(candidate, e.value, ctx.actor(), [this, &desk = ctx.desk](bool ok) {
            if (!ok) return;
            if (const R* r = desk.data().template table<R>().find(draft_.meta.id)) {
              draft_ = *r;
              load_texts(draft_, form_);
            }
          });
        note_refusal(form_.errors, true);
      }
    }
    if (step_refused_ && !form_.errors.empty()) {
      const std::string why = tr(refusal_summary<R>(form_.errors));
      error_text_wrapped(why);
      probe::message(id + "refusal", why);
    }
    ImGui::Separator();
  }
}

}  // namespace desk::ui
