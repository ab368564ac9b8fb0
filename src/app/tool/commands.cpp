#include "app/tool/commands.hpp"

#include <set>

#include "app/tool/files.hpp"
#include "core/consolidate.hpp"
#include "core/sample_data.hpp"
#include "core/stats.hpp"

namespace desk::tool {

namespace {

void report(std::ostream& err, const std::string& file, const Errors& errors) {
  for (const auto& e : errors) err << file << ": " << e.where << ": " << e.message.en << "\n";
}

Expected<Imported> read_export(Io& io, const std::string& file) {
  auto text = io.read(file);
  if (!text.ok()) return text.errors();
  return parse_export(text.value(), kToolMaxBytes);
}

struct NoteCounts {
  std::size_t conflicts = 0, foreign = 0, disputed = 0;
  std::size_t total() const { return conflicts + foreign + disputed; }
};

NoteCounts count(const std::vector<ConsolidationNote>& notes) {
  NoteCounts c;
  for (const auto& n : notes) {
    using K = ConsolidationNote::Kind;
    (n.kind == K::conflict ? c.conflicts : n.kind == K::foreign_site ? c.foreign : c.disputed) += 1;
  }
  return c;
}

}  // namespace

int run_check(const CheckCommand& command, Io& io) {
  int bad = 0;
  for (const auto& f : command.files) {
    auto r = read_export(io, f);
    if (!r.ok()) {
      ++bad;
      for (const auto& e : r.errors()) io.out << f << ": " << e.where << ": " << e.message.en << "\n";
      continue;
    }
    io.out << f << ": ok, site " << r->header.site << ", device " << r->header.device << ", exported "
           << format_iso(r->header.exported_at) << ", " << r->records.size() << " records\n";
  }
  return bad == 0 ? 0 : 1;
}

int run_consolidate(const ConsolidateCommand& command, Io& io) {
  Consolidation merged;
  Timestamp newest;
  std::size_t bad = 0, reported = 0;
  for (const auto& f : command.files) {
    const Expected<Imported> r = read_export(io, f);
    if (!r.ok()) {
      ++bad;
      report(io.err, f, r.errors());
      if (command.abort_on_error) {
        io.err << "aborted: " << f << " is bad; nothing written\n";
        return 1;
      }
      io.err << "skipped: " << f << "\n";
      continue;
    }
    newest = std::max(newest, r->header.exported_at);
    const FileOutcome o = merged.add(f, r.value());
    for (; reported < merged.notes().size(); ++reported) {
      const Msg m = merged.notes()[reported].message();
      io.err << f << ": " << m.zh << " / " << m.en << "\n";
    }
    io.err << "merged: " << f << " (site " << r->header.site << ", " << o.records << " records, " << o.changed
           << " new or changed" << (o.skipped ? ", " + std::to_string(o.skipped) + " skipped" : "") << ")\n";
  }
  const NoteCounts notes = count(merged.notes());
  if (notes.total() > 0)
    io.err << "reported: " << notes.conflicts << " conflicting versions, " << notes.foreign
           << " records of another site skipped, " << notes.disputed << " site changes refused\n";
  if (command.strict && notes.total() > 0) {
    io.err << "refused (--strict): 合并中有冲突或站点不符的记录，未写入任何文件 / "
              "conflicts or records outside their site were found; nothing written\n";
    return 1;
  }
  const Dataset all = merged.take_result();
  ExportOptions o;
  o.site = kConsolidatedSite;
  o.device = kConsolidationDevice;
  o.now = newest;
  if (auto failed = io.write(command.out, export_document(all, o))) {
    io.err << failed->zh << " / " << failed->en << "\n";
    return 1;
  }
  io.out << "consolidated " << (command.files.size() - bad) << " of " << command.files.size() << " files, "
         << all.size() << " records, into " << command.out << "\n";
  // The month reported: --month, else that of the newest record.
  std::set<std::string> sites;
  Timestamp newest_record;
  all.each_table([&](const auto& t) {
    for (const auto& rec : t.rows()) {
      sites.insert(rec.meta.site);
      newest_record = std::max(newest_record, rec.meta.created_at);
    }
  });
  const CivilTime at = to_civil(newest_record);
  const Month month = command.month.value_or(Month{at.year, at.month});
  for (const auto& site : sites) io.out << stats_text(monthly_stats(all, site, month.year, month.month, newest));
  io.out << stats_text(monthly_stats(all, "", month.year, month.month, newest));
  return bad == 0 && notes.total() == 0 ? 0 : 3;
}

int run_generate(const GenerateCommand& command, Io& io) {
  ExportOptions e;
  e.site = command.sample.site;
  e.device = command.device;
  e.now = add_months(from_civil({command.sample.year, command.sample.month, 1}), 1);
  if (auto failed = io.write(command.out, export_document(sample_dataset(command.sample), e))) {
    io.err << failed->zh << " / " << failed->en << "\n";
    return 1;
  }
  io.out << "wrote " << command.sample.records << " records of " << command.sample.site << " to " << command.out
         << "\n";
  return 0;
}

int run(const std::vector<std::string>& args, Io& io) {
  auto parsed = parse_command_line(args);
  if (!parsed.ok()) {
    for (const auto& e : parsed.errors()) io.err << "desk-tool: " << e.message.zh << " / " << e.message.en << "\n";
    io.err << usage_text();
    return 2;
  }
  return std::visit(
      [&](const auto& command) {
        using C = std::decay_t<decltype(command)>;
        if constexpr (std::is_same_v<C, CheckCommand>)
          return run_check(command, io);
        else if constexpr (std::is_same_v<C, ConsolidateCommand>)
          return run_consolidate(command, io);
        else
          return run_generate(command, io);
      },
      parsed.value());
}

}  // namespace desk::tool
