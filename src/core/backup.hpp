// Backing up without the site folder (issue 12, item 6): where the browser
// has no folder API, or no folder is set, a full export is the backup. The
// status bar shows when the last one was made; after a day with new records
// an amber reminder offers 立即备份 (download a full export now).
#pragma once
#include <optional>

#include "core/dataset.hpp"

namespace desk {

// Records changed since `since` (all of them when there was no backup).
std::size_t changed_since(const Dataset& data, std::optional<Timestamp> since);

// (rule) The reminder is due when some change is in no backup and the site-
// local day of the earliest such change is over: a day with new records
// ended without a backup. A backup made after every change clears it.
bool backup_reminder_due(const Dataset& data, std::optional<Timestamp> last_backup, Timestamp now);

}  // namespace desk
