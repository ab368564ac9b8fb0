#include "ui/assets.hpp"

#include <fstream>
#include <sstream>

namespace desk::ui {

namespace {
std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

template <class T>
void load(const char* path, Expected<std::vector<T>> parsed, std::vector<T>& into, std::vector<Msg>& problems) {
  if (parsed) {
    into = std::move(parsed.value());
    return;
  }
  const auto& e = parsed.errors().front();
  problems.push_back({std::string(path) + "：" + e.where + " " + e.message.zh,
                      std::string(path) + ": " + e.where + " " + e.message.en});
}
}  // namespace

const Assets& assets() {
  static const Assets a = [] {
    Assets out;
    load("/assets/plans.json", parse_plans(read("/assets/plans.json")), out.plans, out.problems);
    load("/assets/duties.json", parse_duties(read("/assets/duties.json")), out.duties, out.problems);
    constexpr const char* kCalendar = "/calendar/calendar.json";
    if (auto c = parse_calendar_asset(read(kCalendar)))
      out.calendar = std::move(c.value());
    else
      out.problems.push_back(
          {std::string(kCalendar) + "：" + c.errors().front().where + " " + c.errors().front().message.zh,
           std::string(kCalendar) + ": " + c.errors().front().where + " " + c.errors().front().message.en});
    return out;
  }();
  return a;
}

const WorkCalendar& work_calendar(const Desk& desk) {
  static WorkCalendar calendar;
  static std::uint64_t version = ~0ull;
  if (version != desk.version()) {
    calendar = site_calendar(assets().calendar, desk.data().table<CalendarOverride>().rows());
    version = desk.version();
  }
  return calendar;
}

}  // namespace desk::ui
