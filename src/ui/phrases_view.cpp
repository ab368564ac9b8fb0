#include "ui/phrases_view.hpp"

#include <cstdio>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/test_probe.hpp"
#include "ui/training_strings.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
using namespace training_text;

bool is_style(const PhraseBook& book, const PhraseGroup* g) {
  return !book.styles.empty() && g >= &book.styles.front() && g <= &book.styles.back();
}
}  // namespace

void PhrasesView::draw(Context&, const PhraseBook& book) {
  ImGui::SetNextItemWidth(320);
  ImGui::InputTextWithHint("##phrases.search", t(phrase_search), &search_);
  ImGui::SameLine(0, 16);
  if (ImGui::RadioButton(id_label(t(phrase_all), "phrases.filter.all"), filter_ == Filter::all)) filter_ = Filter::all;
  ImGui::SameLine();
  if (ImGui::RadioButton(id_label(t(phrase_situations), "phrases.filter.situations"), filter_ == Filter::situations))
    filter_ = Filter::situations;
  ImGui::SameLine();
  if (ImGui::RadioButton(id_label(t(phrase_styles), "phrases.filter.styles"), filter_ == Filter::styles))
    filter_ = Filter::styles;

  std::vector<PhraseHit> hits;
  for (const auto& h : search_phrases(book, trim(search_))) {
    const bool style = is_style(book, h.group);
    if ((filter_ == Filter::situations && style) || (filter_ == Filter::styles && !style)) continue;
    hits.push_back(h);
  }
  ImGui::SameLine(0, 16);
  char count[64];
  std::snprintf(count, sizeof count, t(phrase_count), static_cast<int>(hits.size()));
  ImGui::TextColored(colors::muted, "%s", count);
  probe::fact("phrases.count", std::to_string(hits.size()));
  if (!copied_.empty()) {
    ImGui::SameLine(0, 16);
    ImGui::TextColored(colors::ok, "%s%s", t(phrase_copied), copied_.c_str());
    probe::message("phrases.copied", copied_);
  }
  if (hits.empty()) {
    ImGui::TextColored(colors::muted, "%s", t(phrase_none));
    return;
  }

  ImGui::BeginChild("phrases.list", ImVec2(0, 0), false);
  const PhraseGroup* group = nullptr;
  const float copy_w = ImGui::CalcTextSize(t(phrase_copy)).x + ImGui::GetStyle().FramePadding.x * 2;
  for (const auto& h : hits) {
    if (h.group != group) {
      group = h.group;
      ImGui::Spacing();
      ImGui::TextColored(colors::accent, "%s", t(group->title));
      if (!group->note.empty()) {
        ImGui::SameLine(0, 12);
        ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
        ImGui::TextWrapped("%s", group->note.c_str());
        ImGui::PopStyleColor();
      }
      ImGui::Separator();
    }
    ImGui::PushID(h.phrase->id.c_str());
    if (ImGui::SmallButton(id_label(t(phrase_copy), ("phrases.copy." + h.phrase->id).c_str()))) {
      ImGui::SetClipboardText(h.phrase->text.c_str());
      copied_ = h.phrase->text;
    }
    ImGui::SameLine(copy_w + 16);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x * 0.62f);
    ImGui::TextWrapped("%s",
                       lang() == Lang::zh || h.phrase->en.empty() ? h.phrase->text.c_str() : h.phrase->en.c_str());
    ImGui::PopTextWrapPos();
    probe::record("phrase", h.phrase->id, h.phrase->text);
    const std::string aside = h.phrase->note.empty() ? h.phrase->source : h.phrase->note + " · " + h.phrase->source;
    if (!aside.empty()) {
      ImGui::SameLine(ImGui::GetContentRegionMax().x * 0.64f);
      ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
      ImGui::TextWrapped("%s", aside.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace desk::ui
