#include "core/site_folder.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <tuple>

#include "core/journal.hpp"
#include "core/text.hpp"

namespace desk {

namespace {

constexpr std::string_view kFilePrefix = "journal-";
constexpr std::string_view kFileSuffix = ".jsonl";

struct Reporter {
  std::string_view path;
  FolderReadResult& out;
  void operator()(std::size_t line_no, const Msg& why) {
    const std::string where = std::string(path) + (line_no ? " line " + std::to_string(line_no) : std::string());
    out.problems.push_back(where + ": " + why.en);
    out.refusals.push_back(
        {std::string(path) + (line_no ? " 第 " + std::to_string(line_no) + " 行" : "") + "：" + why.zh,
         where + ": " + why.en});
  }
};

// Checks the header line against the file's path and the reader's site.
std::optional<Msg> check_header(std::string_view body, std::string_view path, std::string_view site) {
  const json j = json::parse(body, nullptr, false);
  if (!j.is_object() || j.value("format", "") != kFolderFormat)
    return Msg{"不是站点文件夹的备份文件，已跳过", "not a site folder file; skipped"};
  const auto v = j.find("version");
  if (v == j.end() || !v->is_number_integer() || v->get<std::int64_t>() < 1)
    return Msg{"文件版本不可读，已跳过", "unreadable file version; skipped"};
  if (v->get<std::int64_t>() > kFolderVersion)
    return Msg{"由更新版本的客服台写入（版本 " + std::to_string(v->get<std::int64_t>()) + "），请更新本机后再读取",
               "written by a newer version of the desk (" + std::to_string(v->get<std::int64_t>()) +
                   "); update this desk to read it"};
  const std::string file_site = j.value("site", "");
  if (file_site != site)
    return Msg{"属于其他站点（" + file_site + "），已跳过", "belongs to another site (" + file_site + "); skipped"};
  const auto name = parse_desk_file_path(path);
  if (!name || j.value("device", "") != name->device)
    return Msg{"文件声明的客服台与所在目录不符，已跳过", "the desk the file names is not its folder's; skipped"};
  return std::nullopt;
}

}  // namespace

bool valid_device_id(std::string_view device) {
  if (device.empty() || device.size() > 64) return false;
  for (char c : device)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

std::string desk_file_path(std::string_view device, int n) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", n);
  return std::string(kFolderDesksDir) + "/" + std::string(device) + "/" + std::string(kFilePrefix) + number +
         std::string(kFileSuffix);
}

std::optional<DeskFileName> parse_desk_file_path(std::string_view path) {
  const std::string_view dir = kFolderDesksDir;
  if (path.substr(0, dir.size()) != dir || path.size() <= dir.size() || path[dir.size()] != '/') return std::nullopt;
  path.remove_prefix(dir.size() + 1);
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  DeskFileName out{std::string(path.substr(0, slash)), 0};
  std::string_view file = path.substr(slash + 1);
  if (!valid_device_id(out.device) || file.substr(0, kFilePrefix.size()) != kFilePrefix ||
      file.size() <= kFilePrefix.size() + kFileSuffix.size() ||
      file.substr(file.size() - kFileSuffix.size()) != kFileSuffix)
    return std::nullopt;
  file = file.substr(kFilePrefix.size(), file.size() - kFilePrefix.size() - kFileSuffix.size());
  if (file.size() < 4 || file.size() > 6) return std::nullopt;
  for (char c : file) {
    if (c < '0' || c > '9') return std::nullopt;
    out.number = out.number * 10 + (c - '0');
  }
  if (out.number < 1 || desk_file_path(out.device, out.number).size() != dir.size() + 1 + path.size())
    return std::nullopt;  // one spelling per number: journal-0001, never journal-00001
  return out;
}

std::string folder_header_line(std::string_view site, std::string_view device) {
  return journal_line(json{{"device", device}, {"format", kFolderFormat}, {"site", site}, {"version", kFolderVersion}});
}

FolderReadResult read_desk_file(std::string_view path, std::string_view tail, std::size_t file_size,
                                std::string_view site, FolderFileState& state) {
  FolderReadResult out;
  Reporter report{path, out};
  if (state.refused) return out;
  if (file_size > kMaxFolderFileBytes) {
    state.refused = true;
    report(0, {"文件过大（" + std::to_string(file_size / (1024 * 1024)) + " MB），不是客服台写入的，已跳过",
               "too large (" + std::to_string(file_size / (1024 * 1024)) + " MB), not written by a desk; skipped"});
    return out;
  }
  if (file_size < state.offset) {  // a desk never shortens its files: someone else did
    state.refused = true;
    report(0, {"文件被截短或替换，已停止读取", "the file was shortened or replaced; no longer read"});
    return out;
  }
  Dataset scratch;
  std::size_t pos = 0;
  while (pos < tail.size()) {
    const std::size_t nl = tail.find('\n', pos);
    if (nl == std::string_view::npos) break;  // still being written: read next time
    const std::string_view line = tail.substr(pos, nl - pos);
    pos = nl + 1;
    state.offset += line.size() + 1;
    ++state.line_no;
    if (!state.header_read) {
      const auto body = journal_line_body(line);
      const auto wrong =
          body ? check_header(*body, path, site)
               : std::optional<Msg>{{"文件开头已损坏，已跳过", "the file's first line is damaged; skipped"}};
      if (wrong) {
        state.refused = true;
        report(0, *wrong);
        break;
      }
      state.header_read = true;
      continue;
    }
    Msg why;
    switch (read_journal_line(line, scratch, why)) {
      case LineRead::good:
        ++out.lines;
        break;
      case LineRead::refused:
        ++out.skipped;
        report(state.line_no, why);
        break;
      case LineRead::damaged:
        ++out.skipped;
        report(state.line_no, {"校验失败（行已损坏），已跳过", "checksum or content bad; skipped"});
        break;
    }
  }
  // A desk's file carries its own site's records only.
  scratch.each_table([&](auto& table) {
    for (const auto& r : table.rows()) {
      if (r.meta.site == site) {
        out.records.table<std::decay_t<decltype(r)>>().upsert(r);
        continue;
      }
      ++out.skipped;
      report(0, {"记录 " + r.meta.id + " 属于其他站点（" + r.meta.site + "），已跳过",
                 "record " + r.meta.id + " belongs to another site (" + r.meta.site + "); skipped"});
    }
  });
  return out;
}

std::vector<FolderAppend> plan_folder_append(std::string_view site, std::string_view device, int newest,
                                             std::size_t newest_size, const std::vector<std::string>& lines) {
  std::vector<FolderAppend> out;
  if (lines.empty()) return out;
  int number = newest < 1 ? 1 : newest;
  std::size_t size = newest < 1 ? 0 : newest_size;
  auto start_file = [&](int n) {
    out.push_back({desk_file_path(device, n), folder_header_line(site, device), true});
    size = out.back().bytes.size();
  };
  if (newest < 1 || size >= kFolderFileBytes)
    start_file(newest < 1 ? 1 : ++number);
  else
    out.push_back({desk_file_path(device, number), {}, false});
  for (const std::string& line : lines) {
    if (size >= kFolderFileBytes) start_file(++number);
    out.back().bytes += line;
    size += line.size();
  }
  return out;
}

std::vector<SiteFolderFiles> group_site_folders(const std::vector<std::string>& listing) {
  std::map<std::string, std::vector<std::string>> by_root;
  const std::string marker = std::string(kFolderDesksDir) + "/";
  for (const std::string& path : listing) {
    // The last "desks/" component that makes the rest a desk file's path.
    for (std::size_t at = path.rfind(marker); at != std::string::npos;
         at = at ? path.rfind(marker, at - 1) : std::string::npos) {
      if (at != 0 && path[at - 1] != '/') continue;
      if (!parse_desk_file_path(std::string_view(path).substr(at))) break;
      by_root[path.substr(0, at == 0 ? 0 : at - 1)].push_back(path.substr(at));
      break;
    }
  }
  std::vector<SiteFolderFiles> out;
  for (auto& [root, files] : by_root) {
    std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
      const auto x = parse_desk_file_path(a), y = parse_desk_file_path(b);
      return std::tie(x->device, x->number) < std::tie(y->device, y->number);
    });
    out.push_back({root, std::move(files)});
  }
  return out;
}

