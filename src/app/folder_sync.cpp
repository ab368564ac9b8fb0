#include "app/folder_sync.hpp"

#include <algorithm>
#include <memory>

namespace desk {

Msg folder_error_words(const std::string& error) {
  if (error == "permission")
    return {"浏览器要求重新授权站点文件夹", "the browser needs permission for the site folder again"};
  if (error == "missing") return {"找不到文件夹：网络盘断开或已移走", "folder not found: network drive down or moved"};
  if (error == "busy") return {"文件被占用，稍后重试", "a file is in use; retrying"};
  if (error == "full") return {"文件夹所在磁盘已满", "the folder's disk is full"};
  return {"无法访问：" + error, "cannot reach it: " + error};
}

FolderSync::FolderSync(Desk& desk, FolderIo& io, std::string site, std::string device)
    : desk_(desk), io_(io), site_(std::move(site)), device_(std::move(device)) {
  load_offsets();
}

// {"site": …, "files": {path: [offset, line_no, header_read, refused]}}
void FolderSync::load_offsets() {
  const json j = json::parse(desk_.folder_read_state(), nullptr, false);
  if (!j.is_object() || j.value("site", "") != site_ || !j.contains("files") || !j["files"].is_object()) return;
  for (const auto& [path, v] : j["files"].items()) {
    if (!parse_desk_file_path(path) || !v.is_array() || v.size() != 4 || !v[0].is_number_unsigned() ||
        !v[1].is_number_unsigned() || !v[2].is_boolean() || !v[3].is_boolean())
      continue;
    files_[path] = {v[0].get<std::size_t>(), v[1].get<std::size_t>(), v[2].get<bool>(), v[3].get<bool>()};
  }
}

void FolderSync::save_offsets() {
  json files = json::object();
  for (const auto& [path, f] : files_) files[path] = json::array({f.offset, f.line_no, f.header_read, f.refused});
  desk_.save_folder_read_state(json{{"site", site_}, {"files", files}}.dump());
  offsets_changed_ = false;
}

void FolderSync::tick(Timestamp now) {
  if (running_ || !desk_.folder_on()) return;
  const std::int64_t wait = state_ == State::unavailable ? kRetryMs : desk_.folder_pending() ? kWriteSoonMs : kRoundMs;
  if (!poked_ && now.ms - last_round_.ms < wait) return;
  poked_ = false;
  start_round(now);
}

void FolderSync::start_round(Timestamp now) {
  running_ = true;
  round_started_ = now;
  if (state_ != State::unavailable) state_ = State::working;
  io_.list([this](bool ok, std::string error, std::vector<FolderEntry> files) {
    if (!ok) return finish_round(false, error);
    if (!own_checked_) return check_own_file(std::move(files));
    write_outbox(std::move(files));
  });
}

// This desk's newest file, and whether it ends at a line end.
void FolderSync::check_own_file(std::vector<FolderEntry> files) {
  own_number_ = 0;
  own_size_ = 0;
  for (const auto& f : files)
    if (auto name = parse_desk_file_path(f.path); name && name->device == device_ && name->number > own_number_)
      own_number_ = name->number, own_size_ = f.size;
  if (own_number_ > 0 && own_size_ == 0) {
    // An empty file (made by a write that then failed) gets its header: it
    // is started again as a new file.
    own_size_ = kFolderFileBytes;
    --own_number_;
  }
  if (own_number_ == 0 || own_size_ == kFolderFileBytes) {
    own_checked_ = true;
    return write_outbox(std::move(files));
  }
  io_.read(desk_file_path(device_, own_number_), own_size_ - 1,
           [this, files = std::move(files)](bool ok, std::string error, std::string last) mutable {
             if (!ok) return finish_round(false, error);
             // A file cut mid-line is left as it is; the next file starts.
             if (last != "\n") own_size_ = kFolderFileBytes;
             own_checked_ = true;
             write_outbox(std::move(files));
           });
}

void FolderSync::write_outbox(std::vector<FolderEntry> files) {
  const std::string& outbox = desk_.folder_outbox();
  if (outbox.empty()) {
    backed_up_at_ = round_started_;
    return share_recovery(std::move(files));
  }
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos < outbox.size();) {
    const std::size_t nl = outbox.find('\n', pos);
    lines.push_back(outbox.substr(pos, nl + 1 - pos));
    pos = nl + 1;
  }
  // One file's append per step; the round goes on with the rest.
  FolderAppend a = plan_folder_append(site_, device_, own_number_, own_size_, lines).front();
  const std::size_t header = a.new_file ? folder_header_line(site_, device_).size() : 0;
  const std::size_t at = a.new_file ? 0 : own_size_;
  const auto name = parse_desk_file_path(a.path);
  io_.append(a.path, at, a.bytes,
             [this, files = std::move(files), number = name->number, size = at + a.bytes.size(),
              taken = a.bytes.size() - header](bool ok, std::string error) mutable {
               if (!ok) {
                 own_checked_ = false;  // what the folder holds is looked at again
                 return finish_round(false, error);
               }
               own_number_ = number;
               own_size_ = size;
               desk_.folder_written(taken);
               write_outbox(std::move(files));
             });
}

