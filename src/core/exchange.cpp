#include "core/exchange.hpp"

#include <optional>

#include "core/export_lines.hpp"
#include "core/record_reader.hpp"
#include "core/record_writer.hpp"
#include "core/redact.hpp"
#include "core/team.hpp"

namespace desk {

namespace {

// Training data (redact.hpp): names, phones, ID numbers and the numbers
// typed into free text masked; no PIN.
template <class R>
void redact(R& r) {
  redact_fields(r);  // PINs: strip_secrets, for every export
}

template <class R, class F>
void each_exported(const Table<R>& table, const ExportOptions& o, F&& emit) {
  for (const R& row : table.rows()) {
    if (o.from && row.meta.updated_at < *o.from) continue;
    if (o.to && !(row.meta.updated_at < *o.to)) continue;
    // (rule) A PIN never leaves the desk, in any export (team.hpp).
    if (!o.redact && !std::is_same_v<R, Staff>) {
      emit(row);  // as stored: no copy
      continue;
    }
    R r = row;
    if constexpr (std::is_same_v<R, Staff>) strip_secrets(r);
    if (o.redact) {
      redact(r);
      r.meta.history.clear();  // history holds the unmasked values
    }
    emit(r);
  }
}

template <class... R>
bool read_record(const std::string& type, const json& j, TableSet<R...>& into, Errors& errors, const std::string& path,
                 bool& known) {
  bool ok = true;
  known = false;
  auto try_one = [&](auto& table) {
    using Rec = typename std::decay_t<decltype(table.rows())>::value_type;
    if (type != Rec::kType) return;
    known = true;
    Rec r;
    if (!record_from_json(j, r, errors, path)) {
      ok = false;
      return;
    }
    if (table.find(r.meta.id)) {
      errors.push_back({path + ".id", {"记录编号重复：" + r.meta.id, "duplicate record id: " + r.meta.id}});
      ok = false;
      return;
    }
    table.upsert(std::move(r));
  };
  std::apply([&](auto&... t) { (try_one(t), ...); }, into.tables);
  return ok && known;
}

}  // namespace

std::string mask_phone(const std::string& phone) {
  if (phone.size() <= 7) return std::string(phone.size(), '*');
  return phone.substr(0, 3) + "****" + phone.substr(phone.size() - 4);
}

std::string export_document(const Dataset& data, const ExportOptions& o) {
  // One record per line: readable, diff-able, and written without building
  // the whole document in memory (100,000 records are ~100 MB of text).
  std::string out = export_head(o);
  bool first = true;
  // Reserved from the size of the first records: grown by doubling, the
  // 130 MB document of 100,000 records passed through ~500 MB of new memory,
  // which the browser fills slowly the first time it is touched.
  constexpr std::size_t kSample = 256;
  const std::size_t total = data.size();
  std::size_t written = 0;
  data.each_table([&](const auto& table) {
    each_exported(table, o, [&](const auto& r) {
      out += export_separator(first);
      first = false;
      // Written in place: in the browser every copy of 512 bytes or more
      // (a record's text into the document) is a call out to JavaScript.
      if (!fast::write_record(r, out)) out += record_text(r);
      if (++written == kSample && total > kSample) out.reserve(out.size() / kSample * total * 9 / 8);
    });
  });
  out += kExportTail;
  return out;
}

namespace {
// Reads the records array one element at a time: each record is checked and
// stored as soon as the parser completes it, then dropped from the document,
// so a 100 MB file needs the text and the records, not a DOM of it as well.
class RecordStream {
 public:
  RecordStream(Imported& out, Errors& errors) : out_(out), errors_(errors) {}

