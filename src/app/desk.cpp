#include "app/desk.hpp"

#include "core/crypto.hpp"
#include "core/segment_pack.hpp"
#include "core/table_sizes.hpp"

namespace desk {

Errors busy_error() {
  return {{"record", {"正在保存上一条记录，请稍候", "Still saving the previous record, please wait"}}};
}

Errors read_only_error() {
  return {{"record",
           {"此页面只读：客服台已在本机另一个标签页中打开，请在那里操作",
            "This tab is read-only: the desk is open in another tab on this PC; work there"}}};
}

Msg Desk::read_only_reason() const {
  if (!unreadable_.empty())
    return {"无法读取本机已保存的数据（" + unreadable_ + "），为免覆盖，此页面只读；请刷新页面重试",
            "The data saved on this PC could not be read (" + unreadable_ +
                "); so that nothing overwrites it, this page is read-only. Reload the page to try again"};
  if (!store_.writable())
    return {"此页面只读：本机数据由更新版本的客服台写入，请刷新页面载入新版本（数据完好，未做任何改动）",
            "This page is read-only: the data here was written by a newer version of the desk; reload to get it "
            "(the data is intact and unchanged)"};
  return read_only_error().front().message;
}

Errors stale_error() {
  return {{"record", {"此记录已被他人修改，请重新打开后再改", "Someone else changed this record; reopen it first"}}};
}

Desk::Desk(std::string data_dir, PersistFn persist) : store_(std::move(data_dir)), persist_(std::move(persist)) {}

namespace {
constexpr const char* kSecurityFile = "security.json";
}  // namespace

FileStore::LoadReport Desk::load() {
  data_ = Dataset{};
  auto report = store_.load(data_, !read_only_ && unreadable_.empty());
  security_ = security_from_json(json::parse(store_.read_side(kSecurityFile), nullptr, false));
  if (!security_.admin_established && admin_ever_set_up(data_.table<Staff>().rows()))
    security_.admin_established = true;
  quarantined_ = report.quarantined;
  read_folder_state();
  ++version_;
  // An upgraded store's marker, newly quarantined lines, new table sizes or
  // newly packed segments are made durable now, not with the next save.
  if (((report.upgraded && report.segments > 0) || report.quarantine_written || report.sizes_written ||
       report.packed > 0) &&
      persist_)
    persist_([](bool, std::string) {});
  if (report.dropped > 0)
    status_ = {"存储中有 " + std::to_string(report.dropped) + " 行损坏的记录已跳过（其余数据完好）",
               std::to_string(report.dropped) + " damaged line(s) in storage were skipped (the rest is intact)"};
  if (!report.unreadable.empty()) {
    const std::string n = std::to_string(report.unreadable.size());
    status_ = {"存储中有 " + n + " 个压缩的记录段无法解压，其中的记录未载入（文件保留未删除，请联系技术支持）",
               n + " packed storage segment(s) could not be unpacked; their records were not loaded (the files are "
                   "kept, not deleted; contact support)"};
  }
  if (!quarantined_.empty()) {
    const std::string n = std::to_string(quarantined_.size());
    status_ = {"存储中有 " + n + " 条记录无法读取，已隔离保存（未删除），请主管在「隔离记录」中查看并导出",
               n + " stored record line(s) could not be read and are kept aside (not deleted); a supervisor can "
                   "see and export them under \"Quarantine\""};
  }
  return report;
}

std::string Desk::quarantine_text(const ExportOptions& o) const {
  json lines = json::array();
  for (const auto& q : quarantined_)
    lines.push_back({{"segment", q.segment},
                     {"line", q.line.line_no},
                     {"id", q.line.id},
                     {"type", q.line.type},
                     {"reason", q.line.reason.zh},
                     {"reason_en", q.line.reason.en},
                     {"text", q.line.text}});
  const json doc = {{"format", "wuye-desk-quarantine"},
                    {"site", o.site},
                    {"device", o.device},
                    {"exported_at", format_iso(o.now)},
                    {"lines", lines}};
  return doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

void Desk::commit(std::vector<std::string> chunks, std::function<void(Dataset&)> change, Msg saved, Done done,
                  bool to_folder) {
  // The folder's copy is written in the same durable write as the journal.
  // The folder may take lines from the front of the outbox while this
  // write is in flight (folder_written): the new lines wait beside it.
  if (folder_on_ && to_folder) {
    outbox_adding_.clear();
    for (const auto& lines : chunks) outbox_adding_ += folder_lines(lines);
    if (!store_.write_side(kFolderOutboxFile, outbox_ + outbox_adding_)) {
      outbox_adding_.clear();
      state_ = SaveState::failed;
      status_ = {"保存失败：无法写入存储，内容未丢失，请重试",
                 "Save failed: could not write to storage; nothing was lost"};
      if (done) done(false);
      return;
    }
  }
  // Each chunk split at line ends into pieces that fit a segment (a chunk
  // from LineChunks already fits: one piece, no copy).
  std::vector<std::string_view> pieces;
  for (const std::string_view lines : chunks)
    for (std::size_t pos = 0; pos < lines.size();) {
      std::size_t end = pos;
      if (lines.size() - pos <= kSegmentBytes) end = lines.size();
      while (end < lines.size()) {
        const std::size_t nl = lines.find('\n', end);
        const std::size_t next = nl == std::string::npos ? lines.size() : nl + 1;
        if (end > pos && next - pos > kSegmentBytes) break;
        end = next;
      }
      pieces.push_back(lines.substr(pos, end - pos));
      pos = end;
    }
  // Every piece but the last is written closed and packed, in runs of up to
  // kPackedRunBytes (an import of 100,000 visits: 33 stored files instead of
  // 504, and no text copy of them in storage); the last one is appended
  // to the open segment.
  std::vector<FileStore::Appended> appended;
  for (std::size_t i = 0; i < pieces.size();) {
    std::size_t n = 1, bytes = pieces[i].size();
    while (i + n + 1 < pieces.size() && bytes + pieces[i + n].size() <= kPackedRunBytes)
      bytes += pieces[i + n++].size();
    auto a = i + 1 < pieces.size() ? store_.append_packed({pieces.begin() + static_cast<std::ptrdiff_t>(i),
                                                           pieces.begin() + static_cast<std::ptrdiff_t>(i + n)})
                                   : store_.append(pieces[i]);
    i += n;
    if (!a.ok()) {
      for (auto it = appended.rbegin(); it != appended.rend(); ++it) store_.undo(*it);
      if (!outbox_adding_.empty()) outbox_adding_.clear(), store_.write_side(kFolderOutboxFile, outbox_);
      state_ = SaveState::failed;
      status_ = {"保存失败：无法写入存储，内容未丢失，请重试",
                 "Save failed: could not write to storage; nothing was lost"};
      if (done) done(false);
      return;
    }
    appended.push_back(a.value());
  }
  state_ = SaveState::saving;
  status_ = {"保存中…", "Saving…"};
  persist_([this, appended, change = std::move(change), saved = std::move(saved), done = std::move(done)](
               bool ok, const std::string& error) {
    if (ok) {
      outbox_ += std::exchange(outbox_adding_, {});
      change(data_);
      ++version_;
      state_ = SaveState::saved;
      status_ = saved;
      note_team_change();
    } else {
      for (auto it = appended.rbegin(); it != appended.rend(); ++it) store_.undo(*it);
      if (!outbox_adding_.empty()) outbox_adding_.clear(), store_.write_side(kFolderOutboxFile, outbox_);
      state_ = SaveState::failed;
      if (error == "quota")
        status_ = {"保存失败：浏览器存储空间已满。请先导出数据备份，再清理浏览器空间。表单内容仍在。",
                   "Save failed: browser storage is full. Export a backup, then free space. The form is kept."};
      else
        status_ = {"保存失败（" + error + "），表单内容仍在，请重试",
                   "Save failed (" + error + "); the form is kept, try again"};
    }
    if (done) done(ok);
  });
}

Expected<Desk::ImportPlan> Desk::plan_import(std::string_view text, const Actor& actor, const std::string& file) const {
  if (auto e = check_permission(actor.role, Action::import_data)) return Errors{*e};
  auto parsed = parse_export(text);
  if (!parsed.ok()) return parsed.errors();
  ImportPlan plan{std::move(parsed.value()), file, 0, 0, 0, {}};
  Errors errors;
  const auto& local_staff = data_.table<Staff>().rows();
  // New, unchanged by the merge, or updated: what the summary says of a
  // version. Applying adds the import's own history line, so one must still
  // fit, and the merge of both histories must be a version the journal reader
  // accepts (limits.hpp); otherwise the import is refused naming the record.
  auto count = [&](const auto* stored, const auto& version) {
    using R = std::decay_t<decltype(version)>;
    auto refuse = [&](std::string where, Msg message) {
      if (errors.size() < kMaxReportedErrors)
        errors.push_back({std::string(R::kType) + " " + version.meta.id + "." + where, std::move(message)});
    };
    auto no_room = [&](std::size_t entries) {
      if (entries < kMaxHistoryEntries) return false;
      refuse("history", {"修改历史已满（最多 " + std::to_string(kMaxHistoryEntries) + " 条），无法再记录这次导入",
                         "the history is full (" + std::to_string(kMaxHistoryEntries) +
                             " entries at most); this import cannot be recorded"});
      return true;
    };
    if (!stored) {
      if (!no_room(version.meta.history.size())) ++plan.added;  // otherwise read by the journal reader's rules
      return;
    }
    const R merged = merge_record(*stored, version);
    if (record_to_json(merged) == record_to_json(*stored)) {
      ++plan.unchanged;
      return;
    }
    if (no_room(merged.meta.history.size())) return;
    if (auto limits = check_limits(merged); !limits.empty())
      refuse(limits.front().where, limits.front().message);
    else
      ++plan.updated;
  };
  plan.imported.records.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    for (const auto& r : table.rows()) {
      const R* stored = data_.table<R>().find(r.meta.id);
      if constexpr (std::is_same_v<R, Staff>) {
        const Staff incoming = with_local_pin(r, stored);
        // A second record with a code this desk already uses is refused.
        if (!incoming.meta.deleted)
          for (const Staff& s : local_staff)
            if (!s.meta.deleted && s.meta.id != incoming.meta.id && trim(s.code) == trim(incoming.code))
              errors.push_back({"staff " + incoming.meta.id,
                                {"工号 " + s.code + " 重复：本机 " + s.name + "（" + s.meta.id + "）与文件中 " +
                                     incoming.name + "（" + incoming.meta.id + "）",
                                 "duplicate staff number " + s.code + ": here " + s.name + " (" + s.meta.id +
                                     "), in the file " + incoming.name + " (" + incoming.meta.id + ")"}});
        if (auto what = staff_change_needing_approval(stored, incoming)) {
          plan.held.push_back({incoming, *what});
          continue;
        }
        count(stored, incoming);
        continue;
      }
      count(stored, r);
    }
  });
  if (!errors.empty()) return errors;
  return plan;
}

