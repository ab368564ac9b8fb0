#include "ui/trainer_view.hpp"

#include <algorithm>
#include <cstdio>

#include "core/manual_source.hpp"
#include "core/wording.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/test_probe.hpp"
#include "ui/training_strings.hpp"
#include "ui/widgets.hpp"

namespace desk::ui {

namespace {
using namespace training_text;

// A button as wide as the column whose text wraps (choices can be long).
bool wrapped_button(const std::string& text, const std::string& id) {
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - pad.x * 2);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::Button(("##" + id).c_str(), ImVec2(width, size.y + pad.y * 2));
  ImGui::GetWindowDrawList()->AddText(nullptr, 0, ImVec2(pos.x + pad.x, pos.y + pad.y),
                                      ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, width - pad.x * 2);
  return pressed;
}

// The typed words with every forbidden hit on a red background.
void highlighted(const std::string& text, const std::vector<WordingHit>& hits) {
  if (hits.empty() || ImGui::CalcTextSize(text.c_str()).x > ImGui::GetContentRegionAvail().x) {
    ImGui::TextWrapped("%s", text.c_str());
    return;
  }
  std::size_t at = 0;
  auto piece = [](const std::string& s, bool hit) {
    if (s.empty()) return;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(s.c_str());
    if (hit)
      ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y),
                                                ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.85f, 1.0f)));
    if (hit)
      ImGui::TextColored(colors::error, "%s", s.c_str());
    else
      ImGui::TextUnformatted(s.c_str());
    ImGui::SameLine(0, 0);
  };
  for (const auto& h : hits) {
    if (h.byte_begin < at) continue;  // overlapping hit: already shown
    piece(text.substr(at, h.byte_begin - at), false);
    piece(text.substr(h.byte_begin, h.byte_end - h.byte_begin), true);
    at = h.byte_end;
  }
  piece(text.substr(at), false);
  ImGui::NewLine();
}

void mistake_lines(const Mistake& m) {
  ImGui::PushStyleColor(ImGuiCol_Text, colors::error);
  ImGui::TextWrapped("%s%s", t(rule), t(m.rule));
  ImGui::PopStyleColor();
  const Msg where = source_in_words(m.source);
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextWrapped("%s%s", t(source), t(where));
  ImGui::PopStyleColor();
  probe::message("trainer.mistake", m.detail + " | " + tr(m.rule) + " | " + tr(where));
}

// The heading a typed answer's mistake is listed under (none for a move).
const Msg* heading_of(MistakeKind kind) {
  switch (kind) {
    case MistakeKind::forbidden:
      return &forbidden;
    case MistakeKind::shirking:
      return &shirking;
    case MistakeKind::missing:
      return &missing;
    default:
      return nullptr;
  }
}

// The mistakes of one step: moves first, then each kind of typed-answer
// mistake under its own heading (服务禁用语, 推诿, 缺少要素).
void mistake_sections(const std::vector<Mistake>& mistakes, bool show_moves) {
  for (MistakeKind kind : {MistakeKind::wrong_move, MistakeKind::repeat, MistakeKind::forbidden, MistakeKind::shirking,
                           MistakeKind::missing}) {
    const Msg* heading = heading_of(kind);
    bool first = true;
    for (const auto& m : mistakes) {
      if (m.kind != kind) continue;
      if (heading && first) {
        ImGui::TextColored(colors::error, "%s", t(*heading));
        probe::message("trainer.heading", tr(*heading));
      }
      first = false;
      if (heading) ImGui::Indent();
      if (heading || show_moves) ImGui::TextColored(colors::error, "「%s」", m.detail.c_str());
      mistake_lines(m);
      if (heading) ImGui::Unindent();
    }
  }
}
}  // namespace

void TrainerView::draw(Context& ctx, const ScenarioSet& set, const Wording& wording) {
  wording_ = &wording;
  draw_setup(ctx, set);
  ImGui::Separator();
  const float progress_w = std::max(400.0f, ImGui::GetContentRegionAvail().x * 0.34f);
  ImGui::BeginChild("trainer.play", ImVec2(-progress_w - 8, 0), true);
  if (session_) draw_play(ctx);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("trainer.progress", ImVec2(0, 0), true);
  draw_progress(ctx, set);
  ImGui::EndChild();
}

void TrainerView::offer(Scenario scenario) {
  session_.reset();
  answered_ = nullptr;
  show_result_ = saved_ = false;
  offered_ = std::move(scenario);
  use_offered_ = true;
}

