#include "platform/file_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "core/segment_pack.hpp"
#include "core/table_sizes.hpp"

namespace desk {

namespace fs = std::filesystem;

namespace {
// seg-000001.log: the open segment (the last, appended to); seg-000001.lz4:
// a closed one, packed (core/segment_pack.hpp). Numbers run on across both.
std::string segment_name(std::size_t n, const char* ext) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "seg-%06zu%s", n, ext);
  return buf;
}
bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}
bool is_packed(std::string_view path) {
  return ends_with(path, kPackedSegmentExt);
}
// The segment's number, 0 when the name is not a segment's.
std::size_t segment_number(const std::string& name) {
  if (name.rfind("seg-", 0) != 0 || name.size() != 14 ||
      !(ends_with(name, kOpenSegmentExt) || ends_with(name, kPackedSegmentExt)))
    return 0;
  std::size_t n = 0;
  for (std::size_t i = 4; i < 10; ++i) {
    if (name[i] < '0' || name[i] > '9') return 0;
    n = n * 10 + static_cast<std::size_t>(name[i] - '0');
  }
  return n;
}
std::string with_ext(const std::string& path, const char* ext) {
  return path.substr(0, path.size() - 4) + ext;
}

// One write() of the whole text where it can: a stream wrote it in buffer-
// sized pieces, and in the browser every piece grew the in-memory file and
// copied it (0.6 s of a 100,000-record import; a new file written at once
// is taken in one exact-size copy, where pieces left it in a buffer up to
// twice its size).
bool write_file(const std::string& path, std::string_view text, int mode_flags) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | mode_flags, 0644);
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

bool append_file(const std::string& path, std::string_view text) {
  return write_file(path, text, O_APPEND);
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

// Written whole to a temporary file, then renamed over `path`.
bool write_whole(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  std::error_code ec;
  if (!write_file(tmp, bytes, O_TRUNC)) {
    fs::remove(tmp, ec);
    return false;
  }
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}
}  // namespace

bool FileStore::pack_segment_at(std::size_t i) {
  const std::string& path = segments_[i];
  if (is_packed(path)) return false;
  const std::string packed = pack_segment(read_file(path));
  if (packed.empty()) return false;
  const std::string to = with_ext(path, kPackedSegmentExt);
  if (!write_whole(to, packed)) return false;
  // Both files are whole now; a load that finds both reads the .log.
  std::error_code ec;
  if (!fs::remove(path, ec)) return false;
  segments_[i] = to;
  return true;
}

bool FileStore::unpack_last() {
  if (segments_.empty() || !is_packed(segments_.back())) return false;
  std::string raw;
  if (!unpack_segment(read_file(segments_.back()), raw)) return false;
  const std::string to = with_ext(segments_.back(), kOpenSegmentExt);
  if (!write_whole(to, raw)) return false;
  std::error_code ec;
  fs::remove(segments_.back(), ec);
  segments_.back() = to;
  current_size_ = raw.size();
  return true;
}

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
  for (const auto& entry : fs::directory_iterator(dir_, ec))
    if (segment_number(entry.path().filename().string()) > 0) segments_.push_back(entry.path().string());
  std::sort(segments_.begin(), segments_.end());
  // A .log beside a .lz4 of the same number: packing stopped before the
  // .log was removed. The .log is whole; the .lz4 is ignored (and replaced
  // when the .log is packed).
  segments_.erase(std::unique(segments_.begin(), segments_.end(),
                              [](const std::string& a, const std::string& b) {
                                return a.size() == b.size() && a.compare(0, a.size() - 4, b, 0, b.size() - 4) == 0;
                              }),
                  segments_.end());
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
  // one per 64 stored bytes (no journal line is shorter; a packed segment
  // counts 16 times its size, about twice what journal text packs to).
  std::size_t stored_bytes = 0;
  for (const auto& path : segments_)
    if (const auto size = fs::file_size(path, ec); !ec)
      stored_bytes += static_cast<std::size_t>(size) * (is_packed(path) ? 16 : 1);
  const std::string sizes_before = read_file((fs::path(dir_) / kTableSizesFile).string());
  reserve_table_sizes(into, sizes_before, stored_bytes / 64);
  std::string added;
  std::string bytes;
  std::string packed;
  for (const auto& path : segments_) {
    const std::string name = fs::path(path).filename().string();
    if (is_packed(path)) {
      read_file_into(path, packed);
      if (!unpack_segment(packed, bytes)) {
        // Kept as it is, never rewritten; appends go to a new segment.
        report.unreadable.push_back(name);
        report.problems.push_back(name + " cannot be unpacked");
        continue;
      }
    } else {
      read_file_into(path, bytes);
    }
    const JournalReadReport r = read_journal(bytes, into);
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
    if (r.torn_tail && writable_ && !is_packed(path)) fs::resize_file(path, r.good_bytes, ec);
  }
  if (!added.empty() && writable_) {
    report.quarantine_written = append_file(quarantine.string(), added);
  }
  current_size_ = segments_.empty() ? 0 : static_cast<std::size_t>(fs::file_size(segments_.back(), ec));
  // Closed segments still in text (a version-2 store, or a pack that did not
  // finish) are packed now; the last .log stays open for appends.
  if (upgrade && writable_)
    for (std::size_t i = 0; i + 1 < segments_.size(); ++i)
      if (!is_packed(segments_[i]) && pack_segment_at(i)) ++report.packed;
  if (upgrade && writable_ && into.size() >= kTableSizesFrom) {
    const std::string sizes = table_sizes_text(into);
    if (sizes != sizes_before) report.sizes_written = write_side(kTableSizesFile, sizes);
  }
  // Upgrade steps run oldest first; 1 -> 2 only adds the marker (the
  // segments are the same); 2 -> 3 packs the closed segments (above).
  if (upgrade && writable_ && report.found_version < kStoreVersion) {
    report.upgraded = write_whole(marker.string(), store_marker_text());
  }
  return report;
}

