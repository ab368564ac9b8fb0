#include "core/record.hpp"

#include <limits>
#include <tuple>

#include "core/record_limits.hpp"

namespace desk {

namespace {
bool require(const json& j, const char* key, Errors& errors, const std::string& path) {
  if (j.contains(key)) return true;
  errors.push_back({path + "." + key, {"缺少字段", "missing field"}});
  return false;
}

std::string change_sort_key(const Change& c) {
  return change_to_json(c).dump();
}

// Reads j[key] into out; the error path is built only when there is an error.
// A revision: an integer within `fits`, read without going through the
// general integer range so the message names what is wrong with it.
bool read_revision(const json& j, const char* key, std::int64_t& out, bool (*fits)(std::int64_t), Errors& errors,
                   const std::string& path) {
  const json& v = j[key];
  if (!v.is_number_integer()) return errors.push_back({path + "." + key, type_error("整数", "an integer")}), false;
  const bool too_big = v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxRevision);
  const auto r = v.get<std::int64_t>();
  if (too_big || !fits(r)) return errors.push_back({path + "." + key, revision_out_of_range(v.dump())}), false;
  out = r;
  return true;
}

template <class T>
bool read_key(const json& j, const char* key, T& out, Errors& errors, const std::string& path) {
  const std::size_t before = errors.size();
  if (from_value(j[key], out, errors, std::string())) return true;
  detail::prefix_errors(errors, before, path + "." + key);
  return false;
}
}  // namespace

json change_to_json(const Change& c) {
  json changes = json::array();
  for (const auto& f : c.changes) changes.push_back({{"field", f.field}, {"from", f.from}, {"to", f.to}});
  return {{"at", format_iso(c.at)}, {"by", c.by}, {"revision", c.revision}, {"action", c.action}, {"changes", changes}};
}

bool change_from_json(const json& j, Change& out, Errors& errors, const std::string& path) {
  if (!j.is_object()) return errors.push_back({path, {"应为对象", "expected an object"}}), false;
  bool ok = true;
  for (const char* key : {"at", "by", "revision", "action", "changes"}) ok &= require(j, key, errors, path);
  if (!ok) return false;
  ok &= read_key(j, "at", out.at, errors, path);
  ok &= read_key(j, "by", out.by, errors, path);
  ok &= read_revision(j, "revision", out.revision, history_revision_fits, errors, path);
  ok &= read_key(j, "action", out.action, errors, path);
  const json& changes = j["changes"];
  if (!changes.is_array()) return errors.push_back({path + ".changes", {"应为列表", "expected a list"}}), false;
  if (changes.size() > kMaxChangesPerEntry)
    return errors.push_back({path + ".changes", list_too_long({"改动", "Changes"}, changes.size())}), false;
  out.changes.clear();
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const json& c = changes[i];
    if (!c.is_object() || !c.contains("field") || !c.contains("from") || !c.contains("to") || !c["field"].is_string()) {
      errors.push_back(
          {path + ".changes[" + std::to_string(i) + "]", {"应为 {field, from, to}", "expected {field, from, to}"}});
      ok = false;
      continue;
    }
    std::string field;
    if (!from_value(c["field"], field, errors, path + ".changes[" + std::to_string(i) + "].field")) {
      ok = false;
      continue;
    }
    if (!json_value_fits(c["from"]) || !json_value_fits(c["to"])) {
      errors.push_back({path + ".changes[" + std::to_string(i) + "]",
                        {"改动前后的值超出限制（文本最多 " + std::to_string(kMaxTextLength) + " 字）",
                         "a value before or after the change is beyond the limits (text at most " +
                             std::to_string(kMaxTextLength) + " characters)"}});
      ok = false;
      continue;
    }
    out.changes.push_back({std::move(field), c["from"], c["to"]});
  }
  return ok;
}

json meta_to_json(const RecordMeta& m) {
  json history = json::array();
  const std::vector<Change>& entries = m.history.entries();
  if (history_in_order(entries))
    for (const auto& c : entries) history.push_back(change_to_json(c));
  else
    for (const auto& c : merge_history(entries, {})) history.push_back(change_to_json(c));  // as readers keep it
  return {{"id", m.id},
          {"site", m.site},
          {"created_at", format_iso(m.created_at)},
          {"created_by", m.created_by},
          {"updated_at", format_iso(m.updated_at)},
          {"updated_by", m.updated_by},
          {"revision", m.revision},
          {"deleted", m.deleted},
          {"history", history}};
}