void TrainerView::draw_setup(Context& ctx, const ScenarioSet& set) {
  if (scenario_ >= set.scenarios.size()) scenario_ = 0;
  const bool offered = use_offered_ && offered_;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(t(trainee));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(130);
  ImGui::InputTextWithHint("##trainer.trainee", t(trainee_hint), &trainee_);
  ImGui::SameLine(0, 16);
  ImGui::TextUnformatted(t(scenario));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(300);
  const char* preview = offered ? t(offered_->title) : set.scenarios.empty() ? "" : t(set.scenarios[scenario_].title);
  const bool open = ImGui::BeginCombo("##trainer.scenario", preview);
  // ImGui 1.86 does not report a combo to the test engine; report it here.
  if (probe::enabled())
    ImGuiTestEngineHook_ItemInfo(ImGui::GetCurrentContext(), ImGui::GetItemID(), "##trainer.scenario", 0);
  if (open) {
    if (offered_ && ImGui::Selectable(id_label(t(offered_->title), "trainer.scenario.offered"), offered))
      use_offered_ = true;
    for (std::size_t i = 0; i < set.scenarios.size(); ++i) {
      const std::string id = "trainer.scenario." + set.scenarios[i].id;
      if (ImGui::Selectable(id_label(t(set.scenarios[i].title), id.c_str()), !offered && i == scenario_))
        scenario_ = i, use_offered_ = false;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, 16);
  ImGui::BeginDisabled(set.scenarios.empty() || saving_ || ctx.desk.read_only());
  if (primary_button(id_label(t(start), "trainer.start"))) {
    setup_errors_.clear();
    if (trim(trainee_).empty()) {
      setup_errors_.push_back({"trainee", need_trainee});
    } else {
      session_ = start_training(offered ? *offered_ : set.scenarios[scenario_], *wording_, set.pass_mark);
      started_ = ctx.now;
      typed_.clear();
      answered_ = nullptr;
      show_result_ = saved_ = false;
      save_errors_.clear();
    }
  }
  ImGui::EndDisabled();
  if (session_ && !training_finished(*session_) && !answered_) {
    ImGui::SameLine();
    if (ImGui::Button(id_label(t(abandon), "trainer.abandon"))) {
      if (!session_->moves.empty()) save_attempt(ctx);
      session_.reset();
    }
  }
  for (const auto& e : setup_errors_) {
    ImGui::TextColored(colors::error, "%s", tr(e.message).c_str());
    probe::message("error." + e.where, tr(e.message));
  }
}

void TrainerView::draw_play(Context& ctx) {
  const Scenario& sc = *session_->scenario;
  ImGui::TextColored(colors::accent, "%s", t(sc.title));
  ImGui::SameLine(0, 12);
  char progress[64];
  const int at = static_cast<int>(session_->moves.size()) + (answered_ ? 0 : 1);
  std::snprintf(progress, sizeof progress, t(step_of), std::min(at, static_cast<int>(sc.steps.size())),
                static_cast<int>(sc.steps.size()));
  ImGui::TextColored(colors::muted, "%s", progress);
  ImGui::PushStyleColor(ImGuiCol_Text, colors::muted);
  ImGui::TextWrapped("%s", sc.brief.c_str());
  ImGui::PopStyleColor();
  ImGui::Separator();
  if (show_result_) return draw_result(ctx);
  if (answered_) return draw_feedback(ctx);
  if (const ScenarioStep* step = current_training_step(*session_)) draw_step(ctx, *step);
}

void TrainerView::draw_step(Context& ctx, const ScenarioStep& step) {
  probe::fact("trainer.step", step.id);
  if (!step.event.empty()) ImGui::TextWrapped("%s", step.event.c_str());
  if (!step.customer.empty()) {
    ImGui::TextColored(colors::muted, "%s", t(customer_reply));
    ImGui::SetWindowFontScale(1.3f);
    ImGui::TextWrapped("%s", step.customer.c_str());
    ImGui::SetWindowFontScale(1.0f);
    probe::message("trainer.customer", step.customer);
  }
  ImGui::Spacing();
  ImGui::TextColored(colors::accent, "%s", step.prompt.c_str());
  ImGui::Spacing();
  if (!step.typed()) {
    for (const auto& c : step.choices) {
      if (wrapped_button(c.text, "trainer.choice." + c.id)) {
        submit(ctx, Move::pick(c.id));
        break;
      }
    }
    return;
  }
  ImGui::TextUnformatted(t(your_answer));
  input_multiline("trainer.typed", typed_, 3);
  ImGui::BeginDisabled(trim(typed_).empty());
  if (primary_button(id_label(t(submit_answer), "trainer.submit"), ImVec2(140, 0))) submit(ctx, Move::say(typed_));
  ImGui::EndDisabled();
}

void TrainerView::submit(Context& ctx, Move move) {
  answered_ = current_training_step(*session_);
  last_move_ = move;
  last_ = answer(*session_, std::move(move));
  typed_.clear();
  if (training_finished(*session_)) save_attempt(ctx);
}

void TrainerView::draw_feedback(Context&) {
  const ScenarioStep& step = *answered_;
  ImGui::TextColored(colors::muted, "%s", step.prompt.c_str());
  if (step.typed()) {
    const auto hits = find_wording(*session_->wording, last_move_.typed);
    highlighted(last_move_.typed, hits);
    for (const auto& h : hits)
      probe::message(h.kind == WordingKind::shirking ? "trainer.shirking" : "trainer.forbidden", h.text);
  } else {
    for (const auto& c : step.choices)
      if (c.id == last_move_.choice) ImGui::TextWrapped("%s", c.text.c_str());
  }
  ImGui::Spacing();
  ImGui::SetWindowFontScale(1.25f);
  ImGui::TextColored(last_.right ? colors::ok : colors::error, "%s", t(last_.right ? right : wrong));
  ImGui::SetWindowFontScale(1.0f);
  probe::message("trainer.feedback", last_.right ? "right" : "wrong");
  mistake_sections(last_.mistakes, false);
  if (!last_.reply.empty()) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s%s", t(customer_reply), last_.reply.c_str());
  }
  ImGui::Spacing();
  const bool done = training_finished(*session_);
  if (primary_button(id_label(t(done ? finish : next_step), "trainer.next"), ImVec2(140, 0))) {
    answered_ = nullptr;
    show_result_ = done;
  }
}