// This desk's recovery key beside its journal (rewritten when it changes).
void FolderSync::share_recovery(std::vector<FolderEntry> files) {
  const auto& key = desk_.security().recovery;
  if (!key || key == shared_key_) return share_name(std::move(files));
  io_.append(recovery_file_path(device_), 0, recovery_file_text(site_, device_, *key),
             [this, files = std::move(files), written = *key](bool ok, std::string error) mutable {
               if (!ok) return finish_round(false, error);
               shared_key_ = written;
               share_name(std::move(files));
             });
}

// A desk without a key takes the site's from another desk's recovery file.
void FolderSync::adopt_recovery(std::vector<FolderEntry> files, std::size_t index) {
  for (; index < files.size() && !desk_.security().recovery; ++index) {
    const auto device = parse_recovery_file_path(files[index].path);
    if (!device || *device == device_ || recovery_seen_.count(files[index].path)) continue;
    const std::string path = files[index].path;
    return io_.read(
        path, 0, [this, files = std::move(files), index, path](bool ok, std::string error, std::string bytes) mutable {
          if (!ok) return finish_round(false, error);
          recovery_seen_.insert(path);
          if (auto key = parse_recovery_file(bytes, site_)) desk_.adopt_recovery_key(*key);
          adopt_recovery(std::move(files), index + 1);
        });
  }
  read_names(std::move(files), 0);
}

void FolderSync::share_name(std::vector<FolderEntry> files) {
  if (name_.empty() || name_ == shared_name_) return adopt_recovery(std::move(files), 0);
  io_.append(desk_info_path(device_), 0, desk_info_text(site_, device_, name_),
             [this, files = std::move(files), written = name_](bool ok, std::string error) mutable {
               if (!ok) return finish_round(false, error);
               shared_name_ = written;
               adopt_recovery(std::move(files), 0);
             });
}

// The other desks' names, read again only when their desk.json changed size.
void FolderSync::read_names(std::vector<FolderEntry> files, std::size_t index) {
  for (; index < files.size(); ++index) {
    const auto device = parse_desk_info_path(files[index].path);
    if (!device || *device == device_) continue;
    const auto seen = info_sizes_.find(*device);
    if (seen != info_sizes_.end() && seen->second == files[index].size) continue;
    const std::string path = files[index].path, who = *device;
    const std::size_t size = files[index].size;
    return io_.read(
        path, 0,
        [this, files = std::move(files), index, who, size](bool ok, std::string error, std::string bytes) mutable {
          if (!ok) return finish_round(false, error);
          info_sizes_[who] = size;
          if (auto name = parse_desk_info(bytes, site_)) names_[who] = *name;
          read_names(std::move(files), index + 1);
        });
  }
  read_next(std::move(files), 0);
}

