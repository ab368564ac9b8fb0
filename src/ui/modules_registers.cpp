// 违章, 钥匙借用, 出入登记 and 应急 screens (SPEC §5–§8).
#include "core/access.hpp"
#include "core/incident.hpp"
#include "core/key_loan.hpp"
#include "core/violation.hpp"
#include "ui/assets.hpp"
#include "ui/modules.hpp"

namespace desk::ui {

template <>
struct ModuleSpec<Violation> {
  static constexpr const char* kId = "violations";
  static constexpr const char* kType = Violation::kType;
  static Msg title() { return {"违章", "Violations"}; }
  static Msg new_label() { return {"登记违章", "New violation"}; }
  static std::vector<Column<Violation>> columns() {
    return {{{"发现时间", "Found"}, [](const Violation& v) { return format_local(v.found_at); }, 128},
            {{"类别", "Category"}, [](const Violation& v) { return tr(enum_label(v.category)); }, 70},
            {{"级别", "Level"}, [](const Violation& v) { return tr(enum_label(v.level)); }, 44},
            {{"位置/当事人", "Place / party"}, [](const Violation& v) { return v.unit + " " + v.party; }, 150},
            {{"情况", "Description"}, [](const Violation& v) { return v.description; }},
            {{"状态", "State"}, [](const Violation& v) { return tr(enum_label(v.status)); }, 56}};
  }
  static void setup_form(FormState& f) {
    f.hidden = {"measures"};
    f.readonly = {"closed_at"};
    f.multiline = {"description", "relations_follow_up"};
    f.required = {"unit", "description", "recorded_by"};
  }
  static Violation blank(const Context& ctx) {
    Violation v;
    v.found_at = ctx.now;
    v.recorded_by = ctx.staff;
    return v;
  }
  static std::optional<Deadline> deadline(const Violation& v) {
    std::optional<Deadline> out;
    for (const auto& d : rectification_deadlines(v))
      if (!out || (!d.done && d.due < out->due)) out = d;
    return out;
  }
  // Issue 14 item 15: the consultation and the GM's sign-off, recorded later
  // on the measure already taken, each its own step.
  static void sign_off_buttons(Context& ctx, ModuleView<Violation>& view, const Violation& stored, std::size_t i) {
    const MeasureEntry& m = stored.measures[i];
    const auto refused = check_permission(ctx.role, Action::record_measure_sign_off);
    const std::string n = std::to_string(i);
    ImGui::Indent();
    ImGui::BeginDisabled(refused.has_value() || ctx.desk.busy() || ctx.desk.read_only());
    auto record = [&](bool consulted, bool signed_off, Msg saved) {
      view.form().errors = ctx.desk.store(record_sign_off(stored, i, consulted, signed_off, ctx.actor()), saved,
                                          [&view, &desk = ctx.desk](bool ok) {
                                            if (!ok) return;
                                            if (auto* r = desk.data().table<Violation>().find(view.draft().meta.id))
                                              view.draft() = *r;
                                          });
    };
    if (!m.logistics_consulted) {
      if (ImGui::Button(id_label(tr("登记：已与后勤中心沟通", "Record: logistics consulted"),
                                 ("violations.consulted." + n).c_str())))
        record(true, false, {"已登记与后勤中心的沟通", "Consultation recorded"});
    } else if (ImGui::Button(
                   id_label(tr("登记：总经理已签署", "Record: GM signed"), ("violations.signed." + n).c_str()))) {
      record(false, true, {"已登记总经理签署，措施生效", "GM sign-off recorded; the measure is in effect"});
    }
    ImGui::EndDisabled();
    if (refused) {
      ImGui::SameLine();
      ImGui::TextColored(colors::muted, "%s", tr(refused->message).c_str());
    }
    ImGui::Unindent();
  }
  // Measures are added one at a time; the core checks the authority (rule, SPEC §5).
  static void extras(Context& ctx, ModuleView<Violation>& view, const Violation* stored) {
    if (!stored) return;
    section(tr("处理措施", "Measures"));
    for (std::size_t i = 0; i < stored->measures.size(); ++i) {
      const auto& m = stored->measures[i];
      ImGui::BulletText("%s  %s  %s  %s", format_local(m.at).c_str(), tr(enum_label(m.measure)).c_str(), m.by.c_str(),
                        m.note.c_str());
      if (!needs_sign_off(m.measure)) continue;
      if (in_effect(m)) {
        ImGui::TextColored(colors::muted, "    %s %s · %s",
                           tr("已生效：总经理签署已登记", "In effect: GM sign-off recorded"),
                           m.signed_at ? format_local(*m.signed_at).c_str() : "", m.sign_off_by.c_str());
        continue;
      }
      ImGui::TextColored(
          colors::due_soon, "    %s",
          tr("未生效：须与后勤中心沟通并经总经理签署", "Not in effect: needs consultation and the GM's sign-off"));
      sign_off_buttons(ctx, view, *stored, i);
    }
    static Measure measure = Measure::persuasion;
    static std::string note, deadline_text;
    enum_combo("violations.measure", measure, 160);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("##violations.measure_note", tr("说明", "Note"), &note);
    if (measure == Measure::rectify_by_deadline) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(150);
      ImGui::InputTextWithHint("##violations.measure_deadline", tr("整改期限", "Deadline"), &deadline_text);
    }
    const auto refused = check_permission(ctx.role, violation_measure_permission(measure));
    ImGui::BeginDisabled(refused.has_value() || ctx.desk.busy());
    if (ImGui::Button(id_label(tr("添加措施", "Add measure"), "violations.add_measure"))) {
      MeasureEntry e;
      e.measure = measure;
      e.note = note;
      if (measure == Measure::rectify_by_deadline) e.deadline = parse_local(trim(deadline_text));
      view.form().errors = ctx.desk.store(add_measure(*stored, e, ctx.actor()), {"已添加措施", "Measure added"},
                                          [&view, &desk = ctx.desk](bool ok) {
                                            if (!ok) return;
                                            note.clear();
                                            if (auto* r = desk.data().table<Violation>().find(view.draft().meta.id))
                                              view.draft() = *r;
                                          });
    }
    ImGui::EndDisabled();
    if (refused) ImGui::TextColored(colors::muted, "%s", tr(refused->message).c_str());
    field_error(view.form().errors, "measures[0].deadline");
  }
};

