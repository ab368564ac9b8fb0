// 工作联系单 — referrals to other departments (issue 14 item 14): sent,
// answered within 3 days, closed; each links back to the visit or complaint
// it came from. The rules live in core/referral.hpp.
#include "core/dataset.hpp"
#include "core/referral.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/modules.hpp"
#include "ui/record_link.hpp"

namespace desk::ui {

template <>
struct ModuleSpec<Referral> {
  static constexpr const char* kId = "referrals";
  static constexpr auto kKind = &Referral::department;
  static constexpr const char* kType = Referral::kType;
  static Msg title() { return {"工作联系单", "Referrals"}; }
  static Msg new_label() { return {"发工作联系单", "New referral"}; }
  static std::vector<Column<Referral>> columns() {
    return {{{"发出时间", "Sent"}, [](const Referral& r) { return format_local(r.sent_at); }, 128},
            {{"部门", "Department"}, [](const Referral& r) { return tr(enum_label(r.department)); }, 80},
            {{"事项", "Subject"}, [](const Referral& r) { return r.subject; }},
            {{"状态", "State"}, [](const Referral& r) { return tr(enum_label(r.status)); }, 80}};
  }
  static void setup_form(FormState& f) {
    f.hidden = {"source_type"};
    f.readonly = {"answered_at", "closed_at", "source_id"};
    f.links = {"source_id"};
    f.multiline = {"content", "answer"};
    f.required = {"subject", "sent_by"};
  }
  static Referral blank(const Context& ctx) {
    Referral r;
    r.sent_at = ctx.now;
    r.sent_by = ctx.staff;
    return r;
  }
  static std::optional<Deadline> deadline(const Referral& r) { return referral_response_deadline(r); }
};

std::unique_ptr<ModuleBase> make_referrals() {
  return std::make_unique<ModuleView<Referral>>();
}

namespace {
// The subject when none is given: the content's first line, at most 40 bytes (whole UTF-8 characters).
std::string subject_of(const std::string& subject, const std::string& content) {
  if (!trim(subject).empty()) return subject;
  std::string line = content.substr(0, content.find('\n'));
  if (line.size() <= 40) return line;
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}
}  // namespace

// The one action on a visit or complaint form: pick the department, send.
template <class Source>
void refer_button(Context& ctx, const Source& stored, const std::string& subject, const std::string& content,
                  const std::string& unit, const char* id) {
  static Department department = Department::engineering;
  section(tr("转相关部门（工作联系单，3天内回复）", "Refer to a department (answer within 3 days)"));
  for (const auto& r : ctx.desk.data().table<Referral>().rows())
    if (!r.meta.deleted && r.source_id == stored.meta.id) {
      ImGui::Bullet();
      ImGui::SameLine();
      record_link(ctx.desk.data(), r.meta.id, std::string(id) + ".referral." + r.meta.id);
    }
  enum_combo((std::string(id) + ".department").c_str(), department, 150);
  ImGui::SameLine();
  if (permitted_button(tr("发工作联系单", "Send a referral"), (std::string(id) + ".refer").c_str(),
                       Action::record_visit, ctx.role, ctx.desk.busy() || ctx.desk.read_only()))
    ctx.desk.save(referral_for(stored, department, subject_of(subject, content), content, unit, ctx.now, ctx.staff),
                  ctx.actor());
}

template void refer_button<Complaint>(Context&, const Complaint&, const std::string&, const std::string&,
                                      const std::string&, const char*);
template void refer_button<Visit>(Context&, const Visit&, const std::string&, const std::string&, const std::string&,
                                  const char*);

}  // namespace desk::ui
