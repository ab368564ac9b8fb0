#include "core/dataset.hpp"

namespace desk {

Msg record_type_label(const std::string& type) {
  static const std::pair<const char*, Msg> kNames[] = {
      {"visit", {"来访", "Visit"}},
      {"complaint", {"投诉", "Complaint"}},
      {"repair", {"报修", "Repair"}},
      {"callback", {"回访", "Callback"}},
      {"violation", {"违章", "Violation"}},
      {"key_loan", {"钥匙", "Key"}},
      {"access", {"出入登记", "Access"}},
      {"incident", {"应急", "Emergency"}},
      {"inspection", {"巡查", "Inspection"}},
      {"duty_log", {"例行工作", "Duty"}},
      {"duty", {"例行工作", "Duty"}},
      {"staff", {"员工", "Staff"}},
      {"training_attempt", {"培训考核", "Training"}},
      {"case", {"案例", "Case"}},
      {"calendar_override", {"工作日历设置", "Calendar entry"}},
      {"special_service", {"特约服务", "Special service"}},
      {"referral", {"工作联系单", "Referral"}},
      {"gas_check", {"煤气安全检查", "Gas safety check"}},
  };
  for (const auto& [code, name] : kNames)
    if (type == code) return name;
  return {type, type};
}

const CaseStudy* case_for_complaint(const Dataset& data, const std::string& complaint_id) {
  for (const auto& c : data.table<CaseStudy>().rows())
    if (!c.meta.deleted && c.source_id == complaint_id) return &c;
  return nullptr;
}

std::size_t merge_into(Dataset& into, const Dataset& from) {
  std::size_t changed = 0;
  from.each_table([&](const auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    auto& target = into.table<R>();
    for (const auto& r : table.rows()) changed += target.upsert(r);
  });
  return changed;
}

std::size_t merge_into(Dataset& into, Dataset&& from) {
  std::size_t changed = 0;
  from.each_table([&](auto& table) {
    using R = typename std::decay_t<decltype(table.rows())>::value_type;
    auto& target = into.table<R>();
    // Into an empty table the rows are taken over whole, index and all (an
    // import into a new desk: no row moved, no id hashed again).
    if (target.size() == 0) {
      changed += table.size();
      target = std::move(table);
      return;
    }
    // Room once for a large batch, rather than the rows doubling into new
    // memory (slow to touch the first time, README).
    if (table.size() > target.size() / 4) target.reserve(target.size() + table.size());
    for (auto& r : table.take_rows()) changed += target.upsert(std::move(r));
  });
  return changed;
}

}  // namespace desk
