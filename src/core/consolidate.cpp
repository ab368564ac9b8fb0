#include "core/consolidate.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/export_lines.hpp"

namespace desk {

namespace {

// A version no longer stored (a later revision replaced it), remembered by
// its content so that a different content under its revision is still seen.
struct Seen {
  std::int64_t revision;
  std::size_t hash;
  std::size_t file;
};

// Texts kept end to end in large blocks: one allocation per block, not per
// record, so the heap holds only what is short-lived (and stays quick), and
// every block goes back to the system at once. A text replaced stays until
// the end (only records that changed leave one).
class TextArena {
 public:
  std::string_view add(std::string_view text) {
    if (text.size() > capacity_ - used_) {
      capacity_ = std::max(kBlock, text.size());
      blocks_.emplace_back(new char[capacity_]);
      used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::memcpy(at, text.data(), text.size());
    used_ += text.size();
    return {at, text.size()};
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{16} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t capacity_ = 0, used_ = 0;
};

// One record type's part of the merge: each record as its output line.
struct Store {
  std::vector<std::string_view> text;  // by row: the stored version (record_text), in the arena
  std::vector<std::size_t> origin;     // by row: file of the stored version
  std::vector<bool> disputed;          // by row: claimed by two sites
  // id → row; the id is the one in the row's first text, in the arena
  std::unordered_map<std::string_view, std::size_t> index;
  std::unordered_map<std::string, std::vector<Seen>> superseded;  // by id
};

// The string value after the last `key` in a line (`"id":"`): in a record's
// line as record_text writes it (keys sorted), the top-level one for id,
// site and type. Empty when there is none, or it holds an escape.
std::string_view last_value(std::string_view line, std::string_view key) {
  const std::size_t at = line.rfind(key);
  if (at == std::string_view::npos) return {};
  const std::size_t begin = at + key.size(), end = line.find('"', begin);
  if (end == std::string_view::npos) return {};
  const std::string_view value = line.substr(begin, end - begin);
  return value.find('\\') == std::string_view::npos ? value : std::string_view{};
}

// The position of a record type in AnyRecord, or kNone.
constexpr std::size_t kNone = std::variant_size_v<AnyRecord>;
template <std::size_t I = 0>
std::size_t type_index(std::string_view type) {
  if constexpr (I == kNone) {
    return kNone;
  } else {
    return type == std::variant_alternative_t<I, AnyRecord>::kType ? I : type_index<I + 1>(type);
  }
}

// A record's line, in no more memory than its length while it waits in a
// batch (a dump grows its string by doubling).
template <class R>
std::string compact_text(const R& r) {
  std::string text = record_text(r);
  text.shrink_to_fit();
  return text;
}

std::uint64_t id_hash(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

// A stored line read back.
template <class R>
R decode(std::string_view text) {
  AnyRecord any;
  read_record_line(text, any);  // a line the merge wrote: a valid record
  return std::get<R>(std::move(any));
}

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

struct Consolidation::Tracking {
  std::array<Store, std::variant_size_v<AnyRecord>> types;
  TextArena arena;
};

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

Consolidation::Batch::Batch(const Consolidation& owner, std::string file, const ExportHeader& header)
    : owner_(&owner), file_(std::move(file)), site_(header.site), any_site_(is_consolidation_output(header)) {}

Consolidation::Batch Consolidation::batch(const std::string& file, const ExportHeader& header) const {
  return Batch(*this, file, header);
}

std::optional<bool> Consolidation::Batch::known(std::string_view line) {
  const std::size_t t = type_index(last_value(line, "\"type\":\""));
  if (t == kNone) return std::nullopt;
  const std::string_view id = last_value(line, "\"id\":\"");
  const Store& store = owner_->tracking_->types[t];
  const auto it = store.index.find(id);
  if (it == store.index.end() || store.text[it->second] != line) return std::nullopt;
  // The same line as the stored version: the same version again, unless of
  // another site than the file's (then read and reported like any other).
  if (!any_site_ && last_value(line, "\"site\":\"") != site_) return std::nullopt;
  if (!ids_[t].insert(id_hash(id)).second) return false;
  ++records_;
  return true;
}

bool Consolidation::Batch::add(AnyRecord&& record, std::string_view line) {
  const bool fresh =
      std::visit([&](const auto& r) { return ids_[record.index()].insert(id_hash(r.meta.id)).second; }, record);
  if (!fresh) return false;
  stage(std::move(record), line);
  return true;
}

void Consolidation::Batch::stage(AnyRecord&& record, std::string_view line) {
  const std::size_t t = record.index();
  std::visit(
      [&](const auto& r) {
        ++records_;
        const bool foreign = !any_site_ && r.meta.site != site_;
        const Store& store = owner_->tracking_->types[t];
        const auto it = foreign ? store.index.end() : store.index.find(r.meta.id);
        if (it == store.index.end()) {
          staged_[t].push_back({r.meta.id, compact_text(r), foreign});
          return;
        }
        // The same line as the stored version: the same version again.
        const std::string_view stored = store.text[it->second];
        if (!line.empty() && line == stored) return;
        std::string text = compact_text(r);
        if (text != stored) staged_[t].push_back({r.meta.id, std::move(text), false});
      },
      record);
}

template <std::size_t I>
void Consolidation::merge_staged(Batch& batch, std::size_t fi, FileOutcome& outcome) {
  using R = std::variant_alternative_t<I, AnyRecord>;
  Store& store = tracking_->types[I];
  const std::string& file = batch.file_;
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
  for (Batch::Staged& staged : batch.staged_[I]) {
    if (staged.foreign) {
      note(ConsolidationNote::Kind::foreign_site, decode<R>(staged.text)).other_site = batch.site_;
      ++outcome.skipped;
      continue;
    }
    const auto found = store.index.find(staged.id);
    if (found == store.index.end()) {
      const std::string_view text = tracking_->arena.add(staged.text);
      std::string_view id = last_value(text, "\"id\":\"");
      if (id != staged.id) id = tracking_->arena.add(staged.id);
      store.index.emplace(id, store.text.size());
      store.text.push_back(text);
      store.origin.push_back(fi);
      store.disputed.push_back(false);
      ++outcome.changed;
      continue;
    }
    const std::size_t row = found->second;
    if (staged.text == store.text[row]) continue;  // the same version again
    const R stored = decode<R>(store.text[row]);
    const R r = decode<R>(staged.text);
    if (stored.meta.site != r.meta.site) {
      auto& n = note(ConsolidationNote::Kind::site_changed, r);
      n.other_file = files_[store.origin[row]];
      n.other_site = stored.meta.site;
      store.disputed[row] = true;
      ++outcome.skipped;
      continue;
    }
    if (r.meta.revision == stored.meta.revision) {
      if (!same_meta(r.meta, stored.meta) || !diff_fields(r, stored).empty()) {
        auto& n = note(ConsolidationNote::Kind::conflict, r);
        n.other_file = files_[store.origin[row]];
        n.fields = differing_fields(stored, r);
        if (wins_over(r, stored)) store.origin[row] = fi;
      }
    } else {
      // Versions under a lower revision than the stored one are kept as
      // hashes; the stored one joins them when a later revision replaces it.
      const bool newer = r.meta.revision > stored.meta.revision;
      const R& older = newer ? stored : r;
      const std::size_t older_file = newer ? store.origin[row] : fi;
      const std::size_t hash = content_hash(older);
      auto& seen = store.superseded[r.meta.id];
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
      if (newer) store.origin[row] = fi;
    }
    // Table::upsert's rule: the merge of both versions (merge_record).
    if (stored == r) continue;
    R merged = merge_record(stored, r);
    if (merged == stored) continue;
    store.text[row] = tracking_->arena.add(record_text(merged));
    ++outcome.changed;
  }
}

FileOutcome Consolidation::add(Batch&& batch) {
  const std::size_t fi = files_.size();
  files_.push_back(batch.file_);
  FileOutcome outcome;
  outcome.records = batch.records_;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (merge_staged<I>(batch, fi, outcome), ...);
  }
  (std::make_index_sequence<Batch::kTypes>{});
  return outcome;
}

Consolidation::Batch Consolidation::batch(const std::string& file, const Imported& imported) const {
  Batch b = batch(file, imported.header);
  imported.records.each_table([&](const auto& table) {
    for (const auto& r : table.rows()) b.stage(AnyRecord(r), {});  // ids are unique in a Dataset
  });
  return b;
}

FileOutcome Consolidation::add(const std::string& file, const Imported& imported) {
  return add(batch(file, imported));
}

std::size_t Consolidation::size() const {
  std::size_t n = 0;
  for (const Store& store : tracking_->types)
    n += static_cast<std::size_t>(std::count(store.disputed.begin(), store.disputed.end(), false));
  return n;
}

void Consolidation::each_line(const std::function<void(std::string_view)>& f) const {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    auto type = [&]<std::size_t T>(std::integral_constant<std::size_t, T>) {
      using R = std::variant_alternative_t<T, AnyRecord>;
      const Store& store = tracking_->types[T];
      for (std::size_t row = 0; row < store.text.size(); ++row) {
        if (store.disputed[row]) continue;
        // A PIN never leaves the desk (team.hpp): staff lines are written again.
        if constexpr (std::is_same_v<R, Staff>)
          f(export_line(decode<R>(store.text[row])));
        else
          f(store.text[row]);
      }
    };
    (type(std::integral_constant<std::size_t, I>{}), ...);
  }
  (std::make_index_sequence<Batch::kTypes>{});
}

void Consolidation::reserve(Dataset& data) const {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (data.table<std::variant_alternative_t<I, AnyRecord>>().reserve(tracking_->types[I].text.size()), ...);
  }
  (std::make_index_sequence<Batch::kTypes>{});
}

Dataset Consolidation::take_result(bool with_history) {
  Dataset out;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    auto type = [&]<std::size_t T>(std::integral_constant<std::size_t, T>) {
      using R = std::variant_alternative_t<T, AnyRecord>;
      Store& store = tracking_->types[T];
      auto& table = out.table<R>();
      table.reserve(static_cast<std::size_t>(std::count(store.disputed.begin(), store.disputed.end(), false)));
      for (std::size_t row = 0; row < store.text.size(); ++row) {
        if (!store.disputed[row]) {
          R r = decode<R>(store.text[row]);
          if (!with_history) r.meta.history = {};
          table.upsert(std::move(r));
        }
      }
      store = Store{};
    };
    (type(std::integral_constant<std::size_t, I>{}), ...);
  }
  (std::make_index_sequence<Batch::kTypes>{});
  return out;
}

}  // namespace desk
