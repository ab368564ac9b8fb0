// One module's screen, the same for every record type: a list (search,
// status filter, sortable columns, deadline badge, clipped rows for 100,000
// records) and the record's form beside it (fields from the field table,
// workflow buttons disabled with the reason, history). What differs per
// module is its ModuleSpec<R> (modules_*.cpp).
#pragma once
#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/workflow.hpp"
#include "ui/context.hpp"
#include "ui/field_editor.hpp"
#include "ui/haystack.hpp"
#include "ui/sliced_scan.hpp"

namespace desk::ui {

template <class R>
struct Column {
  Msg header;
  std::function<std::string(const R&)> text;
  float width = 0;  // 0 = stretch
};

// Specialised per module: id, title, columns, form set-up, blank draft,
// the deadline shown as the badge, and optional extras under the form.
template <class R>
struct ModuleSpec;

class ModuleBase {
 public:
  virtual ~ModuleBase() = default;
  virtual const char* id() const = 0;
  virtual Msg title() const = 0;
  virtual void draw(Context& ctx) = 0;
  virtual void open_record(const Context& ctx, const std::string& record_id) = 0;
  virtual std::size_t open_count(const Context& ctx) const = 0;
};

template <class R>
class ModuleView : public ModuleBase {
 public:
  using Spec = ModuleSpec<R>;
  const char* id() const override { return Spec::kId; }
  Msg title() const override { return Spec::title(); }
  void draw(Context& ctx) override;
  void open_record(const Context& ctx, const std::string& record_id) override;
  std::size_t open_count(const Context& ctx) const override;

  // For module extras: the form's draft and state.
  R& draft() { return draft_; }
  FormState& form() { return form_; }
  void close_form() { form_open_ = false; }

 private:
  void refresh(const Context& ctx);
  void draw_toolbar(Context& ctx);
  void draw_filters();
  void draw_list(Context& ctx);
  void draw_form(Context& ctx);
  void draw_actions(Context& ctx, const R& stored);
  void open(const Context& ctx, const R& r);
  void save(Context& ctx);

  std::vector<Column<R>> columns_ = Spec::columns();
  std::string search_;
  int status_filter_ = -1;  // index into the status enum; -1 = all
  bool only_open_ = false;
  bool focus_search_ = false;  // Ctrl+F: the search box takes the keyboard next frame
  int kind_filter_ = -1;       // value of Spec::kKind's enum; -1 = all
  std::string unit_text_, staff_text_;
  std::string unit_needle_, staff_needle_;  // lower-cased, as the rows were made
  std::string from_text_, to_text_;         // date range (created), "2026-11-01"
  std::vector<std::size_t> rows_;
  Haystack haystack_;               // lower-cased search text per row, made as a search reaches it
  std::vector<std::size_t> order_;  // every row in the current sort order
  std::string order_key_;           // the sort it was made for
  SlicedScan scan_;                 // the filter in progress
  std::string needle_;
  std::optional<Timestamp> from_, to_;
  std::uint64_t rows_version_ = ~0ull;
  std::string rows_key_;
  int sort_column_ = -1;
  bool sort_ascending_ = false;
  std::string selected_id_;
  // The navigation asks every frame; counted again only when the data changes.
  mutable std::size_t open_count_ = 0;
  mutable std::uint64_t open_count_version_ = ~0ull;

  bool form_open_ = false;
  R draft_{};
  FormState form_;
  bool step_refused_ = false;  // the errors came from a workflow step: said under its buttons
  // Issue 13: a refusal says what to fill and takes the person to it.
  void note_refusal(const Errors& errors, bool by_step);
};

}  // namespace desk::ui

#include "ui/module_view_impl.hpp"
