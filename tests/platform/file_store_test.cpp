#include "platform/file_store.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../core/fixtures.hpp"
#include "core/segment_pack.hpp"
#include "core/table_sizes.hpp"

using namespace desk;
using namespace desk::test;
namespace fs = std::filesystem;

TEST_CASE("file store: appended records come back after reopening") {
  const std::string dir = fresh_dir("reopen");
  {
    FileStore store(dir);
    Dataset d;
    store.load(d);
    for (std::uint64_t i = 0; i < 50; ++i)
      REQUIRE(store.append(journal_line(create_record(sample_visit(), actor("S", morning(), i)))).ok());
  }
  FileStore store(dir);
  Dataset d;
  const auto r = store.load(d);
  CHECK(r.lines == 50);
  CHECK(d.size() == 50);
  fs::remove_all(dir);
}

TEST_CASE("file store: segments roll over at the segment size") {
  const std::string dir = fresh_dir("roll");
  FileStore store(dir);
  Dataset d;
  store.load(d);
  Visit big = sample_visit();
  big.content = std::string(3000, 'x');
  std::size_t bytes = 0;
  for (std::uint64_t i = 0; bytes < 3 * kSegmentBytes; ++i) {
    const std::string line = journal_line(create_record(big, actor("S", morning(), i)));
    bytes += line.size();
    REQUIRE(store.append(line).ok());
  }
  CHECK(store.segment_count() >= 3);
  for (const auto& e : fs::directory_iterator(dir)) CHECK(fs::file_size(e.path()) <= kSegmentBytes);
  fs::remove_all(dir);
}

TEST_CASE("file store: a torn tail is cut off and later appends are readable") {
  const std::string dir = fresh_dir("torn");
  {
    FileStore store(dir);
    Dataset d;
    store.load(d);
    REQUIRE(store.append(journal_line(create_record(sample_visit(), actor("S", morning(), 1)))).ok());
    const std::string half = journal_line(create_record(sample_visit(), actor("S", morning(), 2)));
    std::ofstream(fs::path(dir) / "seg-000001.log", std::ios::app) << half.substr(0, half.size() / 2);
  }
  {
    FileStore store(dir);
    Dataset d;
    const auto r = store.load(d);
    CHECK(r.dropped + (r.problems.empty() ? 0 : 1) >= 1);
    CHECK(d.size() == 1);
    REQUIRE(store.append(journal_line(create_record(sample_visit(), actor("S", morning(), 3)))).ok());
  }
  FileStore store(dir);
  Dataset d;
  const auto r = store.load(d);
  CHECK(r.problems.empty());
  CHECK(d.size() == 2);
  fs::remove_all(dir);
}

TEST_CASE("file store: undo restores the file after a failed persist") {
  const std::string dir = fresh_dir("undo");
  FileStore store(dir);
  Dataset d;
  store.load(d);
  REQUIRE(store.append(journal_line(create_record(sample_visit(), actor("S", morning(), 1)))).ok());
  auto second = store.append(journal_line(create_record(sample_visit(), actor("S", morning(), 2))));
  REQUIRE(second.ok());
  store.undo(second.value());
  Dataset again;
  FileStore(dir).load(again);
  CHECK(again.size() == 1);
  fs::remove_all(dir);
}