bool meta_from_json(const json& j, RecordMeta& out, Errors& errors, const std::string& path) {
  if (!j.is_object()) return errors.push_back({path, {"应为对象", "expected an object"}}), false;
  bool ok = true;
  for (const char* key :
       {"id", "site", "created_at", "created_by", "updated_at", "updated_by", "revision", "deleted", "history"})
    ok &= require(j, key, errors, path);
  if (!ok) return false;
  ok &= read_key(j, "id", out.id, errors, path);
  if (ok && !is_record_id(out.id)) {
    errors.push_back({path + ".id", {"编号格式无效", "invalid record id"}});
    ok = false;
  }
  ok &= read_key(j, "site", out.site, errors, path);
  ok &= read_key(j, "created_at", out.created_at, errors, path);
  ok &= read_key(j, "created_by", out.created_by, errors, path);
  ok &= read_key(j, "updated_at", out.updated_at, errors, path);
  ok &= read_key(j, "updated_by", out.updated_by, errors, path);
  ok &= read_revision(j, "revision", out.revision, revision_fits, errors, path);
  ok &= read_key(j, "deleted", out.deleted, errors, path);
  const json& history = j["history"];
  if (!history.is_array()) return errors.push_back({path + ".history", {"应为列表", "expected a list"}}), false;
  if (history.size() > kMaxHistoryEntries)
    return errors.push_back({path + ".history", history_too_long(history.size())}), false;
  out.history.clear();
  for (std::size_t i = 0; i < history.size(); ++i) {
    Change c;
    const std::size_t before = errors.size();
    if (!change_from_json(history[i], c, errors, std::string()))
      ok = false, detail::prefix_errors(errors, before, path + ".history[" + std::to_string(i) + "]");
    out.history.push_back(std::move(c));
  }
  // Canonical order (as merge keeps it), so a record read back and merged
  // with itself is unchanged whatever order the file listed its history in.
  if (!history_in_order(out.history)) out.history = merge_history(out.history, {});
  return ok;
}

namespace {
bool before(const Change& x, const Change& y) {
  return std::tie(x.revision, x.at.ms) < std::tie(y.revision, y.at.ms);
}
}  // namespace

bool history_in_order(const std::vector<Change>& h) {
  for (std::size_t i = 1; i < h.size(); ++i)
    if (!before(h[i - 1], h[i])) return false;
  return true;
}

void add_to_history(std::vector<Change>& h, Change c) {
  if (h.empty() || (before(h.back(), c) && history_in_order(h))) {
    h.push_back(std::move(c));
    return;
  }
  h = merge_history(h, {std::move(c)});
}

// Ordered by (revision, time, the entry's JSON text), each distinct entry
// once. The text is made only for entries that tie on revision and time.
std::vector<Change> merge_history(const std::vector<Change>& a, const std::vector<Change>& b) {
  if (a.size() + b.size() <= 1) return a.empty() ? b : a;  // nothing to order (most records on load)
  // Both in order and one wholly after the other (a record read back, an
  // entry added after the last): joined as they are.
  if (history_in_order(a) && history_in_order(b)) {
    if (b.empty() || (!a.empty() && before(a.back(), b.front()))) {
      std::vector<Change> out(a);
      out.insert(out.end(), b.begin(), b.end());
      return out;
    }
    if (a.empty() || before(b.back(), a.front())) {
      std::vector<Change> out(b);
      out.insert(out.end(), a.begin(), a.end());
      return out;
    }
  }
  std::vector<const Change*> all;
  all.reserve(a.size() + b.size());
  for (const auto* list : {&a, &b})
    for (const auto& c : *list) all.push_back(&c);
  std::stable_sort(all.begin(), all.end(), [](const Change* x, const Change* y) { return before(*x, *y); });
  std::vector<Change> out;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t end = i + 1;
    while (end < all.size() && !before(*all[i], *all[end])) ++end;  // a run tying on revision and time
    if (end == i + 1) {
      out.push_back(*all[i++]);
      continue;
    }
    std::vector<std::pair<std::string, const Change*>> run;
    for (std::size_t k = i; k < end; ++k) run.push_back({change_sort_key(*all[k]), all[k]});
    std::sort(run.begin(), run.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t k = 0; k < run.size(); ++k)
      if (k == 0 || run[k].first != run[k - 1].first) out.push_back(*run[k].second);
    i = end;
  }
  return out;
}

}  // namespace desk
