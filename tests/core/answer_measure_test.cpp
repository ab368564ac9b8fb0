// How well the trainer judges typed answers: tests/core/typed_answers.tsv
// holds typed answers written from the manuals' examples (good, forbidden,
// shirking, borderline) with the verdict expected. Every row must pass, and
// the precision and recall per finding are printed:
//   build/native/desk_tests "[measure]"
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "assets.hpp"
#include "core/answer_check.hpp"

using namespace desk;
using namespace desk::test;

namespace {

struct Row {
  int line = 0;
  std::string step, expected, answer;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) out.push_back(part);
  return out;
}

std::vector<Row> read_table() {
  std::ifstream in(std::string(DESK_SOURCE_DIR) + "/tests/core/typed_answers.tsv");
  REQUIRE(in);
  std::vector<Row> rows;
  int line = 0;
  for (std::string text; std::getline(in, text);) {
    ++line;
    if (text.empty() || text[0] == '#' || text.starts_with("step\t")) continue;
    const auto cells = split(text, '\t');
    REQUIRE(cells.size() == 3);
    rows.push_back({line, cells[0], cells[1], cells[2]});
  }
  return rows;
}

// The step a row answers: a shipped scenario step, or inline groups.
ScenarioStep step_of(const std::string& spec) {
  static const ScenarioSet set = [] {
    auto parsed = parse_scenarios(read_asset("scenarios.json"));
    REQUIRE(parsed.ok());
    return parsed.value();
  }();
  ScenarioStep step;
  if (spec == "-") return step;
  if (const auto slash = spec.find('/'); slash != std::string::npos) {
    const Scenario* s = set.find(spec.substr(0, slash));
    REQUIRE(s);
    for (const auto& st : s->steps)
      if (st.id == spec.substr(slash + 1)) return st;
    FAIL("no step " << spec);
  }
  for (const auto& group : split(spec, '+')) step.required.push_back(split(group, '|'));
  return step;
}

std::set<std::string> verdict(const AnswerCheck& c) {
  std::set<std::string> out;
  if (!c.forbidden.empty()) out.insert("forbidden");
  if (!c.shirking.empty()) out.insert("shirking");
  if (!c.missing.empty()) out.insert("missing");
  return out;
}

struct Count {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
  void add(bool expected, bool found) {
    tp += expected && found;
    fp += !expected && found;
    fn += expected && !found;
  }
};

}  // namespace

TEST_CASE("trainer measure: the typed-answer table, every row's verdict, precision and recall", "[measure]") {
  const auto rows = read_table();
  CHECK(rows.size() >= 60);
  std::map<std::string, Count> counts;
  std::map<std::string, int> by_expected;
  int passing = 0;
  for (const auto& row : rows) {
    const AnswerCheck check = check_answer(step_of(row.step), shipped_wording(), row.answer);
    const std::set<std::string> found = verdict(check);
    std::set<std::string> expected;
    if (row.expected != "ok")
      for (const auto& e : split(row.expected, '+')) expected.insert(e);
    for (const auto& e : expected) CHECK((e == "forbidden" || e == "shirking" || e == "missing"));
    ++by_expected[row.expected];
    for (const char* label : {"forbidden", "shirking", "missing"})
      counts[label].add(expected.count(label) > 0, found.count(label) > 0);
    // "Not acceptable wording" as one question: forbidden or shirking.
    counts["wording (either)"].add(expected.count("forbidden") || expected.count("shirking"), !check.acceptable());
    std::string got;
    for (const auto& f : found) got += (got.empty() ? "" : "+") + f;
    INFO("typed_answers.tsv line " << row.line << ": " << row.answer << " — got " << (got.empty() ? "ok" : got));
    CHECK(found == expected);
    passing += found == expected;
  }
  std::printf("\ntrainer on tests/core/typed_answers.tsv: %zu answers, %d with the expected verdict\n", rows.size(),
              passing);
  for (const auto& [label, n] : by_expected) std::printf("  expected %-28s %3d\n", label.c_str(), n);
  std::printf("  %-18s %4s %4s %4s %10s %8s\n", "finding", "TP", "FP", "FN", "precision", "recall");
  for (const auto& [label, c] : counts)
    std::printf("  %-18s %4d %4d %4d %10.3f %8.3f\n", label.c_str(), c.tp, c.fp, c.fn, c.precision(), c.recall());
}
