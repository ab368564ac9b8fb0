// 特约服务 — contracted special services (issue 14 item 6; SPEC §4, seed 000
// 「特約服務應在合同中期階段及結束後各進行一次回訪」): a contract with a customer
// for a service over a period. Saving a new contract creates its two
// callbacks in the same durable write: one at the midpoint, one after the
// end. The contract's dates cannot change once its callbacks exist.
#pragma once
#include <string>
#include <tuple>
#include <vector>

#include "core/callback.hpp"
#include "core/record.hpp"

namespace desk {

struct SpecialService {
  static constexpr const char* kType = "special_service";
  RecordMeta meta;

  std::string customer;
  std::string unit;
  std::string phone;
  std::string service;  // what is provided, e.g. 每周两次室内保洁
  Timestamp start;
  Timestamp end;
  std::string recorded_by;
  std::string note;

  bool operator==(const SpecialService&) const = default;
  static constexpr auto fields() {
    using S = SpecialService;
    return std::tuple{
        Field{"customer", &S::customer, "客户", "Customer"},
        Field{"unit", &S::unit, "楼栋-房号", "Unit"},
        Field{"phone", &S::phone, "联系电话", "Phone"},
        Field{"service", &S::service, "服务内容", "Service"},
        Field{"start", &S::start, "合同开始", "Contract start"},
        Field{"end", &S::end, "合同结束", "Contract end"},
        Field{"recorded_by", &S::recorded_by, "登记人", "Recorded by"},
        Field{"note", &S::note, "备注", "Note"},
    };
  }
};

Action create_permission(const SpecialService&);
// Customer, service and who recorded it are required; the end comes after
// the start.
Errors validate(const SpecialService& s);
// The dates are fixed once the callbacks exist (they are due by them).
Errors edit_guard(const SpecialService& current, const SpecialService& draft);
std::string search_text(const SpecialService& s);

// (rule) special_service_callbacks: the contract's two callbacks — the
// midpoint one due at the midpoint (「合同中期階段」), the after-end one due a
// week after the end (the seed names no span for it; a week is its span for
// other services, 「其它效勞工作在完成一周內進行回訪」). Both required; the
// midpoint one's clock starts with the contract, the other's at its end.
constexpr std::int64_t kAfterEndCallbackWindow = 7 * kDay;
std::vector<Callback> special_service_callbacks(const SpecialService& s);

}  // namespace desk
