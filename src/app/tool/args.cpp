#include "app/tool/args.hpp"

#include <charconv>
#include <iterator>
#include <limits>
#include <map>

#include "core/consolidate.hpp"

namespace desk::tool {

namespace {

struct OptionSpec {
  const char* name;
  bool takes_value;
};

constexpr OptionSpec kConsolidateOptions[] = {
    {"out", true}, {"on-error", true}, {"strict", false}, {"month", true}, {"jsonl", false}};
constexpr OptionSpec kGenerateOptions[] = {{"out", true},     {"site", true}, {"device", true}, {"month", true},
                                           {"records", true}, {"seed", true}, {"only", true}};

struct Parsed {
  std::map<std::string, std::string> options;  // flags map to ""
  std::vector<std::string> files;
};

FieldError error(std::string where, std::string zh, std::string en) {
  return {std::move(where), {std::move(zh), std::move(en)}};
}

// Splits options from files, checking names against `specs`.
Parsed split(const std::string& command, const std::vector<std::string>& args, const OptionSpec* specs,
             std::size_t n_specs, Errors& errors) {
  Parsed p;
  bool options_done = false;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a.rfind("--", 0) != 0) {
      p.files.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    const std::size_t eq = a.find('=');
    const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const OptionSpec* spec = nullptr;
    for (std::size_t k = 0; k < n_specs; ++k)
      if (name == specs[k].name) spec = &specs[k];
    const std::string shown = "--" + name;
    if (!spec) {
      errors.push_back(error(shown, "命令 " + command + " 没有选项 " + shown, command + " has no option " + shown));
      if (eq == std::string::npos && i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) ++i;  // its value
      continue;
    }
    std::string value;
    if (!spec->takes_value) {
      if (eq != std::string::npos)
        errors.push_back(error(shown, "选项 " + shown + " 不带取值", "option " + shown + " takes no value"));
    } else if (eq != std::string::npos) {
      value = a.substr(eq + 1);
    } else if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
      value = args[++i];
    } else {
      errors.push_back(error(shown, "选项 " + shown + " 缺少取值", "option " + shown + " needs a value"));
      continue;
    }
    if (!p.options.emplace(name, value).second)
      errors.push_back(error(shown, "选项 " + shown + " 给了不止一次", "option " + shown + " is given more than once"));
  }
  return p;
}

const std::string* find(const Parsed& p, const char* name) {
  auto it = p.options.find(name);
  return it == p.options.end() ? nullptr : &it->second;
}

