// The site folder's file names, reader and append planning (issue 12).
#include "core/site_folder.hpp"

#include <catch2/catch.hpp>

#include "core/journal.hpp"
#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {

const std::string kPath = "desks/desk-1/journal-0001.jsonl";

Visit visit(std::uint64_t seed, const std::string& site = "site-A") {
  Actor a = actor("S001", morning(), seed);
  a.site = site;
  return create_record(sample_visit(), a);
}

std::string file_of(const std::vector<std::string>& lines, const std::string& site = "site-A",
                    const std::string& device = "desk-1") {
  std::string out = folder_header_line(site, device);
  for (const auto& l : lines) out += l;
  return out;
}

FolderReadResult read_all(const std::string& bytes, FolderFileState& state, const std::string& path = kPath) {
  return read_desk_file(path, std::string_view(bytes).substr(state.offset), bytes.size(), "site-A", state);
}

}  // namespace

TEST_CASE("site folder: file names are desks/<device>/journal-NNNN.jsonl and nothing else") {
  CHECK(desk_file_path("desk-1", 1) == "desks/desk-1/journal-0001.jsonl");
  CHECK(desk_file_path("D_2", 12345) == "desks/D_2/journal-12345.jsonl");
  const auto name = parse_desk_file_path("desks/desk-1/journal-0042.jsonl");
  REQUIRE(name);
  CHECK(name->device == "desk-1");
  CHECK(name->number == 42);
  for (const char* other :
       {"desks/desk-1/journal-42.jsonl", "desks/desk-1/journal-00042.jsonl", "desks/desk-1/journal-0000.jsonl",
        "desks/desk 1/journal-0001.jsonl", "desks/../journal-0001.jsonl", "desks/desk-1/journal-0001.json",
        "desk-1/journal-0001.jsonl", "desks/desk-1/sub/journal-0001.jsonl", "desks//journal-0001.jsonl", "export.json"})
    CHECK_FALSE(parse_desk_file_path(other));
  CHECK(valid_device_id("a"));
  CHECK(valid_device_id(std::string(64, 'x')));
  CHECK_FALSE(valid_device_id(std::string(65, 'x')));
  CHECK_FALSE(valid_device_id(""));
  CHECK_FALSE(valid_device_id("前台"));
}

TEST_CASE("site folder: a reader reads only what was appended since, and waits for a line being written") {
  const std::string a = journal_line(visit(1)), b = journal_line(visit(2)), c = journal_line(visit(3));
  std::string bytes = file_of({a});
  FolderFileState state;
  auto r = read_all(bytes, state);
  CHECK(r.lines == 1);
  CHECK(r.records.size() == 1);
  CHECK(state.offset == bytes.size());
  CHECK(r.problems.empty());

  // Nothing new: nothing read.
  r = read_all(bytes, state);
  CHECK(r.lines == 0);
  CHECK(r.records.size() == 0);

  // b complete, c half written: b now, c when its newline arrives.
  bytes += b + c.substr(0, c.size() / 2);
  r = read_all(bytes, state);
  CHECK(r.lines == 1);
  CHECK(r.problems.empty());
  CHECK(state.offset == bytes.size() - c.size() / 2);
  bytes += c.substr(c.size() / 2);
  r = read_all(bytes, state);
  CHECK(r.lines == 1);
  CHECK(state.offset == bytes.size());
  CHECK(state.line_no == 4);  // header and three records
}

TEST_CASE("site folder: a damaged line is named by file and line and skipped; the lines after it are read") {
  std::string bad = journal_line(visit(2));
  bad[30] ^= 0x01;
  const std::string bytes = file_of({journal_line(visit(1)), bad, journal_line(visit(3))});
  FolderFileState state;
  const auto r = read_all(bytes, state);
  CHECK(r.lines == 2);
  CHECK(r.records.size() == 2);
  CHECK(r.skipped == 1);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].rfind(kPath + " line 3: ", 0) == 0);
  CHECK(r.refusals[0].zh.find("第 3 行") != std::string::npos);
}

