// 接待引导: a live visit guided by the visit-reception script (SPEC "Reception
// script" 1). Left: the current step — who speaks, what to say (large), what
// to do, the fields it asks for and the branches. Right: the 来访登记 draft
// filling itself. The desk may leave the guide at any step and keep the
// record; at a finish the visit is saved through Desk::save (durable first).
#pragma once
#include <optional>
#include <string>

#include "core/guide.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class GuideView {
 public:
  void draw(Context& ctx, const Script& script, const PhraseBook& book);

 private:
  void draw_step(Context& ctx, const PhraseBook& book);
  void draw_draft(Context& ctx);
  void draw_saved(Context& ctx);
  void save(Context& ctx, bool leaving);

  std::optional<GuidedVisit> guide_;
  Errors errors_;
  std::string turn_unit_;  // the place, when the visit did not record one
  bool saving_ = false;
  std::optional<Visit> saved_;  // the visit as stored, once durable
};

}  // namespace desk::ui
