#include "core/export_lines.hpp"

namespace desk {

std::string export_head(const ExportOptions& o) {
  const json header = {{"format", kExportFormat}, {"version", kExportVersion},        {"site", o.site},
                       {"device", o.device},      {"exported_at", format_iso(o.now)}, {"redacted", o.redact}};
  std::string out = header.dump(-1, ' ', false, json::error_handler_t::replace);
  out.pop_back();  // the closing brace; the records follow
  out += ",\n\"records\": [";
  return out;
}

Shape scan_shape(std::string_view text) {
  Shape s;
  int depth = 0;
  std::size_t string_start = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        s.longest_string = std::max(s.longest_string, i - string_start);
      } else if (i - string_start > kMaxTextJsonBytes) {
        s.longest_string = i - string_start;
        break;
      }
      continue;
    }
    if (s.first == 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t') s.first = c;
    if (c == '"') {
      in_string = true;
      string_start = i + 1;
    } else if (c == '[' || c == '{') {
      s.deepest = std::max(s.deepest, ++depth);
      if (s.deepest > kMaxImportDepth) break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return s;
}

bool ExportLines::shape_ok(std::string_view text, int depth) const {
  if (!check_shape_) return true;
  const Shape s = scan_shape(text);
  return depth + s.deepest <= kMaxImportDepth && s.longest_string <= kMaxTextJsonBytes;
}

// The layout export_document writes (the header on one line, ending with a
// comma):
//   {"device":…,"version":1,
//   "records": [
//   {record},
//   {record}
//   ]}
// then only white space. The records list may be empty ("records": [ then ]}).
bool ExportLines::line(std::string_view text) {
  auto white = [](std::string_view t) { return t.find_first_not_of(" \r\t") == std::string_view::npos; };
  switch (state_) {
    case State::header: {
      if (text.empty() || text.back() != ',' || !shape_ok(text, 0)) return fail();
      json doc = json::parse(std::string(text.substr(0, text.size() - 1)) + "}", nullptr, false);
      if (doc.is_discarded() || !doc.is_object() || doc.contains("records")) return fail();
      auto checked = check_export_header(std::move(doc));
      if (!checked.ok()) return fail();  // parse_export says what is wrong
      header_ = std::move(checked.value());
      state_ = State::open;
      return true;
    }
    case State::open:
      if (text != "\"records\": [") return fail();
      state_ = State::first_record;
      return true;
    case State::first_record:
    case State::record:
    case State::close:
      if (state_ != State::record && text.substr(0, 2) == "]}") {
        if (!white(text.substr(2))) return fail();
        state_ = State::closed;
        return true;
      }
      if (state_ == State::close) return fail();
      {
        const bool more = !text.empty() && text.back() == ',';
        if (more) text.remove_suffix(1);
        const std::optional<bool> taken = known_ ? known_(text) : std::nullopt;
        if (taken && !*taken) return fail();
        AnyRecord r;
        if (!taken && (!shape_ok(text, 2) || !fast::read_any(text, r) || !sink_(std::move(r), text))) return fail();
        state_ = more ? State::record : State::close;
      }
      return true;
    case State::closed:
      return white(text) || fail();
    case State::other:
      return false;
  }
  return false;
}

namespace {
template <std::size_t I = 0>
bool read_tree(const std::string& type, const json& j, AnyRecord& out) {
  if constexpr (I == std::variant_size_v<AnyRecord>) {
    return false;
  } else {
    using R = std::variant_alternative_t<I, AnyRecord>;
    if (type != R::kType) return read_tree<I + 1>(type, j, out);
    Errors errors;
    return record_from_json(j, out.emplace<R>(), errors, "");
  }
}
}  // namespace

bool read_record_line(std::string_view line, AnyRecord& out) {
  if (fast::read_any(line, out)) return true;
  const json j = json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("type") || !j["type"].is_string()) return false;
  return read_tree(j["type"].get<std::string>(), j, out);
}

std::optional<ExportHeader> ExportLines::finish() const {
  if (state_ != State::closed) return std::nullopt;
  return header_;
}

}  // namespace desk
