// Benchmark (issue 12): the site folder in the native build, on a real disk
// store (FileStore) and an in-memory folder, so the figures are the desk's
// own work, not the browser's file API:
//   restore: a new desk reads a 100,000-record folder (three desks' files)
//            beside importing the same records from one export file
//   see:     one desk saves a record, the next round of another desk has it
//            (median and p95 of the work; the browser adds its poll interval,
//            FolderSync::kRoundMs, and the file API's time)
// usage: folder_bench export.json [samples=200]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/folder_sync.hpp"
#include "core/exchange.hpp"

using namespace desk;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct MemFolder : FolderIo {
  std::map<std::string, std::string> files;
  void list(Listed done) override {
    std::vector<FolderEntry> out;
    for (const auto& [p, b] : files) out.push_back({p, b.size()});
    done(true, "", out);
  }
  void read(const std::string& p, std::size_t offset, Read done) override {
    const std::string& f = files[p];
    done(true, "", offset < f.size() ? f.substr(offset) : "");
  }
  void append(const std::string& p, std::size_t at, const std::string& bytes, Written done) override {
    std::string& f = files[p];
    f.resize(at);
    f += bytes;
    done(true, "");
  }
};

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string fresh(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("desk-folder-bench-" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

std::string g_site;

Actor manager(std::uint64_t seed) {
  Actor a{"M001", g_site, {1764547200000 + static_cast<std::int64_t>(seed)}, {}, Role::center_manager};
  for (std::size_t i = 0; i < a.random.size(); ++i) a.random[i] = static_cast<std::uint8_t>(seed * 31 + i);
  return a;
}

Desk::PersistFn durable() {
  return [](Desk::PersistDone d) { d(true, ""); };
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: folder_bench export.json [samples]\n");
    return 2;
  }
  const int samples = argc > 2 ? std::atoi(argv[2]) : 200;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string text = buf.str();
  auto parsed = parse_export(text, text.size() + 1);
  if (!parsed.ok()) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  const std::string site = parsed.value().header.site;
  g_site = site;
  const std::size_t n = parsed.value().records.size();

  // The folder three desks would have written: the records dealt round-robin.
  MemFolder folder;
  {
    std::vector<std::string> lines[3];
    std::size_t i = 0;
    parsed.value().records.each_table([&](const auto& t) {
      for (const auto& r : t.rows()) lines[i++ % 3].push_back(journal_line(r));
    });
    for (int d = 0; d < 3; ++d) {
      const std::string device = "desk-" + std::to_string(d + 1);
      for (const auto& a : plan_folder_append(site, device, 0, 0, lines[d])) folder.files[a.path] += a.bytes;
    }
  }
  std::size_t folder_bytes = 0;
  for (const auto& [p, b] : folder.files) folder_bytes += b.size();

  // Import of the export file.
  double import_ms = 0;
  {
    Desk desk(fresh("import"), durable());
    desk.load();
    const auto t = Clock::now();
    auto plan = desk.plan_import(text, manager(1), "export.json");
    if (!plan.ok() || !desk.apply_import(plan.value(), manager(2), true).empty()) {
      std::fprintf(stderr, "import refused\n");
      return 1;
    }
    import_ms = ms_since(t);
  }
  // Restore from the folder.
  double restore_ms = 0;
  std::size_t restored = 0;
  {
    Desk desk(fresh("restore"), durable());
    desk.load();
    FolderSync sync(desk, folder, site, "desk-new");
    if (!desk.start_folder(manager(3)).empty()) return 1;
    const auto t = Clock::now();
    sync.poke();
    sync.tick({1});
    restore_ms = ms_since(t);
    restored = desk.data().size();
    if (sync.state() != FolderSync::State::ok) std::fprintf(stderr, "restore: %s\n", sync.problem().en.c_str());
  }
  // See: a save on desk A, then A's round (write) and B's round (read).
  std::vector<double> see;
  {
    MemFolder shared;
    Desk a(fresh("see-a"), durable()), b(fresh("see-b"), durable());
    a.load(), b.load();
    a.start_folder(manager(4)), b.start_folder(manager(5));
    FolderSync sa(a, shared, site, "desk-a"), sb(b, shared, site, "desk-b");
    for (int i = 0; i < samples; ++i) {
      Visit v;
      v.time = {1764547200000 + i * 60000LL};
      v.visitor_name = "王珺";
      v.unit = "3栋-1202";
      v.purpose = VisitPurpose::consult;
      v.content = "楼道灯不亮 " + std::to_string(i);
      v.received_by = "S001";
      v.outcome = VisitOutcome::answered_on_spot;
      v.answer = "已通知维修";
      const auto t = Clock::now();
      if (!a.save(v, manager(100 + static_cast<std::uint64_t>(i))).empty()) return 1;
      sa.poke(), sa.tick({i + 1});
      sb.poke(), sb.tick({i + 1});
      see.push_back(ms_since(t));
      if (b.data().table<Visit>().size() != static_cast<std::size_t>(i + 1)) {
        std::fprintf(stderr, "desk B did not see save %d\n", i);
        return 1;
      }
    }
  }
  std::sort(see.begin(), see.end());
  std::printf("| what | records | time |\n| --- | --- | --- |\n");
  std::printf("| import one export file (%.1f MB) | %zu | %.0f ms |\n", static_cast<double>(text.size()) / 1e6, n,
              import_ms);
  std::printf("| restore from a site folder (%zu files, %.1f MB) | %zu | %.0f ms |\n", folder.files.size(),
              static_cast<double>(folder_bytes) / 1e6, restored, restore_ms);
  std::printf("| see another desk's save (work only), median | 1 | %.2f ms |\n", see[see.size() / 2]);
  std::printf("| see another desk's save (work only), p95 | 1 | %.2f ms |\n",
              see[std::min(see.size() - 1, see.size() * 95 / 100)]);
  return restored == n ? 0 : 1;
}
