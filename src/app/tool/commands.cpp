#include "app/tool/commands.hpp"

#include <set>

#include "app/tool/files.hpp"
#include "core/consolidate.hpp"
#include "core/sample_data.hpp"
#include "core/site_folder.hpp"
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

// One input of a consolidation: an export file, or one site folder.
struct Input {
  std::string name;
  Imported imported;
};

// A site folder, or a folder of site folders: each site folder is one input,
// its desks' files merged; what a file holds that is refused is reported by
// file and line (`problems` counts them) and skipped.
Expected<std::vector<Input>> read_folder(Io& io, const std::string& folder, const std::vector<std::string>& listing,
                                         std::size_t& problems) {
  std::vector<Input> out;
  for (const SiteFolderFiles& group : group_site_folders(listing)) {
    const std::string base = group.root.empty() ? folder : folder + "/" + group.root;
    Input in{base, {{kExportFormat, kExportVersion, "", "site-folder", {}}, {}}};
    for (const std::string& file : group.files) {
      const std::string path = base + "/" + file;
      auto bytes = io.read(path);
      if (!bytes.ok()) {
        ++problems;
        report(io.err, path, bytes.errors());
        continue;
      }
      // The site folder's site: the one its first readable desk file names.
      if (in.imported.header.site.empty()) in.imported.header.site = desk_file_site(bytes.value());
      FolderFileState state;
      FolderReadResult r = read_desk_file(file, bytes.value(), bytes.value().size(), in.imported.header.site, state);
      for (const auto& p : r.problems) io.err << base << "/" << p << "\n";
      problems += r.problems.size();
      merge_into(in.imported.records, r.records);
    }
    in.imported.records.each_table([&](const auto& t) {
      for (const auto& rec : t.rows())
        in.imported.header.exported_at = std::max(in.imported.header.exported_at, rec.meta.updated_at);
    });
    out.push_back(std::move(in));
  }
  if (out.empty())
    return Errors{{"文件夹",
                   {"文件夹中没有客服台的备份文件（desks/…/journal-NNNN.jsonl）",
                    "no desk files (desks/…/journal-NNNN.jsonl) in the folder"}}};
  return out;
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
  std::size_t skipped = 0;  // inputs not read at all
  auto merge = [&](const std::string& name, const Imported& imported) {
    newest = std::max(newest, imported.header.exported_at);
    const FileOutcome o = merged.add(name, imported);
    for (; reported < merged.notes().size(); ++reported) {
      const Msg m = merged.notes()[reported].message();
      io.err << name << ": " << m.zh << " / " << m.en << "\n";
    }
    io.err << "merged: " << name << " (site " << imported.header.site << ", " << o.records << " records, " << o.changed
           << " new or changed" << (o.skipped ? ", " + std::to_string(o.skipped) + " skipped" : "") << ")\n";
  };
  for (const auto& f : command.files) {
    auto listing = io.list ? io.list(f) : std::nullopt;
    std::size_t problems = 0;
    Expected<std::vector<Input>> folder = listing ? (listing->ok() ? read_folder(io, f, listing->value(), problems)
                                                                   : Expected<std::vector<Input>>(listing->errors()))
                                                  : Expected<std::vector<Input>>(std::vector<Input>{});
    Expected<Imported> r = listing ? Expected<Imported>(Errors{}) : read_export(io, f);
    const bool failed = listing ? !folder.ok() : !r.ok();
    if (failed || problems > 0) {
      ++bad;
      if (failed) report(io.err, f, listing ? folder.errors() : r.errors());
      if (command.abort_on_error) {
        io.err << "aborted: " << f << " is bad; nothing written\n";
        return 1;
      }
      if (failed) {
        ++skipped;
        io.err << "skipped: " << f << "\n";
        continue;
      }
    }
    if (!listing) {
      merge(f, r.value());
      continue;
    }
    io.err << "site folder: " << f << " (" << folder->size() << " site folder(s))\n";
    for (const Input& in : folder.value()) merge(in.name, in.imported);
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
  io.out << "consolidated " << (command.files.size() - skipped) << " of " << command.files.size() << " files, "
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
