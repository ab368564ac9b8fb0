#include "core/visit_turns.hpp"

namespace desk {

Repair repair_from_visit(const Visit& v) {
  Repair r;
  r.received_at = v.time;
  r.source = RepairSource::in_person;
  r.requester = v.visitor_name;
  r.unit = v.unit.empty() ? v.company : v.unit;
  r.phone = v.phone;
  r.description = v.content;
  r.received_by = v.received_by;
  r.linked_visit = v.meta.id;
  return r;
}

Complaint complaint_from_visit(const Visit& v) {
  Complaint c;
  c.received_at = v.time;
  c.channel = ComplaintChannel::in_person;
  c.complainant = v.visitor_name;
  c.unit = v.unit.empty() ? v.company : v.unit;
  c.phone = v.phone;
  c.content = v.content;
  c.received_by = v.received_by;
  c.linked_visit = v.meta.id;
  return c;
}

}  // namespace desk