Errors Desk::apply_import(ImportPlan plan, const Actor& actor, bool approve_staff, Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  if (auto e = check_permission(actor.role, Action::import_data)) return {*e};
  if (approve_staff && !plan.held.empty())
    if (auto e = check_permission(actor.role, Action::manage_staff)) return {*e};
  const ExportHeader& h = plan.imported.header;
  const Change provenance{
      actor.now,
      actor.staff,
      0,
      "import",
      {{"source", nullptr, (plan.file.empty() ? "" : plan.file + " · ") + h.site + " / " + h.device}}};
  auto stamped = [&](auto merged) {
    Change c = provenance;
    c.revision = merged.meta.revision;
    // In the canonical order the readers keep (a file's history may hold
    // lines of later revisions than its version), so a reload reads it back.
    add_to_history(merged.meta.history.entries(), std::move(c));
    return merged;
  };
  LineChunks lines;
  Dataset incoming;
  std::vector<Staff> staff_after(data_.table<Staff>().rows());
  auto stage_staff = [&](const Staff& version) -> Errors {
    const Staff* stored = data_.table<Staff>().find(version.meta.id);
    const Staff merged = stored ? merge_record(*stored, version) : version;
    if (stored && record_to_json(merged) == record_to_json(*stored)) return {};
    if (auto e = check_team_change(staff_after, stored, merged)) return {*e};
    auto it = std::find_if(staff_after.begin(), staff_after.end(),
                           [&](const Staff& s) { return s.meta.id == merged.meta.id; });
    if (it != staff_after.end())
      *it = merged;
    else
      staff_after.push_back(merged);
    const Staff s = stamped(merged);
    if (auto refused = lines.add(s); !refused.empty()) return refused;
    incoming.table<Staff>().upsert(s);
    return {};
  };
  Errors errors;
  plan.imported.records.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    incoming.table<R>().reserve(table.size());  // not doubling into new memory (README)
    for (auto& r : table.take_rows()) {
      const R* stored = data_.table<R>().find(r.meta.id);
      if constexpr (std::is_same_v<R, Staff>) {
        const Staff version = with_local_pin(r, stored);
        if (staff_change_needing_approval(stored, version)) continue;  // below, when approved
        for (auto& e : stage_staff(version)) errors.push_back(e);
        continue;
      }
      R merged = stored ? merge_record(*stored, r) : std::move(r);
      if (stored && record_to_json(merged) == record_to_json(*stored)) continue;
      R s = stamped(std::move(merged));
      if (auto refused = lines.add(s); !refused.empty()) {
        for (auto& e : refused) errors.push_back({std::string(R::kType) + " " + s.meta.id + "." + e.where, e.message});
        continue;
      }
      incoming.table<R>().upsert(std::move(s));
    }
  });
  std::size_t approved = 0;
  if (approve_staff)
    for (const auto& held : plan.held) {
      auto e = stage_staff(held.incoming);
      if (e.empty()) ++approved;
      for (auto& x : e) errors.push_back(x);
    }
  if (!errors.empty()) return errors;
  if (lines.empty()) {
    status_ = {"导入完成：没有新的内容", "Import done: nothing new"};
    state_ = SaveState::saved;  // done: nothing needed writing (no earlier refusal stays red)
    if (done) done(true);
    return {};
  }
  const std::string n = std::to_string(plan.added + plan.updated + approved);
  const std::size_t waiting = approve_staff ? 0 : plan.held.size();
  const std::string w = std::to_string(waiting);
  commit(
      std::move(lines.chunks),
      [this, incoming = std::move(incoming)](Dataset& d) mutable {
        merge_into(d, std::move(incoming));
        keep_table_sizes();
      },
      {"已导入 " + n + " 条记录" + (waiting ? "；" + w + " 项员工变更未获批准，未导入" : ""),
       "Imported " + n + " records" + (waiting ? "; " + w + " staff change(s) not approved, not imported" : "")},
      std::move(done));
  return {};
}