void FolderSync::read_next(std::vector<FolderEntry> files, std::size_t index) {
  const bool first = rounds_ == 0;
  if (first && !first_listed_)
    for (const auto& f : files)
      if (auto name = parse_desk_file_path(f.path); name && name->device != device_)
        first_total_ += f.size - std::min(f.size, files_[f.path].offset);
  first_listed_ = true;
  for (; index < files.size(); ++index) {
    const FolderEntry& f = files[index];
    const auto name = parse_desk_file_path(f.path);
    if (!name || name->device == device_) continue;
    const FolderFileState& state = files_[f.path];
    if (state.refused || f.size == state.offset) continue;
    break;
  }
  if (index == files.size()) return finish_round(true, "");
  const FolderEntry f = files[index];
  const std::size_t offset = std::min(files_[f.path].offset, f.size);
  io_.read(f.path, offset,
           [this, files = std::move(files), index, f, first](bool ok, std::string error, std::string tail) mutable {
             if (!ok) return finish_round(false, error);
             FolderFileState state = files_[f.path];
             // A shortened file shows here as fewer bytes than were read before.
             const std::size_t size = f.size < state.offset ? f.size : std::max(f.size, state.offset + tail.size());
             FolderReadResult r = read_desk_file(f.path, tail, size, site_, state);
             // A cut last line in a file its desk has moved on from will never be
             // finished (the desk stopped mid-write): named, and the file is done.
             const auto name = parse_desk_file_path(f.path);
             const bool superseded = std::any_of(files.begin(), files.end(), [&](const FolderEntry& e) {
               const auto other = parse_desk_file_path(e.path);
               return other && other->device == name->device && other->number > name->number;
             });
             if (superseded && !state.refused && state.offset < size) {
               const std::string line = std::to_string(state.line_no + 1);
               r.refusals.push_back({f.path + " 第 " + line + " 行：末行不完整（写入中断），已跳过",
                                     f.path + " line " + line + ": last line cut off (an interrupted write); skipped"});
               state.refused = true;
             }
             note_refusals(r);
             if (first) first_done_ += tail.size();
             const std::string device = name->device;
             auto advance = [this, files = std::move(files), index, path = f.path, state, device,
                             read = r.records.size()](std::size_t changed) mutable {
               files_[path] = state;
               offsets_changed_ = true;
               if (read) {  // desks whose files held no record are not listed
                 per_desk_[device].read += read;
                 per_desk_[device].changed += changed;
               }
               read_next(std::move(files), index + 1);
             };
             if (r.records.size() == 0) return advance(0);
             // apply_synced may finish (call its done) before it returns.
             struct Pending {
               bool returned = false;
               std::optional<bool> result;
               Desk::SyncReport report;
             };
             auto p = std::make_shared<Pending>();
             auto next = std::make_shared<std::function<void(bool)>>(
                 [this, p, device, advance = std::move(advance)](bool ok) mutable {
                   // Not durable here: the offset stays, and the lines are read again.
                   if (!ok) return finish_round(false, "busy");
                   const std::string n = std::to_string(p->report.changed);
                   if (p->report.changed)
                     news_.push_back({"来自 " + desk_label(device) + " 的 " + n + " 条更新",
                                      n + " update(s) from " + desk_label(device)});
                   for (const Msg& m : p->report.held)
                     if (std::find(refusals_.begin(), refusals_.end(), m) == refusals_.end()) refusals_.push_back(m);
                   advance(p->report.changed);
                 });
             p->report = desk_.apply_synced(r.records, desk_label(device), [p, next](bool ok) {
               if (p->returned)
                 (*next)(ok);
               else
                 p->result = ok;
             });
             p->returned = true;
             if (p->result) (*next)(*p->result);
           });
}

void FolderSync::note_refusals(const FolderReadResult& r) {
  for (const Msg& m : r.refusals)
    if (std::find(refusals_.begin(), refusals_.end(), m) == refusals_.end()) refusals_.push_back(m);
}

void FolderSync::finish_round(bool ok, const std::string& error) {
  running_ = false;
  // Every offset moved so far covers merges already durable here.
  if (offsets_changed_ && !desk_.busy()) save_offsets();
  last_round_ = round_started_;
  if (ok) {
    ++rounds_;
    state_ = State::ok;
    problem_ = {};
    if (desk_.folder_outbox().empty()) backed_up_at_ = round_started_;
  } else if (error == "busy") {
    poked_ = true;  // the desk was saving: try again on the next frame
    if (state_ == State::working) state_ = State::ok;
  } else {
    state_ = State::unavailable;
    problem_ = folder_error_words(error);
  }
}

}  // namespace desk
