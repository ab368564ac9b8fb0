#include "ui/global_search.hpp"

#include <algorithm>
#include <chrono>

#include "core/roles.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/record_link.hpp"
#include "ui/strings.hpp"
#include "ui/test_probe.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
bool pressed(ImGuiKey key) {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key));
}
}  // namespace

void GlobalSearch::refresh(Context& ctx, bool finish) {
  const bool with_cases = may(ctx.role, Action::view_cases);
  using clock = std::chrono::steady_clock;
  const auto ms_since = [](clock::time_point t) {
    return std::chrono::duration<double, std::milli>(clock::now() - t).count();
  };
  if (indexed_version_ != ctx.desk.version() || indexed_with_cases_ != with_cases) {
    // The new index is built a few milliseconds per frame (all at once when
    // `finish`); the old one answers meanwhile. A change of the data while
    // it is built starts it again: the builder reads the tables in place.
    if (builder_.done() || build_version_ != ctx.desk.version() || build_with_cases_ != with_cases) {
      builder_ = SearchIndex::Builder(ctx.desk.data(), with_cases);
      build_version_ = ctx.desk.version();
      build_with_cases_ = with_cases;
      building_ms_ = 0;
    }
    constexpr double kBuildBudgetMs = 8.0;    // a frame stays within one 60 Hz frame while it builds
    constexpr std::size_t kBuildSlice = 256;  // rows
    const auto t = clock::now();
    bool built = builder_.done();
    while (!built && (finish || ms_since(t) < kBuildBudgetMs)) built = builder_.step(kBuildSlice);
    building_ms_ += ms_since(t);
    if (!built) return;
    index_ = builder_.take();
    build_ms_ = building_ms_;
    indexed_version_ = build_version_;
    indexed_with_cases_ = with_cases;
    searched_ = "\n";  // search again over the new index
  }
  if (searched_ != query_) {
    searched_ = query_;
    search_ = index_.start(query_, 5);
    searching_ms_ = 0;
  } else if (search_.done()) {
    return;  // its results are up
  }
  // A keystroke at 100,000 records reads tens of megabytes of index: a few
  // milliseconds of it per frame keep the typing smooth; the results shown
  // meanwhile are the last finished search's.
  constexpr double kBudgetMs = 2.0;
  constexpr std::size_t kSlice = 128 * 1024;
  const auto t = clock::now();
  bool done = search_.done();
  while (!done && (finish || ms_since(t) < kBudgetMs)) done = search_.step(kSlice);
  searching_ms_ += ms_since(t);
  if (!done) return;
  find_ms_ = searching_ms_;
  groups_ = search_.groups();
  rows_.clear();
  for (const auto& g : groups_)
    for (const auto& h : g.hits) rows_.push_back(&h);
  selected_ = 0;
}

void GlobalSearch::draw(Context& ctx, float width) {
  if (shortcut('k')) focus_ = true;
  if (focus_) ImGui::SetKeyboardFocusHere(), focus_ = false;
  ImGui::SetNextItemWidth(width);
  const bool enter = ImGui::InputTextWithHint("##search.box", tr("搜索全部记录 Ctrl+K", "Search all records Ctrl+K"),
                                              &query_, ImGuiInputTextFlags_EnterReturnsTrue);
  const bool active = ImGui::IsItemActive();
  box_hovered_ = ImGui::IsItemHovered();
  x_ = ImGui::GetItemRectMin().x;
  y_ = ImGui::GetItemRectMax().y + 2;
  if (ImGui::IsItemHovered() && !active)
    ImGui::SetTooltip("%s", tr("姓名、电话、房号、单号或内容里的字词，各模块一起搜",
                               "A name, phone, unit, record number or words of the "
                               "text, across every module"));
  if (active) {
    // ↑/↓ choose a result instead of moving the keyboard focus away.
    ImGui::GetCurrentContext()->ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
    open_ = !trim(query_).empty();
    refresh(ctx);
    if (pressed(ImGuiKey_DownArrow) && selected_ + 1 < rows_.size()) ++selected_;
    if (pressed(ImGuiKey_UpArrow) && selected_ > 0) --selected_;
  } else if (open_ && busy()) {
    refresh(ctx);  // the box let go of the keyboard: the results still complete
  }
  // Enter opens a result of what is typed, never one of an older search.
  if (enter && open_) refresh(ctx, true);
  // Esc closes the results (the box has already let go of the keyboard).
  if (open_ && pressed(ImGuiKey_Escape)) {
    open_ = false;
    query_.clear();
    if (active) ImGui::ClearActiveID();
  }
  if (enter && open_ && !rows_.empty()) open(selected_);
  probe::fact("search.open", open_ ? "1" : "0");
  // For the benchmark (tests/bench/scale.mjs): the last index build and search.
  probe::fact("search.buildMs", std::to_string(build_ms_));
  probe::fact("search.findMs", std::to_string(find_ms_));
}

