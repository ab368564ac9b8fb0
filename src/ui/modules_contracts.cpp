// 特约服务 — the special-service contracts' screen (issue 14 item 6): each
// contract with its two callbacks (midpoint and after the end), created when
// it is saved; the rules live in core/special_service.hpp.
#include <algorithm>

#include "core/special_service.hpp"
#include "imgui.h"
#include "ui/modules.hpp"
#include "ui/record_link.hpp"

namespace desk::ui {

namespace {
std::vector<const Callback*> callbacks_of(const Dataset& data, const std::string& id) {
  std::vector<const Callback*> out;
  for (const auto& cb : data.table<Callback>().rows())
    if (!cb.meta.deleted && cb.source == CallbackSource::special_service && cb.source_id == id) out.push_back(&cb);
  std::sort(out.begin(), out.end(), [](const Callback* a, const Callback* b) { return a->due < b->due; });
  return out;
}
}  // namespace

template <>
struct ModuleSpec<SpecialService> {
  static constexpr const char* kId = "contracts";
  static constexpr const char* kType = SpecialService::kType;
  static Msg title() { return {"特约服务", "Special services"}; }
  static Msg new_label() { return {"登记特约服务", "New contract"}; }
  static std::vector<Column<SpecialService>> columns() {
    return {{{"合同期", "Term"},
             [](const SpecialService& s) {
               return format_local(s.start).substr(0, 10) + " → " + format_local(s.end).substr(0, 10);
             },
             190},
            {{"客户", "Customer"},
             [](const SpecialService& s) { return s.unit.empty() ? s.customer : s.unit + " " + s.customer; },
             140},
            {{"服务内容", "Service"}, [](const SpecialService& s) { return s.service; }}};
  }
  static void setup_form(FormState& f) {
    f.required = {"customer", "service", "start", "end", "recorded_by"};
    f.multiline = {"note"};
  }
  static SpecialService blank(const Context& ctx) {
    SpecialService s;
    const CivilTime c = to_civil(ctx.now);
    s.start = from_civil(CivilTime{c.year, c.month, c.day});
    s.end = add_months(s.start, 3);
    s.recorded_by = ctx.staff;
    return s;
  }
  // The contract's callbacks, each a link to open it.
  static void extras(Context& ctx, ModuleView<SpecialService>& view, const SpecialService* stored) {
    section(tr("回访（合同中期、结束后各一次）", "Callbacks (midpoint and after the end)"));
    if (!stored) {
      const auto planned = special_service_callbacks(view.draft());
      for (const auto& cb : planned)
        ImGui::BulletText("%s %s", tr("保存后生成，期限", "Created on saving, due"), format_local(cb.due).c_str());
      return;
    }
    int i = 0;
    for (const Callback* cb : callbacks_of(ctx.desk.data(), stored->meta.id)) {
      ImGui::Bullet();
      ImGui::SameLine();
      ImGui::TextUnformatted(format_local(cb->due).c_str());
      ImGui::SameLine();
      record_link(ctx.desk.data(), cb->meta.id, "contracts.callback." + std::to_string(i++));
    }
  }
};

std::unique_ptr<ModuleBase> make_contracts() {
  return std::make_unique<ModuleView<SpecialService>>();
}

}  // namespace desk::ui
