// Conflicts (issue 12): two desks changed the same record while apart. The
// merge (record.hpp) keeps one version by its total order and the union of
// both histories, so each conflict is visible afterwards as two different
// history entries with the same revision. This lists them, field by field,
// for the supervisor's conflict list: nothing an edit changed disappears
// without a trace.
#pragma once
#include <string>
#include <vector>

#include "core/dataset.hpp"

namespace desk {

struct ConflictField {
  std::string field;  // key
  Msg label;
  std::string kept;  // the value each edit set ("" when that edit left it alone)
  std::string lost;
};

struct Conflict {
  std::string type, id;
  std::int64_t revision = 0;
  Change kept;  // the edit whose version the record holds (or the later-sorted one)
  Change lost;
  std::vector<ConflictField> fields;  // each field either edit changed
};

// Every conflict of the dataset, newest first.
std::vector<Conflict> find_conflicts(const Dataset& data);

// A history value in words: strings as they are, null as "", others as JSON.
std::string change_value_text(const json& v);

}  // namespace desk
