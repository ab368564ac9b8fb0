#include "app/tool/commands.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <sstream>

#include "../core/fixtures.hpp"
#include "core/consolidate.hpp"

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
        out, err};
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

TEST_CASE("desk-tool: bad arguments exit 2 with the reason and the usage") {
  Desk desk;
  CHECK(desk.run({"generate", "--out", "x.json", "--records", "abc"}) == 2);
  CHECK(desk.err.str().find("--records must be a whole number") != std::string::npos);
  CHECK(desk.err.str().find("usage:") != std::string::npos);
  CHECK(desk.files.empty());
}
