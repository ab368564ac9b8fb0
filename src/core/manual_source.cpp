#include "core/manual_source.hpp"

#include <string>

namespace desk {

Msg manual_title(std::string_view id) {
  struct Title {
    std::string_view id;
    const char* zh;
    const char* en;
  };
  static constexpr Title kTitles[] = {
      {"000", "《客户服务手册》", "Customer Service Manual"},
      {"001", "《物业客服工作职责及规章制度》", "Service Desk Duties and Rules"},
      {"002", "《业主报修与投诉管理方案》", "Repairs and Complaints Procedures"},
      {"003", "《客户服务团队工作规范》", "Customer Service Team Handbook"},
      {"004", "《物业小区工程部亲情服务操作规程》", "Engineering Courtesy Code"},
  };
  for (const auto& t : kTitles)
    if (t.id == id) return {t.zh, t.en};
  return {};
}

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool starts(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// One section of a manual ("step j", "语言标准 5").
Msg section(std::string_view s) {
  if (starts(s, "step ")) {
    const std::string step(trimmed(s.substr(5)));
    return {"客户来访接待流程第 " + step + " 步", "visit reception, step " + step};
  }
  return {std::string(s), std::string(s)};
}

void append(Msg& out, const Msg& part) {
  if (part.zh.empty()) return;
  out.zh += (out.zh.empty() ? "" : "；") + part.zh;
  out.en += (out.en.empty() ? "" : "; ") + part.en;
}

}  // namespace

Msg source_in_words(std::string_view source) {
  Msg out;
  while (!source.empty()) {
    const std::size_t semi = source.find(';');
    const std::string_view part = trimmed(source.substr(0, semi));
    source = semi == std::string_view::npos ? std::string_view() : source.substr(semi + 1);
    if (starts(part, "seed ")) {
      const std::string_view rest = trimmed(part.substr(5));
      const std::string_view id = rest.substr(0, rest.find(' '));
      Msg title = manual_title(id);
      if (title.zh.empty()) title = {"手册 " + std::string(id) + " ", "manual " + std::string(id)};
      const std::string_view sec = id.size() < rest.size() ? trimmed(rest.substr(id.size())) : std::string_view();
      if (!sec.empty()) {
        const Msg s = section(sec);
        title = {title.zh + s.zh, title.en + ", " + s.en};
      }
      append(out, title);
    } else if (starts(part, "SPEC")) {
      const std::string n(trimmed(part.substr(4)));
      append(out, {"客服台规则 " + n, "desk rules " + n});
    } else {
      append(out, section(part));
    }
  }
  return out;
}

}  // namespace desk
