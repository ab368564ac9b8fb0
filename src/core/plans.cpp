#include "core/plans.hpp"

#include <set>

#include "core/asset_reader.hpp"

namespace desk {

namespace {

constexpr std::string_view kPlansFormat = "desk.plans";
constexpr int kPlansVersion = 1;

// The place of an entry: its code when it has a valid one, else its index.
std::string entry_path(const std::string& list, const json& entry, const char* key, std::size_t index) {
  if (entry.is_object() && entry.contains(key) && entry[key].is_string() &&
      asset::valid_code(entry[key].get<std::string>()))
    return list + "[" + entry[key].get<std::string>() + "]";
  return list + "[" + std::to_string(index) + "]";
}

bool read_item(const json& j, const std::string& path, const std::string& plan_source, PlanItem& item, Errors& errors) {
  if (!asset::check_keys(j, {"id", "zh"}, {"en", "role", "minutes", "source"}, path, errors)) return false;
  bool ok = asset::read_code(j, "id", item.id, path, errors);
  ok &= asset::read_text(j, "zh", item.zh, path, errors);
  ok &= asset::read_opt_text(j, "en", item.en, path, errors);
  if (j.contains("role")) {
    PlanRole role{};
    if (asset::read_enum(j, "role", role, path, errors))
      item.role = role;
    else
      ok = false;
  }
  ok &= asset::read_opt_int(j, "minutes", item.minutes, 0, kMaxItemMinutes, path, errors);
  item.source = plan_source;
  ok &= asset::read_source(j, item.source, path, errors);
  return ok;
}

bool read_plan(const json& j, const std::string& path, EmergencyPlan& plan, Errors& errors) {
  if (!asset::check_keys(j, {"code", "zh", "en", "level", "source", "items"}, {}, path, errors)) return false;
  bool ok = asset::read_code(j, "code", plan.code, path, errors);
  ok &= asset::read_text(j, "zh", plan.zh, path, errors);
  ok &= asset::read_text(j, "en", plan.en, path, errors);
  ok &= asset::read_enum(j, "level", plan.level, path, errors);
  ok &= asset::read_source(j, plan.source, path, errors);
  const json& items = j["items"];
  if (!items.is_array() || items.empty())
    return errors.push_back({path + ".items", {"清单不能为空", "the checklist is empty"}}), false;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_path = entry_path(path + ".items", items[i], "id", i);
    PlanItem item;
    if (!read_item(items[i], item_path, plan.source, item, errors)) {
      ok = false;
      continue;
    }
    if (!ids.insert(item.id).second) {
      errors.push_back({item_path + ".id", {"条目编号重复：" + item.id, "duplicate item id: " + item.id}});
      ok = false;
    }
    plan.items.push_back(std::move(item));
  }
  return ok;
}

}  // namespace

const PlanItem* EmergencyPlan::item(std::string_view id) const {
  for (const auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

Expected<std::vector<EmergencyPlan>> parse_plans(std::string_view json_text) {
  Errors errors;
  const auto list = asset::parse_list_document(json_text, kPlansFormat, kPlansVersion, "plans", errors);
  if (!list) return errors;
  std::vector<EmergencyPlan> plans;
  std::set<std::string> codes;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string path = entry_path("plans", (*list)[i], "code", i);
    EmergencyPlan plan;
    if (!read_plan((*list)[i], path, plan, errors)) continue;
    if (!codes.insert(plan.code).second) {
      errors.push_back({path + ".code", {"预案代码重复：" + plan.code, "duplicate plan code: " + plan.code}});
      continue;
    }
    plans.push_back(std::move(plan));
  }
  if (!errors.empty()) return errors;
  return plans;
}

const EmergencyPlan* find_plan(const std::vector<EmergencyPlan>& plans, std::string_view code) {
  for (const auto& p : plans)
    if (p.code == code) return &p;
  return nullptr;
}

Deadline typhoon_notice_deadline(Timestamp signal_issued, std::optional<Timestamp> notice_posted) {
  return Deadline{signal_issued + kTyphoonNoticeMinutes * kMinute, notice_posted};
}

std::optional<Deadline> item_deadline(const PlanItem& item, Timestamp started, std::optional<Timestamp> ticked) {
  if (!item.minutes) return std::nullopt;
  return Deadline{started + *item.minutes * kMinute, ticked};
}

std::int64_t item_due_soon_window(const PlanItem& item) {
  return item.minutes ? *item.minutes * kMinute / 3 : 0;
}

std::vector<ItemStatus> checklist_deadlines(const EmergencyPlan& plan, Timestamp started, const Ticks& ticked,
                                            Timestamp now) {
  std::vector<ItemStatus> out;
  for (const auto& item : plan.items) {
    const auto tick = ticked.find(item.id);
    const std::optional<Timestamp> done = tick == ticked.end() ? std::nullopt : std::optional<Timestamp>(tick->second);
    const auto deadline = item_deadline(item, started, done);
    if (!deadline) continue;
    out.push_back(ItemStatus{item.id, *deadline, deadline_status(*deadline, now, item_due_soon_window(item))});
  }
  return out;
}

Errors validate_ticks(const EmergencyPlan& plan, Timestamp started, const Ticks& ticked) {
  Errors errors;
  for (const auto& [id, when] : ticked) {
    const std::string where = plan.code + "." + id;
    if (!plan.item(id))
      errors.push_back({where, {"预案中没有这一条目", "the plan has no such item"}});
    else if (when < started)
      errors.push_back({where, {"勾选时间不能早于事件开始时间", "ticked before the incident started"}});
  }
  return errors;
}

}  // namespace desk
