// The desk's data service: the dataset in memory, the journal on disk and
// the rule that a change is applied and reported saved only after it is
// durable. Views call it; it knows nothing about ImGui or the browser (the
// persist step is injected), so native tests drive it with a fake.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/exchange.hpp"
#include "core/journal.hpp"
#include "core/team.hpp"
#include "core/visit_turns.hpp"
#include "core/workflow.hpp"
#include "platform/file_store.hpp"

namespace desk {

Errors busy_error();
Errors read_only_error();
// The stored record is newer than the one being changed.
Errors stale_error();

// The site folder's files beside the journal: its on/off state, and the
// versions waiting for it (journal lines, PIN fields stripped).
constexpr const char* kFolderStateFile = "folder.json";
constexpr const char* kFolderOutboxFile = "folder-outbox.jsonl";
// When the last full export (a backup without the folder) was downloaded.
constexpr const char* kBackupFile = "backup.json";
// How far this desk has read each other desk's file (FolderSync's offsets).
constexpr const char* kFolderReadFile = "folder-read.json";
// Journal lines as they go to the site folder: staff lines without PINs.
std::string folder_lines(std::string_view journal_lines);

class Desk {
 public:
  using PersistDone = std::function<void(bool ok, std::string error)>;
  using PersistFn = std::function<void(PersistDone)>;
  using Done = std::function<void(bool ok)>;

  enum class SaveState { idle, saving, saved, failed, refused };

  Desk(std::string data_dir, PersistFn persist);

  FileStore::LoadReport load();
  // Stored lines no reader accepts, kept aside by the last load (supervisors
  // see and export them; nothing deletes them).
  const std::vector<FileStore::LoadReport::Quarantined>& quarantined() const { return quarantined_; }
  // The quarantined lines as a JSON document, for head office.
  std::string quarantine_text(const ExportOptions& options) const;
  const Dataset& data() const { return data_; }
  // Goes up by one whenever the dataset changes (views cache on it).
  std::uint64_t version() const { return version_; }

  SaveState state() const { return state_; }
  // What the last save or import said (shown in the status bar).
  const Msg& status() const { return status_; }
  // Forgets the last message (another person signed in: no stale success).
  void clear_status() {
    if (!busy()) status_ = {}, state_ = SaveState::idle;
  }
  bool busy() const { return state_ == SaveState::saving; }
  // Read-only: another tab of this desk is the writer, the store was
  // written by a newer version (load), or the browser could not read the
  // store at start (its reason): saves are refused, as one would replace
  // the stored files with this tab's empty copy.
  void set_read_only(bool on) { read_only_ = on; }
  void set_unreadable(std::string why) { unreadable_ = std::move(why); }
  bool read_only() const { return read_only_ || !store_.writable() || !unreadable_.empty(); }
  // Why this page cannot write (for the banner).
  Msg read_only_reason() const;
  bool read_only_because_newer() const { return !store_.writable(); }
  bool read_only_because_unreadable() const { return !unreadable_.empty(); }
  // Why no change can start now (read-only tab, a save in flight), or nothing.
  Errors unavailable() const {
    return read_only() ? Errors{{"record", read_only_reason()}} : busy() ? busy_error() : Errors{};
  }

  // Validates and stores a record: new when draft.meta.id is empty, else the
  // next revision of the stored one. Returns the problems (nothing stored),
  // or empty and calls done once the record is durable or has failed.
  template <HasFields R>
  Errors save(const R& draft, const Actor& actor, Done done = {}) {
    return said<R>(save_unsaid(draft, actor, std::move(done)));
  }

  // A workflow step on the stored record draft.meta.id (core `perform`:
  // role, state machine, fields). A complaint replied or a repair accepted
  // creates its callback in the same durable write (SPEC §4).
  template <HasFields R, DeskEnum A>
  Errors perform(const R& draft, A action, const Actor& actor, Done done = {}) {
    return said<R>(perform_unsaid(draft, action, actor, std::move(done)));
  }

