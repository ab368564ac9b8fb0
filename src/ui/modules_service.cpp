// 投诉, 报修/派工单 and 回访 screens (SPEC §2–§4).
#include "core/callback.hpp"
#include "core/complaint.hpp"
#include "core/dataset.hpp"
#include "core/repair.hpp"
#include "core/work_order_sheet.hpp"
#include "platform/platform.hpp"
#include "ui/hold_panel.hpp"
#include "ui/modules.hpp"

namespace desk::ui {

std::optional<Deadline> nearest(std::initializer_list<std::optional<Deadline>> ds, bool record_open) {
  std::optional<Deadline> open, done;
  for (const auto& d : ds) {
    if (!d) continue;
    if (!d->done && (!open || d->due < open->due)) open = d;
    if (d->done && (!done || done->due < d->due)) done = d;
  }
  // Issue 13: a record still being handled never shows 按时完成 for a
  // deadline met on the way; only a finished record shows how it went.
  return open ? open : record_open ? std::nullopt : done;
}

namespace {
std::string unit_and(const std::string& unit, const std::string& who) {
  return unit.empty() ? who : who.empty() ? unit : unit + " " + who;
}
}  // namespace

template <>
struct ModuleSpec<Complaint> {
  static constexpr const char* kId = "complaints";
  static constexpr auto kKind = &Complaint::type;
  static constexpr const char* kType = Complaint::kType;
  static constexpr bool kCallerHistory = true;
  static Msg title() { return {"投诉", "Complaints"}; }
  static Msg new_label() { return {"受理投诉", "New complaint"}; }
  static std::vector<Column<Complaint>> columns() {
    return {{{"受理时间", "Received"}, [](const Complaint& c) { return format_local(c.received_at); }, 128},
            {{"投诉人", "Complainant"}, [](const Complaint& c) { return unit_and(c.unit, c.complainant); }, 130},
            {{"类型", "Type"}, [](const Complaint& c) { return tr(enum_label(c.type)); }, 70},
            {{"事项", "Matter"}, [](const Complaint& c) { return c.matter.empty() ? c.content : c.matter; }},
            {{"程度", "Severity"}, [](const Complaint& c) { return tr(enum_label(c.severity)); }, 44},
            {{"状态", "State"}, [](const Complaint& c) { return tr(enum_label(c.status)); }, 64}};
  }
  static void setup_form(FormState& f) {
    f.hidden = {"checklist_done", "validity_criteria", "holds"};
    f.readonly = {"judged_at", "record_filed_at", "replied_at", "called_back_at", "closed_at", "linked_visit"};
    f.links = {"linked_visit"};
    f.multiline = {"content", "investigation", "cause_analysis", "corrective_action", "reply", "prevention"};
    f.required = {"received_at", "content", "received_by"};
  }
  static Complaint blank(const Context& ctx) {
    Complaint c;
    c.received_at = ctx.now;
    c.received_by = ctx.staff;
    return c;
  }
  static std::optional<Deadline> deadline(const Complaint& c) {
    return nearest({complaint_invalid_reply_deadline(c), complaint_record_deadline(c),
                    complaint_serious_result_deadline(c), complaint_other_org_deadline(c)},
                   c.status != ComplaintStatus::closed);
  }
  // Issue 15: 列入案例库 (a closed 严重 complaint goes there by itself).
  static void mark_case(Context& ctx, ModuleView<Complaint>& view, const Complaint* stored) {
    if (!stored) return;
    if (case_for_complaint(ctx.desk.data(), stored->meta.id)) {
      ImGui::TextColored(colors::ok, "● %s", tr("已列入案例库（已匿名）", "In the case library (anonymised)"));
      probe::message("complaints.in_case_library", "1");
      return;
    }
    if (permitted_button(tr("列入案例库", "Add to the case library"), "complaints.mark_case", Action::mark_case,
                         ctx.role, ctx.desk.busy() || ctx.desk.read_only()))
      view.form().errors = ctx.desk.mark_case(stored->meta.id, ctx.actor());
  }
  // Seed 000: the 12-step procedure and the four golden rules, ticked as the desk goes.
  static void extras(Context& ctx, ModuleView<Complaint>& view, const Complaint* stored) {
    mark_case(ctx, view, stored);
    if (stored) {
      hold_panel(ctx, view, *stored, "complaints");
      refer_button(ctx, *stored, stored->matter, stored->content, stored->unit, "complaints");
    }
    auto& done = view.draft().checklist_done;
    auto tick = [&](const ChecklistItem& item) {
      bool on = std::find(done.begin(), done.end(), item.code) != done.end();
      const std::string label = std::string(lang() == Lang::zh ? item.zh : item.en) + "##complaints.check." + item.code;
      if (ImGui::Checkbox(label.c_str(), &on)) {
        if (on)
          done.push_back(item.code);
        else
          done.erase(std::remove(done.begin(), done.end(), item.code), done.end());
      }
    };
    // Issue 14 item 13: seed 002's criteria, ticked when judging and kept.
    if (stored && stored->status != ComplaintStatus::received) {
      auto& criteria = view.draft().validity_criteria;
      const bool judging = stored->status == ComplaintStatus::investigating;
      if (ImGui::CollapsingHeader(
              id_label(tr("判定依据：有效投诉与无效投诉的识别", "Judging: valid and invalid complaints"),
                       "complaints.criteria"),
              judging ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
        auto tick_criterion = [&](const ChecklistItem& item) {
          bool on = std::find(criteria.begin(), criteria.end(), item.code) != criteria.end();
          const std::string label =
              std::string(lang() == Lang::zh ? item.zh : item.en) + "##complaints.criterion." + item.code;
          if (ImGui::Checkbox(label.c_str(), &on)) {
            if (on)
              criteria.push_back(item.code);
            else
              criteria.erase(std::remove(criteria.begin(), criteria.end(), item.code), criteria.end());
          }
        };
        ImGui::TextColored(colors::muted, "%s", tr("有效投诉（判定有效）", "Valid (judge valid)"));
        for (const auto& item : valid_complaint_criteria()) tick_criterion(item);
        ImGui::TextColored(colors::muted, "%s",
                           tr("无效投诉（判定无效，一天内解释）", "Invalid (judge invalid, explain within a day)"));
        for (const auto& item : invalid_complaint_criteria()) tick_criterion(item);
        field_error(view.form().errors, "validity_criteria");
      }
    }
    if (ImGui::CollapsingHeader(id_label(tr("解决投诉的4条黄金法则", "The four golden rules"), "complaints.golden"),
                                ImGuiTreeNodeFlags_DefaultOpen))
      for (const auto& item : golden_rules()) tick(item);
    if (ImGui::CollapsingHeader(
            id_label(tr("投诉处理程序（12步）", "Handling procedure (12 steps)"), "complaints.procedure")))
      for (const auto& item : complaint_procedure()) tick(item);
  }
};

template <>
struct ModuleSpec<Repair> {
  static constexpr const char* kId = "repairs";
  static constexpr auto kKind = &Repair::fault;
  static constexpr const char* kType = Repair::kType;
  static constexpr bool kCallerHistory = true;
  static Msg title() { return {"报修派工", "Repairs"}; }
  static Msg new_label() { return {"登记报修", "New repair"}; }
  static std::vector<Column<Repair>> columns() {
    return {{{"工单号", "Order no."}, [](const Repair& r) { return r.order_no; }, 112},
            {{"报修时间", "Received"}, [](const Repair& r) { return format_local(r.received_at); }, 128},
            {{"位置", "Unit"}, [](const Repair& r) { return r.unit; }, 90},
            {{"类型", "Fault"}, [](const Repair& r) { return tr(enum_label(r.fault)); }, 70},
            {{"内容", "Description"}, [](const Repair& r) { return r.description; }},
            {{"紧急", "Urgency"}, [](const Repair& r) { return tr(enum_label(r.urgency)); }, 44},
            {{"维修人员", "Technician"}, [](const Repair& r) { return r.technician; }, 70},
            {{"状态", "State"}, [](const Repair& r) { return tr(enum_label(r.status)); }, 56}};
  }
  static void setup_form(FormState& f) {
    f.readonly = {"order_no",    "dispatched_at", "arrived_at",     "started_at",  "agreed_at", "agreement_recorded_by",
                  "finished_at", "accepted_at",   "called_back_at", "linked_visit"};
    f.links = {"linked_visit", "rework_of"};
    f.hidden = {"holds"};
    f.multiline = {"description", "quote", "work_done", "unfixable_reason"};
    f.required = {"received_at", "unit", "description", "received_by"};
    f.signer_from = {{"customer_signature", "signed_by"},
                     {"agreement_signature", "requester"},
                     {"technician_signature", "technician"}};
  }
  static Repair blank(const Context& ctx) {
    Repair r;
    r.received_at = ctx.now;
    r.received_by = ctx.staff;
    return r;
  }
  static std::optional<Deadline> deadline(const Repair& r) {
    return nearest({repair_emergency_arrival_deadline(r), repair_appointment_deadline(r)}, is_open(r));
  }
  static void extras(Context& ctx, ModuleView<Repair>& view, const Repair* stored) {
    if (stored) hold_panel(ctx, view, *stored, "repairs");
  }
  // Issue 13 item 9: the sheet is printed from the form's title line, in view
  // without scrolling, on A5 (the usual) or A4.
  static void title_buttons(Context& ctx, const Repair& stored) {
    auto print = [&](Paper paper) {
      SheetOptions o{ctx.site, staff_shown(ctx, stored.received_by), staff_shown(ctx, stored.technician), paper};
      platform::print_html(repair_sheet_html(stored, o));
    };
    if (permitted_button(tr("打印派工单 A5", "Print work order A5"), "repairs.print", Action::print_documents,
                         ctx.role))
      print(Paper::a5);
    ImGui::SameLine();
    if (permitted_button("A4", "repairs.print_a4", Action::print_documents, ctx.role)) print(Paper::a4);
  }
  // A staff code as printed: with the name when the team knows it.
  static std::string staff_shown(const Context& ctx, const std::string& code) {
    for (const Staff& s : ctx.desk.data().table<Staff>().rows())
      if (!s.meta.deleted && s.code == code && !s.name.empty()) return code + " " + s.name;
    return code;
  }
};

template <>
struct ModuleSpec<Callback> {
  static constexpr const char* kId = "callbacks";
  static constexpr auto kKind = &Callback::source;
  static constexpr const char* kType = Callback::kType;
  static Msg title() { return {"回访", "Callbacks"}; }
  static Msg new_label() { return {"登记回访", "New callback"}; }
  static std::vector<Column<Callback>> columns() {
    return {{{"期限", "Due"}, [](const Callback& c) { return format_local(c.due); }, 128},
            {{"类别", "Source"}, [](const Callback& c) { return tr(enum_label(c.source)); }, 70},
            {{"客户", "Customer"}, [](const Callback& c) { return unit_and(c.unit, c.contact); }, 130},
            {{"事项", "Subject"}, [](const Callback& c) { return c.subject; }},
            {{"必须", "Required"}, [](const Callback& c) { return std::string(c.required ? "√" : ""); }, 40},
            {{"状态", "State"}, [](const Callback& c) { return tr(enum_label(c.status)); }, 64}};
  }
  static void setup_form(FormState& f) {
    f.readonly = {"done_at", "rework_arranged_at", "source_finished_at", "due", "required", "major", "special",
                  "follows"};
    f.multiline = {"suggestions"};
    f.links = {"source_id", "rework_repair", "follows"};
  }
  static Callback blank(const Context& ctx) {
    Callback c;
    c.source_finished_at = ctx.now;
    c.due = callback_due(c.source, ctx.now);
    c.called_by = ctx.staff;
    return c;
  }
  // Issue 13: whoever opens a callback still to make is its 回访人 by default.
  static void on_open(const Context& ctx, Callback& c) {
    if (c.status == CallbackStatus::pending && trim(c.called_by).empty()) c.called_by = ctx.staff;
  }
  static std::optional<Deadline> deadline(const Callback& c) {
    return nearest({c.required || c.status == CallbackStatus::done ? callback_deadline(c) : std::nullopt,
                    callback_rework_deadline(c)},
                   false);  // a done callback shows how its deadline went
  }
  // SPEC §4: the month's repair sample becomes the worklist.
  static void toolbar(Context& ctx, ModuleView<Callback>&) {
    ImGui::SameLine();
    const CivilTime now = to_civil(ctx.now);
    ImGui::BeginDisabled(ctx.desk.busy() || ctx.desk.read_only() || !may(ctx.role, Action::record_callback));
    if (ImGui::Button(id_label(tr("抽取本月维修回访样本", "Draw this month's repair sample"), "callbacks.sample"))) {
      const auto& rows = ctx.desk.data().table<Callback>().rows();
      auto marked = draw_month_sample(rows, ctx.site, now.year, now.month);
      const auto n = std::to_string(marked.size());
      ctx.desk.save_all(marked, ctx.actor(), "sample",
                        {"本月抽样：" + n + " 条回访列入必须回访", n + " callbacks drawn into the worklist"});
    }
    ImGui::EndDisabled();
  }
};

std::unique_ptr<ModuleBase> make_complaints() {
  return std::make_unique<ModuleView<Complaint>>();
}
std::unique_ptr<ModuleBase> make_repairs() {
  return std::make_unique<ModuleView<Repair>>();
}
std::unique_ptr<ModuleBase> make_callbacks() {
  return std::make_unique<ModuleView<Callback>>();
}

}  // namespace desk::ui
