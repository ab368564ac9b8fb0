// desk-tool: the native command-line companion of the desk, built from the
// same core as the browser app.
//   desk-tool check FILE...
//   desk-tool consolidate --out FILE [--on-error skip|abort] [--month YYYY-MM] FILE...
//   desk-tool generate --out FILE [--site S] [--month YYYY-MM] [--records N] [--seed N] [--only TYPE]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "app/tool/args.hpp"
#include "core/exchange.hpp"
#include "core/sample_data.hpp"
#include "core/stats.hpp"

namespace {

using desk::tool::Args;

// Exports read from disk may be larger than the browser accepts.
constexpr std::size_t kToolMaxBytes = std::size_t{4} << 30;

int usage() {
  std::cerr << "usage:\n"
               "  desk-tool check FILE...\n"
               "      validate export files and print what they hold\n"
               "  desk-tool consolidate --out FILE [--on-error skip|abort] [--month YYYY-MM] FILE...\n"
               "      merge exports of many sites and devices into FILE and print the month's statistics\n"
               "      per site and overall; a bad file is reported by name, then skipped (default) or aborts\n"
               "  desk-tool generate --out FILE [--site S] [--month YYYY-MM] [--records N] [--seed N] [--only TYPE]\n"
               "      write a sample export (for tests and benchmarks)\n";
  return 2;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

bool write_file(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!(out << text)) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

void report(const std::string& file, const desk::Errors& errors) {
  for (const auto& e : errors) std::cerr << file << ": " << e.where << ": " << e.message.en << "\n";
}

int check(const std::vector<std::string>& files) {
  int bad = 0;
  for (const auto& f : files) {
    std::string text;
    if (!read_file(f, text)) {
      std::cout << f << ": cannot open\n";
      ++bad;
      continue;
    }
    auto r = desk::parse_export(text, kToolMaxBytes);
    if (!r.ok()) {
      ++bad;
      for (const auto& e : r.errors()) std::cout << f << ": " << e.where << ": " << e.message.en << "\n";
      continue;
    }
    std::cout << f << ": ok, site " << r->header.site << ", device " << r->header.device << ", exported "
              << desk::format_iso(r->header.exported_at) << ", " << r->records.size() << " records\n";
  }
  return bad == 0 ? 0 : 1;
}

int consolidate(const Args& args) {
  const std::string out = args.option("out");
  const std::string on_error = args.option("on-error", "skip");
  if (out.empty() || args.files.empty() || (on_error != "skip" && on_error != "abort")) return usage();
  desk::Dataset all;
  std::set<std::string> sites;
  desk::Timestamp newest, newest_record;
  int bad = 0;
  for (const auto& f : args.files) {
    std::string text;
    desk::Expected<desk::Imported> r = read_file(f, text) ? desk::parse_export(text, kToolMaxBytes)
                                                          : desk::Errors{{"file", {"无法打开", "cannot open"}}};
    if (!r.ok()) {
      ++bad;
      report(f, r.errors());
      if (on_error == "abort") {
        std::cerr << "aborted: " << f << " is bad; nothing written\n";
        return 1;
      }
      std::cerr << "skipped: " << f << "\n";
      continue;
    }
    newest = std::max(newest, r->header.exported_at);
    r->records.each_table([&](const auto& t) {
      for (const auto& rec : t.rows()) {
        sites.insert(rec.meta.site);
        newest_record = std::max(newest_record, rec.meta.created_at);
      }
    });
    const auto changed = desk::merge_into(all, r->records);
    std::cerr << "merged: " << f << " (site " << r->header.site << ", " << r->records.size() << " records, " << changed
              << " new or changed)\n";
  }
  desk::ExportOptions o;
  o.site = "consolidated";
  o.device = "desk-tool";
  o.now = newest;
  if (!write_file(out, desk::export_document(all, o))) {
    std::cerr << out << ": cannot write\n";
    return 1;
  }
  std::cout << "consolidated " << (args.files.size() - bad) << " of " << args.files.size() << " files, " << all.size()
            << " records, into " << out << "\n";
  // The month reported: --month, else that of the newest record.
  const desk::CivilTime at = desk::to_civil(newest_record);
  int year = at.year, month = at.month;
  if (auto m = args.option("month"); !m.empty() && std::sscanf(m.c_str(), "%d-%d", &year, &month) != 2) return usage();
  for (const auto& site : sites) std::cout << desk::stats_text(desk::monthly_stats(all, site, year, month, newest));
  std::cout << desk::stats_text(desk::monthly_stats(all, "", year, month, newest));
  return bad == 0 ? 0 : 3;  // 3: done, but some files were skipped
}

int generate(const Args& args) {
  desk::SampleOptions o;
  const std::string out = args.option("out");
  if (out.empty()) return usage();
  o.site = args.option("site", o.site);
  o.records = std::stoul(args.option("records", "100"));
  o.seed = std::stoull(args.option("seed", "1"));
  o.only = args.option("only", "");
  if (!o.only.empty() && o.only != "visit" && o.only != "complaint" && o.only != "repair" && o.only != "key_loan")
    return usage();
  if (auto m = args.option("month"); !m.empty() && std::sscanf(m.c_str(), "%d-%d", &o.year, &o.month) != 2)
    return usage();
  desk::ExportOptions e;
  e.site = o.site;
  e.device = args.option("device", "sample");
  e.now = desk::add_months(desk::from_civil({o.year, o.month, 1}), 1);
  if (!write_file(out, desk::export_document(desk::sample_dataset(o), e))) return 1;
  std::cout << "wrote " << o.records << " records of " << o.site << " to " << out << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string cmd = argv[1];
  const Args args = desk::tool::parse_args(argc - 2, argv + 2);
  if (!args.ok) return usage();
  if (cmd == "check" && !args.files.empty()) return check(args.files);
  if (cmd == "consolidate") return consolidate(args);
  if (cmd == "generate") return generate(args);
  return usage();
}