void GlobalSearch::open(std::size_t row) {
  if (row >= rows_.size()) return;
  request_open(rows_[row]->type, rows_[row]->id);
  open_ = false;
  ImGui::ClearActiveID();
}

void GlobalSearch::draw_results(Context& ctx) {
  if (!open_) return;
  ImGui::SetNextWindowPos(ImVec2(x_, y_));
  ImGui::SetNextWindowSizeConstraints(ImVec2(520, 0), ImVec2(640, ImGui::GetMainViewport()->WorkSize.y * 0.7f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_PopupBg));
  ImGui::Begin("###search.results", nullptr, flags);
  ImGui::PopStyleColor();
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  std::size_t total = 0;
  for (const auto& g : groups_) total += g.total;
  probe::fact("search.total", std::to_string(total));
  if (groups_.empty() && busy()) {
    ImGui::TextColored(colors::muted, "%s", tr("正在搜索…", "Searching…"));
  } else if (groups_.empty()) {
    ImGui::TextColored(colors::muted, "%s",
                       tr("没有找到。可试姓名、电话号码、房号或单号",
                          "Nothing found. Try a name, a phone number, a unit or a record number"));
    probe::message("search.none", tr("没有找到", "Nothing found"));
  }
  std::size_t row = 0;
  for (const auto& g : groups_) {
    ImGui::TextColored(colors::accent, "%s  %zu", tr(record_type_label(g.type)).c_str(), g.total);
    probe::message("search.group." + g.type, std::to_string(g.total));
    for (const auto& h : g.hits) {
      const auto linked = find_linked(ctx.desk.data(), h.id);
      const std::string label = format_local(h.at).substr(0, 10) + "  " + (linked ? linked->label : h.id) +
                                (h.excerpt.empty() ? "" : "  · " + h.excerpt);
      const std::string widget = "search.hit." + std::to_string(row);
      ImGui::PushStyleColor(ImGuiCol_Text, h.open ? colors::due_soon : ImGui::GetStyleColorVec4(ImGuiCol_Text));
      if (ImGui::Selectable(id_label(((h.open ? "● " : "○ ") + label).c_str(), widget.c_str()), row == selected_))
        open(row);
      ImGui::PopStyleColor();
      probe::record(h.type.c_str(), h.id, label);
      if (row == selected_ && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) ||
                               ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))))
        ImGui::SetScrollHereY();
      ++row;
    }
    if (g.total > g.hits.size())
      ImGui::TextColored(colors::muted, tr("    还有 %zu 条，请多输入几个字", "    %zu more: type more words"),
                         g.total - g.hits.size());
  }
  ImGui::Separator();
  ImGui::TextColored(colors::muted, "%s", tr("↑↓ 选择 · Enter 打开 · Esc 关闭", "↑↓ choose · Enter open · Esc close"));
  ImGui::End();
  // A click anywhere else closes the results.
  if (ImGui::IsMouseClicked(0) && !hovered && !box_hovered_) open_ = false;
}

}  // namespace desk::ui