  // Thrown when the tree being built would pass kMaxTreeValues.
  struct TooLarge {
    std::size_t record;
  };

  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    using E = json::parse_event_t;
    if (depth == 1 && event == E::key) {
      key_ = parsed.get<std::string>();
      if (key_ == "records") records_seen_ = true;
      static constexpr const char* kHeader[] = {"format",      "version",  "site",   "device",
                                                "exported_at", "redacted", "records"};
      known_key_ = false;
      for (const char* k : kHeader) known_key_ |= key_ == k;
    }
    // Keys the header does not have are not kept, nor anything in them (a
    // container refused here is not even visited).
    if (!known_key_ && depth == 1 && event != E::key && event != E::object_end) return false;
    if ((event == E::value || event == E::object_start || event == E::array_start) && ++kept_ > kMaxTreeValues)
      throw TooLarge{index_};
    if (depth == 1 && event == E::array_start && key_ == "records") in_records_ = true;
    if (depth == 1 && event == E::array_end && key_ == "records") in_records_ = false;
    const bool element_done = event == E::object_end || event == E::array_end || event == E::value;
    if (!(in_records_ && depth == 2 && element_done)) return true;
    take(parsed);
    kept_ = 0;
    return false;  // keep the document small: the record is stored
  }

  bool records_seen() const { return records_seen_; }

 private:
  void take(const json& r) {
    const std::string path = "records[" + std::to_string(index_++) + "]";
    if (errors_.size() >= kMaxReportedErrors) return;
    if (!r.is_object() || !r.contains("type") || !r["type"].is_string()) {
      errors_.push_back({path + ".type", {"缺少记录类型", "missing record type"}});
      return;
    }
    const std::string type = r["type"].get<std::string>();
    bool known = false;
    read_record(type, r, out_.records, errors_, path, known);
    if (!known) errors_.push_back({path + ".type", {"未知记录类型：" + type, "unknown record type: " + type}});
  }

  Imported& out_;
  Errors& errors_;
  std::string key_;
  bool records_seen_ = false;
  bool in_records_ = false;
  std::size_t index_ = 0;
  std::size_t kept_ = 0;   // values in the tree since the last record was taken
  bool known_key_ = true;  // the current top-level key is one of the header's
};

Expected<Imported> refuse(std::string where, std::string zh, std::string en) {
  return Expected<Imported>(Errors{{std::move(where), {std::move(zh), std::move(en)}}});
}

// The header checks and the verdict, the same for both readers below. `doc`
// is the document without its records (each was taken as it was read).
Expected<Imported> finish(json& doc, bool records_seen, Imported out, const Errors& record_errors) {
  // The header is checked first: a file that is not ours gets that message,
  // not a list of record problems.
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != kExportFormat)
    return refuse("format", "这不是物业客服台的导出文件（格式名不符）",
                  "not an export of this app (format name does not match)");
  if (!doc.contains("version") || !doc["version"].is_number_integer())
    return refuse("version", "缺少格式版本号", "the format version is missing");
  const auto version = doc["version"].get<std::int64_t>();
  if (version > kExportVersion)
    return refuse("version", "文件由更新版本的系统导出（版本 " + std::to_string(version) + "），请先升级",
                  "made by a newer version (format " + std::to_string(version) + "); please update the app");
  if (version < 1) return refuse("version", "格式版本号无效", "invalid format version");

  Errors errors;
  out.header.format = kExportFormat;
  out.header.version = static_cast<int>(version);
  for (const char* key : {"site", "device", "exported_at"})
    if (!doc.contains(key)) errors.push_back({key, {"缺少字段", "missing field"}});
  if (!records_seen) errors.push_back({"records", {"缺少字段", "missing field"}});
  if (!errors.empty()) return errors;
  from_value(doc["site"], out.header.site, errors, "site");
  from_value(doc["device"], out.header.device, errors, "device");
  from_value(doc["exported_at"], out.header.exported_at, errors, "exported_at");
  if (!doc["records"].is_array()) return refuse("records", "records 应为列表", "records must be a list");
  errors.insert(errors.end(), record_errors.begin(), record_errors.end());
  if (errors.size() >= kMaxReportedErrors)
    errors.push_back({"…",
                      {"错误太多，只列出前 " + std::to_string(kMaxReportedErrors) + " 条",
                       "too many problems; only the first " + std::to_string(kMaxReportedErrors) + " are listed"}});
  if (!errors.empty()) return errors;
  return out;
}

