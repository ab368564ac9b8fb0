#include "core/store_watch.hpp"

#include <nlohmann/json.hpp>

namespace desk {

std::string store_mark_text(const StoreMark& mark) {
  return nlohmann::json{{"records", mark.records}, {"saved_at", format_iso(mark.saved_at)}}.dump();
}

std::optional<StoreMark> read_store_mark(std::string_view text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("records") || !j["records"].is_number_unsigned() || !j.contains("saved_at") ||
      !j["saved_at"].is_string())
    return std::nullopt;
  const auto at = parse_iso(j["saved_at"].get<std::string>());
  if (!at) return std::nullopt;
  return StoreMark{j["records"].get<std::size_t>(), *at};
}

std::optional<Msg> StoreWatch::warning(std::size_t records_now) const {
  if (!mark_ || records_now >= mark_->records) return std::nullopt;
  const std::string had = std::to_string(mark_->records), now = std::to_string(records_now);
  const std::string when = format_local(mark_->saved_at);
  return Msg{"本机数据可能已被浏览器清除：" + when + " 保存后本机有 " + had + " 条记录，现在只读到 " + now +
                 " 条。请勿清理浏览器；连接站点文件夹或导入最近的导出文件即可恢复，恢复前请先联系主管。",
             "The browser may have discarded this desk's data: after the save at " + when + " it held " + had +
                 " records, and now " + now +
                 " were read. Do not clear the browser; connect the site folder or import the latest export to "
                 "restore, and tell a supervisor first."};
}

std::string StoreWatch::acknowledge(std::size_t records_now, Timestamp now) {
  mark_ = StoreMark{records_now, now};
  return store_mark_text(*mark_);
}

std::string StoreWatch::saved(std::size_t records_now, Timestamp now) {
  if (warning(records_now)) return store_mark_text(*mark_);  // still missing: the higher count stays
  mark_ = StoreMark{records_now, now};
  return store_mark_text(*mark_);
}

}  // namespace desk
