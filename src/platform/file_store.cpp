#include "platform/file_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "core/table_sizes.hpp"

namespace desk {

namespace fs = std::filesystem;

namespace {
std::string segment_name(std::size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "seg-%06zu.log", n);
  return buf;
}

// One write() of the whole text where it can: a stream wrote it in buffer-
// sized pieces, and in the browser every piece grew the in-memory file and
// copied it (0.6 s of a 100,000-record import; a new segment written at
// once is taken in one copy).
bool append_file(const std::string& path, std::string_view text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = true;
  while (ok && !text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) text.remove_prefix(static_cast<std::size_t>(n));
  }
  return ::close(fd) == 0 && ok;
}

// One read into `bytes`, sized to the file (a stream buffer grew and then
// copied the whole 100 MB of a large store on load). Reading every segment
// into the same string fills only what a segment adds over the last one: a
// fresh string each time cleared 256 KB per segment (~150 ms at 100,000
// records in the browser).
void read_file_into(const std::string& path, std::string& bytes) {
  bytes.clear();
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return;
  const std::streamoff size = in.tellg();
  if (size <= 0) return;
  bytes.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  in.read(bytes.data(), size);
  bytes.resize(static_cast<std::size_t>(in.gcount()));
}

std::string read_file(const std::string& path) {
  std::string bytes;
  read_file_into(path, bytes);
  return bytes;
}
}  // namespace

FileStore::LoadReport FileStore::load(Dataset& into, bool upgrade) {
  LoadReport report;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  segments_.clear();
  const fs::path marker = fs::path(dir_) / kStoreMarkerFile;
  const bool has_marker = fs::exists(marker, ec);
  report.found_version = has_marker ? read_store_marker(read_file(marker.string())) : 1;
  report.bad_marker = report.found_version == 0;
  report.newer = report.found_version > kStoreVersion;
  writable_ = !report.bad_marker && !report.newer;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("seg-", 0) == 0 && name.size() > 8 && name.substr(name.size() - 4) == ".log")
      segments_.push_back(entry.path().string());
  }
  std::sort(segments_.begin(), segments_.end());
  report.segments = segments_.size();
  // Lines kept aside by earlier loads, in the order they were found.
  const fs::path quarantine = fs::path(dir_) / kQuarantineFile;
  std::vector<std::string> kept;
  const std::string kept_text = read_file(quarantine.string());
  for (std::size_t pos = 0; pos < kept_text.size();) {
    const std::size_t nl = std::min(kept_text.find('\n', pos), kept_text.size());
    if (nl > pos) kept.push_back(kept_text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  for (const auto& line : kept) report.quarantined.push_back({"", describe_refused_line(line)});
  // Room for the rows the last load found (core/table_sizes.hpp), at most
  // one per 64 stored bytes (no journal line is shorter).
  std::size_t stored_bytes = 0;
  for (const auto& path : segments_)
    if (const auto size = fs::file_size(path, ec); !ec) stored_bytes += static_cast<std::size_t>(size);
  const std::string sizes_before = read_file((fs::path(dir_) / kTableSizesFile).string());
  reserve_table_sizes(into, sizes_before, stored_bytes / 64);
  std::string added;
  std::string bytes;
  for (const auto& path : segments_) {
    read_file_into(path, bytes);
    const JournalReadReport r = read_journal(bytes, into);
    const std::string name = fs::path(path).filename().string();
    report.lines += r.lines;
    report.dropped += r.dropped;
    for (const auto& p : r.problems) report.problems.push_back(name + " " + p);
    for (const auto& q : r.quarantined) {
      auto known = std::find_if(report.quarantined.begin(), report.quarantined.end(),
                                [&](const auto& k) { return k.line.text == q.text; });
      if (known != report.quarantined.end()) {
        known->segment = name, known->line.line_no = q.line_no;
        continue;
      }
      report.quarantined.push_back({name, q});
      added += q.text + "\n";
    }
    if (r.torn_tail && writable_) fs::resize_file(path, r.good_bytes, ec);
  }
  if (!added.empty() && writable_) {
    std::ofstream out(quarantine, std::ios::binary | std::ios::app);
    out << added;
    report.quarantine_written = static_cast<bool>(out.flush());
  }
  current_size_ = segments_.empty() ? 0 : static_cast<std::size_t>(fs::file_size(segments_.back(), ec));
  if (upgrade && writable_ && into.size() >= kTableSizesFrom) {
    const std::string sizes = table_sizes_text(into);
    if (sizes != sizes_before) report.sizes_written = write_side(kTableSizesFile, sizes);
  }
  // Upgrade steps run oldest first; 1 -> 2 only adds the marker (the
  // segments are the same). Any later step that rewrites records goes here.
  if (upgrade && writable_ && report.found_version < kStoreVersion) {
    std::ofstream out(marker, std::ios::binary | std::ios::trunc);
    out << store_marker_text();
    report.upgraded = static_cast<bool>(out.flush());
  }
  return report;
}

Expected<FileStore::Appended> FileStore::append(std::string_view lines) {
  if (!writable_)
    return Errors{{"storage",
                   {"存储由更新版本的系统写入或版本标记无法识别，本页面不能写入（请刷新以载入最新版本）",
                    "The storage was written by a newer version or its version marker is unreadable; this page "
                    "cannot write to it (reload to get the latest version)"}}};
  if (segments_.empty() || current_size_ + lines.size() > kSegmentBytes) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    segments_.push_back((fs::path(dir_) / segment_name(segments_.size() + 1)).string());
    current_size_ = 0;
  }
  Appended a{segments_.back(), current_size_};
  if (!append_file(a.path, lines)) {
    undo(a);
    return Errors{{"storage", {"写入存储失败", "Could not write to storage"}}};
  }
  current_size_ += lines.size();
  return a;
}

void FileStore::undo(const Appended& a) {
  std::error_code ec;
  if (a.old_size == 0) {
    fs::remove(a.path, ec);
    if (!segments_.empty() && segments_.back() == a.path) segments_.pop_back();
    current_size_ = segments_.empty() ? 0 : static_cast<std::size_t>(fs::file_size(segments_.back(), ec));
  } else {
    fs::resize_file(a.path, a.old_size, ec);
    current_size_ = a.old_size;
  }
}

std::string FileStore::read_side(const std::string& name) const {
  return read_file((fs::path(dir_) / name).string());
}

bool FileStore::write_side(const std::string& name, const std::string& text) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const fs::path path = fs::path(dir_) / name;
  const fs::path tmp = fs::path(dir_) / (name + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!(out << text) || !out.flush()) return false;
  }
  fs::rename(tmp, path, ec);
  return !ec;
}

}  // namespace desk
