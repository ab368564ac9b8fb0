#include "platform/file_store.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../core/fixtures.hpp"

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