// Printable, non-empty, at most 64 bytes: site and device names.
bool plain_name(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (const char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  return true;
}

void require_out(const Parsed& p, std::string& out, Errors& errors) {
  if (const auto* v = find(p, "out"))
    out = *v;
  else
    errors.push_back(error("--out", "缺少 --out 输出文件", "--out FILE is required"));
  if (find(p, "out") && out.empty()) errors.push_back(error("--out", "--out 不能为空", "--out must name a file"));
}

void read_month(const Parsed& p, std::optional<Month>& month, Errors& errors) {
  const auto* v = find(p, "month");
  if (!v) return;
  month = parse_month(*v);
  if (!month)
    errors.push_back(error("--month", "--month 应为 年-月，如 2026-11（月份 1–12）：" + *v,
                           "--month must be YEAR-MONTH such as 2026-11 (month 1-12): " + *v));
}

Expected<Command> check_command(const std::vector<std::string>& args) {
  Errors errors;
  Parsed p = split("check", args, nullptr, 0, errors);
  if (p.files.empty())
    errors.push_back(error("FILE", "请给出至少一个导出文件", "at least one export file is required"));
  if (!errors.empty()) return errors;
  return Command{CheckCommand{std::move(p.files)}};
}

Expected<Command> consolidate_command(const std::vector<std::string>& args) {
  Errors errors;
  Parsed p = split("consolidate", args, kConsolidateOptions, std::size(kConsolidateOptions), errors);
  ConsolidateCommand c;
  require_out(p, c.out, errors);
  if (const auto* v = find(p, "on-error")) {
    if (*v == "abort")
      c.abort_on_error = true;
    else if (*v != "skip")
      errors.push_back(
          error("--on-error", "--on-error 应为 skip 或 abort：" + *v, "--on-error must be skip or abort: " + *v));
  }
  c.strict = find(p, "strict") != nullptr;
  c.jsonl = find(p, "jsonl") != nullptr;
  read_month(p, c.month, errors);
  if (p.files.empty())
    errors.push_back(error("FILE", "请给出至少一个导出文件", "at least one export file is required"));
  c.files = std::move(p.files);
  if (!errors.empty()) return errors;
  return Command{std::move(c)};
}

Expected<Command> generate_command(const std::vector<std::string>& args) {
  Errors errors;
  Parsed p = split("generate", args, kGenerateOptions, std::size(kGenerateOptions), errors);
  GenerateCommand g;
  require_out(p, g.out, errors);
  for (const auto& f : p.files)
    errors.push_back(error(f, "generate 不接受文件参数：" + f, "generate takes no file arguments: " + f));
  if (const auto* v = find(p, "site")) {
    g.sample.site = *v;
    if (!plain_name(*v))
      errors.push_back(error("--site", "--site 应为 1–64 字节的名称，不含控制字符",
                             "--site must be a name of 1-64 bytes without control characters"));
    else if (*v == kConsolidatedSite)
      errors.push_back(error("--site", std::string("站点名 ") + kConsolidatedSite + " 留给合并结果使用",
                             std::string("the site name ") + kConsolidatedSite + " is kept for consolidation output"));
  }
  if (const auto* v = find(p, "device")) {
    g.device = *v;
    if (!plain_name(*v))
      errors.push_back(error("--device", "--device 应为 1–64 字节的名称，不含控制字符",
                             "--device must be a name of 1-64 bytes without control characters"));
  }
  std::optional<Month> month;
  read_month(p, month, errors);
  if (month) g.sample.year = month->year, g.sample.month = month->month;
  if (const auto* v = find(p, "records")) {
    const auto n = parse_count(*v, kMaxGeneratedRecords);
    if (n)
      g.sample.records = static_cast<std::size_t>(*n);
    else
      errors.push_back(
          error("--records", "--records 应为 0 到 " + std::to_string(kMaxGeneratedRecords) + " 之间的整数：" + *v,
                "--records must be a whole number from 0 to " + std::to_string(kMaxGeneratedRecords) + ": " + *v));
  }
  if (const auto* v = find(p, "seed")) {
    const auto n = parse_count(*v, std::numeric_limits<std::uint64_t>::max());
    if (n)
      g.sample.seed = *n;
    else
      errors.push_back(error("--seed", "--seed 应为不带符号的整数（0 到 2^64-1）：" + *v,
                             "--seed must be a whole number from 0 to 2^64-1: " + *v));
  }
  if (const auto* v = find(p, "only")) {
    g.sample.only = *v;
    if (*v != "visit" && *v != "complaint" && *v != "repair" && *v != "key_loan")
      errors.push_back(error("--only", "--only 应为 visit、complaint、repair 或 key_loan：" + *v,
                             "--only must be visit, complaint, repair or key_loan: " + *v));
  }
  if (!errors.empty()) return errors;
  return Command{std::move(g)};
}

}  // namespace

std::optional<Month> parse_month(const std::string& text) {
  // Exactly YYYY-MM.
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto year = parse_count(text.substr(0, 4), 9999);
  const auto month = parse_count(text.substr(5, 2), 12);
  if (!year || !month || *year < 1970 || *month < 1) return std::nullopt;
  return Month{static_cast<int>(*year), static_cast<int>(*month)};
}

std::optional<std::uint64_t> parse_count(const std::string& text, std::uint64_t max) {
  if (text.empty()) return std::nullopt;
  for (const char c : text)
    if (c < '0' || c > '9') return std::nullopt;  // no sign, no spaces, no hex
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v > max) return std::nullopt;
  return v;
}

Expected<Command> parse_command_line(const std::vector<std::string>& args) {
  if (args.empty()) return Errors{error("command", "缺少命令", "no command given")};
  const std::string& command = args[0];
  if (command == "check") return check_command(args);
  if (command == "consolidate") return consolidate_command(args);
  if (command == "generate") return generate_command(args);
  return Errors{error("command", "未知命令：" + command, "unknown command: " + command)};
}

const char* usage_text() {
  return "usage:\n"
         "  desk-tool check FILE...\n"
         "      validate export files and print what they hold\n"
         "  desk-tool consolidate --out FILE [--on-error skip|abort] [--strict] [--jsonl] [--month YYYY-MM] "
         "FILE|FOLDER...\n"
         "      merge exports of many sites and devices into FILE and print the month's statistics\n"
         "      per site and overall; a FOLDER is a site folder (desks/<device>/journal-NNNN.jsonl) or a\n"
         "      folder of site folders, every desk file read, bad lines reported by file and line;\n"
         "      a bad file is reported by name, then skipped (default) or aborts;\n"
         "      conflicting versions and records outside a file's site are reported (--strict: refused);\n"
         "      --jsonl writes one merged record per line, no header (for DuckDB, Spark, Trino)\n"
         "  desk-tool generate --out FILE [--site S] [--device D] [--month YYYY-MM] [--records N] [--seed N]\n"
         "                     [--only visit|complaint|repair|key_loan]\n"
         "      write a sample export (for tests and benchmarks)\n";
}

}  // namespace desk::tool