  // SPEC §1: the stored visit `visit_id` turns into a repair or complaint
  // (R), both linked, in one durable write.
  // `unit` fills the place when the visit did not record one.
  template <class R>
  Errors turn_visit_into(const std::string& visit_id, const Actor& actor, Done done = {}, const std::string& unit = "");

  // Issue 15: a supervisor puts the stored complaint `complaint_id` in the
  // case library (once per complaint), anonymised (case_study.hpp).
  Errors mark_case(const std::string& complaint_id, const Actor& actor, Done done = {});

  // Stores a record a core function produced (add_measure, tick_item…),
  // refusing it when the stored one changed meanwhile.
  template <HasFields R>
  Errors store(const Expected<R>& produced, Msg saved, Done done = {}) {
    return said<R>(store_unsaid(produced, std::move(saved), std::move(done)));
  }
  // Several edits of one type in one durable write (e.g. the month's callback sample).
  template <HasFields R>
  Errors save_all(const std::vector<R>& drafts, const Actor& actor, const std::string& action, Msg saved,
                  Done done = {});

  // Import: validate the whole file first; nothing changes when it is bad.
  // Only a role allowed `import_data` may import. Staff additions, role
  // changes and deletions are held (team.hpp) and apply only when an
  // administrator approves them; PIN fields from the file are never taken.
  struct ImportPlan {
    Imported imported;
    std::string file;
    std::size_t added = 0, updated = 0, unchanged = 0;
    std::vector<HeldStaffChange> held;
  };
  Expected<ImportPlan> plan_import(std::string_view text, const Actor& actor, const std::string& file = "") const;
  // Applies the plan; held staff changes too when `approve_staff` and the
  // actor is an administrator. Each applied version's history says who
  // imported it and from which file, site and device.
  // The plan is taken (moved from by the caller that is done with it): its
  // records become the stored ones without a copy.
  Errors apply_import(ImportPlan plan, const Actor& actor, bool approve_staff = false, Done done = {});

  // Full export: supervisors and above. Redacted: every desk role. PINs never leave.
  Expected<std::string> export_text(const ExportOptions& options, Role role) const;

  // ---- the team and sign-in (team.hpp) ---------------------------------------
  TeamMode team_mode() const { return desk::team_mode(data_.table<Staff>().rows(), security_.admin_established); }
  const DeskSecurity& security() const { return security_; }
  // 站点设置 on an open desk: the first administrator, stored durably; returns
  // the one-time recovery code to show and print.
  Expected<std::string> set_up_site(const FirstAdmin& form, const Actor& actor, Done done = {});
  // Checks a PIN; failures and locks are stored, so a reload keeps them.
  Expected<Staff> sign_in(const std::string& code, const std::string& pin, Timestamp now);
  // The same with the PIN hashed elsewhere (off the main thread) with pin_parameters(code).
  Expected<Staff> sign_in_hashed(const std::string& code, const std::string& pin_hash, Timestamp now);
  PinParameters pin_parameters(const std::string& code) const {
    return desk::pin_parameters(data_.table<Staff>().rows(), code);
  }
  // A locked-out desk: the recovery code sets a new PIN for the administrator
  // `staff_code` (history: "recover_pin"); returns the next one-time code.
  Expected<std::string> recover_admin(const std::string& recovery_code, const std::string& staff_code,
                                      const std::string& pin, const std::string& pin_again, const Actor& actor,
                                      Done done = {});
  void set_idle_minutes(int minutes);

