#include "core/table_sizes.hpp"

#include <algorithm>

namespace desk {

std::string table_sizes_text(const Dataset& data) {
  json sizes = json::object();
  data.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    if (table.size() > 0) sizes[R::kType] = table.size();
  });
  return sizes.dump();
}

void reserve_table_sizes(Dataset& data, std::string_view text, std::size_t most) {
  const json sizes = json::parse(text, nullptr, false);
  if (!sizes.is_object()) return;
  data.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    const auto it = sizes.find(R::kType);
    if (it == sizes.end() || !it->is_number_unsigned()) return;
    const std::size_t n = std::min(it->template get<std::size_t>(), most);
    table.reserve(n + n / 16);
  });
}

}  // namespace desk