std::string desk_file_site(std::string_view bytes) {
  const auto nl = bytes.find('\n');
  const auto body = journal_line_body(bytes.substr(0, nl));
  if (!body) return "";
  const json j = json::parse(*body, nullptr, false);
  if (!j.is_object() || j.value("format", "") != kFolderFormat) return "";
  const auto site = j.find("site");
  return site != j.end() && site->is_string() ? site->get<std::string>() : "";
}

std::string recovery_file_path(std::string_view device) {
  return std::string(kFolderDesksDir) + "/" + std::string(device) + "/recovery.json";
}

std::optional<std::string> parse_recovery_file_path(std::string_view path) {
  const std::string prefix = std::string(kFolderDesksDir) + "/";
  const std::string_view suffix = "/recovery.json";
  if (path.size() <= prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
      path.substr(path.size() - suffix.size()) != suffix)
    return std::nullopt;
  std::string device(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
  if (!valid_device_id(device)) return std::nullopt;
  return device;
}

std::string recovery_file_text(std::string_view site, std::string_view device, const RecoveryKey& key) {
  return json{{"format", kRecoveryFormat},
              {"version", 1},
              {"site", site},
              {"device", device},
              {"salt", key.salt},
              {"hash", key.hash},
              {"iterations", key.iterations}}
             .dump() +
         "\n";
}

std::optional<RecoveryKey> parse_recovery_file(std::string_view bytes, std::string_view site) {
  if (bytes.size() > 4096) return std::nullopt;
  const json j = json::parse(bytes, nullptr, false);
  if (!j.is_object() || j.value("format", "") != kRecoveryFormat || j.value("version", 0) != 1 ||
      j.value("site", "") != site)
    return std::nullopt;
  RecoveryKey key{j.value("salt", ""), j.value("hash", ""), j.value("iterations", 0)};
  auto hex = [](const std::string& s, std::size_t min) {
    return s.size() >= min && s.size() <= 128 &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  };
  if (!hex(key.salt, 16) || !hex(key.hash, 64) || key.iterations < kPinIterationsMin ||
      key.iterations > kPinIterationsMax)
    return std::nullopt;
  return key;
}

namespace {
std::optional<std::string> device_of(std::string_view path, std::string_view file) {
  const std::string prefix = std::string(kFolderDesksDir) + "/";
  const std::string suffix = "/" + std::string(file);
  if (path.size() <= prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
      path.substr(path.size() - suffix.size()) != suffix)
    return std::nullopt;
  std::string device(path.substr(prefix.size(), path.size() - prefix.size() - suffix.size()));
  if (!valid_device_id(device)) return std::nullopt;
  return device;
}
}  // namespace

std::string desk_info_path(std::string_view device) {
  return std::string(kFolderDesksDir) + "/" + std::string(device) + "/desk.json";
}

std::optional<std::string> parse_desk_info_path(std::string_view path) {
  return device_of(path, "desk.json");
}

std::string desk_info_text(std::string_view site, std::string_view device, std::string_view name) {
  return json{{"format", kDeskInfoFormat}, {"version", 1}, {"site", site}, {"device", device}, {"name", name}}.dump() +
         "\n";
}

std::optional<std::string> parse_desk_info(std::string_view bytes, std::string_view site) {
  if (bytes.size() > 4096) return std::nullopt;
  const json j = json::parse(bytes, nullptr, false);
  if (!j.is_object() || j.value("format", "") != kDeskInfoFormat || j.value("version", 0) != 1 ||
      j.value("site", "") != site || !j.contains("name") || !j["name"].is_string())
    return std::nullopt;
  const std::string name = trim(j["name"].get<std::string>());
  if (name.empty() || utf8_length(name) > kMaxDeskNameChars) return std::nullopt;
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return std::nullopt;
  return name;
}

}  // namespace desk
