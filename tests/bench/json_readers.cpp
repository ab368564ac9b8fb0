// Benchmark (issue 16 goal 2): the journal's record readers on the same
// lines, natively and in wasm (tests/bench/json_readers.sh):
//   (a) fast::read_record, the hand-written reader the load path, import and
//       consolidation use (core/record_reader.cpp);
//   (b) the tree reader: json::parse + record_from_json (journal.cpp's
//       read_tree/replay, the fallback for any line (a) declines);
//   (c) simd::read_record, the same reader on simdjson On Demand
//       (simd_record_reader.cpp).
// Each reads every line into a fresh Dataset, median of `runs`; the three
// Datasets must be equal. Then, for reference, read_journal (checksums +
// (a)) and parse_export (the import) on the export the journal was made
// from, and a check on mutated lines of every record type that (a) and (c)
// never accept a line the tree reader refuses or read it differently.
// usage: json_readers --make-journal export.json journal.log
//        json_readers journal.log [export.json] [runs=5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/exchange.hpp"
#include "core/journal.hpp"
#include "core/record_reader.hpp"
#include "core/sample_data.hpp"
#include "simd_record_reader.hpp"

using namespace desk;
using Clock = std::chrono::steady_clock;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::fprintf(stderr, "cannot read %s\n", path.c_str()), std::exit(2), "";
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// (b) journal.cpp's read_tree and replay, without the messages.
bool tree_read(std::string_view body, Dataset& into) {
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
  if (deepest > 64) return false;
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("type") || !j["type"].is_string()) return false;
  const std::string type = j["type"].get<std::string>();
  bool ok = false;
  into.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    if (type != R::kType) return;
    R r;
    Errors errors;
    if (record_from_json(j, r, errors, "")) table.upsert(std::move(r)), ok = true;
  });
  return ok;
}

bool same(const Dataset& a, const Dataset& b) {
  bool eq = true;
  std::apply(
      [&](const auto&... ta) {
        std::apply([&](const auto&... tb) { ((eq &= ta.rows() == tb.rows()), ...); }, b.tables);
      },
      a.tables);
  return eq;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Median milliseconds of `runs` calls of f (each reading into a fresh
// Dataset, freed outside the timing); the last Dataset is kept in `last`.
double time_runs(int runs, const std::function<void(Dataset&)>& f, Dataset& last) {
  std::vector<double> ms;
  for (int k = 0; k < runs; ++k) {
    Dataset d;
    const auto t = Clock::now();
    f(d);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    if (k + 1 == runs) last = std::move(d);
  }
  return median(ms);
}

// Lines of a source file: all, and code (not blank, not only a comment).
std::pair<int, int> loc(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  int all = 0, code = 0;
  while (std::getline(in, line)) {
    ++all;
    const auto b = line.find_first_not_of(" \t");
    code += b != std::string::npos && line.compare(b, 2, "//") != 0;
  }
  return {all, code};
}

int make_journal(const std::string& from, const std::string& to) {
  auto imported = parse_export(slurp(from), std::size_t{1} << 31);
  if (!imported) return std::fprintf(stderr, "%s: not an export\n", from.c_str()), 1;
  std::ofstream out(to, std::ios::binary);
  std::size_t n = 0;
  imported->records.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) out << journal_line(r), ++n;
  });
  std::printf("%s: %zu journal lines\n", to.c_str(), n);
  return out ? 0 : 1;
}