template <>
struct ModuleSpec<KeyLoan> {
  static constexpr const char* kId = "keys";
  static constexpr const char* kType = KeyLoan::kType;
  static constexpr bool kCallerHistory = true;
  static Msg title() { return {"钥匙借用", "Keys"}; }
  static Msg new_label() { return {"借出钥匙", "Lend a key"}; }
  static std::vector<Column<KeyLoan>> columns() {
    return {
        {{"借出时间", "Out"}, [](const KeyLoan& k) { return format_local(k.out_at); }, 128},
        {{"钥匙", "Key"}, [](const KeyLoan& k) { return k.key; }, 150},  // issue 13: room for 3栋2单元-1202
        {{"借用人", "Borrower"}, [](const KeyLoan& k) { return k.borrower + (k.contractor ? "（施工）" : ""); }, 150},
        {{"事由", "Purpose"}, [](const KeyLoan& k) { return k.purpose; }},
        {{"预计归还", "Due back"}, [](const KeyLoan& k) { return format_local(k.expected_return); }, 128},
        {{"状态", "State"}, [](const KeyLoan& k) { return tr(enum_label(k.status)); }, 56}};
  }
  static void setup_form(FormState& f) {
    f.readonly = {"returned_at"};
    f.required = {"key", "borrower", "purpose", "lent_by", "expected_return"};
    f.signer_from = {{"return_signature", "borrower"}};
  }
  static KeyLoan blank(const Context& ctx) {
    KeyLoan k;
    k.out_at = ctx.now;
    k.expected_return = ctx.now + 2 * kHour;
    k.lent_by = ctx.staff;
    return k;
  }
  static std::optional<Deadline> deadline(const KeyLoan& k) { return key_return_deadline(k); }
  // Issue 14 item 10: the day's register check — every key still out, and
  // who checked it today.
  static void toolbar(Context& ctx, ModuleView<KeyLoan>& view) {
    const auto out = keys_out(ctx.desk.data().table<KeyLoan>().rows());
    const CivilTime c = to_civil(ctx.now);
    const Timestamp today = from_civil(CivilTime{c.year, c.month, c.day});
    const DutyLog* checked = nullptr;
    for (const auto& d : ctx.desk.data().table<DutyLog>().rows())
      if (!d.meta.deleted && d.duty == kKeyCheckDuty && !(d.done_at < today) &&
          (!checked || checked->done_at < d.done_at))
        checked = &d;
    ImGui::SameLine();
    if (checked) {
      ImGui::TextColored(colors::ok, "%s %s · %s", tr("今日已检查登记表", "Register checked today"),
                         format_local(checked->done_at).substr(11).c_str(), checked->done_by.c_str());
      probe::fact("keysCheckedBy", checked->done_by);
    } else {
      ImGui::BeginDisabled(ctx.desk.busy() || ctx.desk.read_only() || !may(ctx.role, Action::record_duty));
      const std::string label = std::string(tr("完成今日检查", "Check the register")) + "（" +
                                std::to_string(out.size()) + tr(" 把未收回）", " out)");
      if (ImGui::Button(id_label(label.c_str(), "keys.daily_check")))
        ctx.desk.save(key_register_check(out, ctx.staff, ctx.now), ctx.actor());
      ImGui::EndDisabled();
    }
    probe::fact("keysOut", std::to_string(out.size()));
    (void)view;
  }
};

