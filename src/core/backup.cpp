#include "core/backup.hpp"

namespace desk {

namespace {
template <class F>
void each_change_since(const Dataset& data, std::optional<Timestamp> since, F&& f) {
  data.each_table([&](const auto& table) {
    for (const auto& r : table.rows())
      if (!since || r.meta.updated_at > *since) f(r.meta.updated_at);
  });
}
}  // namespace

std::size_t changed_since(const Dataset& data, std::optional<Timestamp> since) {
  std::size_t n = 0;
  each_change_since(data, since, [&](Timestamp) { ++n; });
  return n;
}

bool backup_reminder_due(const Dataset& data, std::optional<Timestamp> last_backup, Timestamp now) {
  std::optional<Timestamp> earliest;
  each_change_since(data, last_backup, [&](Timestamp t) {
    if (!earliest || t < *earliest) earliest = t;
  });
  return earliest && start_of_day(*earliest) < start_of_day(now);
}

}  // namespace desk