TEST_CASE("file store: a large store's table sizes are kept for the next load; a small or read-only one writes none") {
  const std::string dir = fresh_dir("sizes");
  const fs::path sizes = fs::path(dir) / kTableSizesFile;
  {
    FileStore store(dir);
    Dataset d;
    store.load(d);
    std::string lines;
    for (std::uint64_t i = 0; i < kTableSizesFrom - 1; ++i)
      append_journal_line(create_record(sample_visit(), actor("S", morning(), i)), lines);
    for (std::size_t pos = 0; pos < lines.size();) {  // appended a segment at a time
      std::size_t end = std::min(lines.size(), pos + kSegmentBytes / 2);
      end = lines.find('\n', end - 1) + 1;
      REQUIRE(store.append(std::string_view(lines).substr(pos, end - pos)).ok());
      pos = end;
    }
  }
  {
    FileStore store(dir);
    Dataset d;
    store.load(d);
    CHECK(d.size() == kTableSizesFrom - 1);
    CHECK_FALSE(fs::exists(sizes));  // below kTableSizesFrom
    REQUIRE(store.append(journal_line(create_record(sample_visit(), actor("S", morning(), 99999)))).ok());
  }
  {
    FileStore store(dir);
    Dataset d;
    CHECK(store.load(d).sizes_written);
    REQUIRE(d.size() == kTableSizesFrom);
    REQUIRE(fs::exists(sizes));
    std::ifstream in(sizes);
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == R"({"visit":10000})");
  }
  {
    // The next load makes room for them before the replay: one block, no doubling.
    FileStore store(dir);
    Dataset d;
    CHECK_FALSE(store.load(d).sizes_written);  // unchanged: not written again
    CHECK(d.table<Visit>().rows().capacity() >= kTableSizesFrom);
    CHECK(d.table<Visit>().rows().capacity() <= kTableSizesFrom + kTableSizesFrom / 16);
  }
  {
    // A damaged file is only a hint: everything loads.
    std::ofstream(sizes, std::ios::trunc) << "{\"visit\": 12";
    FileStore store(dir);
    Dataset d;
    store.load(d);
    CHECK(d.size() == kTableSizesFrom);
  }
  {
    // A store of a newer version is opened read-only and written nothing.
    fs::remove(sizes);
    std::ofstream(fs::path(dir) / kStoreMarkerFile, std::ios::trunc) << store_marker_text(kStoreVersion + 1);
    FileStore store(dir);
    Dataset d;
    store.load(d);
    CHECK(d.size() == kTableSizesFrom);
    CHECK_FALSE(fs::exists(sizes));
  }
  fs::remove_all(dir);
}

namespace {
std::vector<std::string> segment_files(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("seg-", 0) == 0) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}
std::string file_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
// Appends `n` visits one line at a time (ids from `first`).
void append_visits(FileStore& store, std::uint64_t first, std::uint64_t n) {
  for (std::uint64_t i = first; i < first + n; ++i)
    REQUIRE(store.append(journal_line(create_record(sample_visit(), actor("S", morning(), i)))).ok());
}
// A new store in `dir` with `n` visits appended one at a time.
void fill_store(const std::string& dir, std::uint64_t n) {
  FileStore store(dir);
  Dataset d;
  store.load(d);
  append_visits(store, 0, n);
}
// How many visits fill about `segments` segments.
std::uint64_t visits_for(double segments) {
  const std::size_t line = journal_line(create_record(sample_visit(), actor("S", morning(), 1))).size();
  return static_cast<std::uint64_t>(segments * kSegmentBytes / line);
}
}  // namespace

TEST_CASE("file store: closed segments are packed, the open one stays text, and every record comes back") {
  const std::string dir = fresh_dir("packed");
  const std::uint64_t n = visits_for(3.5);
  fill_store(dir, n);
  CHECK(segment_files(dir) ==
        std::vector<std::string>{"seg-000001.lz4", "seg-000002.lz4", "seg-000003.lz4", "seg-000004.log"});
  for (const auto& name : segment_files(dir))
    if (name.ends_with(".lz4")) CHECK(fs::file_size(fs::path(dir) / name) * 4 < kSegmentBytes);
  FileStore store(dir);
  Dataset d;
  const auto r = store.load(d);
  CHECK(r.problems.empty());
  CHECK(r.packed == 0);
  CHECK(r.lines == n);
  CHECK(d.size() == n);
  fs::remove_all(dir);
}

