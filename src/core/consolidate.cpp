#include "core/consolidate.hpp"

#include <algorithm>
#include <functional>
#include <tuple>
#include <unordered_map>

namespace desk {

namespace {

// A version no longer stored (a later revision replaced it), remembered by
// its content so that a different content under its revision is still seen.
struct Seen {
  std::int64_t revision;
  std::size_t hash;
  std::size_t file;
};

template <class R>
struct TypeTracking {
  std::vector<std::size_t> origin;  // by row of the result table: file of the stored version
  std::vector<bool> disputed;       // by row: claimed by two sites
  std::unordered_map<std::string, std::vector<Seen>> superseded;  // by id
};

template <class T>
struct TrackingFor;
template <class... R>
struct TrackingFor<TableSet<R...>> {
  std::tuple<TypeTracking<R>...> types;
};

bool same_meta(const RecordMeta& a, const RecordMeta& b) {
  return a.id == b.id && a.site == b.site && a.created_at == b.created_at && a.created_by == b.created_by &&
         a.updated_at == b.updated_at && a.updated_by == b.updated_by && a.revision == b.revision &&
         a.deleted == b.deleted;
}

// The keys (envelope, then data) whose values differ; history is not content.
template <class R>
std::vector<std::string> differing_fields(const R& a, const R& b) {
  std::vector<std::string> out;
  const RecordMeta &x = a.meta, &y = b.meta;
  if (x.site != y.site) out.push_back("site");
  if (x.created_at != y.created_at) out.push_back("created_at");
  if (x.created_by != y.created_by) out.push_back("created_by");
  if (x.updated_at != y.updated_at) out.push_back("updated_at");
  if (x.updated_by != y.updated_by) out.push_back("updated_by");
  if (x.deleted != y.deleted) out.push_back("deleted");
  for (const auto& change : diff_fields(a, b)) out.push_back(change.field);
  return out;
}

template <class R>
std::size_t content_hash(R r) {
  r.meta.history.clear();
  return std::hash<std::string>{}(record_to_json(r).dump());
}

std::string join(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

}  // namespace

struct Consolidation::Tracking : TrackingFor<Dataset> {};

Consolidation::Consolidation() : tracking_(std::make_unique<Tracking>()) {}
Consolidation::~Consolidation() = default;

bool is_consolidation_output(const ExportHeader& header) {
  return header.site == kConsolidatedSite && header.device == kConsolidationDevice;
}

Msg ConsolidationNote::message() const {
  const Msg label = record_type_label(type);
  const std::string zh_what = label.zh + " " + id + " 修订 " + std::to_string(revision);
  const std::string en_what = type + " " + id + " revision " + std::to_string(revision);
  switch (kind) {
    case Kind::conflict: {
      const bool known = !fields.empty();
      return {zh_what + "：与 " + other_file + " 中同一修订的内容不同" +
                  (known ? "（" + join(fields) + "）" : "（那个版本已被更高修订取代，未逐项比较）") +
                  "，已按合并规则选定其一",
              en_what + ": differs from the same revision in " + other_file +
                  (known ? " (" + join(fields) + ")" : " (that version was superseded; fields not compared)") +
                  "; one was picked by the merge rule"};
    }
    case Kind::foreign_site:
      return {zh_what + "：属于站点 " + site + "，站点 " + other_site + " 的文件不能提交或删除它，已跳过",
              en_what + ": belongs to site " + site + "; a file of site " + other_site +
                  " may not carry or delete it: skipped"};
    case Kind::site_changed:
      return {zh_what + "：在 " + other_file + " 中属于站点 " + other_site + "，此处为站点 " + site +
                  "；记录的站点不能更改，此记录不计入合并结果，请核实",
              en_what + ": of site " + other_site + " in " + other_file + " but of site " + site +
                  " here; a record's site never changes, so the record is left out of the result: please check"};
  }
  return {};
}

FileOutcome Consolidation::add(const std::string& file, const Imported& imported) {
  const std::size_t fi = files_.size();
  files_.push_back(file);
  const bool any_site = is_consolidation_output(imported.header);
  FileOutcome outcome;
  outcome.records = imported.records.size();
  imported.records.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    auto& result = all_.table<R>();
    auto& track = std::get<TypeTracking<R>>(tracking_->types);
    auto note = [&](ConsolidationNote::Kind kind, const R& r) -> ConsolidationNote& {
      ConsolidationNote n;
      n.kind = kind;
      n.file = file;
      n.type = R::kType;
      n.id = r.meta.id;
      n.revision = r.meta.revision;
      n.site = r.meta.site;
      return notes_.emplace_back(std::move(n));
    };
    for (const R& r : table.rows()) {
      if (!any_site && r.meta.site != imported.header.site) {
        note(ConsolidationNote::Kind::foreign_site, r).other_site = imported.header.site;
        ++outcome.skipped;
        continue;
      }
      const R* stored = result.find(r.meta.id);
      if (!stored) {
        result.upsert(r);
        track.origin.push_back(fi);
        track.disputed.push_back(false);
        ++outcome.changed;
        continue;
      }
      const auto row = static_cast<std::size_t>(stored - result.rows().data());
      if (stored->meta.site != r.meta.site) {
        auto& n = note(ConsolidationNote::Kind::site_changed, r);
        n.other_file = files_[track.origin[row]];
        n.other_site = stored->meta.site;
        track.disputed[row] = true;
        ++outcome.skipped;
        continue;
      }
      if (r.meta.revision == stored->meta.revision) {
        if (!same_meta(r.meta, stored->meta) || !diff_fields(r, *stored).empty()) {
          auto& n = note(ConsolidationNote::Kind::conflict, r);
          n.other_file = files_[track.origin[row]];
          n.fields = differing_fields(*stored, r);
          if (wins_over(r, *stored)) track.origin[row] = fi;
        }
      } else {
        // Versions under a lower revision than the stored one are kept as
        // hashes; the stored one joins them when a later revision replaces it.
        const bool newer = r.meta.revision > stored->meta.revision;
        const R& older = newer ? *stored : r;
        const std::size_t older_file = newer ? track.origin[row] : fi;
        const std::size_t hash = content_hash(older);
        auto& seen = track.superseded[r.meta.id];
        const Seen* clash = nullptr;
        bool known = false;
        for (const auto& s : seen) {
          if (s.revision != older.meta.revision) continue;
          if (s.hash == hash)
            known = true;
          else
            clash = &s;
        }
        if (!known) {
          if (clash) note(ConsolidationNote::Kind::conflict, older).other_file = files_[clash->file];
          seen.push_back({older.meta.revision, hash, older_file});
        }
        if (newer) track.origin[row] = fi;
      }
      outcome.changed += result.upsert(r);
    }
  });
  return outcome;
}

Dataset Consolidation::take_result() {
  bool any = false;
  std::apply(
      [&](const auto&... t) {
        ((any |= std::find(t.disputed.begin(), t.disputed.end(), true) != t.disputed.end()), ...);
      },
      tracking_->types);
  if (!any) return std::move(all_);
  Dataset kept;
  all_.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    const auto& track = std::get<TypeTracking<R>>(tracking_->types);
    for (std::size_t row = 0; row < table.rows().size(); ++row)
      if (!track.disputed[row]) kept.table<R>().upsert(table.rows()[row]);
  });
  all_ = Dataset{};
  return kept;
}

}  // namespace desk
