#include "core/record_writer.hpp"

#include <charconv>
#include <cstdio>

#include "core/text.hpp"

namespace desk::fast {

bool write_text(std::string_view s, std::string& out) {
  if (!utf8_valid(s)) return false;
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char u[8];
        std::snprintf(u, sizeof u, "\\u%04x", c);  // as the tree writer: lower-case hex
        out += u;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
  return true;
}

void write_int(std::int64_t v, std::string& out) {
  char buf[24];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

// money_to_yuan's double as the tree writer prints it: the shortest text that
// reads back as the same double, which for a whole number of fen is the
// amount with its trailing zeros dropped and at least one decimal ("12.0",
// "12.5", "12.05"); amounts stay far inside the range printed without an
// exponent.
void write_money(Money m, std::string& out) {
  const std::int64_t fen = m.fen;
  if (fen < 0) out += '-';
  const std::uint64_t a = fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  write_int(static_cast<std::int64_t>(a / 100), out);
  const auto cents = static_cast<unsigned>(a % 100);
  out += '.';
  out += static_cast<char>('0' + cents / 10);
  if (cents % 10) out += static_cast<char>('0' + cents % 10);
}

bool write_json(const json& j, std::string& out) {
  if (j.is_string()) return write_text(j.get_ref<const std::string&>(), out);
  if (j.is_null()) return out += "null", true;
  if (j.is_boolean()) return write(j.get<bool>(), out);
  if (j.is_number_integer() && !j.is_number_unsigned()) return write_int(j.get<std::int64_t>(), out), true;
  // Anything else (unsigned and float numbers, lists, objects) as the tree
  // writer makes it; a text in it that is not UTF-8 sends the record there.
  std::string text;
  try {
    text = j.dump(-1, ' ', false, json::error_handler_t::strict);
  } catch (const json::exception&) {
    return false;
  }
  out += text;
  return true;
}

void write_time(Timestamp t, std::string& out) {
  out += '"';
  out += format_iso(t);  // digits and punctuation: nothing to escape or check
  out += '"';
}

namespace {
bool write_change(const Change& c, std::string& out) {
  out += "{\"action\":";
  if (!write_text(c.action, out)) return false;
  out += ",\"at\":";
  write_time(c.at, out);
  out += ",\"by\":";
  if (!write_text(c.by, out)) return false;
  out += ",\"changes\":[";
  for (std::size_t i = 0; i < c.changes.size(); ++i) {
    const FieldChange& f = c.changes[i];
    out += i ? ",{\"field\":" : "{\"field\":";
    if (!write_text(f.field, out)) return false;
    out += ",\"from\":";
    if (!write_json(f.from, out)) return false;
    out += ",\"to\":";
    if (!write_json(f.to, out)) return false;
    out += '}';
  }
  out += "],\"revision\":";
  write_int(c.revision, out);
  out += '}';
  return true;
}
}  // namespace

bool write_meta_head(const RecordMeta& m, std::string& out) {
  out += "\"created_at\":";
  write_time(m.created_at, out);
  out += ",\"created_by\":";
  return write_text(m.created_by, out);
}

bool write_meta_tail(const RecordMeta& m, const char* type, std::string& out) {
  out += ",\"deleted\":";
  write(m.deleted, out);
  out += ",\"history\":";
  if (const std::string* text = m.history.text()) {
    out += *text;  // as it was read from the journal
  } else {
    // In the canonical order the readers keep, so a line read back as its
    // text (History::from_text) is what reading it into entries would give.
    const std::vector<Change>& entries = m.history.entries();
    const std::vector<Change> sorted = history_in_order(entries) ? std::vector<Change>{} : merge_history(entries, {});
    const std::vector<Change>& list = sorted.empty() ? entries : sorted;
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ',';
      if (!write_change(list[i], out)) return false;
    }
    out += ']';
  }
  out += ",\"id\":";
  if (!write_text(m.id, out)) return false;
  out += ",\"revision\":";
  write_int(m.revision, out);
  out += ",\"site\":";
  if (!write_text(m.site, out)) return false;
  out += ",\"type\":";
  if (!write_text(type, out)) return false;
  out += ",\"updated_at\":";
  write_time(m.updated_at, out);
  out += ",\"updated_by\":";
  return write_text(m.updated_by, out);
}

}  // namespace desk::fast