template <>
struct ModuleSpec<AccessEntry> {
  static constexpr const char* kId = "access";
  static constexpr const char* kType = AccessEntry::kType;
  static Msg title() { return {"出入登记", "Access log"}; }
  static Msg new_label() { return {"登记出入", "Log entry"}; }
  static std::vector<Column<AccessEntry>> columns() {
    return {
        {{"进入", "In"}, [](const AccessEntry& e) { return format_local(e.time_in); }, 128},
        {{"来访人", "Person"},
         [](const AccessEntry& e) {
           return e.person + (e.group_size > 1 ? " 等" + std::to_string(e.group_size) + "人" : "");
         },
         110},
        {{"证件", "ID"},
         [](const AccessEntry& e) { return tr(enum_label(e.id_type)) + " " + mask_id_number(e.id_number); },
         190},
        {{"被访", "Visiting"}, [](const AccessEntry& e) { return e.visiting_department + " " + e.visiting_person; }},
        {{"用时", "ID time"},
         [](const AccessEntry& e) { return e.id_handling_ms ? std::to_string(e.id_handling_ms / 1000) + "s" : ""; },
         48},
        {{"状态", "State"}, [](const AccessEntry& e) { return tr(enum_label(e.status)); }, 56}};
  }
  static void setup_form(FormState& f) {
    f.readonly = {"time_out", "id_handling_ms"};
    f.required = {"person", "logged_by"};
  }
  static AccessEntry blank(const Context& ctx) {
    AccessEntry e;
    e.time_in = ctx.now;
    e.logged_by = ctx.staff;
    return e;
  }
  // Seed 000: from taking the ID to handing it back ≤ 25 s — the form times it.
  static void extras(Context& ctx, ModuleView<AccessEntry>& view, const AccessEntry*) {
    static std::optional<Timestamp> started;
    section(tr("证件登记计时（标准 ≤ 25 秒）", "ID handling timer (standard ≤ 25 s)"));
    if (!started) {
      if (ImGui::Button(id_label(tr("接过证件（开始计时）", "ID taken (start)"), "access.timer.start")))
        started = ctx.now;
    } else {
      const double s = (ctx.now - *started) / 1000.0;
      ImGui::TextColored(s <= 25 ? colors::ok : colors::overdue, "%.1f s", s);
      ImGui::SameLine();
      if (ImGui::Button(id_label(tr("送还证件（停止）", "ID returned (stop)"), "access.timer.stop"))) {
        view.draft().id_handling_ms = ctx.now - *started;
        started.reset();
      }
    }
    if (view.draft().id_handling_ms > 0) {
      ImGui::SameLine();
      const bool ok = id_handling_within_standard(view.draft());
      ImGui::TextColored(ok ? colors::ok : colors::overdue, "%s %.1f s", tr("本次", "This one"),
                         view.draft().id_handling_ms / 1000.0);
    }
    const auto& rows = ctx.desk.data().table<AccessEntry>().rows();
    if (auto median = median_id_handling_ms(rows))
      ImGui::TextColored(colors::muted, "%s %.1f s", tr("全部登记用时中位数", "Median of all entries"),
                         *median / 1000.0);
  }
};

