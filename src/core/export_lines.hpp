// The export document (exchange.hpp) a line at a time, for files too large
// to hold whole: export_document's layout written in parts, and read back
// line by line with the fast record reader. The reader accepts only the
// app's own layout with every record read by the fast reader; at anything
// else it says so, and the caller reads the whole file with parse_export,
// which gives the precise verdict. What the reader accepts, parse_export
// accepts with the same header and records (it reads its own layout with
// this reader).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/exchange.hpp"
#include "core/record_reader.hpp"
#include "core/record_writer.hpp"
#include "core/team.hpp"

namespace desk {

// ---- writing ------------------------------------------------------------
// The document up to its first record: the header, the records list opened.
std::string export_head(const ExportOptions& options);
// Written before each record.
inline std::string_view export_separator(bool first) {
  return first ? "\n" : ",\n";
}
// Written after the last record.
constexpr std::string_view kExportTail = "\n]}\n";
// One record as one line of JSON, as every export writes it (keys sorted,
// invalid UTF-8 replaced): record_text, in record_writer.hpp.
// The same with what never leaves the desk taken out (a PIN: team.hpp).
template <HasFields R>
std::string export_line(R r) {
  if constexpr (std::is_same_v<R, Staff>) strip_secrets(r);
  return record_text(r);
}

// ---- reading ------------------------------------------------------------
// One pass over the text before any parsing, so a hostile file is refused
// in linear time and without memory: the first thing that is not white
// space, the deepest nesting of [ and { outside strings, and the longest
// string (bytes between its quotes). Stops at the first limit passed.
struct Shape {
  char first = 0;  // 0: nothing but white space
  int deepest = 0;
  std::size_t longest_string = 0;
};
Shape scan_shape(std::string_view text);

// parse_export's header checks (format, version, site, device, export
// time) on the document's header; defined in exchange.cpp.
Expected<ExportHeader> check_export_header(json doc);

// One record's line (record_text's) read back: with the fast reader, else
// the tree reader. False when the line is not a valid record.
bool read_record_line(std::string_view line, AnyRecord& out);

class ExportLines {
 public:
  // Takes each record with its line; false (say, an id seen before in the
  // file) stops the reading like a line the reader declines.
  using Sink = std::function<bool(AnyRecord&& record, std::string_view line)>;
  // `check_shape`: check each line for nesting and string length as
  // parse_export's scan of the whole text does (false when the caller has
  // scanned the whole text).
  // Asked first about each record line: true, a line taken as it is (the
  // very text of a record held); false stops the reading; nothing: the line
  // is read and goes to the sink.
  using Known = std::function<std::optional<bool>(std::string_view line)>;
  ExportLines(Sink sink, bool check_shape, Known known = {})
      : sink_(std::move(sink)), known_(std::move(known)), check_shape_(check_shape) {}

  // The next line, without its '\n' (after the last '\n' comes one more,
  // perhaps empty). False: not this layout, or a record the fast reader
  // declines; stop, and read the file with parse_export.
  bool line(std::string_view text);
  // Known once the first line is read: records are checked against it.
  const std::optional<ExportHeader>& header() const { return header_; }
  // After the last line: the header when the document was whole and all
  // its records were taken; nothing sends the file to parse_export.
  std::optional<ExportHeader> finish() const;

 private:
  enum class State { header, open, first_record, record, close, closed, other };
  bool shape_ok(std::string_view text, int depth) const;
  bool fail() {
    state_ = State::other;
    return false;
  }

  Sink sink_;
  Known known_;
  bool check_shape_;
  State state_ = State::header;
  std::optional<ExportHeader> header_;
};

}  // namespace desk
