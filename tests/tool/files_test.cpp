#include "app/tool/files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../core/fixtures.hpp"

using namespace desk;
using namespace desk::tool;
namespace fs = std::filesystem;

namespace {
std::string message_of(const Expected<std::string>& r) {
  REQUIRE_FALSE(r.ok());
  return r.errors().front().message.en;
}
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}
}  // namespace

TEST_CASE("desk-tool files: what is not a regular file is refused before reading") {
  const fs::path dir = test::fresh_dir("tool-read");
  fs::create_directories(dir);
  CHECK(message_of(read_file(dir.string())) == "this is a directory, not an export file");
  const fs::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(message_of(read_file(fifo.string())).find("not a regular file") != std::string::npos);  // no writer: no hang
  CHECK(message_of(read_file("/dev/zero")).find("not a regular file") != std::string::npos);
  CHECK(message_of(read_file((dir / "missing.json").string())).find("cannot open") != std::string::npos);
  std::ofstream(dir / "empty.json").close();
  CHECK(message_of(read_file((dir / "empty.json").string())) == "the file is empty");
  fs::remove_all(dir);
}

TEST_CASE("desk-tool files: the size limit is checked before reading") {
  const fs::path dir = test::fresh_dir("tool-size");
  fs::create_directories(dir);
  // 64 GB of nothing (a sparse file): refused at once, nothing allocated.
  const fs::path big = dir / "big.json";
  std::ofstream(big).close();
  fs::resize_file(big, std::uintmax_t{64} << 30);
  CHECK(message_of(read_file(big.string())).find("too large (65536 MB, the limit is 4096 MB)") != std::string::npos);
  std::ofstream(dir / "small.json") << "0123456789";
  CHECK(message_of(read_file((dir / "small.json").string(), 9)).find("too large") != std::string::npos);
  CHECK(read_file((dir / "small.json").string(), 10).value() == "0123456789");
  fs::remove_all(dir);
}

TEST_CASE("desk-tool files: writing never follows a planted symlink and leaves no temporary file") {
  const fs::path dir = test::fresh_dir("tool-write");
  fs::create_directories(dir);
  const fs::path out = dir / "all.json";
  std::ofstream(dir / "victim") << "precious";
  fs::create_symlink(dir / "victim", dir / "all.json.tmp");
  REQUIRE_FALSE(write_file(out.string(), "{\"new\": 1}\n"));
  CHECK(slurp(out) == "{\"new\": 1}\n");
  CHECK(slurp(dir / "victim") == "precious");
  CHECK(names_in(dir) == std::vector<std::string>{"all.json", "all.json.tmp", "victim"});

  SECTION("a failed write removes its temporary file and leaves the target alone") {
    fs::create_directories(dir / "taken");  // the target is a directory: rename fails
    std::ofstream(dir / "taken" / "inside") << "x";
    const auto failed = write_file((dir / "taken").string(), "text");
    REQUIRE(failed);
    CHECK(failed->en.find("cannot write") != std::string::npos);
    CHECK(names_in(dir) == std::vector<std::string>{"all.json", "all.json.tmp", "taken", "victim"});
    CHECK(names_in(dir / "taken") == std::vector<std::string>{"inside"});
  }
  SECTION("no directory: refused, nothing created") {
    CHECK(write_file((dir / "nowhere" / "x.json").string(), "text"));
    CHECK_FALSE(fs::exists(dir / "nowhere"));
  }
  fs::remove_all(dir);
}

TEST_CASE("desk-tool files: a folder is listed recursively, regular files only, never through a link") {
  const fs::path dir = test::fresh_dir("tool-list");
  fs::create_directories(dir / "A/desks/desk-1");
  fs::create_directories(dir / "outside");
  std::ofstream(dir / "A/desks/desk-1/journal-0001.jsonl") << "x";
  std::ofstream(dir / "top.json") << "x";
  std::ofstream(dir / "outside/secret.jsonl") << "x";
  fs::create_directory_symlink(dir / "outside", dir / "A/link");
  fs::create_symlink(dir / "outside/secret.jsonl", dir / "A/desks/desk-1/journal-0002.jsonl");
  REQUIRE(::mkfifo((dir / "A/pipe").c_str(), 0600) == 0);

  const auto listed = list_folder((dir / "A").string());
  REQUIRE(listed);
  REQUIRE(listed->ok());
  CHECK(listed->value() == std::vector<std::string>{"desks/desk-1/journal-0001.jsonl"});
  CHECK_FALSE(list_folder((dir / "top.json").string()));  // a file is not a folder
  CHECK_FALSE(list_folder((dir / "A/link").string()));    // nor a link to one
  CHECK_FALSE(list_folder((dir / "missing").string()));
}
