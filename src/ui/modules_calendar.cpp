// 工作日历设置 — the working calendar's screen (issue 14): what the package
// (chinese-days) covers, the warning for a missing year, the site's shift
// start, and the site's own entries (放假 / 调休上班) as records. The rules
// live in core/work_calendar.hpp and core/calendar_override.hpp.
#include <cstdio>

#include "core/calendar_override.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/assets.hpp"
#include "ui/modules.hpp"

namespace desk::ui {

namespace {
std::string hhmm(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}
std::optional<int> parse_hhmm(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

// "2026 年：放假 33 天 · 调休上班 6 天（chinese-days）" or "2027 年：无数据".
std::string year_summary(const Context& ctx, int year) {
  int off = 0, work = 0;
  for (const auto& d : assets().calendar.days)
    if (d.date.year == year) (d.kind == DayKind::rest_day ? off : work) += 1;
  int mine = 0;
  for (const auto& o : ctx.desk.data().table<CalendarOverride>().rows())
    if (!o.meta.deleted && o.date.rfind(std::to_string(year) + "-", 0) == 0) ++mine;
  const std::string y = std::to_string(year);
  std::string s = tr("年：", ": ");
  if (off + work > 0)
    s += tr("放假 ", "") + std::to_string(off) + tr(" 天 · 调休上班 ", " days off · ") + std::to_string(work) +
         tr(" 天（节假日数据包）", " make-up working days (package)");
  else
    s += tr("节假日数据包无此年", "not in the package");
  if (mine > 0) s += tr(" · 本站录入 ", " · entered here: ") + std::to_string(mine) + tr(" 条", "");
  return y + s;
}
}  // namespace

template <>
struct ModuleSpec<CalendarOverride> {
  static constexpr const char* kId = "calendar";
  static constexpr auto kKind = &CalendarOverride::kind;
  static constexpr const char* kType = CalendarOverride::kType;
  inline static std::string shift_text;
  inline static bool shift_editing = false;
  inline static std::optional<Msg> shift_error;
  static Msg title() { return {"工作日历设置", "Calendar settings"}; }
  static Msg new_label() { return {"录入放假/调休", "New day off / make-up day"}; }
  static std::vector<Column<CalendarOverride>> columns() {
    return {{{"日期", "Date"}, [](const CalendarOverride& c) { return c.date; }, 92},
            {{"星期", "Day"},
             [](const CalendarOverride& c) {
               const auto d = parse_date(c.date);
               return std::string(d ? weekday_name(*d) : "");
             },
             44},
            {{"安排", "Arrangement"}, [](const CalendarOverride& c) { return tr(enum_label(c.kind)); }, 96},
            {{"节日", "Holiday"}, [](const CalendarOverride& c) { return c.name; }, 90},
            {{"依据/备注", "Source / note"}, [](const CalendarOverride& c) { return c.note; }}};
  }
  static void setup_form(FormState& f) {
    f.multiline = {"note"};
    f.required = {"date", "name"};
  }
  static CalendarOverride blank(const Context& ctx) {
    CalendarOverride c;
    c.date = date_text(date_of(ctx.now));
    return c;
  }
  // What the package covers, the warning, this year and next, the shift start.
  static void toolbar(Context& ctx, ModuleView<CalendarOverride>&) {
    const PackageCalendar& p = assets().calendar;
    const WorkCalendar& cal = work_calendar(ctx.desk);
    if (p.years.empty()) {
      ImGui::TextColored(colors::error, "%s",
                         tr("节假日数据包未加载：只按周一至周五计算", "No holiday package loaded: Mon–Fri only"));
    } else {
      const std::string src = p.package + " " + p.version + tr("，覆盖 ", ", covering ") +
                              std::to_string(*p.years.begin()) + "–" + std::to_string(*p.years.rbegin()) +
                              tr(" 年", "");
      ImGui::TextColored(colors::muted, "%s%s", tr("节假日数据：", "Holiday data: "), src.c_str());
      probe::message("calendar.package", src);
    }
    if (auto w = calendar_missing_year_warning(cal, ctx.now)) {
      ImGui::PushStyleColor(ImGuiCol_Text, colors::due_soon);
      ImGui::TextWrapped("%s", tr(*w).c_str());
      ImGui::PopStyleColor();
      probe::message("calendar.warning", tr(*w));
    }
    const int year = date_of(ctx.now).year;
    for (int y : {year, year + 1}) ImGui::TextUnformatted(year_summary(ctx, y).c_str());
    const CalendarDate next = cal.next_working_day(ctx.now);
    const std::string next_text = date_text(next) + " " + weekday_name(next) + " " + hhmm(ctx.schedule.shift_start);
    ImGui::Text("%s%s", tr("下一个工作日上班：", "Next working day starts: "), next_text.c_str());
    probe::message("calendar.next_working_day", next_text);
    // The site's shift start: the first working hour of a working day.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("上班时间（每个工作日第一个工作小时）", "Shift start (first working hour)"));
    ImGui::SameLine();
    if (!shift_editing) shift_text = hhmm(ctx.schedule.shift_start);
    ImGui::BeginDisabled(!may(ctx.role, Action::set_work_calendar));
    ImGui::SetNextItemWidth(70);
    ImGui::InputText("##calendar.shift_start", &shift_text);
    shift_editing = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) {
      if (auto m = parse_hhmm(shift_text)) {
        ctx.schedule.shift_start = *m;
        shift_error.reset();
      } else {
        shift_error =
            Msg{"上班时间应为 HH:MM，如 09:00；未修改", "The shift start must be HH:MM, e.g. 09:00; unchanged"};
      }
    }
    ImGui::EndDisabled();
    if (shift_error) {
      ImGui::SameLine();
      ImGui::TextColored(colors::error, "%s", tr(*shift_error).c_str());
      probe::message("calendar.shift_error", tr(*shift_error));
    }
    probe::fact("shiftStart", hhmm(ctx.schedule.shift_start));
  }
  // The day being entered: what decides it now, and what the entry changes.
  static void extras(Context& ctx, ModuleView<CalendarOverride>& view, const CalendarOverride*) {
    const auto d = parse_date(trim(view.draft().date));
    if (!d) return;
    section(tr("这一天", "This day"));
    const WorkCalendar package_only(assets().calendar, {});
    std::string now_text = date_text(*d) + " " + weekday_name(*d) + "：";
    if (const SpecialDay* s = package_only.special(*d))
      now_text +=
          tr("节假日数据包为「", "the package says ") + tr(enum_label(s->kind)) + " · " + s->name + tr("」", "");
    else
      now_text += package_only.is_working_day(*d) ? tr("数据包无安排，按工作日", "not in the package: a working day")
                                                  : tr("数据包无安排，按周末休息", "not in the package: weekend");
    ImGui::TextWrapped("%s", now_text.c_str());
    const bool works = work_calendar(ctx.desk).is_working_day(*d);
    ImGui::Text("%s%s", tr("本站日历现在：", "Site calendar now: "),
                works ? tr("上班", "working day") : tr("休息", "day off"));
    probe::message("calendar.day", now_text);
  }
};

std::unique_ptr<ModuleBase> make_calendar() {
  return std::make_unique<ModuleView<CalendarOverride>>();
}

}  // namespace desk::ui
