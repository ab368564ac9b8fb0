#include "core/conflicts.hpp"

#include <algorithm>

namespace desk {

std::string change_value_text(const json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

namespace {

template <class R>
void conflicts_of(const R& r, std::vector<Conflict>& out) {
  const auto& h = r.meta.history;  // ordered by revision (merge_history)
  for (std::size_t i = 0; i + 1 < h.size(); ++i) {
    for (std::size_t j = i + 1; j < h.size() && h[j].revision == h[i].revision; ++j) {
      Conflict c{R::kType, r.meta.id, h[i].revision, h[j], h[i], {}};
      // The edit the record's current version came from is the one kept.
      if (h[i].at == r.meta.updated_at && h[i].by == r.meta.updated_by) std::swap(c.kept, c.lost);
      auto add = [&](const FieldChange& f, bool kept) {
        auto it =
            std::find_if(c.fields.begin(), c.fields.end(), [&](const ConflictField& x) { return x.field == f.field; });
        if (it == c.fields.end()) {
          c.fields.push_back({f.field, field_label<R>(f.field), "", ""});
          it = c.fields.end() - 1;
        }
        (kept ? it->kept : it->lost) = change_value_text(f.to);
      };
      for (const auto& f : c.kept.changes) add(f, true);
      for (const auto& f : c.lost.changes) add(f, false);
      out.push_back(std::move(c));
    }
  }
}

}  // namespace

std::vector<Conflict> find_conflicts(const Dataset& data) {
  std::vector<Conflict> out;
  data.each_table([&](const auto& table) {
    for (const auto& r : table.rows()) conflicts_of(r, out);
  });
  std::stable_sort(out.begin(), out.end(), [](const Conflict& a, const Conflict& b) {
    return std::max(a.kept.at, a.lost.at) > std::max(b.kept.at, b.lost.at);
  });
  return out;
}

}  // namespace desk
