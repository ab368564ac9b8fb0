#include "ui/strings.hpp"

namespace desk::ui {

namespace {
Lang current = Lang::zh;

struct Entry {
  const char* zh;
  const char* en;
};

// Order follows enum S.
constexpr Entry kTable[] = {
    {"物业客服台", "Property Service Desk"},
    {"项目", "Site"},
    {"值班人", "On duty"},
    {"English", "中文"},
    {"来访登记", "Visit register"},
    {"新建来访", "New visit"},
    {"搜索姓名、房号、电话、内容…", "Search name, unit, phone, content…"},
    {"从", "From"},
    {"到", "To"},
    {"年-月-日", "YYYY-MM-DD"},
    {"今天", "Today"},
    {"近7天", "7 days"},
    {"全部", "All"},
    {"只看待答复", "Promises only"},
    {"时间", "Time"},
    {"访客", "Visitor"},
    {"房号/单位", "Unit / company"},
    {"电话", "Phone"},
    {"目的", "Purpose"},
    {"内容", "Content"},
    {"处理结果", "Outcome"},
    {"答复期限", "Answer due"},
    {"显示 %zu / 共 %zu 条", "Showing %zu of %zu"},
    {"没有符合条件的记录", "No records match"},
    {"新建来访登记", "New visit"},
    {"修改来访登记", "Edit visit"},
    {"保存", "Save"},
    {"取消", "Cancel"},
    {"保存中…", "Saving…"},
    {"已保存", "Saved"},
    {"保存失败", "Save failed"},
    {"请先改正标红的项目", "Please correct the fields marked in red"},
    {"承诺答复期限", "Answer due by"},
    {"答应不了的问题：24小时内给访客答复；当天查清，次日上班第一件事电话回复。",
     "Unanswered question: reply within 24 h; research today, call the visitor first thing next working day."},
    {"已答复访客", "Visitor has been answered"},
    {"修改历史", "History"},
    {"导出 JSON", "Export JSON"},
    {"导入…", "Import…"},
    {"导入数据", "Import data"},
    {"确认导入", "Import"},
    {"导入被拒绝，浏览器中的数据没有任何改动：", "Import refused; nothing in the browser was changed:"},
    {"文件中的记录都已存在，没有改动。", "Every record in the file is already here; nothing changed."},
    {"文件来自「%s」（设备 %s），共 %zu 条：新增 %zu，更新 %zu，相同 %zu。",
     "File from \"%s\" (device %s), %zu records: %zu new, %zu updated, %zu unchanged."},
    {"确定", "OK"},
    {"已载入 %zu 条记录", "%zu records loaded"},
    {"修订", "rev."},
    {"日期格式应为 2026-11-22 14:30", "Date format: 2026-11-22 14:30"},
    {"剩 %d 小时", "%d h left"},
    {"剩 %d 天", "%d days left"},
    {"逾期 %d 小时", "%d h overdue"},
    {"编号", "Id"},
    {"关闭", "Close"},
    {"接待中", "In progress"},
    {"当场答复", "Answered"},
    {"请教后答复", "Answered (asked)"},
    {"外询后答复", "Answered (phoned)"},
    {"待答复", "Promised"},
    {"已答复", "Followed up"},
    {"来访时间", "Time"},
    {"现在", "Now"},
    {"有未保存的修改", "Unsaved changes"},
    {"存储中有损坏的记录行已跳过", "Damaged lines in storage were skipped"},
    {"只读：客服台已在本机另一个标签页打开。关闭那个标签页后，本页会自动刷新并可编辑。",
     "Read-only: the desk is open in another tab on this PC. Close that tab and this one reloads, ready to edit."},
    {" · 已用 %.1f MB · %s", " · %.1f MB used · %s"},
    {"持久存储已获准", "persistent storage granted"},
    {"未获持久存储（浏览器空间紧张时可能清理，请定期导出）", "storage not persistent (export regularly)"},
    {"逾期 %d 天", "%d days overdue"},
    {"剩 %d 分钟", "%d min left"},
    {"逾期 %d 分钟", "%d min overdue"},
};
static_assert(sizeof(kTable) / sizeof(kTable[0]) == static_cast<std::size_t>(S::count), "one entry per key");
}  // namespace

const char* tr(S key) {
  const Entry& e = kTable[static_cast<int>(key)];
  return current == Lang::zh ? e.zh : e.en;
}
const std::string& tr(const Msg& m) {
  return m.in(current);
}
Lang lang() {
  return current;
}
void set_lang(Lang l) {
  current = l;
}

}  // namespace desk::ui
