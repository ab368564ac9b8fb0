// 接待流程 — scripts as data (SPEC "Reception script"). A script is a graph
// of steps: who speaks, what is said (with phrase-book ids), what is done,
// and the branches to the next step. Branches of the visit-reception script
// carry record effects so a guided visit fills the 来访登记 as it goes
// (see guide.hpp). Scripts live in assets/scripts/*.json; callers pass text.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/phrases.hpp"
#include "core/visit.hpp"

namespace desk {

enum class Speaker { staff, customer };
DESK_ENUM_TABLE(Speaker, {Speaker::staff, "staff", "客服员", "Staff"},
                {Speaker::customer, "customer", "客户", "Customer"})

// What taking a branch writes into the visit draft. `requires_fields` names
// visit fields ("visitor_name", "phone", "content", "answer") that must be
// filled before the branch may be taken (SPEC §1: the 24 h promise needs the
// visitor's name and phone).
struct RecordEffects {
  std::optional<VisitPurpose> purpose;
  std::optional<VisitOutcome> outcome;
  std::optional<Consulted> consulted;
  std::vector<std::string> requires_fields;
  bool empty() const { return !purpose && !outcome && !consulted && requires_fields.empty(); }
};

struct Branch {
  Msg label;         // the choice as staff sees it, e.g. 客户确认正确
  std::string next;  // id of the next step
  RecordEffects effects;
  int limit = 0;  // >0: may be taken at most this often per run (请客户重复只能一次)
};

struct Step {
  std::string id;
  std::string source;  // where the manual says it, e.g. "seed 000 step i"
  Speaker who = Speaker::staff;
  std::string says;                  // Chinese wording from the seed, may be empty
  std::string does;                  // what is done (Chinese), may be empty
  std::string en;                    // an English gloss of the step
  std::vector<std::string> phrases;  // phrase-book ids used here
  std::vector<std::string> inputs;   // visit fields typed at this step
  std::vector<Branch> branches;
  bool finish = false;  // the script may end here
};

struct Script {
  std::string id;
  Msg title;
  std::string source;
  std::string start;
  std::vector<Step> steps;
  // The step with this id, or nullptr.
  const Step* find(std::string_view id) const;
};

// Visit fields a step may ask for or a branch may require.
bool is_script_input_field(std::string_view key);

// Reads and validates a script. Refused (every problem listed, `where` = the
// step id) when: ids repeat, a branch's `next` names no step, a phrase id is
// not in the book, a step cannot be reached from the start, a step that is
// not a finish has no exits, or a step cannot reach any finish.
Expected<Script> parse_script(std::string_view json_text, const PhraseBook& phrases);

// The structural checks alone, for scripts built in code.
Errors validate_script(const Script& script, const PhraseBook& phrases);

}  // namespace desk
