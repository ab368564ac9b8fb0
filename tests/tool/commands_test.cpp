#include "app/tool/commands.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "../core/fixtures.hpp"
#include "core/consolidate.hpp"
#include "core/journal.hpp"
#include "core/site_folder.hpp"

using namespace desk;
using namespace desk::tool;

namespace {

// desk-tool on files in memory.
struct Desk {
  std::map<std::string, std::string> files;
  std::ostringstream out, err;
  Io io{[this](const std::string& p) -> Expected<std::string> {
          auto it = files.find(p);
          if (it == files.end()) return Errors{{"文件", {"无法打开", "cannot open"}}};
          return it->second;
        },
        [this](const std::string& p, const std::string& text) -> std::optional<Msg> {
          files[p] = text;
          return std::nullopt;
        },
        out, err,
        [this](const std::string& p) -> std::optional<Expected<std::vector<std::string>>> {
          // A folder is any prefix "p/" of stored names.
          std::vector<std::string> under;
          for (const auto& [name, text] : files)
            if (name.rfind(p + "/", 0) == 0) under.push_back(name.substr(p.size() + 1));
          if (under.empty()) return std::nullopt;
          return Expected<std::vector<std::string>>(under);
        }};
  int run(std::vector<std::string> args) { return tool::run(args, io); }
};

std::string export_of(const std::string& site, const Visit& v, const std::string& device = "desk-1") {
  Dataset d;
  d.table<Visit>().upsert(v);
  return export_document(d, {site, device, test::morning(), {}, {}, false});
}

}  // namespace

TEST_CASE("desk-tool consolidate: a conflict is reported, and --strict refuses it with nothing written") {
  Desk desk;
  const Visit v = create_record(test::sample_visit(), test::actor());
  Visit forged = v;
  forged.content = "伪造";
  desk.files["a.json"] = export_of("site-A", v);
  desk.files["b.json"] = export_of("site-A", forged, "desk-2");

  CHECK(desk.run({"consolidate", "--strict", "--out", "all.json", "a.json", "b.json"}) == 1);
  CHECK(desk.files.count("all.json") == 0);
  CHECK(desk.err.str().find("refused (--strict)") != std::string::npos);
  CHECK(desk.err.str().find("b.json: 来访 " + v.meta.id) != std::string::npos);
  CHECK(desk.err.str().find("differs from the same revision in a.json (content)") != std::string::npos);

  CHECK(desk.run({"consolidate", "--out", "all.json", "a.json", "b.json"}) == 3);  // done, with a report
  CHECK(desk.files.count("all.json") == 1);
  CHECK(desk.out.str().find("consolidated 2 of 2 files, 1 records") != std::string::npos);
}

TEST_CASE("desk-tool consolidate: another site's record in a file is skipped and reported") {
  Desk desk;
  Actor c = test::actor();
  c.site = "site-C";
  desk.files["b.json"] = export_of("site-B", create_record(test::sample_visit(), c));
  CHECK(desk.run({"consolidate", "--out", "all.json", "b.json"}) == 3);
  CHECK(desk.err.str().find("belongs to site site-C; a file of site site-B may not carry or delete it") !=
        std::string::npos);
  CHECK(desk.out.str().find("0 records") != std::string::npos);
}

TEST_CASE("desk-tool consolidate: a site folder and a folder of site folders, bad lines named by file and line") {
  Desk desk;
  auto visit = [](const std::string& site, std::uint64_t seed) {
    Actor a = test::actor("S001", test::morning(), seed);
    a.site = site;
    return create_record(test::sample_visit(), a);
  };
  const Visit a1 = visit("site-A", 1), a2 = visit("site-A", 2), b1 = visit("site-B", 3);
  Visit a1_edit = a1;
  a1_edit.content = "前台2 改过";
  a1_edit = revise_record(a1, a1_edit, test::actor("S002", test::morning(), 4));
  std::string damaged = journal_line(a2);
  damaged[25] ^= 0x01;
  // Site A: two desks, one edit of desk 1's record on desk 2, one damaged line.
  desk.files["hq/A/" + desk_file_path("desk-1", 1)] = folder_header_line("site-A", "desk-1") + journal_line(a1);
  desk.files["hq/A/" + desk_file_path("desk-2", 1)] =
      folder_header_line("site-A", "desk-2") + journal_line(a1_edit) + damaged + journal_line(a2);
  desk.files["hq/A/readme.txt"] = "not a desk file";
  // Site B beside it, and a stray file of site B in site A's folder.
  desk.files["hq/B/" + desk_file_path("desk-9", 1)] = folder_header_line("site-B", "desk-9") + journal_line(b1);
  desk.files["hq/A/" + desk_file_path("desk-3", 1)] = folder_header_line("site-B", "desk-3") + journal_line(b1);

  CHECK(desk.run({"consolidate", "--out", "all.json", "hq"}) == 3);  // done, with problems reported
  const std::string err = desk.err.str();
  CHECK(err.find("hq/A/desks/desk-2/journal-0001.jsonl line 3: checksum or content bad") != std::string::npos);
  CHECK(err.find("hq/A/desks/desk-3/journal-0001.jsonl: belongs to another site (site-B)") != std::string::npos);
  CHECK(err.find("merged: hq/A (site site-A, 2 records") != std::string::npos);
  CHECK(err.find("merged: hq/B (site site-B, 1 records") != std::string::npos);
  auto all = parse_export(desk.files.at("all.json"));
  REQUIRE(all.ok());
  CHECK(all->records.table<Visit>().size() == 3);
  CHECK(all->records.table<Visit>().find(a1.meta.id)->content == "前台2 改过");

  // One site folder given directly reads the same; --on-error abort stops at the damaged line.
  desk.err.str("");
  CHECK(desk.run({"consolidate", "--out", "a.json", "hq/B"}) == 0);
  CHECK(parse_export(desk.files.at("a.json"))->records.size() == 1);
  CHECK(desk.run({"consolidate", "--on-error", "abort", "--out", "x.json", "hq/A"}) == 1);
  CHECK(desk.files.count("x.json") == 0);

  // A folder with no desk files is refused by name.
  desk.files["empty/notes.txt"] = "x";
  desk.err.str("");
  CHECK(desk.run({"consolidate", "--out", "y.json", "empty"}) == 3);  // skipped, like a bad file
  CHECK(desk.err.str().find("no desk files") != std::string::npos);
}

TEST_CASE("desk-tool: bad arguments exit 2 with the reason and the usage") {
  Desk desk;
  CHECK(desk.run({"generate", "--out", "x.json", "--records", "abc"}) == 2);
  CHECK(desk.err.str().find("--records must be a whole number") != std::string::npos);
  CHECK(desk.err.str().find("usage:") != std::string::npos);
  CHECK(desk.files.empty());
}