template <>
struct ModuleSpec<Incident> {
  static constexpr const char* kId = "incidents";
  static constexpr auto kKind = &Incident::level;
  static constexpr bool kExtrasFirst = true;  // the checklist is what the desk works on
  static constexpr const char* kType = Incident::kType;
  static Msg title() { return {"应急事件", "Emergencies"}; }
  static Msg new_label() { return {"启动应急预案", "Open an incident"}; }
  static std::string plan_name(const std::string& code) {
    const EmergencyPlan* p = find_plan(assets().plans, code);
    return p ? (lang() == Lang::zh || p->en.empty() ? p->zh : p->en) : code;
  }
  static std::vector<Column<Incident>> columns() {
    return {{{"发生时间", "Started"}, [](const Incident& i) { return format_local(i.started_at); }, 128},
            {{"预案", "Plan"}, [](const Incident& i) { return plan_name(i.plan); }, 140},
            {{"级别", "Level"}, [](const Incident& i) { return tr(enum_label(i.level)); }, 44},
            {{"地点/情况", "Where / what"}, [](const Incident& i) { return i.location + " " + i.description; }},
            {{"状态", "State"}, [](const Incident& i) { return tr(enum_label(i.status)); }, 70}};
  }
  static void setup_form(FormState& f) {
    f.hidden = {"ticks", "plan"};
    f.readonly = {"ended_at", "reported_at"};
    f.multiline = {"description", "damage_list"};
    f.required = {"reported_by"};
  }
  static Incident blank(const Context& ctx) {
    Incident i;
    i.started_at = ctx.now;
    i.reported_by = ctx.staff;
    if (!assets().plans.empty()) i.plan = assets().plans.front().code, i.level = assets().plans.front().level;
    return i;
  }
  static std::optional<Deadline> deadline(const Incident& i) {
    const EmergencyPlan* plan = find_plan(assets().plans, i.plan);
    if (!plan || i.status != IncidentStatus::active) return std::nullopt;
    std::vector<std::optional<Deadline>> ds;
    std::optional<Deadline> out;
    for (const auto& item : plan->items) {
      const ChecklistTick* t = find_tick(i, item.id);
      auto d = item_deadline(item, i.started_at, t ? std::optional<Timestamp>(t->at) : std::nullopt);
      if (d && !d->done && (!out || d->due < out->due)) out = d;
    }
    return out;
  }
  // The plan's checklist, each item ticked with time and staff (SPEC §8).
  static void extras(Context& ctx, ModuleView<Incident>& view, const Incident* stored) {
    Incident& d = view.draft();
    if (!stored) {
      section(tr("选择应急预案", "Choose the plan"));
      if (ImGui::BeginTable("incidents.plans", 3)) {
        for (const auto& p : assets().plans) {
          ImGui::TableNextColumn();
          if (ImGui::RadioButton((plan_name(p.code) + "##incidents.plan." + p.code).c_str(), d.plan == p.code))
            d.plan = p.code, d.level = p.level;
        }
        ImGui::EndTable();
      }
      return;
    }
    const EmergencyPlan* plan = find_plan(assets().plans, stored->plan);
    if (!plan) return;
    section((plan_name(plan->code) + tr(" · 处置清单", " · checklist")).c_str());
    for (const auto& item : plan->items) {
      const ChecklistTick* t = find_tick(*stored, item.id);
      ImGui::PushID(item.id.c_str());
      if (t) {
        ImGui::TextColored(colors::ok, "√ %s  %s", format_local(t->at).c_str(), t->by.c_str());
        // Issue 13: whoever ticked it may take it back (the history keeps it).
        if (t->by == ctx.staff && stored->status == IncidentStatus::active) {
          ImGui::SameLine();
          ImGui::BeginDisabled(ctx.desk.busy() || ctx.desk.read_only());
          if (ImGui::SmallButton(id_label(tr("撤销", "Untick"), ("incidents.untick." + item.id).c_str())))
            view.form().errors =
                ctx.desk.store(untick_item(*stored, item.id, ctx.actor()), {"已撤销勾选", "Unticked"},
                               [&view, &desk = ctx.desk](bool ok) {
                                 if (auto* r = desk.data().table<Incident>().find(view.draft().meta.id); ok && r)
                                   view.draft() = *r;
                               });
          ImGui::EndDisabled();
        }
      } else {
        ImGui::BeginDisabled(stored->status != IncidentStatus::active || ctx.desk.busy());
        if (ImGui::SmallButton(id_label(tr("完成", "Done"), ("incidents.tick." + item.id).c_str()))) {
          view.form().errors = ctx.desk.store(
              tick_item(*stored, item.id, "", ctx.actor()), {"已勾选", "Ticked"}, [&view, &desk = ctx.desk](bool ok) {
                if (auto* r = desk.data().table<Incident>().find(view.draft().meta.id); ok && r) view.draft() = *r;
              });
        }
        ImGui::EndDisabled();
      }
      ImGui::SameLine();
      ImGui::TextWrapped("%s", lang() == Lang::zh || item.en.empty() ? item.zh.c_str() : item.en.c_str());
      if (auto dl = item_deadline(item, stored->started_at, t ? std::optional<Timestamp>(t->at) : std::nullopt)) {
        ImGui::SameLine();
        deadline_badge(*dl, ctx.now);
      }
      ImGui::PopID();
    }
  }
};

std::unique_ptr<ModuleBase> make_violations() {
  return std::make_unique<ModuleView<Violation>>();
}
std::unique_ptr<ModuleBase> make_key_loans() {
  return std::make_unique<ModuleView<KeyLoan>>();
}
std::unique_ptr<ModuleBase> make_access_log() {
  return std::make_unique<ModuleView<AccessEntry>>();
}
std::unique_ptr<ModuleBase> make_incidents() {
  return std::make_unique<ModuleView<Incident>>();
}

}  // namespace desk::ui
