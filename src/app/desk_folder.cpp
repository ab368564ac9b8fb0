// The desk's side of the site folder (desk.hpp, core/site_folder.hpp): the
// outbox of versions for the folder, and merging what other desks wrote.
#include <algorithm>

#include "app/desk.hpp"
#include "core/roles.hpp"

namespace desk {

std::string folder_lines(std::string_view journal_lines) {
  std::string out;
  out.reserve(journal_lines.size());
  std::size_t pos = 0;
  while (pos < journal_lines.size()) {
    std::size_t nl = journal_lines.find('\n', pos);
    if (nl == std::string_view::npos) nl = journal_lines.size() - 1;
    const std::string_view line = journal_lines.substr(pos, nl + 1 - pos);
    pos = nl + 1;
    // Only staff lines carry secrets; every other line goes as it is.
    if (line.find("\"type\":\"staff\"") == std::string_view::npos) {
      out += line;
      continue;
    }
    Dataset one;
    Msg why;
    if (read_journal_line(line.substr(0, line.size() - 1), one, why) != LineRead::good ||
        one.table<Staff>().size() != 1) {
      out += line;  // not a staff record after all
      continue;
    }
    Staff s = one.table<Staff>().rows().front();
    strip_secrets(s);
    append_journal_line(s, out);
  }
  return out;
}

void Desk::read_folder_state() {
  const json state = json::parse(store_.read_side(kFolderStateFile), nullptr, false);
  folder_on_ = state.is_object() && state.value("on", false);
  outbox_ = folder_on_ ? store_.read_side(kFolderOutboxFile) : std::string();
  // Only whole lines: a cut last line (a crash mid-write) is sent again
  // from the journal's copy the next time the folder is started.
  const auto last = outbox_.rfind('\n');
  outbox_.resize(last == std::string::npos ? 0 : last + 1);
  folder_read_ = folder_on_ ? store_.read_side(kFolderReadFile) : std::string();
  const json backup = json::parse(store_.read_side(kBackupFile), nullptr, false);
  last_backup_.reset();
  if (backup.is_object() && backup.value("at", std::int64_t{0}) > 0)
    last_backup_ = Timestamp{backup.value("at", std::int64_t{0})};
}

void Desk::save_folder_read_state(std::string text) {
  folder_read_ = std::move(text);
  store_.write_side(kFolderReadFile, folder_read_);
  if (persist_) persist_([](bool, std::string) {});
}

bool Desk::adopt_recovery_key(const RecoveryKey& key) {
  if (security_.recovery || has_signing_admin(data_.table<Staff>().rows())) return false;
  security_.recovery = key;
  write_security();
  return true;
}

void Desk::note_backup(Timestamp at) {
  last_backup_ = at;
  store_.write_side(kBackupFile, json{{"at", at.ms}}.dump());
  if (persist_) persist_([](bool, std::string) {});
}

std::size_t Desk::folder_pending() const {
  return static_cast<std::size_t>(std::count(outbox_.begin(), outbox_.end(), '\n'));
}

void Desk::folder_written(std::size_t bytes) {
  bytes = std::min(bytes, outbox_.size());
  outbox_.erase(0, bytes);
  store_.write_side(kFolderOutboxFile, outbox_ + outbox_adding_);
  if (persist_) persist_([](bool, std::string) {});
}

Errors Desk::start_folder(const Actor& actor, Done done) {
  if (auto refused = unavailable(); !refused.empty()) return refused;
  if (auto e = check_permission(actor.role, Action::site_folder)) return {*e};
  std::string lines;
  data_.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) append_journal_line(r, lines);
  });
  std::string outbox = folder_lines(lines);
  folder_read_.clear();  // a folder chosen again is read from its start
  if (!store_.write_side(kFolderOutboxFile, outbox) || !store_.write_side(kFolderReadFile, "") ||
      !store_.write_side(kFolderStateFile, json{{"on", true}}.dump()))
    return {{"record", {"无法写入存储，请重试", "could not write to storage; try again"}}};
  state_ = SaveState::saving;
  persist_([this, outbox = std::move(outbox), done = std::move(done)](bool ok, const std::string&) {
    state_ = ok ? SaveState::saved : SaveState::failed;
    if (ok) {
      folder_on_ = true;
      outbox_ = outbox;
      status_ = {"站点文件夹已启用：本机全部记录将备份到文件夹",
                 "Site folder on: every record here is being backed up to it"};
    } else {
      store_.write_side(kFolderStateFile, json{{"on", false}}.dump());
      status_ = {"启用站点文件夹失败：无法写入存储", "Could not turn the site folder on: storage write failed"};
    }
    if (done) done(ok);
  });
  return {};
}

