// Drives a Desk with generated operations (save new, edit, workflow step,
// import) and checks the promise of issue 17 after each one and after a
// batch: a refused operation leaves the stored bytes unchanged; an accepted
// one reads back identically after a reload, with the fast reader and with
// the tree reader, line by line (no line the writer wrote is ever refused,
// so none can end up in quarantine), and exports and re-imports identically.
// Each check returns "" or what broke, so the Catch2 test and the fuzzer can
// both use it.
#pragma once
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>

#include "app/desk.hpp"
#include "core/record_reader.hpp"
#include "core/sample_data.hpp"
#include "core/segment_pack.hpp"
#include "core/team.hpp"
#include "plausible.hpp"
#include "record_gen.hpp"

namespace desk::gen {

struct Stats {
  std::size_t saved = 0, save_refused = 0, performed = 0, perform_refused = 0, imported = 0, import_refused = 0;
  std::size_t at_limit_saved = 0, at_limit_imported = 0, over_limit_refused = 0;
  std::size_t near_max_revision_edits = 0, exhausted_refused = 0;
};

// Every record of `d` as JSON, one per line, in table order.
inline std::string canonical(const Dataset& d) {
  std::string out;
  d.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) out += record_to_json(r).dump() + "\n";
  });
  return out;
}

// Calls f(table) for the k-th record type of a Dataset (k < kTypes).
template <class F>
void with_table(Dataset& d, std::size_t k, F&& f) {
  std::size_t i = 0;
  d.each_table([&](auto& t) {
    if (i++ == k) f(t);
  });
}
constexpr std::size_t kTypes = std::tuple_size_v<decltype(Dataset::tables)>;

class Runner {
 public:
  Runner(std::string dir, Gen& g)
      : dir_(std::move(dir)), g_(g), desk_(dir_, [](Desk::PersistDone done) { done(true, ""); }) {
    std::filesystem::remove_all(dir_);
    desk_.load();
    SampleOptions o;
    o.records = 40;
    o.seed = g_.below(1000) + 1;
    samples_ = sample_dataset(o);
  }

  Stats stats;

  // One generated operation; "" or the property it broke.
  std::string step() {
    g_.over_limit = g_.at_limit = false;
    g_.import_mode = false;
    problem_.clear();
    const auto before = snapshot();
    const auto version = desk_.version();
    const auto op = g_.below(10);
    bool accepted = false;
    std::string what;
    if (op < 4)
      accepted = save_new(what);
    else if (op < 6)
      accepted = edit(what);
    else if (op < 8)
      accepted = step_workflow(what);
    else
      accepted = import(what);
    if (what.empty()) return "";  // nothing to do (e.g. no stored record yet)
    if (!problem_.empty()) return problem_;
    if (accepted && desk_.state() != Desk::SaveState::saved && desk_.status().en != "No changes")
      return what + ": accepted but not saved (" + desk_.status().en + ")";
    if (!accepted) {
      if (snapshot() != before) return what + ": refused, yet the stored bytes changed";
      if (desk_.version() != version) return what + ": refused, yet the data changed";
    }
    return "";
  }

  // Reload with both readers, then export and re-import.
  std::string verify() {
    const std::string expected = canonical(desk_.data());
    std::string problem;
    desk_.data().each_table([&](const auto& t) {
      for (const auto& r : t.rows())
        if (problem.empty() && !check_limits(r).empty())
          problem = "a stored record is beyond the limits: " + r.meta.id + " " + check_limits(r).front().where;
    });
    if (!problem.empty()) return problem;

    Desk again(dir_, [](Desk::PersistDone done) { done(true, ""); });
    const auto report = again.load();
    if (report.dropped != 0 || !report.quarantined.empty())
      return "reload dropped " + std::to_string(report.dropped) + " and quarantined " +
             std::to_string(report.quarantined.size()) + " line(s) the writer wrote" +
             (report.quarantined.empty() ? "" : ": " + report.quarantined.front().line.reason.en);
    if (canonical(again.data()) != expected) return "reload (desk) differs from what was saved";

    // Each reader alone, line by line.
    Dataset by_fast, by_tree;
    std::vector<std::filesystem::path> segments;
    for (const auto& e : std::filesystem::directory_iterator(dir_))
      if (e.path().filename().string().rfind("seg-", 0) == 0) segments.push_back(e.path());
    std::sort(segments.begin(), segments.end());
    for (const auto& path : segments) {
      std::ifstream file(path, std::ios::binary);
      std::string bytes(std::istreambuf_iterator<char>(file), {});
      if (path.extension() == kPackedSegmentExt) {
        std::string raw;
        if (!unpack_segment(bytes, raw)) return "a closed segment does not unpack: " + path.filename().string();
        bytes = std::move(raw);
      }
      std::istringstream in(bytes);
      std::string line;
      while (std::getline(in, line)) {
        const std::string_view body = std::string_view(line).substr(9);
        if (!fast::read_record(body, by_fast)) return "the fast reader refuses a written line";
        if (!tree_read(std::string(body), by_tree)) return "the tree reader refuses a written line";
      }
    }
    if (canonical(by_fast) != expected) return "the fast reader reads back something else";
    if (canonical(by_tree) != expected) return "the tree reader reads back something else";

    // Export and re-import, in the app's layout and through the JSON tree.
    const std::string text =
        desk_.export_text({"site-A", "gen", {1'800'000'000'000}, {}, {}, false}, Role::project_manager).value();
    auto parsed = parse_export(text);
    if (!parsed)
      return "its own export is refused: " + parsed.errors().front().where + " " + parsed.errors().front().message.en;
    if (canonical(parsed->records) != expected) return "export and re-import differ";
    std::string tree = text;
    tree.replace(tree.find(",\n\"records\": ["), 14, ", \"records\": [");
    auto by_doc_tree = parse_export(tree);
    if (!by_doc_tree) return "its own export (tree layout) is refused: " + by_doc_tree.errors().front().message.en;
    if (canonical(by_doc_tree->records) != expected) return "export and re-import (tree layout) differ";
    return "";
  }

