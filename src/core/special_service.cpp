#include "core/special_service.hpp"

#include "core/text.hpp"
#include "core/visit.hpp"

namespace desk {

Action create_permission(const SpecialService&) {
  return Action::record_callback;  // the desk that calls back registers the contract
}

Errors validate(const SpecialService& s) {
  Errors errors;
  require_text(errors, s.customer, "customer", "客户", "Customer");
  require_text(errors, s.service, "service", "服务内容", "Service");
  require_text(errors, s.recorded_by, "recorded_by", "登记人", "Recorded by");
  check_phone(errors, s.phone);
  if (!(s.start < s.end))
    errors.push_back({"end", {"合同结束时间须晚于开始时间", "The contract must end after it starts"}});
  return errors;
}

Errors edit_guard(const SpecialService& current, const SpecialService& draft) {
  if (current.start == draft.start && current.end == draft.end) return {};
  return {{"start",
           {"合同日期已定回访期限，不能修改；如有变更请删除后重新登记",
            "The dates set the callbacks' due times; delete and register the contract again to change them"}}};
}

std::string search_text(const SpecialService& s) {
  return join_lines({s.customer, s.unit, s.phone, s.service, s.recorded_by, s.note});
}

std::vector<Callback> special_service_callbacks(const SpecialService& s) {
  const Timestamp midpoint = s.start + (s.end - s.start) / 2;
  std::vector<Callback> out;
  for (int i = 0; i < 2; ++i) {
    Callback cb;
    cb.source = CallbackSource::special_service;
    cb.source_id = s.meta.id;
    cb.source_finished_at = i == 0 ? s.start : s.end;  // when each one's clock starts
    cb.due = i == 0 ? midpoint : s.end + kAfterEndCallbackWindow;
    cb.required = true;
    cb.unit = s.unit;
    cb.contact = s.customer;
    cb.phone = s.phone;
    cb.subject = (i == 0 ? "特约服务中期回访：" : "特约服务结束后回访：") + s.service;
    out.push_back(std::move(cb));
  }
  return out;
}

}  // namespace desk