  // ---- the site folder (core/site_folder.hpp; desk_folder.cpp) -----------------
  // The folder is the second copy. While it is on, every version this desk
  // journals (saves, steps, imports, setup) also goes to the outbox in the
  // same durable write, PIN fields stripped; it leaves the outbox once the
  // folder holds it. Versions read from other desks are journaled here but
  // never put back in the outbox.
  bool folder_on() const { return folder_on_; }
  // Supervisors and above. Turning it on puts every stored record's current
  // version in the outbox, so the folder holds this desk's whole data.
  Errors start_folder(const Actor& actor, Done done = {});
  Errors stop_folder(const Actor& actor);
  const std::string& folder_outbox() const { return outbox_; }
  std::size_t folder_pending() const;  // lines in the outbox
  // The first `bytes` of the outbox (whole lines) are in the folder. Sending
  // one again after a crash is harmless: a reader merges a version once.
  void folder_written(std::size_t bytes);
  struct SyncReport {
    std::size_t read = 0;     // versions offered
    std::size_t changed = 0;  // records added or changed here
    std::vector<Msg> held;    // staff changes not applied, and why
  };
  // Merges versions read from another desk's file (`from`: its device).
  // Staff changes that would need approval on import apply only when the
  // person who made them is an administrator in this desk's staff list;
  // others are held and reported, like a duplicate staff number.
  SyncReport apply_synced(const Dataset& from_folder, const std::string& from, Done done = {});
  // The site's recovery key read from the folder (core/site_folder.hpp):
  // taken only when this desk has none and nobody can sign in here.
  bool adopt_recovery_key(const RecoveryKey& key);
  // FolderSync's read offsets, kept beside the journal so a reload reads
  // only what is new. Written after the merges they cover are durable.
  const std::string& folder_read_state() const { return folder_read_; }
  void save_folder_read_state(std::string text);
  // The last full export handed to the person (core/backup.hpp's reminder).
  std::optional<Timestamp> last_backup() const { return last_backup_; }
  void note_backup(Timestamp at);

 private:
  template <HasFields R>
  Errors save_unsaid(const R& draft, const Actor& actor, Done done);
  template <HasFields R>
  Errors save_numbered(const R& draft, const R* stored, const Actor& actor, Done done);
  template <HasFields R, DeskEnum A>
  Errors perform_unsaid(const R& draft, A action, const Actor& actor, Done done);
  // Issue 13: a refusal replaces what the status bar said (no stale 已保存),
  // unless a save is in flight and its outcome is still to come.
  template <HasFields R>
  Errors store_unsaid(const Expected<R>& produced, Msg saved, Done done);
  template <HasFields R>
  Errors said(Errors errors) {
    if (!errors.empty() && !busy()) status_ = refusal_summary<R>(errors), state_ = SaveState::refused;
    return errors;
  }
  // The journal writer's gate: appends r's line to `lines`, or returns why a
  // journal reader would refuse it (limits.hpp) and appends nothing.
  template <HasFields R>
  static Errors add_line(const R& r, std::string& lines) {
    if (auto errors = check_limits(r); !errors.empty()) return errors;
    append_journal_line(r, lines);
    return {};
  }
  // Journal lines gathered in chunks of at most a segment (a longer line
  // stands alone), each appended to the store as it is. A large import
  // fills memory its file text left free instead of one block the size of
  // all its lines: fresh memory is slow to touch the first time (2.4 ms a
  // MB on the benchmark machine, see the README).
  struct LineChunks {
    std::vector<std::string> chunks;
    template <HasFields R>
    Errors add(const R& r);
    bool empty() const {
      for (const auto& c : chunks)
        if (!c.empty()) return false;
      return true;
    }
  };
  // Appends the lines, persists, then applies `change` to the dataset.
  // `to_folder`: also into the folder outbox (not for versions read from it).
  void commit(std::vector<std::string> chunks, std::function<void(Dataset&)> change, Msg saved, Done done,
              bool to_folder = true);
  void commit(std::string lines, std::function<void(Dataset&)> change, Msg saved, Done done, bool to_folder = true) {
    std::vector<std::string> one;
    one.push_back(std::move(lines));
    commit(std::move(one), std::move(change), std::move(saved), std::move(done), to_folder);
  }
  void read_folder_state();

  // Staff rules (team.hpp) for a change of the staff list, one calendar entry
  // per date (calendar_override.hpp); nothing for other types.
  template <class R>
  Errors team_check(const R* stored, const R& next) const;
  // After a durable staff change: once a signing administrator exists the
  // desk is guarded for good.
  void note_team_change();
  // After a durable import into a large store: the tables' sizes for the
  // next load (core/table_sizes.hpp), so that load reserves them too.
  void keep_table_sizes();
  void write_security();

