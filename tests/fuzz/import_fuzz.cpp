// libFuzzer target (native, ASan + UBSan): hostile bytes through everything
// that reads outside data — the import validator, merge, and the journal
// reader. `make fuzz FUZZ_SECONDS=600` runs it on the committed corpus.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/exchange.hpp"
#include "core/journal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  // Journal reader: any bytes, never a crash; what it accepts round-trips.
  desk::Dataset replayed;
  const auto report = desk::read_journal(bytes, replayed);
  if (report.good_bytes > size) std::abort();

  // Import: accepted documents export and re-import to the same records,
  // and merging them into themselves changes nothing.
  auto parsed = desk::parse_export(bytes);
  if (parsed.ok()) {
    desk::Dataset& records = parsed->records;
    const std::string again = desk::export_document(records, {"fuzz", "fuzz", {0}, {}, {}, false});
    auto reparsed = desk::parse_export(again);
    if (!reparsed.ok() || reparsed->records.size() != records.size()) std::abort();
    if (desk::merge_into(records, reparsed->records) != 0) std::abort();
    // The same document in another layout goes through the tree reader, not
    // the line-by-line one (exchange.cpp): both must read the same records.
    std::string tree = again;
    tree.replace(tree.find(",\n\"records\": ["), 14, ", \"records\": [");
    auto by_tree = desk::parse_export(tree);
    if (!by_tree.ok() || by_tree->records.size() != records.size()) std::abort();
    if (desk::merge_into(by_tree->records, reparsed->records) != 0) std::abort();
    // The redacted export (redact.hpp) of anything accepted reads back too.
    auto redacted = desk::parse_export(desk::export_document(records, {"fuzz", "fuzz", {0}, {}, {}, true}));
    if (!redacted.ok() || redacted->records.size() != records.size()) std::abort();
  } else if (parsed.errors().empty()) {
    std::abort();  // a refusal always says why
  }
  return 0;
}
