#include "core/dataset.hpp"

namespace desk {

std::size_t merge_into(Dataset& into, const Dataset& from) {
  std::size_t changed = 0;
  from.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    auto& target = into.table<R>();
    for (const auto& r : table.rows()) changed += target.upsert(r);
  });
  return changed;
}

}  // namespace desk
