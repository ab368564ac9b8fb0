#include "app/tool/args.hpp"

#include <catch2/catch.hpp>

using namespace desk;
using namespace desk::tool;

namespace {
Expected<Command> parse(std::vector<std::string> args) {
  return parse_command_line(args);
}
}  // namespace

TEST_CASE("desk-tool arguments: every bad argument is refused with what is wrong") {
  struct Row {
    std::vector<std::string> args;
    const char* where;
    const char* says;  // part of the English message
  };
  const Row rows[] = {
      {{}, "command", "no command"},
      {{"merge", "a.json"}, "command", "unknown command: merge"},
      {{"generate", "--out", "x.json", "--records", "abc"}, "--records", "whole number from 0 to 1000000: abc"},
      {{"generate", "--out", "x.json", "--records", "-5"}, "--records", "-5"},
      {{"generate", "--out", "x.json", "--records", "1000001"}, "--records", "1000001"},
      {{"generate", "--out", "x.json", "--records", "12abc"}, "--records", "12abc"},
      {{"generate", "--out", "x.json", "--records", " 12"}, "--records", "whole number"},
      {{"generate", "--out", "x.json", "--seed", "x"}, "--seed", "--seed must be"},
      {{"generate", "--out", "x.json", "--seed", "18446744073709551616"}, "--seed", "2^64-1"},
      {{"generate", "--out", "x.json", "--month", "2026-13"}, "--month", "2026-13"},
      {{"generate", "--out", "x.json", "--month", "2026-00"}, "--month", "month 1-12"},
      {{"generate", "--out", "x.json", "--month", "2026-1"}, "--month", "YEAR-MONTH"},
      {{"generate", "--out", "x.json", "--only", "staff"}, "--only", "visit, complaint, repair or key_loan"},
      {{"generate", "--out", "x.json", "--site", ""}, "--site", "1-64 bytes"},
      {{"generate", "--out", "x.json", "--site", "consolidated"}, "--site", "kept for consolidation output"},
      {{"generate", "--records", "5"}, "--out", "--out FILE is required"},
      {{"generate", "--out"}, "--out", "needs a value"},
      {{"generate", "--out", "x.json", "stray.json"}, "stray.json", "no file arguments"},
      {{"consolidate", "--out", "all.json", "--month", "2026-13", "a.json"}, "--month", "2026-13"},
      {{"consolidate", "--out", "all.json", "--on-error", "ignore", "a.json"}, "--on-error", "skip or abort"},
      {{"consolidate", "--out", "all.json"}, "FILE", "at least one export file"},
      {{"consolidate", "--out", "a.json", "--out", "b.json", "c.json"}, "--out", "more than once"},
      {{"consolidate", "--out", "all.json", "--strict=yes", "a.json"}, "--strict", "takes no value"},
      {{"consolidate", "--output", "all.json", "a.json"}, "--output", "consolidate has no option --output"},
      {{"check"}, "FILE", "at least one export file"},
      {{"check", "--out", "x", "a.json"}, "--out", "check has no option --out"},
  };
  for (const auto& row : rows) {
    std::string line;
    for (const auto& a : row.args) line += a + " ";
    INFO(line);
    const auto r = parse(row.args);
    REQUIRE_FALSE(r.ok());
    const auto& errors = r.errors();
    const bool found = std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) {
      return e.where == row.where && e.message.en.find(row.says) != std::string::npos && !e.message.zh.empty();
    });
    CHECK(found);
  }
}

TEST_CASE("desk-tool arguments: good command lines are read into their commands") {
  SECTION("generate") {
    const auto r = parse({"generate", "--out", "x.json", "--site", "site-B", "--records=250", "--seed",
                          "18446744073709551615", "--month", "2026-02", "--only", "repair", "--device", "d2"});
    REQUIRE(r.ok());
    const auto& g = std::get<GenerateCommand>(r.value());
    CHECK(g.out == "x.json");
    CHECK(g.sample.site == "site-B");
    CHECK(g.sample.records == 250);
    CHECK(g.sample.seed == 18446744073709551615ull);
    CHECK(g.sample.year == 2026);
    CHECK(g.sample.month == 2);
    CHECK(g.sample.only == "repair");
    CHECK(g.device == "d2");
  }
  SECTION("consolidate") {
    const auto r = parse(
        {"consolidate", "--strict", "--out", "all.json", "--on-error", "abort", "a.json", "--", "--odd-name.json"});
    REQUIRE(r.ok());
    const auto& c = std::get<ConsolidateCommand>(r.value());
    CHECK(c.strict);
    CHECK(c.abort_on_error);
    CHECK_FALSE(c.month);
    CHECK(c.files == std::vector<std::string>{"a.json", "--odd-name.json"});
  }
  SECTION("check") {
    const auto r = parse({"check", "a.json", "b.json"});
    REQUIRE(r.ok());
    CHECK(std::get<CheckCommand>(r.value()).files.size() == 2);
  }
}

TEST_CASE("desk-tool arguments: months and counts are read exactly") {
  CHECK(parse_month("2026-12")->month == 12);
  CHECK_FALSE(parse_month("2026-13"));
  CHECK_FALSE(parse_month("1969-12"));
  CHECK_FALSE(parse_month("2026-1x"));
  CHECK_FALSE(parse_month("+026-11"));
  CHECK(parse_count("0", 10) == 0u);
  CHECK_FALSE(parse_count("11", 10));
  CHECK_FALSE(parse_count("", 10));
  CHECK_FALSE(parse_count("0x5", 10));
  CHECK_FALSE(parse_count("99999999999999999999999", UINT64_MAX));
}
