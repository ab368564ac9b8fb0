// Every string of the interface, in Simplified Chinese and English. Views
// never hold literal UI text: they call tr(S::...). The language switches at
// runtime with set_lang().
#pragma once
#include "core/text.hpp"

namespace desk::ui {

enum class S {
  app_title,
  site,
  on_duty,
  language_switch,
  module_visits,
  new_visit,
  search_hint,
  date_from,
  date_to,
  date_hint,
  filter_today,
  filter_week,
  filter_all,
  only_promises,
  col_time,
  col_visitor,
  col_unit,
  col_phone,
  col_purpose,
  col_content,
  col_outcome,
  col_deadline,
  shown_of_total,
  no_records,
  form_new_title,
  form_edit_title,
  save,
  cancel,
  saving,
  saved,
  save_failed,
  fix_errors,
  promise_due,
  promise_rule,
  follow_up_done,
  history,
  export_json,
  import_json,
  import_title,
  import_confirm,
  import_refused,
  import_nothing_changed,
  import_summary,
  ok,
  storage_loaded,
  revision,
  bad_date,
  hours_left,
  days_left,
  hours_over,
  record_id,
  close,
  outcome_pending_short,
  outcome_spot_short,
  outcome_colleague_short,
  outcome_outside_short,
  outcome_promise_short,
  followed_up,
  field_time,
  now_button,
  unsaved_changes,
  storage_damaged,
  read_only_banner,
  storage_used,
  storage_persistent,
  storage_not_persistent,
  days_over,
  minutes_left,
  minutes_over,
  count
};

const char* tr(S key);
const std::string& tr(const Msg& m);
// A view's own text, written in both languages where it is used.
inline const char* tr(const char* zh, const char* en);
Lang lang();
void set_lang(Lang l);

inline const char* tr(const char* zh, const char* en) {
  return lang() == Lang::zh ? zh : en;
}

}  // namespace desk::ui
