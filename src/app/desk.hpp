// The desk's data service: the dataset in memory, the journal on disk and
// the rule that a change is applied and reported saved only after it is
// durable. Views call it; it knows nothing about ImGui or the browser (the
// persist step is injected), so native tests drive it with a fake.
#pragma once
#include <functional>
#include <string>

#include "core/exchange.hpp"
#include "platform/file_store.hpp"

namespace desk {

class Desk {
 public:
  using PersistDone = std::function<void(bool ok, std::string error)>;
  using PersistFn = std::function<void(PersistDone)>;
  using Done = std::function<void(bool ok)>;

  enum class SaveState { idle, saving, saved, failed };

  Desk(std::string data_dir, PersistFn persist);

  FileStore::LoadReport load();
  const Dataset& data() const { return data_; }
  // Goes up by one whenever the dataset changes (views cache on it).
  std::uint64_t version() const { return version_; }

  SaveState state() const { return state_; }
  // What the last save or import said (shown in the status bar).
  const Msg& status() const { return status_; }
  bool busy() const { return state_ == SaveState::saving; }
  // Read-only: another tab of this desk is the writer (saves are refused).
  void set_read_only(bool on) { read_only_ = on; }
  bool read_only() const { return read_only_; }

  // Validates and stores a record: new when draft.meta.id is empty, else the
  // next revision of the stored one. Returns the problems (nothing stored),
  // or empty and calls done once the record is durable or has failed.
  template <HasFields R>
  Errors save(const R& draft, const Actor& actor, Done done = {});

  // Import: validate the whole file first; nothing changes when it is bad.
  struct ImportPlan {
    Imported imported;
    std::size_t added = 0, updated = 0, unchanged = 0;
  };
  Expected<ImportPlan> plan_import(std::string_view text) const;
  void apply_import(const ImportPlan& plan, Done done = {});

  std::string export_text(const ExportOptions& options) const { return export_document(data_, options); }

 private:
  // Appends the lines, persists, then applies `change` to the dataset.
  void commit(const std::string& lines, std::function<void(Dataset&)> change, Msg saved, Done done);

  Dataset data_;
  FileStore store_;
  PersistFn persist_;
  std::uint64_t version_ = 0;
  SaveState state_ = SaveState::idle;
  bool read_only_ = false;
  Msg status_;
};

Errors busy_error();
Errors read_only_error();

template <HasFields R>
Errors Desk::save(const R& draft, const Actor& actor, Done done) {
  if (read_only_) return read_only_error();
  if (busy()) return busy_error();
  Errors errors = validate(draft);
  if (!errors.empty()) return errors;
  const R* stored = draft.meta.id.empty() ? nullptr : data_.table<R>().find(draft.meta.id);
  if (!draft.meta.id.empty() && !stored)
    return {{"record", {"要修改的记录不存在", "The record being edited no longer exists"}}};
  if (stored && stored->meta.revision != draft.meta.revision)
    return {{"record", {"此记录已被他人修改，请重新打开后再改", "Someone else changed this record; reopen it first"}}};
  if (stored && diff_fields(*stored, draft).empty()) {
    status_ = {"没有改动", "No changes"};
    if (done) done(true);
    return {};
  }
  R record = stored ? revise_record(*stored, draft, actor) : create_record(draft, actor);
  commit(
      journal_line(record), [record](Dataset& d) { d.table<R>().upsert(record); },
      {stored ? "已保存修改" : "已保存", stored ? "Changes saved" : "Saved"}, std::move(done));
  return {};
}

}  // namespace desk
