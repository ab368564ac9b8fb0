// SPEC §1: "a visit that is really a repair or complaint turns into that
// record with one action, keeping the link" — the new record's draft.
#pragma once
#include "core/complaint.hpp"
#include "core/repair.hpp"
#include "core/visit.hpp"

namespace desk {

// The repair request a visit becomes: who, where, what, when, by whom.
Repair repair_from_visit(const Visit& v);
// The complaint a visit becomes (received in person).
Complaint complaint_from_visit(const Visit& v);

}  // namespace desk
