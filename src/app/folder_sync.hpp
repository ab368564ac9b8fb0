// The desk's background work with the site folder (issue 12): writes this
// desk's outbox (desk.hpp) to its own files, then reads what every other
// desk appended since the last look and merges it (Desk::apply_synced).
// The folder's I/O is asynchronous and behind FolderIo: the browser's File
// System Access API in web_folder.cpp, a map in the tests.
//
// Nothing is lost or doubled when the folder goes away mid-way: a line
// leaves the outbox only after the folder took it, a file's read offset
// moves only after what was read is durable here, and a line written twice
// (a crash between the write and the outbox's update) merges once.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/desk.hpp"
#include "core/site_folder.hpp"

namespace desk {

struct FolderEntry {
  std::string path;  // relative to the site folder, "/" separators
  std::size_t size = 0;
};

class FolderIo {
 public:
  virtual ~FolderIo() = default;
  using Listed = std::function<void(bool ok, std::string error, std::vector<FolderEntry> files)>;
  using Read = std::function<void(bool ok, std::string error, std::string bytes)>;
  using Written = std::function<void(bool ok, std::string error)>;
  // Every file under desks/ (other paths are not needed).
  virtual void list(Listed done) = 0;
  // The file's bytes from `offset` to its end.
  virtual void read(const std::string& path, std::size_t offset, Read done) = 0;
  // Writes `bytes` at `at` (the file's size as this desk knows it), making
  // the file and its folders when missing. All or nothing.
  virtual void append(const std::string& path, std::size_t at, const std::string& bytes, Written done) = 0;
};

class FolderSync {
 public:
  enum class State { idle, working, ok, unavailable };
  FolderSync(Desk& desk, FolderIo& io, std::string site, std::string device);

  // Call every frame: starts one round (write, then read) when none is
  // running and one is due: every kRoundMs, sooner when the outbox has
  // lines, at once after poke() (start, focus regained).
  void tick(Timestamp now);
  void poke() { poked_ = true; }
  // This desk's name for people (前台1), written to desks/<device>/desk.json.
  void set_desk_name(std::string name) { name_ = std::move(name); }
  // Another desk's name as it wrote it, or its device id.
  std::string desk_label(const std::string& device) const {
    const auto it = names_.find(device);
    return it == names_.end() ? device : it->second;
  }
  static constexpr std::int64_t kRoundMs = 3000;
  static constexpr std::int64_t kWriteSoonMs = 500;
  static constexpr std::int64_t kRetryMs = 10000;

  bool running() const { return running_; }
  State state() const { return state_; }
  // Why the folder is unavailable (the I/O's error, in words).
  const Msg& problem() const { return problem_; }
  // When the outbox was last found empty after a write (all backed up).
  std::optional<Timestamp> backed_up_at() const { return backed_up_at_; }
  std::size_t pending() const { return desk_.folder_pending(); }
  // Rounds completed (tests and the UI's first-read progress).
  std::size_t rounds() const { return rounds_; }

  // "来自 desk-2 的 3 条更新", since the caller last took them.
  std::vector<Msg> take_news() { return std::exchange(news_, {}); }
  // Files or lines refused, by file and line (each reported once).
  const std::vector<Msg>& refusals() const { return refusals_; }
  // Versions read and records changed here, per desk, since start.
  struct DeskCount {
    std::size_t read = 0, changed = 0;
  };
  const std::map<std::string, DeskCount>& per_desk() const { return per_desk_; }
  // The first round reads everything in the folder (a restore on a new PC):
  // bytes read of bytes to read in that round.
  std::size_t first_round_done() const { return first_done_; }
  std::size_t first_round_total() const { return first_total_; }

 private:
  void start_round(Timestamp now);
  void check_own_file(std::vector<FolderEntry> files);
  void write_outbox(std::vector<FolderEntry> files);
  void share_recovery(std::vector<FolderEntry> files);
  void adopt_recovery(std::vector<FolderEntry> files, std::size_t index);
  void share_name(std::vector<FolderEntry> files);
  void read_names(std::vector<FolderEntry> files, std::size_t index);
  void read_next(std::vector<FolderEntry> files, std::size_t index);
  void finish_round(bool ok, const std::string& error);
  void note_refusals(const FolderReadResult& r);
  void load_offsets();
  void save_offsets();

  Desk& desk_;
  FolderIo& io_;
  std::string site_, device_;
  bool running_ = false;
  bool poked_ = true;
  State state_ = State::idle;
  Msg problem_;
  Timestamp round_started_{}, last_round_{};
  std::optional<Timestamp> backed_up_at_;
  std::size_t rounds_ = 0;
  // This desk's newest file and its size; checked before the first write
  // (a file cut mid-line by a crash is not appended to: the next one starts).
  bool own_checked_ = false;
  int own_number_ = 0;
  std::size_t own_size_ = 0;
  std::map<std::string, FolderFileState> files_;
  bool offsets_changed_ = false;
  std::optional<RecoveryKey> shared_key_;  // the key this desk last wrote
  std::set<std::string> recovery_seen_;    // recovery files already looked at
  std::string name_, shared_name_;
  std::map<std::string, std::string> names_;       // device -> its name
  std::map<std::string, std::size_t> info_sizes_;  // desk.json sizes read
  std::vector<Msg> news_;
  std::vector<Msg> refusals_;
  std::map<std::string, DeskCount> per_desk_;
  std::size_t first_done_ = 0, first_total_ = 0;
  bool first_listed_ = false;
};

// The words for an I/O error code of FolderIo ("permission", "missing",
// "busy", or a browser message).
Msg folder_error_words(const std::string& error);

}  // namespace desk
