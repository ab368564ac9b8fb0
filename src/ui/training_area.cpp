#include "ui/training_area.hpp"

#include <fstream>
#include <sstream>

#include "core/case_scenario.hpp"
#include "imgui.h"
#include "ui/test_probe.hpp"
#include "ui/training_strings.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
using namespace training_text;

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "file: where: what" for the first few problems, in both languages.
Msg describe(const std::string& file, const Errors& errors) {
  Msg m{file, file};
  std::size_t shown = 0;
  for (const auto& e : errors) {
    if (++shown > 3) break;
    m.zh += "；" + e.where + "：" + e.message.zh;
    m.en += "; " + e.where + ": " + e.message.en;
  }
  return m;
}

// Reads and parses one file; on failure the message says which and why.
template <class T, class Parse>
std::optional<T> load(Fonts& fonts, const std::string& path, Msg& error, Parse parse) {
  const auto text = read_text(path);
  if (!text) {
    error = {path + "：无法打开", path + ": cannot be opened"};
    return std::nullopt;
  }
  fonts.request(*text);
  auto parsed = parse(*text);
  if (!parsed) {
    error = describe(path, parsed.errors());
    return std::nullopt;
  }
  return std::move(parsed.value());
}

void unavailable(const Msg& error, const char* id) {
  ImGui::PushStyleColor(ImGuiCol_Text, colors::error);
  ImGui::TextWrapped("%s%s", t(asset_failed), t(error));
  ImGui::PopStyleColor();
  probe::message(id, tr(asset_failed) + tr(error));
}
}  // namespace

TrainingAssets load_training_assets(Fonts& fonts, const std::string& root) {
  TrainingAssets a;
  a.phrases = load<PhraseBook>(fonts, root + "/phrases.json", a.phrases_error,
                               [](const std::string& s) { return parse_phrase_book(s); });
  if (a.phrases) {
    a.visit_script = load<Script>(fonts, root + "/scripts/visit_reception.json", a.script_error,
                                  [&](const std::string& s) { return parse_script(s, *a.phrases); });
  } else {
    a.script_error = a.phrases_error;
  }
  a.scenarios = load<ScenarioSet>(fonts, root + "/scenarios.json", a.scenarios_error,
                                  [](const std::string& s) { return parse_scenarios(s); });
  a.case_script = load<ScenarioSet>(fonts, root + "/case_scenario.json", a.case_script_error,
                                    [](const std::string& s) { return parse_scenarios(s); });
  a.wording = load<Wording>(fonts, root + "/wording.json", a.wording_error,
                            [](const std::string& s) { return parse_wording(s); });
  return a;
}

void TrainingArea::train_on_case(Context& ctx, const CaseStudy& c) {
  if (!assets_) assets_ = load_training_assets(ctx.fonts);
  tab_ = Tab::trainer;
  if (!assets_->case_script || assets_->case_script->scenarios.empty()) return;
  Scenario s = scenario_from_case(assets_->case_script->scenarios.front(), c);
  ctx.fonts.request(s.title.zh + s.brief);
  for (const auto& step : s.steps) {
    ctx.fonts.request(step.event + step.customer + step.prompt);
    for (const auto& ch : step.choices) ctx.fonts.request(ch.text + ch.reply);
  }
  trainer_.offer(std::move(s));
}

void TrainingArea::draw(Context& ctx) {
  if (!assets_) assets_ = load_training_assets(ctx.fonts);
  const TrainingAssets& a = *assets_;
  // Tabs drawn as buttons: ImGui 1.86 reports a tab item to the test map with
  // the previous item's rectangle, so real tab items cannot be clicked by id.
  auto tab = [&](const Msg& label, const char* id, Tab which) {
    const bool on = tab_ == which;
    ImGui::PushStyleColor(ImGuiCol_Button, on ? colors::accent : ImGui::GetStyleColorVec4(ImGuiCol_Tab));
    ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4(1, 1, 1, 1) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (ImGui::Button(id_label(t(label), id), ImVec2(120, 0))) tab_ = which;
    ImGui::PopStyleColor(2);
    ImGui::SameLine(0, 4);
  };
  tab(tab_guide, "training.tab.guide", Tab::guide);
  tab(tab_trainer, "training.tab.trainer", Tab::trainer);
  tab(tab_phrases, "training.tab.phrases", Tab::phrases);
  ImGui::NewLine();
  ImGui::Separator();
  switch (tab_) {
    case Tab::guide:
      probe::fact("training.tab", "guide");
      if (a.visit_script && a.phrases)
        guide_.draw(ctx, *a.visit_script, *a.phrases);
      else
        unavailable(a.script_error, "training.asset_error");
      break;
    case Tab::trainer:
      probe::fact("training.tab", "trainer");
      if (a.scenarios && a.wording)
        trainer_.draw(ctx, *a.scenarios, *a.wording);
      else
        unavailable(a.scenarios ? a.wording_error : a.scenarios_error, "training.asset_error");
      break;
    case Tab::phrases:
      probe::fact("training.tab", "phrases");
      if (a.phrases)
        phrases_.draw(ctx, *a.phrases);
      else
        unavailable(a.phrases_error, "training.asset_error");
      break;
  }
}

}  // namespace desk::ui