  Dataset data_;
  DeskSecurity security_;
  std::vector<FileStore::LoadReport::Quarantined> quarantined_;
  FileStore store_;
  PersistFn persist_;
  std::uint64_t version_ = 0;
  SaveState state_ = SaveState::idle;
  bool read_only_ = false;
  std::string unreadable_;  // why the store could not be read at start
  Msg status_;
  bool folder_on_ = false;
  std::string outbox_;         // journal lines for the folder, PIN fields stripped
  std::string outbox_adding_;  // the lines of the save in flight
  std::optional<Timestamp> last_backup_;
  std::string folder_read_;
};

template <HasFields R>
Errors Desk::save_unsaid(const R& draft, const Actor& actor, Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  const R* stored = draft.meta.id.empty() ? nullptr : data_.table<R>().find(draft.meta.id);
  if constexpr (std::is_same_v<R, Repair>) {
    // The work-order number is given once, at the first save, and kept.
    if ((stored && draft.order_no != stored->order_no) || (!stored && draft.meta.id.empty())) {
      Repair numbered = draft;
      numbered.order_no =
          stored ? stored->order_no : next_work_order_number(data_.table<Repair>().rows(), draft.received_at);
      return save_numbered(numbered, stored, actor, std::move(done));
    }
  }
  return save_numbered(draft, stored, actor, std::move(done));
}

template <HasFields R>
Errors Desk::save_numbered(const R& draft, const R* stored, const Actor& actor, Done done) {
  if (!draft.meta.id.empty() && !stored)
    return {{"record", {"要修改的记录不存在", "The record being edited no longer exists"}}};
  if (stored && stored->meta.revision != draft.meta.revision) return stale_error();
  if (stored && diff_fields(*stored, draft).empty()) {
    if (auto errors = validate(draft); !errors.empty()) return errors;
    status_ = {"没有改动", "No changes"}, state_ = SaveState::idle;
    if (done) done(true);
    return {};
  }
  Expected<R> record = stored ? edit_checked(*stored, draft, actor) : create_checked(draft, actor);
  if (!record) return record.errors();
  const R r = record.value();
  if (auto refused = team_check(stored, r); !refused.empty()) return refused;
  std::string lines;
  if (auto errors = add_line(r, lines); !errors.empty()) return errors;
  // Issue 14 item 6: a new special-service contract brings its two callbacks, in the same write.
  std::vector<Callback> callbacks;
  if constexpr (std::is_same_v<R, SpecialService>) {
    if (!stored) {
      Actor system = actor;
      for (Callback cb : special_service_callbacks(r)) {
        system.random[0] ^= 0x5a + callbacks.size();  // ids of their own
        callbacks.push_back(create_record(cb, system));
        if (auto errors = add_line(callbacks.back(), lines); !errors.empty()) return errors;
      }
    }
  }
  commit(
      lines,
      [r, callbacks](Dataset& d) {
        d.table<R>().upsert(r);
        for (const auto& cb : callbacks) d.table<Callback>().upsert(cb);
      },
      {stored              ? "已保存修改"
       : callbacks.empty() ? "已保存"
                           : "已保存，已生成中期和结束后两次回访",
       stored              ? "Changes saved"
       : callbacks.empty() ? "Saved"
                           : "Saved; the midpoint and after-end callbacks created"},
      std::move(done));
  return {};
}

template <HasFields R, DeskEnum A>
Errors Desk::perform_unsaid(const R& draft, A action, const Actor& actor, Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  const R* stored = data_.table<R>().find(draft.meta.id);
  if (!stored) return {{"record", {"请先保存记录", "Save the record first"}}};
  if (stored->meta.revision != draft.meta.revision) return stale_error();
  Expected<R> next = desk::perform(*stored, draft, action, actor);
  if (!next) return next.errors();
  const R r = next.value();
  std::string lines;
  if (auto errors = add_line(r, lines); !errors.empty()) return errors;
  std::optional<Callback> callback;
  if constexpr (std::is_same_v<R, Complaint> || std::is_same_v<R, Repair>) {
    if (auto cb = callback_on_finish(*stored, r)) {
      Actor system = actor;
      system.random = actor.random;
      system.random[0] ^= 0x5a;  // a different id from the same bits
      callback = create_record(*cb, system);
      if (auto errors = add_line(*callback, lines); !errors.empty()) return errors;
    }
  }
  // Issue 13: a finished callback moves its complaint or repair on.
  std::optional<Complaint> moved_complaint;
  std::optional<Repair> moved_repair;
  if constexpr (std::is_same_v<R, Callback>) {
    auto move_on = [&](auto& moved, const auto* source) -> Errors {
      if (!source) return {};
      auto next = source_on_callback(*stored, r, *source, actor);
      if (!next) return next.errors();
      moved = next.value();
      return moved ? add_line(*moved, lines) : Errors{};
    };
    Errors refused =
        r.source == CallbackSource::complaint ? move_on(moved_complaint, data_.table<Complaint>().find(r.source_id))
        : r.source == CallbackSource::repair  ? move_on(moved_repair, data_.table<Repair>().find(r.source_id))
                                              : Errors{};
    if (!refused.empty()) return refused;
    // Issue 14 item 7: 不满意 creates the special callback in the same write.
    if (auto special = special_callback_on_unsatisfied(*stored, r)) {
      Actor system = actor;
      system.random[2] ^= 0x77;  // an id of its own
      callback = create_record(*special, system);
      if (auto errors = add_line(*callback, lines); !errors.empty()) return errors;
    }
  }
  // SPEC §2: a closed 严重 complaint becomes a case, in the same durable write.
  std::optional<CaseStudy> made_case;
  if constexpr (std::is_same_v<R, Complaint>) {
    if (auto draft_case = case_on_close(*stored, r, actor.now); draft_case && !case_for_complaint(data_, r.meta.id)) {
      Actor system = actor;
      system.random[1] ^= 0x3c;  // an id of its own
      made_case = create_record(*draft_case, system);
      if (auto errors = validate(*made_case); !errors.empty()) return errors;
      if (auto errors = add_line(*made_case, lines); !errors.empty()) return errors;
    }
  }
  const Msg label = enum_label(action);
  commit(
      lines,
      [r, callback, made_case, moved_complaint, moved_repair](Dataset& d) {
        d.table<R>().upsert(r);
        if (callback) d.table<Callback>().upsert(*callback);
        if (made_case) d.table<CaseStudy>().upsert(*made_case);
        if (moved_complaint) d.table<Complaint>().upsert(*moved_complaint);
        if (moved_repair) d.table<Repair>().upsert(*moved_repair);
      },
      {"已办理：" + label.zh + (callback ? (callback->special ? "，已生成24小时内的特殊回访" : "，已生成回访") : "") +
           (made_case ? "，已列入案例库" : "") + (moved_complaint ? "，投诉已转入「回访」" : "") +
           (moved_repair ? "，报修已转入「回访」" : ""),
       "Done: " + label.en +
           (callback ? (callback->special ? "; a special callback is due within 24 h" : "; callback created") : "") +
           (made_case ? "; added to the case library" : "") +
           (moved_complaint ? "; the complaint moved to Called back" : "") +
           (moved_repair ? "; the repair moved to Called back" : "")},
      std::move(done));
  return {};
}

template <HasFields R>
Errors Desk::save_all(const std::vector<R>& drafts, const Actor& actor, const std::string& action, Msg saved,
                      Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  std::vector<R> revised;
  std::string lines;
  for (const R& d : drafts) {
    const R* stored = data_.table<R>().find(d.meta.id);
    if (!stored || stored->meta.revision != d.meta.revision) return stale_error();
    if (auto e = check_permission(actor.role, create_permission(d))) return {*e};
    if (auto errors = check_can_revise(stored->meta); !errors.empty()) return errors;
    revised.push_back(revise_record(*stored, d, actor, action));
    if (auto errors = add_line(revised.back(), lines); !errors.empty()) return errors;
  }
  if (revised.empty()) {
    if (done) done(true);
    return {};
  }
  commit(
      lines,
      [revised](Dataset& data) {
        for (const auto& r : revised) data.table<R>().upsert(r);
      },
      std::move(saved), std::move(done));
  return {};
}

template <class R>
Errors Desk::turn_visit_into(const std::string& visit_id, const Actor& actor, Done done, const std::string& unit) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  const Visit* visit = data_.table<Visit>().find(visit_id);
  if (!visit) return {{"record", {"请先保存来访登记", "Save the visit first"}}};
  if (!visit->linked_record.empty())
    return {{"linked_record", {"此来访已转办", "This visit has already been turned into a record"}}};
  R draft;
  if constexpr (std::is_same_v<R, Repair>) {
    draft = repair_from_visit(*visit);
    draft.order_no = next_work_order_number(data_.table<Repair>().rows(), draft.received_at);
  } else
    draft = complaint_from_visit(*visit);
  if (draft.unit.empty()) draft.unit = trim(unit);
  Actor second = actor;
  second.random[0] ^= 0xa5;  // the new record's id differs from any the visit's actor makes
  Expected<R> created = create_checked(draft, second);
  if (!created) return created.errors();
  Visit linked = *visit;
  linked.linked_record = created->meta.id;
  Expected<Visit> revised = edit_checked(*visit, linked, actor);
  if (!revised) return revised.errors();
  const R r = created.value();
  const Visit v = revised.value();
  const bool repair = std::is_same_v<R, Repair>;
  std::string lines;
  if (auto errors = add_line(r, lines); !errors.empty()) return errors;
  if (auto errors = add_line(v, lines); !errors.empty()) return errors;
  commit(
      lines,
      [r, v](Dataset& d) {
        d.table<R>().upsert(r);
        d.table<Visit>().upsert(v);
      },
      {repair ? "已转为报修单" : "已转为投诉", repair ? "Turned into a repair" : "Turned into a complaint"},
      std::move(done));
  return {};
}