namespace {
Errors read_only_error() {
  return Errors{{"storage",
                 {"存储由更新版本的系统写入或版本标记无法识别，本页面不能写入（请刷新以载入最新版本）",
                  "The storage was written by a newer version or its version marker is unreadable; this page "
                  "cannot write to it (reload to get the latest version)"}}};
}
}  // namespace

std::size_t FileStore::next_number() const {
  return segments_.empty() ? 1 : segment_number(fs::path(segments_.back()).filename().string()) + 1;
}

Expected<FileStore::Appended> FileStore::append_packed(const std::vector<std::string_view>& pieces) {
  if (!writable_) return read_only_error();
  std::string closed;
  if (!segments_.empty() && !is_packed(segments_.back()) && pack_segment_at(segments_.size() - 1))
    closed = segments_.back();
  run_.clear();
  for (const auto piece : pieces) run_ += piece;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const std::string path = (fs::path(dir_) / segment_name(next_number(), kPackedSegmentExt)).string();
  const std::string packed = pack_segment(run_);
  if (packed.empty() || !write_whole(path, packed)) {
    if (!closed.empty()) unpack_last();
    return Errors{{"storage", {"写入存储失败", "Could not write to storage"}}};
  }
  segments_.push_back(path);
  current_size_ = 0;
  return Appended{path, 0, closed};
}

Expected<FileStore::Appended> FileStore::append(std::string_view lines) {
  if (!writable_) return read_only_error();
  std::string packed;
  const bool open = !segments_.empty() && !is_packed(segments_.back());
  if (!open || current_size_ + lines.size() > kSegmentBytes) {
    // The full segment is closed: packed, or left in text if that fails.
    if (open && current_size_ > 0 && pack_segment_at(segments_.size() - 1)) packed = segments_.back();
    std::error_code ec;
    fs::create_directories(dir_, ec);
    segments_.push_back((fs::path(dir_) / segment_name(next_number(), kOpenSegmentExt)).string());
    current_size_ = 0;
  }
  Appended a{segments_.back(), current_size_, packed};
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
  // The segment this append closed is opened again, in text, so that the
  // undo of the appends before it can cut it back.
  if (!a.packed.empty() && !segments_.empty() && segments_.back() == a.packed) unpack_last();
}

std::string FileStore::read_side(const std::string& name) const {
  return read_file((fs::path(dir_) / name).string());
}

bool FileStore::write_side(const std::string& name, const std::string& text) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  return write_whole((fs::path(dir_) / name).string(), text);
}

}  // namespace desk
