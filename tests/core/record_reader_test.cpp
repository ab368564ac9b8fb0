// The fast record reader (record_reader.hpp) against the tree reader: the
// same record for every line it accepts, for every record type, and for
// thousands of mutated lines it either says no or agrees.
#include "core/record_reader.hpp"

#include <catch2/catch.hpp>

#include "core/journal.hpp"
#include "core/sample_data.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
// The tree reader alone: parse, then record_from_json into the type's table.
bool tree_read(std::string_view text, Dataset& into) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("type") || !j["type"].is_string()) return false;
  bool ok = false;
  into.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    if (j["type"] != R::kType) return;
    R r;
    Errors errors;
    if (record_from_json(j, r, errors, "")) ok = true, table.upsert(std::move(r));
  });
  return ok;
}

// Lines of every record type: the sample data, plus one default record of
// each type with an edit in its history (values of every JSON kind).
std::vector<std::string> lines() {
  std::vector<std::string> out;
  SampleOptions o;
  o.records = 400;
  sample_dataset(o).each_table([&](const auto& t) {
    for (const auto& r : t.rows()) out.push_back(journal_line(r).substr(9));
  });
  Dataset every;
  every.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    R r = create_record(R{}, actor("S001", morning(), out.size()));
    R edited = r;
    edited.meta.site = "引号\"与\\反斜杠\n换行\t制表 😀 \x01";
    out.push_back(journal_line(revise_record(r, edited, actor("S002", morning() + kHour))).substr(9));
  });
  return out;
}
}  // namespace

TEST_CASE("record reader: every line of every type reads the same as through the tree") {
  for (const auto& line : lines()) {
    Dataset fast_read, tree;
    INFO(line.substr(0, 200));
    REQUIRE(fast::read_record(line, fast_read));
    REQUIRE(tree_read(line, tree));
    CHECK(canonical(fast_read) == canonical(tree));
  }
}

TEST_CASE("record reader: on mutated lines it says no or agrees with the tree reader") {
  const auto all = lines();
  SampleRng rng(42);
  const std::string alphabet = "{}[]\":,\\ 0123456789.-eEtrufalsn\xE4\xB8\xAD\xFFu";
  int accepted = 0, refused_both = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line = all[rng.next() % all.size()];
    const int edits = 1 + static_cast<int>(rng.next() % 3);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const std::size_t at = rng.next() % line.size();
      switch (rng.next() % 4) {
        case 0:
          line.erase(at, 1);
          break;
        case 1:
          line.insert(at, 1, alphabet[rng.next() % alphabet.size()]);
          break;
        case 2:
          line[at] = alphabet[rng.next() % alphabet.size()];
          break;
        default:
          line.insert(at, line.substr(at, 1 + rng.next() % 20));
          break;  // repeat a run (duplicate keys)
      }
    }
    Dataset fast_read, tree;
    const bool fast_ok = fast::read_record(line, fast_read);
    const bool tree_ok = tree_read(line, tree);
    if (fast_ok) {
      INFO(line);
      REQUIRE(tree_ok);
      REQUIRE(canonical(fast_read) == canonical(tree));
      ++accepted;
    } else {
      CHECK(fast_read.size() == 0);  // nothing half-stored
      refused_both += !tree_ok;
    }
  }
  CHECK(accepted > 100);       // the mutations did not all break the line
  CHECK(refused_both > 1000);  // and many broke it for both
}

TEST_CASE("record reader: the type is taken from the top-level key, never from a nested one") {
  const Visit v = create_record(Visit{}, actor("S001", morning(), 1));
  json j = record_to_json(v);
  SECTION("a nested \"type\" written after the top-level one: said no, the tree reader stores a visit") {
    j["zz_extra"] = {{"type", "repair"}};  // an unknown key, sorted last, holding a "type"
    const std::string line = j.dump();
    Dataset fast_read;
    CHECK_FALSE(fast::read_record(line, fast_read));
    CHECK(fast_read.size() == 0);
    Dataset replayed;
    const auto report = read_journal(journal_line(j), replayed);
    CHECK(report.lines == 1);
    CHECK(replayed.table<Visit>().size() == 1);
    CHECK(replayed.table<Repair>().size() == 0);
  }
  SECTION("keys in another order (type first) read the same as through the tree") {
    std::string line = j.dump();
    const std::string key = ",\"type\":\"visit\"";
    line.erase(line.find(key), key.size());
    line.insert(1, "\"type\":\"visit\",");
    Dataset fast_read, tree;
    CHECK(fast::read_record(line, fast_read));
    REQUIRE(tree_read(line, tree));
    CHECK(canonical(fast_read) == canonical(tree));
  }
  SECTION("no top-level type: said no") {
    j.erase("type");
    Dataset fast_read;
    CHECK_FALSE(fast::read_record(j.dump(), fast_read));
    CHECK(fast_read.size() == 0);
  }
}

TEST_CASE("record reader: keys are matched in place, and escaped or non-ASCII keys still read as the tree reads them") {
  Visit draft;
  draft.visitor_name = "王珺";
  const Visit v = create_record(draft, actor("S001", morning(), 1));
  const std::string plain = record_to_json(v).dump();
  auto same_as_tree = [](const std::string& line) {
    Dataset fast_read, tree;
    const bool fast_ok = fast::read_record(line, fast_read);
    REQUIRE(tree_read(line, tree));
    if (fast_ok) CHECK(canonical(fast_read) == canonical(tree));
    return fast_ok;
  };
  SECTION("a written line: read in place") {
    CHECK(same_as_tree(plain));
  }
  SECTION("a key spelled with an escape (\\u0069d is id) reads the same record") {
    std::string line = plain;
    line.replace(line.rfind("\"id\":"), 5, "\"\\u0069d\":");
    CHECK(same_as_tree(line));
  }
  SECTION("a data key spelled with an escape reads the same record") {
    std::string line = plain;
    line.replace(line.find("\"visitor_name\":"), 15, "\"visitor\\u005fname\":");
    CHECK(same_as_tree(line));
  }
  SECTION("an unknown envelope key in Chinese is passed over by both") {
    std::string line = plain;
    line.insert(1, "\"备注\":\"多余\",");
    CHECK(same_as_tree(line));
  }
}