Errors Desk::stop_folder(const Actor& actor) {
  if (auto e = check_permission(actor.role, Action::site_folder)) return {*e};
  folder_on_ = false;
  outbox_.clear();
  store_.write_side(kFolderStateFile, json{{"on", false}}.dump());
  store_.write_side(kFolderOutboxFile, "");
  folder_read_.clear();
  store_.write_side(kFolderReadFile, "");
  if (persist_) persist_([](bool, std::string) {});
  return {};
}

Desk::SyncReport Desk::apply_synced(const Dataset& from_folder, const std::string& from, Done done) {
  SyncReport report;
  report.read = from_folder.size();
  if (!unavailable().empty()) {
    if (done) done(false);
    return report;
  }
  std::string lines;
  Dataset incoming;
  std::vector<Staff> staff_after(data_.table<Staff>().rows());
  // Who made a staff change decides whether it applies without approval: an
  // administrator in this desk's own staff list.
  // A desk with no staff list yet (a new PC restoring from the folder) has
  // nobody to protect and nobody to ask: it takes the site's list as it is.
  const bool restoring = data_.table<Staff>().size() == 0;
  auto made_by_admin = [this, restoring](const Staff& version) {
    if (restoring) return true;
    for (const Staff& s : data_.table<Staff>().rows())
      if (!s.meta.deleted && s.active && s.code == version.meta.updated_by) return is_admin(s.role);
    return false;
  };
  from_folder.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    for (const auto& version : table.rows()) {
      const R* stored = data_.table<R>().find(version.meta.id);
      R merged;
      if constexpr (std::is_same_v<R, Staff>) {
        const Staff v = with_local_pin(version, stored);
        merged = stored ? merge_record(*stored, v) : v;
        if (stored && record_to_json(merged) == record_to_json(*stored)) continue;
        std::optional<Msg> refused;
        if (auto what = staff_change_needing_approval(stored, merged); what && !made_by_admin(merged))
          refused = Msg{"来自 " + from + " 的人员变更未应用（" + what->zh + "）：修改人 " + merged.meta.updated_by +
                            " 在本机不是管理员",
                        "a staff change from " + from + " was not applied (" + what->en +
                            "): " + merged.meta.updated_by + " is not an administrator here"};
        else if (auto e = check_team_change(staff_after, stored, merged))
          refused = Msg{"来自 " + from + " 的人员变更未应用：" + e->message.zh,
                        "a staff change from " + from + " was not applied: " + e->message.en};
        if (refused) {
          report.held.push_back(*refused);
          continue;
        }
        auto it = std::find_if(staff_after.begin(), staff_after.end(),
                               [&](const Staff& s) { return s.meta.id == merged.meta.id; });
        if (it != staff_after.end())
          *it = merged;
        else
          staff_after.push_back(merged);
      } else {
        merged = stored ? merge_record(*stored, version) : version;
        if (stored && record_to_json(merged) == record_to_json(*stored)) continue;
      }
      if (auto refused = add_line(merged, lines); !refused.empty()) {
        report.held.push_back(
            {"来自 " + from + " 的记录 " + merged.meta.id + " 超出限制，未应用：" + refused.front().message.zh,
             "a record from " + from + " (" + merged.meta.id +
                 ") is beyond the limits and was not applied: " + refused.front().message.en});
        continue;
      }
      incoming.table<R>().upsert(std::move(merged));
      ++report.changed;
    }
  });
  if (lines.empty()) {
    if (done) done(true);
    return report;
  }
  const std::string n = std::to_string(report.changed);
  commit(
      std::move(lines), [incoming = std::move(incoming)](Dataset& d) mutable { merge_into(d, std::move(incoming)); },
      {"来自 " + from + " 的 " + n + " 条更新", n + " update(s) from " + from}, std::move(done), false);
  return report;
}

}  // namespace desk