  const Desk& desk() const { return desk_; }

 private:
  Actor actor() {
    Actor a{"S001", "site-A", Timestamp{1'795'000'000'000 + static_cast<std::int64_t>(g_.below(1'000'000'000))},
            g_.bits(), Role::project_manager};
    if (g_.chance(2)) a.now = g_.time();  // sometimes at or past the ends of the time range
    if (!time_fits(a.now)) g_.over_limit = true, g_.over_field = "actor time";
    return a;
  }

  // A draft of the k-th type: a sample record of it when there is one.
  template <class R>
  R base_draft() {
    const auto& rows = samples_.table<R>().rows();
    R r = rows.empty() ? plausible_draft<R>(from_civil({2026, 11, 20, 10})) : rows[g_.below(rows.size())];
    r.meta = RecordMeta{};
    return r;
  }

  bool save_new(std::string& what) {
    bool accepted = false;
    with_table(scratch_, g_.below(kTypes), [&](auto& t) {
      using R = typename std::decay_t<decltype(t.rows())>::value_type;
      R draft = base_draft<R>();
      g_.mutate(draft);
      const Actor a = actor();
      what = std::string("save new ") + R::kType;
      accepted = desk_.save(draft, a).empty();
      count(accepted, stats.saved, stats.save_refused, stats.at_limit_saved);
      if (accepted && g_.over_limit) problem_ = what + ": a value past the limit (" + g_.over_field + ") was accepted";
    });
    return accepted;
  }

  bool edit(std::string& what) {
    bool accepted = false;
    with_table(scratch_, g_.below(kTypes), [&](auto& t) {
      using R = typename std::decay_t<decltype(t.rows())>::value_type;
      const auto& rows = desk_.data().template table<R>().rows();
      if (rows.empty()) return;
      R draft = rows[g_.below(rows.size())];
      if (draft.meta.deleted) return;
      const bool near_max = draft.meta.revision >= kMaxRevision - 1;
      g_.mutate(draft);
      if constexpr (requires { draft.content; }) draft.content += "。";  // an edit that changes something
      what = std::string("edit ") + R::kType;
      const auto version = desk_.version();
      const auto errors = desk_.save(draft, actor());
      accepted = errors.empty();
      const bool stored = desk_.version() != version;  // not "no changes"
      count(accepted, stats.saved, stats.save_refused, stats.at_limit_saved);
      if (near_max && accepted) ++stats.near_max_revision_edits;
      if (!accepted && draft.meta.revision >= kMaxRevision && error_for(errors, "revision")) ++stats.exhausted_refused;
      if (stored && (g_.over_limit || draft.meta.revision >= kMaxRevision))
        problem_ = what + ": a value past the limit (" + g_.over_field + ", or the revision) was accepted";
    });
    return accepted;
  }

  bool step_workflow(std::string& what) {
    bool accepted = false;
    // Only some types have a workflow: draw again (a few times) when the
    // drawn type has none or nothing to step, so adding a type without one
    // does not thin out the steps.
    for (int tries = 0; tries < 4 && what.empty(); ++tries)
      with_table(scratch_, g_.below(kTypes), [&](auto& t) {
        using R = typename std::decay_t<decltype(t.rows())>::value_type;
        if constexpr (requires(const R& r) { transitions(r); }) {
          const auto& rows = desk_.data().template table<R>().rows();
          if (rows.empty()) return;
          const R& stored = rows[g_.below(rows.size())];
          const auto actions = actions_from(transitions(stored), stored.status);
          if (actions.empty() || stored.meta.deleted) return;
          R draft = stored;
          g_.mutate_percent = 5;
          g_.mutate(draft);
          g_.mutate_percent = 20;
          what = std::string("workflow step on ") + R::kType;
          accepted = desk_.perform(draft, actions[g_.below(actions.size())], actor()).empty();
          count(accepted, stats.performed, stats.perform_refused, stats.at_limit_saved);
        }
      });
    return accepted;
  }

  bool import(std::string& what) {
    g_.import_mode = true;
    Dataset incoming;
    const auto n = 1 + g_.below(3);
    for (std::uint64_t i = 0; i < n; ++i) {
      with_table(scratch_, g_.below(kTypes), [&](auto& t) {
        using R = typename std::decay_t<decltype(t.rows())>::value_type;
        const auto& rows = desk_.data().template table<R>().rows();
        R r;
        if (!rows.empty() && g_.chance(40)) {  // a newer version of a stored record: a merge
          r = rows[g_.below(rows.size())];
          g_.mutate(r);
          r.meta.revision += static_cast<std::int64_t>(g_.below(3));
        } else {
          g_.extreme_percent = 3;  // every field is generated: a few extremes each
          g_.fill_all(r);
          g_.extreme_percent = 40;
          r.meta.id = make_record_id(Timestamp{1'795'000'000'000}, g_.bits());
          r.meta.site = g_.chance(80) ? "site-A" : g_.text();
          r.meta.created_at = g_.time();
          r.meta.updated_at = g_.time();
          r.meta.created_by = r.meta.updated_by = g_.chance(80) ? "S001" : g_.text();
          r.meta.deleted = g_.chance(10);
          const auto pick = g_.below(8);
          r.meta.revision = pick == 0   ? kMaxRevision
                            : pick == 1 ? kMaxRevision - 1
                            : pick == 2 ? kMaxRevision + 1
                            : pick == 3 ? std::numeric_limits<std::int64_t>::max()
                                        : 1 + static_cast<std::int64_t>(g_.below(5));
          if (pick == 0) g_.at_limit = true;
          if (pick == 2 || pick == 3) g_.over_limit = true, g_.over_field = "revision";
          const auto entries = g_.below(400) == 0 ? kMaxHistoryEntries + g_.below(2) : g_.below(4);
          if (entries == kMaxHistoryEntries) g_.at_limit = true;
          if (entries > kMaxHistoryEntries) g_.over_limit = true, g_.over_field = "history";
          g_.small = entries > 4;
          for (std::size_t k = 0; k < entries; ++k) r.meta.history.push_back(g_.change());
          g_.small = false;
        }
        if (incoming.table<R>().find(r.meta.id)) return;  // once per import: a merge here would hide a value
        incoming.table<R>().upsert(std::move(r));
      });
    }
    // A file never carries PIN fields (every export strips them), so a PIN
    // parameter generated past its limit never reaches the desk.
    if (g_.over_limit) {
      bool still_over = false;
      incoming.each_table([&](auto& t) {
        for (const auto& r : t.rows()) {
          auto sent = r;
          if constexpr (std::is_same_v<std::decay_t<decltype(sent)>, Staff>) strip_secrets(sent);
          still_over = still_over || !check_limits(sent).empty();
        }
      });
      if (!still_over) g_.over_limit = false;
    }
    what = "import of " + std::to_string(incoming.size()) + " record(s)";
    const std::string text = export_document(incoming, {"site-B", "gen", {1'800'000'000'000}, {}, {}, false});
    // A project manager imports and approves staff changes (held otherwise).
    Actor importer{"M001", "site-A", {1'800'000'000'000}, {}, Role::project_manager};
    auto plan = desk_.plan_import(text, importer, "gen.json");
    const bool accepted = plan.ok() && desk_.apply_import(plan.value(), importer, true).empty();
    count(accepted, stats.imported, stats.import_refused, stats.at_limit_imported);
    if (accepted && g_.over_limit) problem_ = what + ": a value past the limit (" + g_.over_field + ") was accepted";
    return accepted;
  }

  void count(bool accepted, std::size_t& yes, std::size_t& no, std::size_t& at_limit) {
    ++(accepted ? yes : no);
    if (accepted && g_.at_limit) ++at_limit;
    if (!accepted && g_.over_limit) ++stats.over_limit_refused;
  }

  static bool tree_read(const std::string& body, Dataset& into) {
    const json j = json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("type")) return false;
    bool ok = false;
    into.each_table([&](auto& t) {
      using R = typename std::decay_t<decltype(t.rows())>::value_type;
      if (j["type"] != R::kType) return;
      R r;
      Errors errors;
      if ((ok = record_from_json(j, r, errors, ""))) t.upsert(std::move(r));
    });
    return ok;
  }

  // File names and sizes, and the bytes of the newest segment (the only
  // file an append touches).
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> out;
    std::string newest;
    for (const auto& e : std::filesystem::directory_iterator(dir_)) {
      const std::string name = e.path().filename().string();
      out[name] = std::to_string(std::filesystem::file_size(e.path()));
      if (name.rfind("seg-", 0) == 0 && name > newest) newest = name;
    }
    if (!newest.empty()) {
      std::ifstream in(std::filesystem::path(dir_) / newest, std::ios::binary);
      out["bytes of " + newest] = std::string(std::istreambuf_iterator<char>(in), {});
    }
    return out;
  }

  std::string problem_;  // a property an operation broke
  std::string dir_;
  Gen& g_;
  Desk desk_;
  Dataset samples_;
  Dataset scratch_;  // only its types are used
};

}  // namespace desk::gen
