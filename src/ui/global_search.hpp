// The top bar's search across every module (issue 13 item 7): Ctrl+K puts
// the cursor in it; results appear under it grouped by module, ↑/↓ choose,
// Enter or a click opens the record (through record_link's request).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/search.hpp"
#include "ui/context.hpp"

namespace desk::ui {

class GlobalSearch {
 public:
  // The box, where the top bar's cursor is; the results float under it.
  void draw(Context& ctx, float width);
  // The results window; after the desk's window, so it floats over it.
  void draw_results(Context& ctx);

 private:
  // Rebuilds the index when the data changed, and advances the search for
  // the box's text by a few milliseconds (to the end when `finish`).
  void refresh(Context& ctx, bool finish = false);
  void open(std::size_t row);

  std::string query_;
  std::string searched_;  // the query the results are for
  // An index build or a search is still under way.
  bool busy() const { return !builder_.done() || !search_.done(); }

  SearchIndex index_;
  std::uint64_t indexed_version_ = ~std::uint64_t{0};
  bool indexed_with_cases_ = false;
  SearchIndex::Builder builder_;     // the next index, until done (a finished one is taken at once)
  std::uint64_t build_version_ = 0;  // the data version builder_ reads
  bool build_with_cases_ = false;
  double building_ms_ = 0;              // CPU spent on builder_ so far
  SearchIndex::Search search_;          // for searched_, until done
  double searching_ms_ = 0;             // CPU spent on search_ so far
  std::vector<SearchGroup> groups_;     // the last finished search's (shown meanwhile)
  std::vector<const SearchHit*> rows_;  // every shown hit, in order, for ↑/↓
  std::size_t selected_ = 0;
  bool open_ = false;
  bool focus_ = false;
  bool box_hovered_ = false;
  double build_ms_ = 0, find_ms_ = 0;  // the last finished index build and search (all their slices)
  float x_ = 0, y_ = 0;                // where the results go (under the box)
};

}  // namespace desk::ui