Expected<std::string> Desk::export_text(const ExportOptions& options, Role role) const {
  if (auto e = check_permission(role, options.redact ? Action::export_redacted : Action::export_full))
    return Errors{*e};
  return export_document(data_, options);
}

void Desk::write_security() {
  if (read_only()) return;
  if (store_.write_side(kSecurityFile, security_to_json(security_).dump()) && persist_)
    persist_([](bool, std::string) {});
}

void Desk::keep_table_sizes() {
  if (read_only() || data_.size() < kTableSizesFrom) return;
  const std::string sizes = table_sizes_text(data_);
  if (sizes != store_.read_side(kTableSizesFile) && store_.write_side(kTableSizesFile, sizes) && persist_)
    persist_([](bool, std::string) {});
}

void Desk::note_team_change() {
  if (security_.admin_established || !has_signing_admin(data_.table<Staff>().rows())) return;
  security_.admin_established = true;
  write_security();
}

void Desk::set_idle_minutes(int minutes) {
  security_.idle_minutes = std::clamp(minutes, 0, 24 * 60);
  write_security();
}

Expected<Staff> Desk::sign_in(const std::string& code, const std::string& pin, Timestamp now) {
  const SignInGuard before = security_.guard;
  auto r = desk::sign_in(data_.table<Staff>().rows(), code, pin, security_.guard, now);
  if (!(security_.guard == before)) write_security();
  return r;
}