template <class R>
Errors Desk::team_check(const R* stored, const R& next) const {
  if constexpr (std::is_same_v<R, Staff>) {
    if (auto e = check_team_change(data_.table<Staff>().rows(), stored, next)) return {*e};
  }
  if constexpr (std::is_same_v<R, CalendarOverride>) {
    if (auto e = check_override_unique(data_.table<CalendarOverride>().rows(), stored, next)) return {*e};
  }
  return {};
}

template <HasFields R>
Errors Desk::store_unsaid(const Expected<R>& produced, Msg saved, Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  if (!produced) return produced.errors();
  const R r = produced.value();
  const R* stored = data_.table<R>().find(r.meta.id);
  if (stored && stored->meta.revision + 1 != r.meta.revision) return stale_error();
  if (auto refused = team_check(stored, r); !refused.empty()) return refused;
  std::string lines;
  if (auto errors = add_line(r, lines); !errors.empty()) return errors;
  commit(
      lines, [r](Dataset& d) { d.table<R>().upsert(r); }, std::move(saved), std::move(done));
  return {};
}

template <HasFields R>
Errors Desk::LineChunks::add(const R& r) {
  // Room for the segment and one more ordinary line, so a chunk is filled
  // in place; the line that passes the segment's size moves to the next.
  constexpr std::size_t kRoom = kSegmentBytes + kSegmentBytes / 8;
  if (chunks.empty() || chunks.back().size() >= kSegmentBytes) chunks.emplace_back().reserve(kRoom);
  const std::size_t start = chunks.back().size();
  if (auto refused = add_line(r, chunks.back()); !refused.empty()) return refused;
  if (start > 0 && chunks.back().size() > kSegmentBytes) {
    std::string next;
    next.reserve(std::max(kRoom, chunks.back().size() - start));
    next.append(chunks.back(), start);
    chunks.back().resize(start);
    chunks.push_back(std::move(next));
  }
  return {};
}

}  // namespace desk