// The app's own layout (export_document), read a line at a time with the
// fast record reader (export_lines.hpp). nullopt, and the tree reader reads
// the file from the start, at anything else: another layout, a record the
// fast reader declines, a duplicate id, an unknown type (the tree reader
// gives the precise messages).
std::optional<Expected<Imported>> read_own_layout(std::string_view text) {
  Imported out;
  ExportLines lines(
      [&](AnyRecord&& r, std::string_view) {
        return std::visit(
            [&](auto&& rec) {
              auto& table = out.records.table<std::decay_t<decltype(rec)>>();
              if (table.find(rec.meta.id)) return false;
              table.upsert(std::move(rec));
              return true;
            },
            std::move(r));
      },
      false);  // parse_export has scanned the whole text
  for (std::size_t pos = 0;;) {
    const std::size_t nl = text.find('\n', pos);
    if (!lines.line(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos)))
      return std::nullopt;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  auto header = lines.finish();
  if (!header) return std::nullopt;
  out.header = std::move(*header);
  return out;
}
}  // namespace

Expected<ExportHeader> check_export_header(json doc) {
  doc["records"] = json::array();
  auto checked = finish(doc, true, Imported{}, {});
  if (!checked.ok()) return checked.errors();
  return std::move(checked->header);
}

Expected<Imported> parse_export(std::string_view text, std::size_t max_bytes) {
  if (text.empty()) return refuse("文件", "文件是空的", "the file is empty");
  if (text.size() > max_bytes)
    return refuse("文件", "文件太大（超过 " + std::to_string(max_bytes >> 20) + " MB）",
                  "the file is too large (over " + std::to_string(max_bytes >> 20) + " MB)");
  const Shape shape = scan_shape(text);
  if (shape.first == 0)
    return refuse("文件", "不是完整的 JSON：文件只有空白，没有内容", "not valid JSON: the file holds only white space");
  if (shape.deepest > kMaxImportDepth)
    return refuse("文件", "文件结构嵌套过深，不是本系统的导出文件", "nesting too deep: not an export of this app");
  if (shape.first == '[')
    return refuse("format", "这不是物业客服台的导出文件（应为对象，不是列表）",
                  "not an export of this app (a list, not an object)");
  if (shape.longest_string > kMaxTextJsonBytes)
    return refuse("文件",
                  "文件中有一段文字超过 " + std::to_string(kMaxTextJsonBytes) + " 字节，超出任何字段的上限（" +
                      std::to_string(kMaxTextLength) + " 字），不是本系统的导出文件",
                  "a string in the file is over " + std::to_string(kMaxTextJsonBytes) +
                      " bytes, beyond any field's limit (" + std::to_string(kMaxTextLength) +
                      " characters): not an export of this app");
  if (auto own = read_own_layout(text)) return std::move(*own);
  Imported out;
  Errors record_errors;
  RecordStream stream(out, record_errors);
  json doc;
  try {
    doc = json::parse(text.begin(), text.end(), std::ref(stream));
  } catch (const json::parse_error& e) {
    const std::string at = std::to_string(e.byte);
    return refuse("文件", "不是完整的 JSON（可能被截断或损坏）：第 " + at + " 字节处出错",
                  "not valid JSON (truncated or damaged?): error at byte " + at);
  } catch (const RecordStream::TooLarge& e) {
    const std::string n = std::to_string(kMaxTreeValues);
    return refuse("records[" + std::to_string(e.record) + "]",
                  "此记录（或文件头）包含超过 " + n + " 个值，超出任何有效记录的大小，不是本系统的导出文件",
                  "this record (or the file header) holds over " + n +
                      " values, more than any valid record: not an export of this app");
  } catch (const json::exception&) {
    // e.g. out_of_range for a number like 1e999 (found by the fuzzer).
    return refuse("文件", "文件中有超出范围的数值，不是本系统的导出文件",
                  "a number in the file is out of range: not an export of this app");
  }
  return finish(doc, stream.records_seen(), std::move(out), record_errors);
}

}  // namespace desk
