// The common part of every record (SPEC "Records"): a globally unique id,
// site, created/updated time and staff, a revision counter, a soft-delete
// tombstone and an append-only history of who changed what and when.
// Nothing is hard-deleted; merging keeps the higher revision.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.hpp"
#include "core/history.hpp"
#include "core/id.hpp"
#include "core/roles.hpp"

namespace desk {

struct RecordMeta {
  std::string id;
  std::string site;
  Timestamp created_at;
  std::string created_by;
  Timestamp updated_at;
  std::string updated_by;
  std::int64_t revision = 0;
  bool deleted = false;
  History history;
  bool operator==(const RecordMeta&) const = default;
};

// Who is acting, where and when: every mutation in the core takes one.
struct Actor {
  std::string staff;  // staff id
  std::string site;
  Timestamp now;
  RandomBits random{};  // fresh random bits for a new id
  Role role = Role::receptionist;
};

// ---- secrets in history ------------------------------------------------------
// A record type may name fields whose values must never be written into its
// history (a staff member's PIN hash): the history says only whether the
// value is set.
template <class R>
concept HasSecretFields = requires(std::string_view f) {
  { R::secret_field(f) } -> std::convertible_to<bool>;
};
inline json secret_presence(const json& v) {
  if (v.is_boolean()) return v;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_number()) return v != 0;
  return false;
}
template <class R>
void scrub_secret_changes(std::vector<FieldChange>& changes) {
  if constexpr (HasSecretFields<R>)
    for (auto& c : changes)
      if (R::secret_field(c.field)) c.from = secret_presence(c.from), c.to = secret_presence(c.to);
}

// ---- life cycle ------------------------------------------------------------
// A new record from a validated draft: id, revision 1, a "create" entry.
template <HasFields R>
R create_record(R draft, const Actor& actor) {
  const R blank{};
  draft.meta = RecordMeta{};
  draft.meta.id = make_record_id(actor.now, actor.random);
  draft.meta.site = actor.site;
  draft.meta.created_at = draft.meta.updated_at = actor.now;
  draft.meta.created_by = draft.meta.updated_by = actor.staff;
  draft.meta.revision = 1;
  auto changes = diff_fields(blank, draft);
  scrub_secret_changes<R>(changes);
  draft.meta.history.push_back({actor.now, actor.staff, 1, "create", std::move(changes)});
  return draft;
}

// The next revision of `current` with the fields of `edited`; the history
// records what changed under `action`. Meta fields of `edited` are ignored.
template <HasFields R>
R revise_record(const R& current, R edited, const Actor& actor, const std::string& action = "edit") {
  auto changes = diff_fields(current, edited);
  scrub_secret_changes<R>(changes);
  edited.meta = current.meta;
  edited.meta.revision += 1;
  edited.meta.updated_at = actor.now;
  edited.meta.updated_by = actor.staff;
  edited.meta.history.push_back({actor.now, actor.staff, edited.meta.revision, action, std::move(changes)});
  return edited;
}

template <HasFields R>
R tombstone_record(const R& current, const Actor& actor) {
  R r = revise_record(current, current, actor, "delete");
  r.meta.deleted = true;
  return r;
}

// ---- JSON envelope ---------------------------------------------------------
json change_to_json(const Change& c);
bool change_from_json(const json& j, Change& out, Errors& errors, const std::string& path);
json meta_to_json(const RecordMeta& m);
// Reads the envelope keys of a record object (not "type" and "data").
bool meta_from_json(const json& j, RecordMeta& out, Errors& errors, const std::string& path);

template <HasFields R>
json record_to_json(const R& r) {
  json j = meta_to_json(r.meta);
  j["type"] = R::kType;
  j["data"] = to_value(r);
  return j;
}

template <HasFields R>
bool record_from_json(const json& j, R& out, Errors& errors, const std::string& path) {
  bool ok = meta_from_json(j, out.meta, errors, path);
  auto data = j.find("data");
  if (data == j.end()) {
    errors.push_back({path + ".data", {"缺少字段", "missing field"}});
    return false;
  }
  return from_value(*data, out, errors, path + ".data") && ok;
}

// ---- merge -----------------------------------------------------------------
// Which of two versions of one record wins: the higher revision; at equal
// revision a tombstone; then the larger canonical JSON text of the record
// without its history. A total order on versions,
// so merging is idempotent, commutative and associative.
template <HasFields R>
bool wins_over(const R& a, const R& b) {
  if (a.meta.revision != b.meta.revision) return a.meta.revision > b.meta.revision;
  if (a.meta.deleted != b.meta.deleted) return a.meta.deleted;
  // Compare without the history: merging grows histories, and a tie-break
  // that looked at them would depend on the order of merges (found by the
  // associativity property test).
  auto key = [](R r) {
    r.meta.history.clear();
    return record_to_json(r).dump();
  };
  return key(a) > key(b);
}

template <class R>
void scrub_secret_changes(History& history) {
  for (auto& c : history) scrub_secret_changes<R>(c.changes);
}

// Union of two histories, ordered by (revision, time, staff, action, changes).
std::vector<Change> merge_history(const std::vector<Change>& a, const std::vector<Change>& b);
// True when each entry comes strictly after the one before it by revision,
// then time: the canonical order with no duplicate, as the writer keeps it,
// so merge_history(h, {}) would return h unchanged (checked without making
// the entries' sort texts, which cost most of loading a store).
bool history_in_order(const std::vector<Change>& h);
// h = merge_history(h, {c}), in place when c comes after every entry of an
// ordered h (an entry added to a record: no copy of the history before it).
void add_to_history(std::vector<Change>& h, Change c);

// The merge of two versions of the same record: the winner's fields and the
// union of both histories.
template <HasFields R>
R merge_record(const R& a, const R& b) {
  R winner = wins_over(b, a) ? b : a;
  winner.meta.history = merge_history(a.meta.history, b.meta.history);
  return winner;
}

}  // namespace desk