TEST_CASE("file store: undoing an append that closed a segment opens that segment again, as it was") {
  const std::string dir = fresh_dir("undo-packed");
  FileStore store(dir);
  Dataset d;
  store.load(d);
  append_visits(store, 0, visits_for(0.7));
  const std::string before = file_text(fs::path(dir) / "seg-000001.log");
  // One save's two appends: the first fits, the second closes the segment.
  std::string big;
  for (std::uint64_t i = 0; big.size() < kSegmentBytes / 5; ++i)
    append_journal_line(create_record(sample_visit(), actor("S", morning(), 50000 + i)), big);
  auto first = store.append(big);
  REQUIRE(first.ok());
  auto second = store.append(big);
  REQUIRE(second.ok());
  CHECK(second->packed == (fs::path(dir) / "seg-000001.lz4").string());
  CHECK(segment_files(dir) == std::vector<std::string>{"seg-000001.lz4", "seg-000002.log"});
  store.undo(second.value());
  store.undo(first.value());
  CHECK(segment_files(dir) == std::vector<std::string>{"seg-000001.log"});
  CHECK(file_text(fs::path(dir) / "seg-000001.log") == before);
  // Appends go on into the reopened segment.
  append_visits(store, 90000, 1);
  Dataset again;
  FileStore(dir).load(again);
  CHECK(again.size() == visits_for(0.7) + 1);
  fs::remove_all(dir);
}

TEST_CASE("file store: a version-2 store's closed segments are packed by the writing tab's load, not by a reader") {
  const std::string dir = fresh_dir("v2-pack");
  const std::uint64_t n = visits_for(2.5);
  {
    // Written as a version-2 build did: every segment in text.
    fs::create_directories(dir);
    std::string lines;
    for (std::uint64_t i = 0; i < n; ++i)
      append_journal_line(create_record(sample_visit(), actor("S", morning(), i)), lines);
    int seg = 0;
    for (std::size_t pos = 0; pos < lines.size();) {
      std::size_t end = std::min(lines.size(), pos + kSegmentBytes - 2000);
      end = lines.find('\n', end - 1) + 1;
      char name[32];
      std::snprintf(name, sizeof name, "seg-%06d.log", ++seg);
      std::ofstream(fs::path(dir) / name, std::ios::binary) << lines.substr(pos, end - pos);
      pos = end;
    }
    std::ofstream(fs::path(dir) / kStoreMarkerFile) << store_marker_text(2);
  }
  const auto text_files = segment_files(dir);
  REQUIRE(text_files.size() == 3);
  {
    FileStore reader(dir);
    Dataset d;
    const auto r = reader.load(d, false);
    CHECK(r.packed == 0);
    CHECK(d.size() == n);
    CHECK(segment_files(dir) == text_files);
  }
  {
    FileStore store(dir);
    Dataset d;
    const auto r = store.load(d);
    CHECK(r.found_version == 2);
    CHECK(r.upgraded);
    CHECK(r.packed == 2);
    CHECK(d.size() == n);
  }
  CHECK(segment_files(dir) == std::vector<std::string>{"seg-000001.lz4", "seg-000002.lz4", "seg-000003.log"});
  CHECK(read_store_marker(file_text(fs::path(dir) / kStoreMarkerFile)) == 3);
  FileStore store(dir);
  Dataset d;
  const auto r = store.load(d);
  CHECK(r.packed == 0);
  CHECK_FALSE(r.upgraded);
  CHECK(d.size() == n);
  fs::remove_all(dir);
}

TEST_CASE("file store: packing cut short leaves a .log beside its .lz4; the .log is read and packed again") {
  const std::string dir = fresh_dir("pack-both");
  const std::uint64_t n = visits_for(1.5);
  fill_store(dir, n);
  REQUIRE(segment_files(dir) == std::vector<std::string>{"seg-000001.lz4", "seg-000002.log"});
  // The .log as it was before packing, and a .lz4 holding less than it.
  std::string raw;
  REQUIRE(unpack_segment(file_text(fs::path(dir) / "seg-000001.lz4"), raw));
  std::ofstream(fs::path(dir) / "seg-000001.log", std::ios::binary) << raw;
  std::ofstream(fs::path(dir) / "seg-000001.lz4", std::ios::binary | std::ios::trunc)
      << pack_segment(raw.substr(0, raw.find('\n') + 1));
  FileStore store(dir);
  Dataset d;
  const auto r = store.load(d);
  CHECK(d.size() == n);
  CHECK(r.packed == 1);
  CHECK(segment_files(dir) == std::vector<std::string>{"seg-000001.lz4", "seg-000002.log"});
  std::string again;
  REQUIRE(unpack_segment(file_text(fs::path(dir) / "seg-000001.lz4"), again));
  CHECK(again == raw);
  fs::remove_all(dir);
}

