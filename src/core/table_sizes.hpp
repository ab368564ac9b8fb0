// How many records of each type a large store held when it was last
// opened, kept beside its segments (kTableSizesFile), so the next load
// makes room in each table once instead of growing it by doubling while
// the journal replays: each doubling moves every row (natively, replaying
// 100,000 visits took 550 ms growing and 407 ms with room made first).
// Only a hint: a missing, stale or damaged file costs speed, never data.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/dataset.hpp"

namespace desk {

constexpr const char* kTableSizesFile = "table-sizes.json";
// Below this many records the file is not written: the doublings cost
// little, and a small store keeps only the files it needs.
constexpr std::size_t kTableSizesFrom = 10000;

// {"visit":100000,...}: the types with rows, by code.
std::string table_sizes_text(const Dataset& data);
// Makes room in each table for the rows the text names, and a sixteenth
// more for the saves since; at most `most` rows per table, so a damaged
// file cannot ask for more than the store can hold. Text that is not such
// an object makes no room.
void reserve_table_sizes(Dataset& data, std::string_view text, std::size_t most);

}  // namespace desk
