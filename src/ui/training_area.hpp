// 接待培训: the reception script used live and for training (SPEC "Reception
// script"), as three tabs — 接待引导 (guided visit), 培训考核 (training) and
// 礼貌用语 (phrase book). The data files are read once from /assets; a file
// that fails to parse is named on screen and only its tab is unavailable.
#pragma once
#include <optional>
#include <string>

#include "core/case_study.hpp"
#include "core/phrases.hpp"
#include "core/scenario.hpp"
#include "core/script.hpp"
#include "core/wording.hpp"
#include "ui/context.hpp"
#include "ui/guide_view.hpp"
#include "ui/phrases_view.hpp"
#include "ui/trainer_view.hpp"

namespace desk::ui {

// The parsed data files and what went wrong reading them.
struct TrainingAssets {
  std::optional<PhraseBook> phrases;
  std::optional<Script> visit_script;
  std::optional<ScenarioSet> scenarios;
  std::optional<ScenarioSet> case_script;  // assets/case_scenario.json: a case played in the trainer
  std::optional<Wording> wording;          // 服务禁用语 and 推诿 rules for typed answers
  Msg phrases_error, script_error, scenarios_error, case_script_error, wording_error;  // empty when the file was read
};

// Reads /assets/phrases.json, /assets/scripts/visit_reception.json,
// /assets/scenarios.json and /assets/wording.json; every character in them is requested from the font.
TrainingAssets load_training_assets(Fonts& fonts, const std::string& root = "/assets");

class TrainingArea {
 public:
  void draw(Context& ctx);
  // Issue 15: opens 培训考核 with the case's scenario chosen.
  void train_on_case(Context& ctx, const CaseStudy& c);

 private:
  enum class Tab { guide, trainer, phrases };
  std::optional<TrainingAssets> assets_;
  Tab tab_ = Tab::guide;
  GuideView guide_;
  TrainerView trainer_;
  PhrasesView phrases_;
};

}  // namespace desk::ui