void TrainerView::draw_result(Context& ctx) {
  const Score s = training_score(*session_);
  char line[128];
  std::snprintf(line, sizeof line, t(score), s.score, session_->pass_mark);
  ImGui::SetWindowFontScale(1.4f);
  ImGui::TextUnformatted(line);
  ImGui::SameLine(0, 20);
  ImGui::TextColored(s.passed ? colors::ok : colors::error, "%s", t(s.passed ? passed : failed));
  ImGui::SetWindowFontScale(1.0f);
  probe::fact("trainer.score", std::to_string(s.score));
  probe::fact("trainer.passed", s.passed ? "1" : "0");
  if (saving_) ImGui::TextColored(colors::due_soon, "%s", t(attempt_saving));
  if (saved_) {
    ImGui::TextColored(colors::ok, "● %s", t(attempt_saved));
    probe::message("trainer.saved", tr(attempt_saved));
  }
  for (const auto& e : save_errors_) ImGui::TextColored(colors::error, "%s", tr(e.message).c_str());
  if (!save_errors_.empty() && ImGui::Button(id_label(t(retry_save), "trainer.retry"))) save_attempt(ctx);
  ImGui::Separator();
  ImGui::TextColored(colors::accent, "%s", t(review));
  if (s.mistakes.empty()) ImGui::TextColored(colors::ok, "%s", t(no_mistakes));
  for (const auto& done : s.steps) {
    if (done.mistakes.empty()) continue;
    const ScenarioStep* step = nullptr;
    for (const auto& st : session_->scenario->steps)
      if (st.id == done.step) step = &st;
    ImGui::Bullet();
    ImGui::TextWrapped("%s", step ? step->prompt.c_str() : done.step.c_str());
    ImGui::Indent();
    mistake_sections(done.mistakes, true);
    ImGui::Unindent();
  }
  ImGui::Spacing();
  ImGui::BeginDisabled(saving_);
  if (primary_button(id_label(t(again), "trainer.again"), ImVec2(140, 0))) {
    session_ = start_training(*session_->scenario, *session_->wording, session_->pass_mark);
    started_ = ctx.now;
    show_result_ = saved_ = false;
    save_errors_.clear();
  }
  ImGui::EndDisabled();
}

void TrainerView::save_attempt(Context& ctx) {
  const TrainingAttempt attempt = make_attempt(*session_, trainee_, started_, ctx.now);
  saving_ = true;
  saved_ = false;
  save_errors_ = ctx.desk.save(attempt, ctx.actor(), [this](bool ok) {
    saving_ = false;
    saved_ = ok;
  });
  if (!save_errors_.empty()) saving_ = false;
}

}  // namespace desk::ui
