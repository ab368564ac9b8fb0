// UI strings of the reception-script views (接待引导 / 培训考核 / 礼貌用语), kept
// here instead of strings.cpp so this feature merges without conflicts.
#pragma once
#include "core/text.hpp"
#include "ui/strings.hpp"

namespace desk::ui::training_text {

// The visible text of a Msg in the current language.
inline const char* t(const Msg& m) {
  return tr(m).c_str();
}

inline const Msg module_title{"接待培训", "Reception training"};
inline const Msg tab_guide{"接待引导", "Guided visit"};
inline const Msg tab_trainer{"培训考核", "Training"};
inline const Msg tab_phrases{"礼貌用语", "Phrase book"};
inline const Msg asset_failed{"资料文件读取失败，此功能暂不可用：",
                              "A data file could not be read; this part is unavailable: "};
inline const Msg toggle_training{"培训", "Training"};
inline const Msg toggle_visits{"来访登记", "Visits"};

// guide
inline const Msg guide_intro{"按《客户来访接待流程》一步步接待，来访登记随之自动填写。",
                             "Follow the visit-reception script step by step; the visit record fills itself."};
inline const Msg guide_start{"开始接待", "Start a visit"};
inline const Msg guide_step{"第 %d 步 / 共 %d 步", "Step %d of %d"};
inline const Msg guide_says{"说：", "Say:"};
inline const Msg guide_does{"做：", "Do:"};
inline const Msg guide_phrases{"可用礼貌用语：", "Phrases:"};
inline const Msg guide_next{"接下来：", "Next:"};
inline const Msg guide_leave{"离开引导，保存记录", "Leave the guide, keep the record"};
inline const Msg guide_save{"保存来访登记", "Save the visit"};
inline const Msg guide_saving{"保存中…", "Saving…"};
inline const Msg guide_saved{"来访登记已保存。", "The visit is saved."};
inline const Msg guide_promise_due{"承诺答复截止：", "Answer due by: "};
inline const Msg guide_promise_rule{"当天下班前查找答案，次日上班第一件事致电客户。",
                                    "Research before the end of the day; call the visitor first thing next day."};
inline const Msg guide_new{"接待下一位", "Next visitor"};
inline const Msg guide_draft{"来访登记（自动填写）", "Visit record (filling itself)"};
inline const Msg guide_turns_into{"此来访将转为：", "This visit turns into: "};
inline const Msg guide_repair{"报修单", "a repair request"};
inline const Msg guide_complaint{"投诉", "a complaint"};
inline const Msg guide_finished{"流程已走完。", "The script is done."};

// trainer
inline const Msg trainee{"学员工号", "Trainee"};
inline const Msg trainee_hint{"例如 S001", "e.g. S001"};
inline const Msg scenario{"培训情景", "Scenario"};
inline const Msg start{"开始考核", "Start"};
inline const Msg need_trainee{"请先填写学员工号", "Enter the trainee's staff code first"};
inline const Msg pick_move{"请选择：", "Choose:"};
inline const Msg your_answer{"请输入你要说的话：", "Type what you would say:"};
inline const Msg submit_answer{"提交答复", "Submit"};
inline const Msg right{"√ 正确", "√ Right"};
inline const Msg wrong{"× 不对", "× Not right"};
inline const Msg rule{"规定：", "Rule: "};
inline const Msg source{"出处：", "Source: "};
inline const Msg customer_reply{"客户：", "Customer: "};
inline const Msg forbidden{"服务禁用语", "Forbidden wording"};
inline const Msg shirking{"推诿、推卸责任", "Shirking or blaming"};
inline const Msg missing{"缺少要素", "Missing from the answer"};
inline const Msg next_step{"下一步", "Next"};
inline const Msg finish{"查看成绩", "See the score"};
inline const Msg abandon{"放弃本次考核", "Abandon"};
inline const Msg score{"得分：%d 分（合格线 %d 分）", "Score: %d (pass mark %d)"};
inline const Msg passed{"合格", "Passed"};
inline const Msg failed{"不合格", "Not passed"};
inline const Msg review{"错误回顾", "Review of mistakes"};
inline const Msg no_mistakes{"没有错误，做得好！", "No mistakes. Well done!"};
inline const Msg attempt_saved{"考核记录已保存", "The attempt is saved"};
inline const Msg attempt_saving{"正在保存考核记录…", "Saving the attempt…"};
inline const Msg retry_save{"重新保存", "Save again"};
inline const Msg again{"再练一次", "Try again"};
inline const Msg progress_of{"学员成绩：", "Progress of "};
inline const Msg team{"全队成绩（主管/经理查看）", "The whole team (for the manager)"};
inline const Msg col_scenario{"情景", "Scenario"};
inline const Msg col_attempts{"次数", "Tries"};
inline const Msg col_best{"最高分", "Best"};
inline const Msg col_passed{"合格", "Passed"};
inline const Msg col_trainee{"学员", "Trainee"};
inline const Msg col_progress{"已合格情景", "Scenarios passed"};
inline const Msg col_certified{"认证", "Certified"};
inline const Msg certified{"已认证", "Certified"};
inline const Msg not_certified{"未认证", "Not yet"};
inline const Msg no_attempts{"还没有考核记录", "No attempts yet"};
inline const Msg step_of{"第 %d / %d 步", "Step %d of %d"};

// phrases
inline const Msg phrase_search{"搜索礼貌用语（如：对不起）", "Search phrases"};
inline const Msg phrase_all{"全部", "All"};
inline const Msg phrase_situations{"按场合", "By situation"};
inline const Msg phrase_styles{"四种说话方式", "Speaking styles"};
inline const Msg phrase_copy{"复制", "Copy"};
inline const Msg phrase_copied{"已复制：", "Copied: "};
inline const Msg phrase_count{"共 %d 条", "%d phrases"};
inline const Msg phrase_none{"没有找到", "Nothing found"};

}  // namespace desk::ui::training_text
