// All records of a desk, one table per record type, in memory. Adding a
// module = adding its type to `Dataset` below.
#pragma once
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/access.hpp"
#include "core/calendar_override.hpp"
#include "core/callback.hpp"
#include "core/case_study.hpp"
#include "core/complaint.hpp"
#include "core/duty_log.hpp"
#include "core/gas_check.hpp"
#include "core/incident.hpp"
#include "core/inspection.hpp"
#include "core/key_loan.hpp"
#include "core/record.hpp"
#include "core/referral.hpp"
#include "core/repair.hpp"
#include "core/special_service.hpp"
#include "core/staff.hpp"
#include "core/training_record.hpp"
#include "core/violation.hpp"
#include "core/visit.hpp"

namespace desk {

// One record type's rows, findable by id. `upsert` merges by the record rule.
template <class R>
class Table {
 public:
  const std::vector<R>& rows() const { return rows_; }
  std::size_t size() const { return rows_.size(); }

  const R* find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &rows_[it->second];
  }

  // Inserts, or merges with the stored version. Returns true when the stored
  // record changed.
  bool upsert(const R& r) { return upsert(R(r)); }
  // The same, taking the record over (no copy when it is new: replaying a
  // journal or reading an import).
  bool upsert(R&& r) {
    auto it = index_.find(r.meta.id);
    if (it == index_.end()) {
      index_.emplace(r.meta.id, rows_.size());
      rows_.push_back(std::move(r));
      return true;
    }
    R& stored = rows_[it->second];
    if (stored == r) return false;  // the same version again: nothing to do
    R merged = merge_record(stored, r);
    if (merged == stored) return false;
    stored = std::move(merged);
    return true;
  }

  void reserve(std::size_t n) {
    rows_.reserve(n);
    index_.reserve(n);
  }

  // Hands the rows over, leaving the table empty.
  std::vector<R> take_rows() {
    index_.clear();
    return std::exchange(rows_, {});
  }

 private:
  std::vector<R> rows_;
  std::unordered_map<std::string, std::size_t> index_;
};

template <class... R>
struct TableSet {
  std::tuple<Table<R>...> tables;

  template <class X>
  Table<X>& table() {
    return std::get<Table<X>>(tables);
  }
  template <class X>
  const Table<X>& table() const {
    return std::get<Table<X>>(tables);
  }
  // Calls f(table) for each record type's table.
  template <class F>
  void each_table(F&& f) {
    std::apply([&](auto&... t) { (f(t), ...); }, tables);
  }
  template <class F>
  void each_table(F&& f) const {
    std::apply([&](const auto&... t) { (f(t), ...); }, tables);
  }
  std::size_t size() const {
    std::size_t n = 0;
    each_table([&](const auto& t) { n += t.size(); });
    return n;
  }
};

// The eleven modules of SPEC "Records", plus the staff list, training
// attempts, the case library, the working calendar's overrides and the
// special-service contracts, the referrals to other departments and the
// units' gas safety checks.
using Dataset =
    TableSet<Visit, Complaint, Repair, Callback, Violation, KeyLoan, AccessEntry, Incident, Inspection, DutyLog, Staff,
             TrainingAttempt, CaseStudy, CalendarOverride, SpecialService, Referral, GasCheck>;

// The case made from complaint `complaint_id`, if there is one (not deleted).
const CaseStudy* case_for_complaint(const Dataset& data, const std::string& complaint_id);

// The Chinese/English name of a record type code ("complaint" → 投诉), or
// the code itself.
Msg record_type_label(const std::string& type);

// Merges every record of `from` into `into`; returns how many stored records
// changed or were added.
std::size_t merge_into(Dataset& into, const Dataset& from);
// The same, taking `from`'s records over (no copy of a record that is new).
std::size_t merge_into(Dataset& into, Dataset&& from);

}  // namespace desk
