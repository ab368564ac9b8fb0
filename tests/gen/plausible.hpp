// A valid draft of each record type the sample generator does not make
// (core/sample_data.hpp covers the manuals' daily modules), so generated
// operations on those types start from something the desk would accept and
// reach both sides of their limits, not only "required field missing".
#pragma once
#include "core/dataset.hpp"

namespace desk::gen {

template <class R>
R plausible_draft(Timestamp now) {
  R r{};
  if constexpr (std::is_same_v<R, SpecialService>) {
    r.customer = "王女士";
    r.unit = "6栋-0302";
    r.service = "每周两次室内保洁";
    r.start = now;
    r.end = now + 90 * kDay;
    r.recorded_by = "S001";
  } else if constexpr (std::is_same_v<R, Referral>) {
    r.department = Department::cleaning;
    r.subject = "地下室楼道积水";
    r.content = "5栋地下室楼道积水三天";
    r.sent_at = now;
    r.sent_by = "S001";
  } else if constexpr (std::is_same_v<R, GasCheck>) {
    r.unit = "3栋-1202";
    r.owner = "周先生";
    r.check_on = now + 2 * kDay;
  } else if constexpr (std::is_same_v<R, CalendarOverride>) {
    r.date = "2027-02-06";
    r.name = "春节";
  }
  return r;
}

}  // namespace desk::gen
