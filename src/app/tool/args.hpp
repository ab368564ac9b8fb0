// desk-tool's command line, parsed into one typed command or the errors that
// say which argument is wrong and why (the tool then exits with 2).
//   desk-tool check FILE...
//   desk-tool consolidate --out FILE [--on-error skip|abort] [--strict] [--jsonl] [--month YYYY-MM] FILE...
//   desk-tool generate --out FILE [--site S] [--device D] [--month YYYY-MM] [--records N] [--seed N] [--only TYPE]
// Options are "--name value" or "--name=value"; "--" ends the options.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/errors.hpp"
#include "core/sample_data.hpp"

namespace desk::tool {

// `generate --records` at most: the sample is built in memory (~1 KB a record).
constexpr std::size_t kMaxGeneratedRecords = 1'000'000;

struct Month {
  int year = 0;
  int month = 0;
};

struct CheckCommand {
  std::vector<std::string> files;
};

struct ConsolidateCommand {
  std::string out;
  bool abort_on_error = false;  // --on-error abort (default skip)
  bool strict = false;          // refuse conflicts and site-rule violations
  bool jsonl = false;           // one record per line, no header (a warehouse's input)
  std::optional<Month> month;
  std::vector<std::string> files;
};

struct GenerateCommand {
  std::string out;
  std::string device = "sample";
  SampleOptions sample;
};

using Command = std::variant<CheckCommand, ConsolidateCommand, GenerateCommand>;

// `args`: the arguments after the program name.
Expected<Command> parse_command_line(const std::vector<std::string>& args);

// The usage text printed with any error.
const char* usage_text();

// "2026-11" → {2026, 11}; nothing for anything else (month 1–12, year 1970–9999).
std::optional<Month> parse_month(const std::string& text);
// A whole decimal number without sign, within [0, max]; nothing otherwise.
std::optional<std::uint64_t> parse_count(const std::string& text, std::uint64_t max);

}  // namespace desk::tool
