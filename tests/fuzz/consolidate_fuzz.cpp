// libFuzzer target: `desk-tool consolidate` on two hostile files (the input
// split at the first "\n====\n"), run in memory through the tool's own
// command. Never a crash; the written result reads back as an export; and
// the result does not depend on the order of the files (merge rule, site
// rules and held-back disputes are all order-free).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "app/tool/commands.hpp"
#include "core/exchange.hpp"

using namespace desk;

namespace {

// The records of an export, one canonical line each, sorted.
std::vector<std::string> record_lines(const std::string& text) {
  auto parsed = parse_export(text);
  if (!parsed.ok()) std::abort();  // the tool wrote something it cannot read
  std::vector<std::string> lines;
  parsed->records.each_table([&](const auto& t) {
    for (const auto& r : t.rows()) lines.push_back(record_to_json(r).dump());
  });
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Runs the tool; returns the exit code and what it wrote to all.json.
std::pair<int, std::string> consolidate(const std::map<std::string, std::string>& inputs,
                                        const std::vector<std::string>& order) {
  std::string written;
  std::ostringstream out, err;
  tool::Io io{[&](const std::string& p) -> Expected<std::string> {
                if (p == "all.json") return written;  // read back for the statistics
                const std::string& text = inputs.at(p);
                if (text.empty()) return Errors{{"文件", {"文件是空的", "the file is empty"}}};
                return text;
              },
              [&](const std::string&, const std::string& text) -> std::optional<Msg> {
                written = text;
                return std::nullopt;
              },
              out, err};
  std::vector<std::string> args = {"consolidate", "--out", "all.json"};
  args.insert(args.end(), order.begin(), order.end());
  return {tool::run(args, io), written};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSplit = "\n====\n";
  const std::size_t at = bytes.find(kSplit);
  std::map<std::string, std::string> inputs;
  inputs["a.json"] = std::string(bytes.substr(0, at));
  inputs["b.json"] = at == std::string_view::npos ? std::string() : std::string(bytes.substr(at + kSplit.size()));

  const auto [rc, text] = consolidate(inputs, {"a.json", "b.json"});
  if (rc != 0 && rc != 3) std::abort();  // no --strict, no --on-error abort: always done
  const auto [rc2, text2] = consolidate(inputs, {"b.json", "a.json"});
  if (rc2 != rc) std::abort();
  if (record_lines(text) != record_lines(text2)) std::abort();
  return 0;
}
