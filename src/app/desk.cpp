#include "app/desk.hpp"

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

FileStore::LoadReport Desk::load() {
  data_ = Dataset{};
  auto report = store_.load(data_, !read_only_);
  quarantined_ = report.quarantined;
  ++version_;
  // An upgraded store's marker, or newly quarantined lines, are made durable
  // now, not with the next save.
  if (((report.upgraded && report.segments > 0) || report.quarantine_written) && persist_)
    persist_([](bool, std::string) {});
  if (report.dropped > 0)
    status_ = {"存储中有 " + std::to_string(report.dropped) + " 行损坏的记录已跳过（其余数据完好）",
               std::to_string(report.dropped) + " damaged line(s) in storage were skipped (the rest is intact)"};
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

void Desk::commit(const std::string& lines, std::function<void(Dataset&)> change, Msg saved, Done done) {
  // Split at line ends into chunks that fit a segment.
  std::vector<FileStore::Appended> appended;
  std::size_t pos = 0;
  while (pos < lines.size()) {
    std::size_t end = pos;
    while (end < lines.size()) {
      const std::size_t nl = lines.find('\n', end);
      const std::size_t next = nl == std::string::npos ? lines.size() : nl + 1;
      if (end > pos && next - pos > kSegmentBytes) break;
      end = next;
    }
    auto a = store_.append(lines.substr(pos, end - pos));
    if (!a.ok()) {
      for (auto it = appended.rbegin(); it != appended.rend(); ++it) store_.undo(*it);
      state_ = SaveState::failed;
      status_ = {"保存失败：无法写入存储，内容未丢失，请重试",
                 "Save failed: could not write to storage; nothing was lost"};
      if (done) done(false);
      return;
    }
    appended.push_back(a.value());
    pos = end;
  }
  state_ = SaveState::saving;
  status_ = {"保存中…", "Saving…"};
  persist_([this, appended, change = std::move(change), saved = std::move(saved), done = std::move(done)](
               bool ok, const std::string& error) {
    if (ok) {
      change(data_);
      ++version_;
      state_ = SaveState::saved;
      status_ = saved;
    } else {
      for (auto it = appended.rbegin(); it != appended.rend(); ++it) store_.undo(*it);
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

Expected<Desk::ImportPlan> Desk::plan_import(std::string_view text) const {
  auto parsed = parse_export(text);
  if (!parsed.ok()) return parsed.errors();
  ImportPlan plan{std::move(parsed.value())};
  Errors refused;
  plan.imported.records.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    for (const auto& r : table.rows()) {
      const R* stored = data_.table<R>().find(r.meta.id);
      if (!stored) {
        ++plan.added;  // read by the journal reader's rules: storable as it is
        continue;
      }
      const R merged = merge_record(*stored, r);
      // The merge unites both histories: it must still be a version the
      // journal reader accepts (limits.hpp), or the import is refused.
      if (auto errors = check_limits(merged); !errors.empty() && refused.size() < kMaxReportedErrors) {
        refused.push_back(
            {std::string(R::kType) + " " + r.meta.id + "." + errors.front().where, errors.front().message});
      } else if (record_to_json(merged) == record_to_json(*stored)) {
        ++plan.unchanged;
      } else {
        ++plan.updated;
      }
    }
  });
  if (!refused.empty()) return refused;
  return plan;
}

void Desk::apply_import(const ImportPlan& plan, Done done) {
  if (busy() || read_only()) {
    if (done) done(false);
    return;
  }
  std::string lines;
  Dataset incoming;
  plan.imported.records.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    for (const auto& r : table.rows()) {
      const R* stored = data_.table<R>().find(r.meta.id);
      const R merged = stored ? merge_record(*stored, r) : r;
      if (stored && record_to_json(merged) == record_to_json(*stored)) continue;
      lines += journal_line(merged);
      incoming.table<R>().upsert(merged);
    }
  });
  if (lines.empty()) {
    status_ = {"导入完成：没有新的内容", "Import done: nothing new"};
    if (done) done(true);
    return;
  }
  const std::string n = std::to_string(plan.added + plan.updated);
  commit(
      lines, [incoming = std::move(incoming)](Dataset& d) { merge_into(d, incoming); },
      {"已导入 " + n + " 条记录", "Imported " + n + " records"}, std::move(done));
}

}  // namespace desk
