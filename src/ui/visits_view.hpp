// 来访登记 view: the register (search, date filter, newest first) and the
// visit form beside it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/visit.hpp"
#include "ui/context.hpp"
#include "ui/haystack.hpp"
#include "ui/sliced_scan.hpp"

namespace desk::ui {

class VisitsView {
 public:
  void draw(Context& ctx);
  void open_new(const Context& ctx);
  void open(const Visit& v);
  bool form_open() const { return form_open_; }

 private:
  void refresh_rows(const Context& ctx);
  void draw_toolbar(Context& ctx);
  void draw_table(Context& ctx);
  void draw_form(Context& ctx);
  void draw_turn_into(Context& ctx);
  void save(Context& ctx);

  // list state
  std::string search_;
  std::string from_text_, to_text_;
  bool only_promises_ = false;
  bool focus_search_ = false;      // Ctrl+F: the search box takes the keyboard next frame
  std::vector<std::size_t> rows_;  // indices into the visit table, newest first
  std::uint64_t rows_version_ = ~0ull;
  std::string rows_key_;            // the date and promise filters the rows were made for
  std::string rows_needle_;         // and the search text
  Haystack haystack_;               // lower-cased search text per visit
  std::vector<std::size_t> order_;  // every visit, newest first
  SlicedScan scan_;                 // the search in progress
  std::optional<Timestamp> from_, to_;
  std::size_t live_ = 0;  // visits not deleted
  std::string selected_id_;

  // form state
  bool form_open_ = false;
  Visit draft_;
  std::string time_text_;
  Errors errors_;
  bool follow_up_ = false;
  bool focus_first_ = false;
};

}  // namespace desk::ui
