// libFuzzer target: hostile command lines through desk-tool's argument
// parser (arguments separated by NUL bytes). Never a crash or an exception;
// a refusal always says why; what is accepted is within the stated limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/tool/args.hpp"

using namespace desk::tool;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0)
      args.emplace_back();
    else
      args.back() += static_cast<char>(data[i]);
  }
  const auto r = parse_command_line(args);
  if (!r.ok()) {
    if (r.errors().empty()) std::abort();
    for (const auto& e : r.errors())
      if (e.message.zh.empty() || e.message.en.empty()) std::abort();
    return 0;
  }
  const auto month_ok = [](const std::optional<Month>& m) {
    return !m || (m->year >= 1970 && m->year <= 9999 && m->month >= 1 && m->month <= 12);
  };
  if (const auto* g = std::get_if<GenerateCommand>(&r.value())) {
    if (g->out.empty() || g->sample.records > kMaxGeneratedRecords || g->sample.site.empty()) std::abort();
    if (!month_ok(Month{g->sample.year, g->sample.month})) std::abort();
  } else if (const auto* c = std::get_if<ConsolidateCommand>(&r.value())) {
    if (c->out.empty() || c->files.empty() || !month_ok(c->month)) std::abort();
  } else if (std::get<CheckCommand>(r.value()).files.empty()) {
    std::abort();
  }
  return 0;
}
