// `desk-tool consolidate`: many exports and site folders merged into one
// file (core/consolidate.hpp), in bounded memory: an export in the app's own
// layout is read a line at a time (core/export_lines.hpp) and the result is
// written a line at a time as it is produced; a file in any other layout is
// read whole, one at a time. Then the month's statistics.
#include <memory>
#include <set>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app/tool/commands.hpp"
#include "core/consolidate.hpp"
#include "core/export_lines.hpp"
#include "core/site_folder.hpp"
#include "core/stats.hpp"

namespace desk::tool {

namespace {

void report(std::ostream& err, const std::string& file, const Errors& errors) {
  for (const auto& e : errors) err << file << ": " << e.where << ": " << e.message.en << "\n";
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

// One export file as a batch of the merge: read a line at a time when it
// is in the app's own layout, else whole (parse_export's verdict).
struct Loaded {
  ExportHeader header;
  Consolidation::Batch batch;
};
Expected<Loaded> load_export(Io& io, const std::string& file, const Consolidation& merged) {
  if (io.read_lines) {
    std::optional<Consolidation::Batch> batch;
    ExportLines lines([&](AnyRecord&& r, std::string_view line) { return batch->add(std::move(r), line); }, true,
                      [&](std::string_view line) {
                        if (!batch) batch.emplace(merged.batch(file, *lines.header()));
                        return batch->known(line);
                      });
    auto read = io.read_lines(file, [&](std::string_view line) { return lines.line(line); });
    if (!read.ok()) return read.errors();
    if (auto header = read.value() ? lines.finish() : std::nullopt) {
      if (!batch) batch.emplace(merged.batch(file, *header));
      return Loaded{std::move(*header), std::move(*batch)};
    }
  }
  auto whole = read_export(io, file);
  if (!whole.ok()) return whole.errors();
  return Loaded{whole->header, merged.batch(file, whole.value())};
}

// Each line of a file: a line at a time, or (no `read_lines`) read whole.
Expected<bool> each_line(Io& io, const std::string& path, const LineFn& line) {
  if (io.read_lines) return io.read_lines(path, line);
  auto text = io.read(path);
  if (!text.ok()) return text.errors();
  const std::string_view t = text.value();
  for (std::size_t pos = 0;;) {
    const std::size_t nl = t.find('\n', pos);
    if (!line(t.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos))) return false;
    if (nl == std::string_view::npos) return true;
    pos = nl + 1;
  }
}

// The result read back from the file just written, each record without its
// history (statistics do not read it). The merge's own copy is freed by
// then: the two are never in memory together.
std::optional<Msg> read_back(Io& io, const std::string& path, bool jsonl, Dataset& into) {
  auto keep = [&](AnyRecord&& r) {
    std::visit(
        [&](auto&& rec) {
          rec.meta.history = {};
          into.table<std::decay_t<decltype(rec)>>().upsert(std::move(rec));
        },
        std::move(r));
    return true;
  };
  ExportLines doc([&](AnyRecord&& r, std::string_view) { return keep(std::move(r)); }, false);
  auto read = each_line(io, path, [&](std::string_view line) {
    if (!jsonl) return doc.line(line);
    AnyRecord r;
    return line.empty() || (read_record_line(line, r) && keep(std::move(r)));
  });
  if (read.ok() && read.value() && (jsonl || doc.finish())) return std::nullopt;
  return Msg{"无法读回刚写入的 " + path + "，未能统计", "could not read back " + path + " just written: no statistics"};
}

// The result as export_document writes it, or one record per line (--jsonl).
void write_result(const Consolidation& merged, const ExportOptions& o, bool jsonl, const EmitFn& emit) {
  if (jsonl) {
    merged.each_line([&](std::string_view line) {
      emit(line);
      emit("\n");
    });
    return;
  }
  emit(export_head(o));
  bool first = true;
  merged.each_line([&](std::string_view line) {
    emit(export_separator(first));
    first = false;
    emit(line);
  });
  emit(kExportTail);
}

}  // namespace

int run_consolidate(const ConsolidateCommand& command, Io& io) {
  auto merged = std::make_unique<Consolidation>();
  Timestamp newest;
  std::size_t bad = 0, reported = 0;
  std::size_t skipped = 0;  // inputs not read at all
  // `add` merges one input's batch and says what it did.
  auto merge = [&](const std::string& name, const ExportHeader& header, auto&& add) {
    newest = std::max(newest, header.exported_at);
    const FileOutcome o = add();
    for (; reported < merged->notes().size(); ++reported) {
      const Msg m = merged->notes()[reported].message();
      io.err << name << ": " << m.zh << " / " << m.en << "\n";
    }
    io.err << "merged: " << name << " (site " << header.site << ", " << o.records << " records, " << o.changed
           << " new or changed" << (o.skipped ? ", " + std::to_string(o.skipped) + " skipped" : "") << ")\n";
  };
  for (const auto& f : command.files) {
    auto listing = io.list ? io.list(f) : std::nullopt;
    std::size_t problems = 0;
    Expected<std::vector<Input>> folder = listing ? (listing->ok() ? read_folder(io, f, listing->value(), problems)
                                                                   : Expected<std::vector<Input>>(listing->errors()))
                                                  : Expected<std::vector<Input>>(std::vector<Input>{});
    Expected<Loaded> r = listing ? Expected<Loaded>(Errors{}) : load_export(io, f, *merged);
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
      merge(f, r->header, [&] { return merged->add(std::move(r->batch)); });
      continue;
    }
    io.err << "site folder: " << f << " (" << folder->size() << " site folder(s))\n";
    for (const Input& in : folder.value())
      merge(in.name, in.imported.header, [&] { return merged->add(in.name, in.imported); });
  }
  const NoteCounts notes = count(merged->notes());
  if (notes.total() > 0)
    io.err << "reported: " << notes.conflicts << " conflicting versions, " << notes.foreign
           << " records of another site skipped, " << notes.disputed << " site changes refused\n";
  if (command.strict && notes.total() > 0) {
    io.err << "refused (--strict): 合并中有冲突或站点不符的记录，未写入任何文件 / "
              "conflicts or records outside their site were found; nothing written\n";
    return 1;
  }
  ExportOptions o;
  o.site = kConsolidatedSite;
  o.device = kConsolidationDevice;
  o.now = newest;
  const ProduceFn produce = [&](const EmitFn& emit) { write_result(*merged, o, command.jsonl, emit); };
  std::optional<Msg> failed;
  if (io.write_with) {
    failed = io.write_with(command.out, produce);
  } else {
    std::string text;
    produce([&](std::string_view piece) { text.append(piece); });
    failed = io.write(command.out, text);
  }
  if (failed) {
    io.err << failed->zh << " / " << failed->en << "\n";
    return 1;
  }
  Dataset all;
  merged->reserve(all);
  merged.reset();
#ifdef __GLIBC__
  malloc_trim(0);  // the merge's text, freed, goes back to the system
#endif
  if (auto unread = read_back(io, command.out, command.jsonl, all)) {
    io.err << unread->zh << " / " << unread->en << "\n";
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

}  // namespace desk::tool
