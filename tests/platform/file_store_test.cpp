#include "platform/file_store.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../core/fixtures.hpp"
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
