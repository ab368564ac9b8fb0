#include "core/journal.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/record_reader.hpp"

namespace desk {

namespace {
// Slicing-by-8 tables: t[0] is the classic byte table, t[k][i] the CRC of
// byte i followed by k zero bytes, so eight bytes take eight lookups and
// no loop-carried shift per byte (the checksum was a tenth of loading).
using CrcTables = std::array<std::array<std::uint32_t, 256>, 8>;
constexpr CrcTables make_crc_tables() {
  CrcTables t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (std::uint32_t i = 0; i < 256; ++i)
    for (std::size_t k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  return t;
}
constexpr CrcTables kCrc = make_crc_tables();

bool parse_hex8(std::string_view s, std::uint32_t& out) {
  if (s.size() != 8) return false;
  out = 0;
  for (char c : s) {
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (v < 0) return false;
    out = out << 4 | static_cast<std::uint32_t>(v);
  }
  return true;
}

// Reads the record of a parsed line into `into`; false with the reason.
template <class... R>
bool replay(const json& j, TableSet<R...>& into, Msg& why) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
    return why = {"缺少记录类型", "no record type"}, false;
  const std::string type = j["type"].get<std::string>();
  bool ok = false, known = false;
  auto try_one = [&](auto& table) {
    using Rec = typename std::decay_t<decltype(table.rows())>::value_type;
    if (type != Rec::kType) return;
    known = true;
    Rec r;
    Errors errors;
    if (record_from_json(j, r, errors, "")) {
      table.upsert(std::move(r));
      ok = true;
    } else if (!errors.empty()) {
      const std::string where = errors.front().where.empty() ? "" : errors.front().where.substr(1) + "：";
      why = {where + errors.front().message.zh, where + errors.front().message.en};
    }
  };
  std::apply([&](auto&... t) { (try_one(t), ...); }, into.tables);
  if (!known) why = {"未知记录类型：" + type, "unknown record type: " + type};
  return ok;
}

// The record of a journal line's JSON, read with the tree reader, or why not.
bool read_tree(std::string_view body, Dataset& into, Msg& why) {
  // Deeper than any record the writer makes: refused before building a tree.
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size() && deepest <= 64; ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  if (deepest > 64) return why = {"嵌套过深", "nested too deep"}, false;
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded()) return why = {"不是有效的 JSON", "not valid JSON"}, false;
  return replay(j, into, why);
}
}  // namespace

std::string store_marker_text(int version) {
  return json{{"format", kStoreFormat}, {"version", version}}.dump() + "\n";
}

int read_store_marker(std::string_view text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("format", "") != kStoreFormat) return 0;
  const auto v = j.find("version");
  if (v == j.end() || !v->is_number_integer() || v->get<std::int64_t>() < 1 || v->get<std::int64_t>() > 1000000)
    return 0;
  return static_cast<int>(v->get<std::int64_t>());
}

std::uint32_t crc32(std::string_view bytes) {
  std::uint32_t c = 0xFFFFFFFFu;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  for (; n >= 8; p += 8, n -= 8) {
    const std::uint32_t lo = c ^ (p[0] | p[1] << 8 | p[2] << 16 | static_cast<std::uint32_t>(p[3]) << 24);
    c = kCrc[7][lo & 0xFF] ^ kCrc[6][(lo >> 8) & 0xFF] ^ kCrc[5][(lo >> 16) & 0xFF] ^ kCrc[4][lo >> 24] ^
        kCrc[3][p[4]] ^ kCrc[2][p[5]] ^ kCrc[1][p[6]] ^ kCrc[0][p[7]];
  }
  for (; n > 0; ++p, --n) c = kCrc[0][(c ^ *p) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string journal_line(const json& record) {
  return journal_line_of(record.dump(-1, ' ', false, json::error_handler_t::replace));
}

void finish_journal_line(std::string& out, std::size_t start) {
  static constexpr char kHex[] = "0123456789abcdef";
  const std::uint32_t crc = crc32(std::string_view(out).substr(start + 9));
  for (int i = 0; i < 8; ++i) out[start + static_cast<std::size_t>(i)] = kHex[(crc >> (28 - 4 * i)) & 0xF];
  out += '\n';
}

std::string journal_line_of(std::string_view body) {
  char crc[10];
  std::snprintf(crc, sizeof crc, "%08x ", crc32(body));
  std::string line;
  line.reserve(9 + body.size() + 1);
  line.append(crc, 9);
  line += body;
  line += '\n';
  return line;
}

QuarantinedLine describe_refused_line(std::string_view line) {
  QuarantinedLine q;
  q.text = std::string(line);
  const std::string_view body = line.size() > 9 ? line.substr(9) : std::string_view();
  Dataset scratch;
  if (read_tree(body, scratch, q.reason)) q.reason = {"现在可以读取", "readable now"};
  const json j = json::parse(body, nullptr, false);
  if (j.is_object()) {
    if (auto id = j.find("id"); id != j.end() && id->is_string()) q.id = id->get<std::string>().substr(0, 64);
    if (auto t = j.find("type"); t != j.end() && t->is_string()) q.type = t->get<std::string>().substr(0, 64);
  }
  return q;
}

std::optional<std::string_view> journal_line_body(std::string_view line) {
  std::uint32_t want = 0;
  if (line.size() > 9 && line[8] == ' ' && parse_hex8(line.substr(0, 8), want) && crc32(line.substr(9)) == want)
    return line.substr(9);
  return std::nullopt;
}

LineRead read_journal_line(std::string_view line, Dataset& into, Msg& why) {
  const auto body = journal_line_body(line);
  if (!body) return LineRead::damaged;
  // The fast reader, then the tree reader for anything unusual.
  if (fast::read_journal_record(*body, into) || read_tree(*body, into, why)) return LineRead::good;
  return LineRead::refused;
}

JournalReadReport read_journal(std::string_view bytes, Dataset& into) {
  JournalReadReport report;
  std::size_t pos = 0;
  std::size_t line_no = 0;
  while (pos < bytes.size()) {
    ++line_no;
    const std::size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) {
      report.torn_tail = true;
      report.problems.push_back("line " + std::to_string(line_no) + ": incomplete (torn tail), dropped");
      break;
    }
    const std::string_view line = bytes.substr(pos, nl - pos);
    pos = nl + 1;
    Msg why;
    const LineRead read = read_journal_line(line, into, why);
    const bool good = read == LineRead::good, intact = read != LineRead::damaged;
    if (good) {
      ++report.lines;
      report.good_bytes = pos;
    } else if (intact) {
      // Written whole by a writer, but not readable: kept, never dropped.
      QuarantinedLine q = describe_refused_line(line);
      q.line_no = line_no;
      q.reason = why;
      report.quarantined.push_back(std::move(q));
      report.problems.push_back("line " + std::to_string(line_no) + ": quarantined: " + why.en);
      report.good_bytes = pos;
    } else {
      ++report.dropped;
      report.problems.push_back("line " + std::to_string(line_no) + ": checksum or content bad, dropped");
    }
  }
  return report;
}

}  // namespace desk
