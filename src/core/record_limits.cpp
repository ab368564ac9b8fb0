#include "core/record_limits.hpp"

#include <cmath>

namespace desk {

// A value in a history entry sits seven brackets deep in an export
// (document, records, record, history, entry, changes, change), so it may
// hold nine levels of its own within kMaxNesting: containers at depth 0–8.
constexpr int kMaxValueNesting = kMaxNesting - 8;

bool json_value_fits(const json& j, int depth) {
  if (depth > kMaxValueNesting) return false;
  if (j.is_string()) return text_fits(j.get_ref<const std::string&>());
  if (j.is_number_float()) return std::isfinite(j.get<double>());
  if (j.is_array() || j.is_object()) {
    if (j.size() > kMaxListItems) return false;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (j.is_object() && !text_fits(it.key())) return false;
      if (!json_value_fits(*it, depth + 1)) return false;
    }
  }
  return true;  // null, booleans, integers
}

namespace limits_detail {

void check_meta(const RecordMeta& m, Errors& out) {
  const Place record{"record", "记录", "Record"};
  if (!is_record_id(m.id)) out.push_back({"record", {"编号格式无效", "invalid record id"}});
  for (const std::string* s : {&m.site, &m.created_by, &m.updated_by}) check(*s, out, record);
  if (!revision_fits(m.revision))
    out.push_back({"revision", m.revision > kMaxRevision ? revision_exhausted()
                                                         : revision_out_of_range(std::to_string(m.revision))});
  check(m.created_at, out, record);
  check(m.updated_at, out, record);
  if (m.history.size() > kMaxHistoryEntries) return out.push_back({"history", history_too_long(m.history.size())});
  const Place entry{"history", "修改历史", "History"};
  for (const Change& c : m.history) {
    check(c.at, out, entry);
    check(c.by, out, entry);
    check(c.action, out, entry);
    if (!history_revision_fits(c.revision))
      out.push_back({"history", revision_out_of_range(std::to_string(c.revision))});
    if (c.changes.size() > kMaxChangesPerEntry)
      out.push_back({"history", list_too_long(entry.label(), c.changes.size())});
    for (const FieldChange& f : c.changes) {
      check(f.field, out, entry);
      if (!json_value_fits(f.from) || !json_value_fits(f.to))
        out.push_back({"history", {"修改历史中有无法保存的值", "the history holds a value that cannot be stored"}});
    }
  }
}

}  // namespace limits_detail
}  // namespace desk