TEST_CASE("site folder: foreign, newer, misplaced and huge files are refused whole, reported once") {
  const std::string record = journal_line(visit(1));
  struct Case {
    std::string bytes;
    std::string path;
    std::string says;
  };
  std::string newer =
      journal_line(json{{"device", "desk-1"}, {"format", kFolderFormat}, {"site", "site-A"}, {"version", 2}});
  std::string torn_header = folder_header_line("site-A", "desk-1");
  torn_header[20] ^= 0x01;
  const std::vector<Case> cases = {
      {"{\"format\":\"wuye-desk-export\",\"records\":[]}\n", kPath, "first line is damaged"},
      {journal_line(json{{"format", "other"}}) + record, kPath, "not a site folder file"},
      {newer + record, kPath, "newer version"},
      {file_of({record}, "site-B"), kPath, "another site (site-B)"},
      {file_of({record}, "site-A", "desk-2"), kPath, "the desk the file names"},
      {torn_header + record, kPath, "first line is damaged"},
  };
  for (const auto& c : cases) {
    INFO(c.bytes.substr(0, 80));
    FolderFileState state;
    auto r = read_all(c.bytes, state, c.path);
    CHECK(state.refused);
    CHECK(r.records.size() == 0);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].find(c.says) != std::string::npos);
    // Never read again, never reported again.
    r = read_all(c.bytes + record, state, c.path);
    CHECK(r.problems.empty());
    CHECK(r.records.size() == 0);
  }
  FolderFileState state;
  const auto r = read_desk_file(kPath, "", kMaxFolderFileBytes + 1, "site-A", state);
  CHECK(state.refused);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].find("too large") != std::string::npos);
}

TEST_CASE("site folder: a record of another site in a desk's file is skipped and named") {
  const Visit foreign = visit(2, "site-B");
  const std::string bytes = file_of({journal_line(visit(1)), journal_line(foreign)});
  FolderFileState state;
  const auto r = read_all(bytes, state);
  CHECK(r.records.size() == 1);
  CHECK(r.records.table<Visit>().rows()[0].meta.site == "site-A");
  CHECK(r.skipped == 1);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].find(foreign.meta.id) != std::string::npos);
}

TEST_CASE("site folder: a file shorter than what was read is refused, not re-read") {
  const std::string bytes = file_of({journal_line(visit(1)), journal_line(visit(2))});
  FolderFileState state;
  read_all(bytes, state);
  const std::string replaced = file_of({journal_line(visit(3))});
  const auto r = read_desk_file(kPath, "", replaced.size(), "site-A", state);
  CHECK(state.refused);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].find("shortened") != std::string::npos);
}

TEST_CASE("site folder: appends fill the newest file, then start the next with its header") {
  // A first append starts file 1 with the header.
  const std::string line = journal_line(visit(1));
  auto plan = plan_folder_append("site-A", "desk-1", 0, 0, {line});
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].new_file);
  CHECK(plan[0].path == desk_file_path("desk-1", 1));
  CHECK(plan[0].bytes == folder_header_line("site-A", "desk-1") + line);

  // Appends go to the newest file while it is under the limit …
  plan = plan_folder_append("site-A", "desk-1", 3, kFolderFileBytes - 1, {line, line});
  REQUIRE(plan.size() == 2);
  CHECK_FALSE(plan[0].new_file);
  CHECK(plan[0].path == desk_file_path("desk-1", 3));
  CHECK(plan[0].bytes == line);
  CHECK(plan[1].new_file);
  CHECK(plan[1].path == desk_file_path("desk-1", 4));
  CHECK(plan[1].bytes == folder_header_line("site-A", "desk-1") + line);

  // … and what was planned reads back as written, in every file.
  std::vector<std::string> many(5000, line);
  plan = plan_folder_append("site-A", "desk-1", 0, 0, many);
  CHECK(plan.size() > 1);
  std::size_t lines = 0;
  for (const auto& append : plan) {
    CHECK(append.bytes.size() <= kFolderFileBytes + line.size());
    FolderFileState state;
    const auto r = read_all(append.bytes, state, append.path);
    CHECK(r.problems.empty());
    lines += r.lines;
  }
  CHECK(lines == many.size());
  CHECK(plan_folder_append("site-A", "desk-1", 2, 10, {}).empty());
}
