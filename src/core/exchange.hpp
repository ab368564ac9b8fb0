// The export document (SPEC "Export, import and consolidation"): one JSON
// document with format name and version, site, device, export time and the
// records with their history. Import validates the whole document first and
// returns either every record or the problems, each with its place.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/dataset.hpp"

namespace desk {

constexpr const char* kExportFormat = "wuye-desk-export";
constexpr int kExportVersion = 1;
// Refuse files larger than this before parsing (the browser holds them
// whole). An export takes about 1 KB per record, so a desk's 100,000 records
// fit with room to spare.
constexpr std::size_t kMaxImportBytes = 160u << 20;
// Deepest bracket nesting a valid export has is 6; allow a margin (limits.hpp).
constexpr int kMaxImportDepth = kMaxNesting;
// A file not in the app's own one-record-per-line layout is read through a
// JSON tree, one record at a time; a record (or the header) holding more
// values than this is refused instead of growing the tree without bound
// (16 bytes or more per value: at most some tens of MB).
constexpr std::size_t kMaxTreeValues = 1'000'000;
// Stop collecting after this many problems; the message says there are more.
constexpr std::size_t kMaxReportedErrors = 20;

struct ExportOptions {
  std::string site;
  std::string device;
  Timestamp now;
  std::optional<Timestamp> from;  // records updated in [from, to)
  std::optional<Timestamp> to;
  bool redact = false;  // training data: names, phones, ID numbers masked (redact.hpp)
};

struct ExportHeader {
  std::string format;
  int version = 0;
  std::string site;
  std::string device;
  Timestamp exported_at;
};

struct Imported {
  ExportHeader header;
  Dataset records;
};

std::string export_document(const Dataset& data, const ExportOptions& options);
// `max_bytes`: the browser refuses files over kMaxImportBytes; the native
// consolidation tool, reading head office's files from disk, allows more.
Expected<Imported> parse_export(std::string_view text, std::size_t max_bytes = kMaxImportBytes);

// "138****5678": the first 3 and last 4 characters around four stars.
std::string mask_phone(const std::string& phone);

}  // namespace desk
