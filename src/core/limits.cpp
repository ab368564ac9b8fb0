#include "core/limits.hpp"

namespace desk {

namespace {
std::string n(std::int64_t v) {
  return std::to_string(v);
}
}  // namespace

Msg text_too_long(const Msg& label, std::size_t length) {
  const std::string max = n(static_cast<std::int64_t>(kMaxTextLength)), now = n(static_cast<std::int64_t>(length));
  return {label.zh + "过长：最多 " + max + " 字，当前 " + now + " 字",
          label.en + " is too long: at most " + max + " characters, now " + now};
}

Msg text_invalid(const Msg& label) {
  return {label.zh + "含有无效的字符编码（不是 UTF-8 文本）", label.en + " holds invalid characters (not UTF-8 text)"};
}

Msg list_too_long(const Msg& label, std::size_t items) {
  const std::string max = n(static_cast<std::int64_t>(kMaxListItems)), now = n(static_cast<std::int64_t>(items));
  return {label.zh + "条目过多：最多 " + max + " 项，当前 " + now + " 项",
          label.en + " has too many items: at most " + max + ", now " + now};
}

Msg revision_out_of_range(const std::string& revision) {
  return {"修订号 " + revision + " 超出范围（应为 1–" + n(kMaxRevision) + "）",
          "revision " + revision + " is out of range (1–" + n(kMaxRevision) + ")"};
}

Msg number_out_of_range(std::int64_t lo, std::int64_t hi) {
  return {"数值超出范围（应为 " + n(lo) + " 至 " + n(hi) + "）",
          "number out of range (" + n(lo) + " to " + n(hi) + ")"};
}

Msg time_out_of_range() {
  return {"时间超出范围（应在 1970-01-01 至 9999-12-31 之间）", "time out of range (1970-01-01 to 9999-12-31)"};
}

Msg history_too_long(std::size_t entries) {
  const std::string max = n(static_cast<std::int64_t>(kMaxHistoryEntries));
  return {"修改历史过长：最多 " + max + " 条，当前 " + n(static_cast<std::int64_t>(entries)) + " 条",
          "history too long: at most " + max + " entries, now " + n(static_cast<std::int64_t>(entries))};
}

Msg revision_exhausted() {
  return {"此记录的修订号已达上限（" + n(kMaxRevision) + "），不能再修改；请新建记录",
          "This record has reached the highest revision (" + n(kMaxRevision) +
              ") and cannot be changed again; create a new record"};
}

}  // namespace desk
