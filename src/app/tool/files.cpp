#include "app/tool/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <utility>

namespace desk::tool {

namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

Errors refuse(std::string zh, std::string en) {
  return Errors{{"文件", {std::move(zh), std::move(en)}}};
}

std::string reason(int err) {
  return std::strerror(err);
}

std::string megabytes(std::uint64_t bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, std::min(kChunk, text.size() - done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

std::string random_suffix() {
  std::random_device rd;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%08x%08x", rd(), rd());
  return buf;
}

// Opens a regular file for reading and says how large it is, or refuses it.
Expected<std::uint64_t> open_regular(const std::string& path, std::size_t max_bytes, Fd& fd) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  fd.reset(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    const int err = errno;
    return refuse("无法打开：" + reason(err), "cannot open: " + reason(err));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    const int err = errno;
    return refuse("无法读取文件信息：" + reason(err), "cannot stat: " + reason(err));
  }
  if (S_ISDIR(st.st_mode)) return refuse("这是一个目录，不是导出文件", "this is a directory, not an export file");
  if (!S_ISREG(st.st_mode))
    return refuse("不是普通文件（管道、设备或套接字），不读取",
                  "not a regular file (a pipe, device or socket): not read");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_bytes)
    return refuse("文件太大（" + megabytes(size) + "，上限 " + megabytes(max_bytes) + "）",
                  "the file is too large (" + megabytes(size) + ", the limit is " + megabytes(max_bytes) + ")");
  if (size == 0) return refuse("文件是空的", "the file is empty");
  return size;
}

// One bounded read; the count, 0 at the end, or the refusal.
Expected<std::size_t> read_some(int fd, char* into, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd, into, std::min(kChunk, n));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int err = errno;
      return refuse("读取出错：" + reason(err), "read error: " + reason(err));
    }
    return static_cast<std::size_t>(got);
  }
}

}  // namespace

Expected<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  Fd fd(-1);
  auto opened = open_regular(path, max_bytes, fd);
  if (!opened.ok()) return opened.errors();
  const std::uint64_t size = opened.value();
  // Exactly the size found, in bounded reads; a file that grows meanwhile is
  // read as it was.
  std::string text(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    auto n = read_some(fd.get(), text.data() + got, text.size() - got);
    if (!n.ok()) return n.errors();
    if (n.value() == 0) break;  // shrank while read
    got += n.value();
  }
  text.resize(got);
  return text;
}

Expected<bool> read_lines(const std::string& path, const LineFn& line, std::size_t max_bytes) {
  Fd fd(-1);
  auto opened = open_regular(path, max_bytes, fd);
  if (!opened.ok()) return opened.errors();
  std::uint64_t left = opened.value();  // the size found: a file that grows meanwhile is read as it was
  std::string chunk(kChunk, '\0');
  std::string carry;  // the start of a line the last chunk cut
  while (left > 0) {
    auto n = read_some(fd.get(), chunk.data(), static_cast<std::size_t>(std::min<std::uint64_t>(left, kChunk)));
    if (!n.ok()) return n.errors();
    if (n.value() == 0) break;  // shrank while read
    left -= n.value();
    std::string_view rest(chunk.data(), n.value());
    for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(nl + 1)) {
      if (carry.empty()) {
        if (!line(rest.substr(0, nl))) return false;
        continue;
      }
      carry.append(rest.substr(0, nl));
      if (!line(carry)) return false;
      carry.clear();
    }
    if (carry.size() + rest.size() > kToolMaxLineBytes) return false;
    carry.append(rest);
  }
  return line(carry);
}

std::optional<Msg> write_file_with(const std::string& path, const ProduceFn& produce) {
  const auto fail = [&](int err) {
    return Msg{"无法写入 " + path + "：" + reason(err), "cannot write " + path + ": " + reason(err)};
  };
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base.empty()) return fail(EISDIR);
  // O_CREAT | O_EXCL never follows a symlink and never opens an existing
  // file: the temporary file is ours alone.
  std::string tmp;
  int raw = -1;
  for (int attempt = 0; attempt < 16 && raw < 0; ++attempt) {
    tmp = (slash == std::string::npos ? "" : dir) + "." + base + "." + random_suffix() + ".tmp";
    raw = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (raw < 0 && errno != EEXIST) return fail(errno);
  }
  if (raw < 0) return fail(EEXIST);
  Fd fd(raw);
  int err = 0;
  errno = 0;
  // Pieces are gathered into writes of about kChunk; after a failed write
  // the rest is not written.
  std::string buffer;
  bool written = true;
  auto flush = [&] {
    written = written && write_all(fd.get(), buffer);
    buffer.clear();
  };
  produce([&](std::string_view piece) {
    buffer.append(piece);
    if (buffer.size() >= kChunk) flush();
  });
  flush();
  if (!written || ::fsync(fd.get()) != 0) err = errno ? errno : EIO;
  if (!err && ::close(fd.release()) != 0) err = errno;
  if (!err && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.c_str());
    return fail(err);
  }
  // The rename itself reaches the disk with the directory (best effort).
  Fd d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (d.get() >= 0) ::fsync(d.get());
  return std::nullopt;
}

std::optional<Msg> write_file(const std::string& path, const std::string& text) {
  return write_file_with(path, [&](const EmitFn& emit) { emit(text); });
}

std::optional<Expected<std::vector<std::string>>> list_folder(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(path, ec))) return std::nullopt;
  std::vector<std::string> out;
  fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    if (out.size() == kToolMaxFolderFiles)
      return Expected<std::vector<std::string>>(
          refuse("文件夹中文件过多（超过 " + std::to_string(kToolMaxFolderFiles) + " 个）",
                 "too many files in the folder (over " + std::to_string(kToolMaxFolderFiles) + ")"));
    out.push_back(fs::relative(it->path(), path, ec).generic_string());
  }
  if (ec)
    return Expected<std::vector<std::string>>(
        refuse("无法读取文件夹：" + ec.message(), "cannot read the folder: " + ec.message()));
  std::sort(out.begin(), out.end());
  return Expected<std::vector<std::string>>(std::move(out));
}

}  // namespace desk::tool