// Mutated lines of every record type (as tests/core/record_reader_test.cpp
// makes them): a reader may say no, but when it says yes the tree reader
// must say yes to the same record.
void mutation_check() {
  std::vector<std::string> lines;
  SampleOptions o;
  o.records = 400;
  sample_dataset(o).each_table([&](const auto& t) {
    for (const auto& r : t.rows()) lines.push_back(journal_line(r).substr(9));
  });
  int whole_fast = 0, whole_simd = 0;
  for (const auto& l : lines) {
    Dataset a, b, c;
    tree_read(l, b);
    whole_fast += fast::read_record(l, a) && same(a, b);
    whole_simd += simd::read_record(l, c) && same(c, b);
  }
  std::string all;
  for (const auto& l : lines) all += l;
  std::printf("sample lines of every type (%zu, crc32 %08x): read as the tree reads them: fast %d, simdjson %d\n",
              lines.size(), crc32(all), whole_fast, whole_simd);
  SampleRng rng(42);
  const std::string alphabet = "{}[]\":,\\ 0123456789.-eEtrufalsn\xE4\xB8\xAD\xFFu";
  int tree_ok = 0, fast_ok = 0, simd_ok = 0, fast_wrong = 0, simd_wrong = 0;
  const int n = 20000;
  for (int k = 0; k < n; ++k) {
    std::string line = lines[rng.next() % lines.size()];
    const int edits = 1 + static_cast<int>(rng.next() % 3);
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const std::size_t at = rng.next() % line.size();
      switch (rng.next() % 4) {
        case 0:
          line.erase(at, 1);
          break;
        case 1:
          line.insert(at, 1, alphabet[rng.next() % alphabet.size()]);
          break;
        case 2:
          line[at] = alphabet[rng.next() % alphabet.size()];
          break;
        default:
          line.insert(at, line.substr(at, 1 + rng.next() % 20));
          break;
      }
    }
    Dataset a, b, c;
    const bool t = tree_read(line, b), f = fast::read_record(line, a), s = simd::read_record(line, c);
    tree_ok += t, fast_ok += f, simd_ok += s;
    fast_wrong += f && (!t || !same(a, b));
    simd_wrong += (s && (!t || !same(c, b))) || (!s && c.size() != 0);
  }
  std::printf(
      "mutated lines: %d; accepted by tree %d, fast %d, simdjson %d; accepted but refused or read otherwise by the "
      "tree: fast %d, simdjson %d\n",
      n, tree_ok, fast_ok, simd_ok, fast_wrong, simd_wrong);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "--make-journal") return make_journal(argv[2], argv[3]);
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: json_readers --make-journal export.json journal.log\n"
                 "       json_readers journal.log [export.json] [runs=5]\n");
    return 2;
  }
  const std::string journal = slurp(argv[1]);
  const std::string export_path = argc > 2 ? argv[2] : "";
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;

  // The record JSON of every line, checksums checked once, outside the timing.
  std::vector<std::string_view> bodies;
  std::size_t bytes = 0;
  for (std::size_t pos = 0, nl; (nl = journal.find('\n', pos)) != std::string::npos; pos = nl + 1) {
    const auto body = journal_line_body(std::string_view(journal).substr(pos, nl - pos));
    if (!body) return std::fprintf(stderr, "bad line at byte %zu\n", pos), 1;
    bodies.push_back(*body);
    bytes += body->size();
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("json_readers: %zu lines, %.1f MB of record JSON, median of %d runs\n", bodies.size(), mb, runs);
  std::printf("simdjson %s: active implementation %s, On Demand compiled for %s\n", simd::version(),
              simd::active_implementation(), simd::builtin_implementation());

  std::size_t declined_a = 0, declined_b = 0, declined_c = 0, declined_d = 0;
  Dataset da, db, dc, dj;
  const double ms_a = time_runs(
      runs,
      [&](Dataset& d) {
        for (auto b : bodies) declined_a += !fast::read_record(b, d);
      },
      da);
  const double ms_b = time_runs(
      runs,
      [&](Dataset& d) {
        for (auto b : bodies) declined_b += !tree_read(b, d);
      },
      db);
  const double ms_c = time_runs(
      runs,
      [&](Dataset& d) {
        for (auto b : bodies) declined_c += !simd::read_record(b, d);
      },
      dc);
  std::vector<double> dom_ms;
  for (int k = 0; k < runs; ++k) {
    const auto t = Clock::now();
    for (auto b : bodies) declined_d += !simd::dom_parse_only(b);
    dom_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  const double ms_j = time_runs(
      runs, [&](Dataset& d) { read_journal(journal, d); }, dj);
  auto row = [&](const char* name, double ms, std::size_t declined) {
    std::printf("  %-46s %9.1f ms %8.1f MB/s  declined %zu\n", name, ms, mb / (ms / 1000), declined / runs);
  };
  row("(a) fast::read_record (hand-written)", ms_a, declined_a);
  row("(b) json::parse + record_from_json (tree)", ms_b, declined_b);
  row("(c) simd::read_record (simdjson On Demand)", ms_c, declined_c);
  row("    simdjson DOM parse only, no records", median(dom_ms), declined_d);
  row("    read_journal: crc32 + (a), (b) if declined", ms_j, 0);
  std::printf("Datasets equal: (a)==(b) %s, (c)==(b) %s, read_journal==(b) %s; %zu records\n",
              same(da, db) ? "yes" : "NO", same(dc, db) ? "yes" : "NO", same(dj, db) ? "yes" : "NO", db.size());
  da = dc = dj = Dataset{};

  if (!export_path.empty()) {
    const std::string text = slurp(export_path);
    std::vector<double> ms;
    bool equal = true;
    for (int k = 0; k < runs; ++k) {
      const auto t = Clock::now();
      auto imported = parse_export(text, std::size_t{1} << 31);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
      equal = equal && imported && same(imported->records, db);
    }
    std::printf("  %-46s %9.1f ms %8.1f MB/s  (%.1f MB export; records equal to (b): %s)\n",
                "    parse_export (import, reference)", median(ms), text.size() / 1e6 / (median(ms) / 1000),
                text.size() / 1e6, equal ? "yes" : "NO");
  }
  db = Dataset{};
  mutation_check();

  const std::string dir = DESK_SOURCE_DIR;
  const auto hand = loc(dir + "/src/core/record_reader.cpp"), hand_h = loc(dir + "/src/core/record_reader.hpp");
  const auto simd = loc(dir + "/tests/bench/simd_record_reader.cpp"),
             simd_h = loc(dir + "/tests/bench/simd_record_reader.hpp");
  std::printf("lines (all/code): record_reader.cpp %d/%d (+ .hpp %d/%d); simd_record_reader.cpp %d/%d (+ .hpp %d/%d)\n",
              hand.first, hand.second, hand_h.first, hand_h.second, simd.first, simd.second, simd_h.first,
              simd_h.second);
}