TEST_CASE(
    "file store: a packed segment that cannot be unpacked is kept byte for byte, the rest loads, saving goes on") {
  const std::string dir = fresh_dir("pack-bad");
  const std::uint64_t n = visits_for(2.5);
  fill_store(dir, n);
  REQUIRE(segment_files(dir) == std::vector<std::string>{"seg-000001.lz4", "seg-000002.lz4", "seg-000003.log"});
  const fs::path bad = fs::path(dir) / "seg-000002.lz4";
  std::string damaged = file_text(bad);
  damaged.resize(damaged.size() / 2);
  std::ofstream(bad, std::ios::binary | std::ios::trunc) << damaged;
  std::string first;
  REQUIRE(unpack_segment(file_text(fs::path(dir) / "seg-000001.lz4"), first));
  const auto first_lines = static_cast<std::size_t>(std::count(first.begin(), first.end(), '\n'));
  {
    FileStore store(dir);
    Dataset d;
    const auto r = store.load(d);
    CHECK(r.unreadable == std::vector<std::string>{"seg-000002.lz4"});
    CHECK(d.size() > first_lines);
    CHECK(d.size() < n);
    append_visits(store, 90000, visits_for(1.2));  // closes seg-000003, opens seg-000004
  }
  CHECK(file_text(bad) == damaged);
  CHECK(segment_files(dir) ==
        std::vector<std::string>{"seg-000001.lz4", "seg-000002.lz4", "seg-000003.lz4", "seg-000004.log"});
  FileStore store(dir);
  Dataset d;
  const auto r = store.load(d);
  CHECK(r.unreadable.size() == 1);
  CHECK(file_text(bad) == damaged);
  fs::remove_all(dir);
}

TEST_CASE("file store: a save of many segments' worth is written packed; undone, the store is as it was") {
  const std::string dir = fresh_dir("append-packed");
  FileStore store(dir);
  Dataset d;
  store.load(d);
  append_visits(store, 0, 3);
  const std::string before = file_text(fs::path(dir) / "seg-000001.log");
  std::string a, b;
  for (std::uint64_t i = 0; a.size() < kSegmentBytes - 2000; ++i)
    append_journal_line(create_record(sample_visit(), actor("S", morning(), 1000 + i)), a);
  for (std::uint64_t i = 0; b.size() < kSegmentBytes - 2000; ++i)
    append_journal_line(create_record(sample_visit(), actor("S", morning(), 5000 + i)), b);
  const std::string last = journal_line(create_record(sample_visit(), actor("S", morning(), 9000)));
  auto run = store.append_packed({a, b});
  REQUIRE(run.ok());
  auto tail = store.append(last);
  REQUIRE(tail.ok());
  // The open segment was closed, the run is one packed segment, the last line opens a new one.
  CHECK(segment_files(dir) == std::vector<std::string>{"seg-000001.lz4", "seg-000002.lz4", "seg-000003.log"});
  std::string raw;
  REQUIRE(unpack_segment(file_text(fs::path(dir) / "seg-000002.lz4"), raw));
  CHECK(raw == a + b);
  {
    Dataset all;
    FileStore(dir).load(all, false);
    CHECK(all.size() == 3 + std::count(a.begin(), a.end(), '\n') + std::count(b.begin(), b.end(), '\n') + 1);
  }
  store.undo(tail.value());
  store.undo(run.value());
  CHECK(segment_files(dir) == std::vector<std::string>{"seg-000001.log"});
  CHECK(file_text(fs::path(dir) / "seg-000001.log") == before);
  fs::remove_all(dir);
}