Expected<Staff> Desk::sign_in_hashed(const std::string& code, const std::string& pin_hash, Timestamp now) {
  const SignInGuard before = security_.guard;
  auto r = desk::sign_in_hashed(data_.table<Staff>().rows(), code, pin_hash, security_.guard, now);
  if (!(security_.guard == before)) write_security();
  return r;
}

namespace {
// Salt and code bits from the actor's random bits, stretched so each use differs.
std::vector<std::uint8_t> derive_bits(const RandomBits& random, const char* purpose, std::size_t n) {
  const Digest d = sha256(std::string(random.begin(), random.end()) + purpose);
  return {d.begin(), d.begin() + static_cast<std::ptrdiff_t>(std::min(n, d.size()))};
}
}  // namespace

Expected<std::string> Desk::set_up_site(const FirstAdmin& form, const Actor& actor, Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  if (team_mode() != TeamMode::open)
    return Errors{{"record", {"本客服台已设置管理员", "This desk already has an administrator"}}};
  auto admin = first_admin(form, derive_bits(actor.random, "pin", 16));
  if (!admin) return admin.errors();
  Actor setup = actor;
  setup.role = Role::project_manager;  // an open desk: all rights
  if (setup.staff.empty()) setup.staff = admin->code;
  Expected<Staff> created = create_checked(admin.value(), setup);
  if (!created) return created.errors();
  if (auto refused = team_check<Staff>(nullptr, created.value()); !refused.empty()) return refused;
  const auto code_bits = derive_bits(actor.random, "recovery", 10);
  const std::string code = make_recovery_code(code_bits);
  const RecoveryKey key = hash_recovery_code(code, derive_bits(actor.random, "recovery-salt", 16));
  const Staff r = created.value();
  std::string lines;
  if (auto refused = add_line(r, lines); !refused.empty()) return refused;
  commit(
      lines,
      [this, r, key](Dataset& d) {
        d.table<Staff>().upsert(r);
        security_.recovery = key;
      },
      {"站点设置完成：管理员 " + r.name + " 已保存", "Site set up: administrator " + r.name + " saved"},
      [this, done = std::move(done)](bool ok) {
        if (ok) write_security();
        if (done) done(ok);
      });
  return code;
}

