// The backup reminder without a site folder (issue 12, item 6).
#include "core/backup.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Dataset one_visit_at(Timestamp t) {
  Dataset d;
  d.table<Visit>().upsert(create_record(sample_visit(t), actor("S001", t, 1)));
  return d;
}
}  // namespace

TEST_CASE("backup reminder: due once the day of an unbacked change is over") {
  const Timestamp nine = morning();  // a working morning, site time
  const Dataset data = one_visit_at(nine);
  CHECK(changed_since(data, std::nullopt) == 1);
  // Same day: not yet, even with no backup ever.
  CHECK_FALSE(backup_reminder_due(data, std::nullopt, {nine.ms + 8 * kHour}));
  // Next morning: due.
  const Timestamp next_day = {start_of_day(nine).ms + 24 * kHour + 8 * kHour};
  CHECK(backup_reminder_due(data, std::nullopt, next_day));
  // A backup after the change clears it; one before it does not.
  CHECK_FALSE(backup_reminder_due(data, Timestamp{nine.ms + kHour}, next_day));
  CHECK(changed_since(data, Timestamp{nine.ms + kHour}) == 0);
  CHECK(backup_reminder_due(data, Timestamp{nine.ms - kHour}, next_day));
  // No records: nothing to remind of.
  CHECK_FALSE(backup_reminder_due(Dataset{}, std::nullopt, next_day));
}
