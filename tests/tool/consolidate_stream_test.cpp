// `desk-tool consolidate` reads exports a line at a time and writes its
// result as it goes (issue 16). Its output must be byte for byte what the
// merge of the files read whole gives: every file parsed (parse_export),
// merged by the record rule (Table::upsert, merge_into) and written by
// export_document. The data: generated sites (sample_data), later revisions
// with fields drawn by tests/gen/record_gen.hpp, tombstones, a conflict at
// one revision, and one file in another layout (read whole).
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>

#include "../core/fixtures.hpp"
#include "../gen/record_gen.hpp"
#include "app/tool/commands.hpp"
#include "core/consolidate.hpp"
#include "core/sample_data.hpp"

using namespace desk;
using namespace desk::tool;

namespace {

// What an import accepts (a generated value may break a rule of the type).
template <class R>
bool readable(const R& r) {
  Dataset one;
  one.table<R>().upsert(r);
  return parse_export(export_document(one, {r.meta.site, "t", r.meta.updated_at, {}, {}, false})).ok();
}

// Later versions of some of `base`'s records: edited (fields generated),
// deleted, or (one) changed at the same revision.
Dataset later_versions(const Dataset& base, SampleRng& rng) {
  gen::Gen g([&] { return rng.next(); });
  g.import_mode = true;
  g.small = true;
  g.extreme_percent = 0;
  Dataset out;
  bool conflict = false;
  base.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    for (const R& r : table.rows()) {
      const Actor actor = test::actor("S002", r.meta.updated_at + 3600 * 1000, rng.next());
      const auto roll = g.below(10);
      if (roll < 3) {
        R edited = r;
        g.over_limit = false;
        g.mutate(edited);
        if (!g.over_limit && readable(revise_record(r, edited, actor)))
          out.table<R>().upsert(revise_record(r, edited, actor));
      } else if (roll == 3) {
        out.table<R>().upsert(tombstone_record(r, actor));
      } else if (roll == 4 && !conflict) {
        R forged = r;  // the same revision with other content
        forged.meta.updated_by = "S999";
        out.table<R>().upsert(forged);
        conflict = true;
      }
    }
  });
  return out;
}

std::string export_at(const Dataset& d, const std::string& site, const std::string& device, Timestamp now) {
  return export_document(d, {site, device, now, {}, {}, false});
}

struct Files {
  std::map<std::string, std::string> text;
  std::ostringstream out, err;
};

// desk-tool on files in memory, read a line at a time when `lines`.
int consolidate(Files& f, std::vector<std::string> args, bool lines) {
  Io io{[&](const std::string& p) -> Expected<std::string> {
          auto it = f.text.find(p);
          if (it == f.text.end()) return Errors{{"文件", {"无法打开", "cannot open"}}};
          return it->second;
        },
        [&](const std::string& p, const std::string& text) -> std::optional<Msg> {
          f.text[p] = text;
          return std::nullopt;
        },
        f.out, f.err};
  if (lines) {
    io.read_lines = [&](const std::string& p, const LineFn& line) -> Expected<bool> {
      const std::string& t = f.text.at(p);
      for (std::size_t pos = 0;;) {
        const std::size_t nl = t.find('\n', pos);
        if (!line(std::string_view(t).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos)))
          return false;
        if (nl == std::string::npos) return true;
        pos = nl + 1;
      }
    };
    io.write_with = [&](const std::string& p, const ProduceFn& produce) -> std::optional<Msg> {
      std::string& t = f.text[p] = "";
      produce([&](std::string_view piece) { t.append(piece); });
      return std::nullopt;
    };
  }
  args.insert(args.begin(), "consolidate");
  return run(args, io);
}

}  // namespace

TEST_CASE("desk-tool consolidate: streamed, the output is byte for byte the merge of the files read whole") {
  SampleRng rng(20261216);
  const Timestamp t0 = from_civil({2026, 12, 1});
  const Dataset a1 = sample_dataset({"site-A", 2026, 11, 400, 1});
  Dataset a2 = later_versions(a1, rng);
  merge_into(a2, sample_dataset({"site-A", 2026, 11, 60, 2}));  // records of the second desk only
  const Dataset b = sample_dataset({"site-B", 2026, 11, 300, 3});
  const Dataset b2 = later_versions(b, rng);

  Files f;
  f.text["a1.json"] = export_at(a1, "site-A", "desk-1", t0);
  f.text["a2.json"] = export_at(a2, "site-A", "desk-2", t0 + 60'000);
  f.text["b.json"] = export_at(b, "site-B", "desk-1", t0);
  // Another layout (indented JSON): read whole by parse_export.
  f.text["b2.json"] = json::parse(export_at(b2, "site-B", "desk-2", t0 + 120'000)).dump(2);

  Dataset expected;
  for (const char* name : {"a1.json", "a2.json", "b.json", "b2.json"}) {
    auto parsed = parse_export(f.text[name]);
    INFO(name << ": " << (parsed.ok() ? "" : parsed.errors()[0].where + " " + parsed.errors()[0].message.en));
    REQUIRE(parsed.ok());
    merge_into(expected, parsed->records);
  }
  REQUIRE(expected.size() > 700);
  const std::string want = export_document(expected, {kConsolidatedSite, kConsolidationDevice, t0 + 120'000});
  const std::vector<std::string> inputs = {"a1.json", "a2.json", "b.json", "b2.json"};

  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), inputs.begin(), inputs.end());
    return args;
  };
  // A conflict is reported (exit 3); the result is written all the same.
  CHECK(consolidate(f, with({"--out", "streamed.json"}), true) == 3);
  CHECK(consolidate(f, with({"--out", "whole.json"}), false) == 3);
  CHECK(f.err.str().find("differs from the same revision") != std::string::npos);
  CHECK(f.text["streamed.json"] == want);
  CHECK(f.text["whole.json"] == want);

  // --jsonl: the same records, one per line, nothing else.
  CHECK(consolidate(f, with({"--jsonl", "--out", "all.jsonl"}), true) == 3);
  std::string lines;
  for (std::size_t pos = want.find("\n{"); pos != std::string::npos; pos = want.find("\n{", pos + 1)) {
    const std::size_t end = want.find('\n', pos + 1);
    std::string line = want.substr(pos + 1, end - pos - 1);
    if (line.back() == ',') line.pop_back();
    lines += line + "\n";
  }
  CHECK(f.text["all.jsonl"] == lines);
}

TEST_CASE("desk-tool consolidate: a file that breaks off mid-way merges nothing of it") {
  Files f;
  const Dataset a = sample_dataset({"site-A", 2026, 11, 50, 1});
  const Dataset b = sample_dataset({"site-B", 2026, 11, 50, 2});
  f.text["a.json"] = export_at(a, "site-A", "desk-1", from_civil({2026, 12, 1}));
  const std::string whole_b = export_at(b, "site-B", "desk-1", from_civil({2026, 12, 1}));
  f.text["b.json"] = whole_b.substr(0, whole_b.size() * 2 / 3);  // cut inside the records
  CHECK(consolidate(f, {"--out", "all.json", "a.json", "b.json"}, true) == 3);
  CHECK(f.err.str().find("skipped: b.json") != std::string::npos);
  CHECK(f.text["all.json"] == export_document(a, {kConsolidatedSite, kConsolidationDevice, from_civil({2026, 12, 1})}));
  CHECK(consolidate(f, {"--on-error", "abort", "--out", "none.json", "a.json", "b.json"}, true) == 1);
  CHECK(f.text.count("none.json") == 0);
}