Expected<std::string> Desk::recover_admin(const std::string& recovery_code, const std::string& staff_code,
                                          const std::string& pin, const std::string& pin_again, const Actor& actor,
                                          Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  if (!security_.recovery || !recovery_matches(*security_.recovery, recovery_code))
    return Errors{{"recovery", {"恢复码不正确", "The recovery code is not correct"}}};
  const Staff* admin = nullptr;
  for (const Staff& s : data_.table<Staff>().rows())
    if (!s.meta.deleted && s.active && is_admin(s.role) && trim(s.code) == trim(staff_code)) admin = &s;
  if (!admin)
    return Errors{{"code",
                   {"工号 " + staff_code + " 不是在职的物业服务中心经理或项目经理",
                    "Staff number " + staff_code + " is not an active service-center or project manager"}}};
  auto with = with_new_pin(*admin, pin, pin_again, derive_bits(actor.random, "pin", 16));
  if (!with) return with.errors();
  Actor by = actor;
  by.staff = admin->code;
  const Staff r = revise_record(*admin, with.value(), by, "recover_pin");
  const std::string next = make_recovery_code(derive_bits(actor.random, "recovery", 10));
  const RecoveryKey key = hash_recovery_code(next, derive_bits(actor.random, "recovery-salt", 16));
  const std::string code = r.code;
  std::string lines;
  if (auto refused = add_line(r, lines); !refused.empty()) return refused;
  commit(
      lines,
      [this, r, key, code](Dataset& d) {
        d.table<Staff>().upsert(r);
        security_.recovery = key;
        security_.guard.by_code.erase(code);
      },
      {"已用恢复码为 " + r.name + " 设置新 PIN", "New PIN set for " + r.name + " with the recovery code"},
      [this, done = std::move(done)](bool ok) {
        if (ok) write_security();
        if (done) done(ok);
      });
  return next;
}

Errors Desk::mark_case(const std::string& complaint_id, const Actor& actor, Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  if (auto e = check_permission(actor.role, Action::mark_case)) return {*e};
  const Complaint* complaint = data_.table<Complaint>().find(complaint_id);
  if (!complaint || complaint->meta.deleted) return {{"record", {"请先保存投诉", "Save the complaint first"}}};
  if (case_for_complaint(data_, complaint_id))
    return {{"record", {"此投诉已在案例库中", "This complaint is already in the case library"}}};
  Expected<CaseStudy> made = create_checked(case_from_complaint(*complaint, CaseOrigin::marked, actor.now), actor);
  if (!made) return made.errors();
  const CaseStudy c = made.value();
  std::string lines;
  if (auto errors = add_line(c, lines); !errors.empty()) return errors;
  commit(
      lines, [c](Dataset& d) { d.table<CaseStudy>().upsert(c); }, {"已列入案例库", "Added to the case library"},
      std::move(done));
  return {};
}

}  // namespace desk
