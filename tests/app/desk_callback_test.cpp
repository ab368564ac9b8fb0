// Issue 13 item 4: completing a callback moves its complaint on (答复 → 回访)
// in the same durable write; closing stays a separate, role-checked step.
#include <catch2/catch.hpp>

#include "../core/fixtures.hpp"
#include "app/desk.hpp"
#include "core/todo.hpp"
#include "held_persist.hpp"

using namespace desk;
using namespace desk::test;

namespace {
Complaint ordinary_draft() {
  Complaint c;
  c.received_at = morning();
  c.complainant = "李先生";
  c.unit = "3栋-1202";
  c.phone = "13812345678";
  c.matter = "楼道灯坏了三天";
  c.content = "3栋12楼楼道灯坏了三天没人修";
  c.received_by = "S001";
  return c;
}

void step(Desk& desk, HeldPersist& persist, const std::string& id, ComplaintAction a,
          void (*fill)(Complaint&) = nullptr) {
  Complaint d = *desk.data().table<Complaint>().find(id);
  if (fill) fill(d);
  const auto errors = desk.perform(d, a, actor_as(Role::supervisor, morning() + kHour));
  INFO(enum_code(a) << ": " << (errors.empty() ? std::string() : errors.front().message.en));
  REQUIRE(errors.empty());
  persist.finish();
}

// An ordinary complaint answered: its callback is waiting.
std::string replied(Desk& desk, HeldPersist& persist) {
  REQUIRE(desk.save(ordinary_draft(), actor_as(Role::receptionist)).empty());
  persist.finish();
  const std::string id = desk.data().table<Complaint>().rows().back().meta.id;
  step(desk, persist, id, ComplaintAction::investigate);
  step(desk, persist, id, ComplaintAction::judge_valid, [](Complaint& c) { c.investigation = "灯管烧坏，属实"; });
  step(desk, persist, id, ComplaintAction::start_handling, [](Complaint& c) {
    c.cause_analysis = "巡查漏报";
    c.responsibility = "楼管员巡查不到位";
    c.corrective_action = "当日更换灯管";
    c.corrective_due = morning() + kDay;
  });
  step(desk, persist, id, ComplaintAction::reply, [](Complaint& c) { c.reply = "已更换灯管，电话告知李先生"; });
  return id;
}

Callback rated(Callback c) {
  c.called_by = "S002";
  c.quality = c.effect = c.attitude = c.overall = Satisfaction::satisfied;
  return c;
}
}  // namespace

TEST_CASE("callback: completing it moves the complaint to 回访 in the same durable write") {
  HeldPersist persist;
  Desk desk(fresh_dir("callback-moves"), persist.fn());
  desk.load();
  const std::string id = replied(desk, persist);
  REQUIRE(desk.data().table<Callback>().size() == 1);
  const Callback cb = desk.data().table<Callback>().rows().front();
  CHECK(cb.source_id == id);

  REQUIRE(desk.perform(rated(cb), CallbackAction::complete, actor_as(Role::receptionist, morning() + kDay)).empty());
  // Nothing is applied before the one write is durable.
  CHECK(desk.data().table<Complaint>().find(id)->status == ComplaintStatus::replied);
  CHECK(desk.data().table<Callback>().find(cb.meta.id)->status == CallbackStatus::pending);
  persist.finish();
  CHECK(persist.pending.empty());
  const Complaint& c = *desk.data().table<Complaint>().find(id);
  CHECK(c.status == ComplaintStatus::called_back);
  CHECK(c.called_back_at == morning() + kDay);
  CHECK(c.meta.history.back().action == "callback");
  CHECK(desk.data().table<Callback>().find(cb.meta.id)->status == CallbackStatus::done);
  CHECK(desk.status().zh.find("投诉已转入「回访」") != std::string::npos);
  // Closing is still its own step.
  CHECK(c.status != ComplaintStatus::closed);
}

TEST_CASE("callback: a complaint already moved on by hand is left as it is") {
  HeldPersist persist;
  Desk desk(fresh_dir("callback-by-hand"), persist.fn());
  desk.load();
  const std::string id = replied(desk, persist);
  step(desk, persist, id, ComplaintAction::callback);
  const auto revision = desk.data().table<Complaint>().find(id)->meta.revision;
  const Callback cb = desk.data().table<Callback>().rows().front();
  REQUIRE(desk.perform(rated(cb), CallbackAction::complete, actor_as(Role::receptionist, morning() + kDay)).empty());
  persist.finish();
  CHECK(desk.data().table<Complaint>().find(id)->meta.revision == revision);
  CHECK(desk.data().table<Callback>().find(cb.meta.id)->status == CallbackStatus::done);
}

TEST_CASE("callback: an unreachable customer does not move the complaint") {
  HeldPersist persist;
  Desk desk(fresh_dir("callback-unreachable"), persist.fn());
  desk.load();
  const std::string id = replied(desk, persist);
  const Callback cb = desk.data().table<Callback>().rows().front();
  REQUIRE(desk.perform(cb, CallbackAction::mark_unreachable, actor_as(Role::receptionist)).empty());
  persist.finish();
  CHECK(desk.data().table<Complaint>().find(id)->status == ComplaintStatus::replied);
}

TEST_CASE("callback: a special callback about a defect never moves its record") {
  Complaint source = create_record(ordinary_draft(), actor());
  source.status = ComplaintStatus::replied;
  source.reply = "已更换灯管";
  source.investigation = "灯管烧坏，属实";
  source.judged_at = morning();
  source.replied_at = morning();
  Callback before = special_callback_for(source, source.meta.id);
  Callback after = rated(before);
  after.status = CallbackStatus::done;
  auto moved = source_on_callback(before, after, source, actor_as(Role::supervisor));
  REQUIRE(moved);
  CHECK_FALSE(moved.value().has_value());
  after.special = false;
  moved = source_on_callback(before, after, source, actor_as(Role::supervisor));
  INFO((moved ? std::string() : moved.errors().front().message.zh));
  REQUIRE(moved);
  CHECK(moved.value().has_value());
}

TEST_CASE("callback: 不满意 creates a special callback due in 24 h, in the same write (issue 14 item 7)") {
  HeldPersist persist;
  Desk desk(fresh_dir("callback-unsatisfied"), persist.fn());
  desk.load();
  const std::string id = replied(desk, persist);
  const Callback cb = desk.data().table<Callback>().rows().front();
  Callback unhappy = rated(cb);
  unhappy.overall = Satisfaction::unsatisfied;
  const Timestamp done = morning() + kDay;
  REQUIRE(desk.perform(unhappy, CallbackAction::complete, actor_as(Role::receptionist, done)).empty());
  CHECK(desk.data().table<Callback>().size() == 1);  // nothing before the write is durable
  persist.finish();
  REQUIRE(desk.data().table<Callback>().size() == 2);
  const Callback* special = nullptr;
  for (const auto& c : desk.data().table<Callback>().rows())
    if (c.special) special = &c;
  REQUIRE(special);
  CHECK(special->follows == cb.meta.id);
  CHECK(special->source_id == id);
  CHECK(special->required);
  CHECK(special->status == CallbackStatus::pending);
  CHECK(special->due == done + 24 * kHour);
  CHECK(desk.status().zh.find("已生成24小时内的特殊回访") != std::string::npos);
  // Today lists the special callback and its rework once, not the old rework beside it.
  int rework = 0, due = 0;
  for (const auto& t : todo(desk.data(), done + 20 * kHour)) {  // the last 6 h: due soon
    rework += t.rule == "callback_rework_24h";
    due += t.rule == "callback_due" && t.id == special->meta.id;
  }
  CHECK(rework == 1);
  CHECK(due == 1);
  // A satisfied callback creates none.
  CHECK_FALSE(special_callback_on_unsatisfied(cb, [&] {
    Callback happy = rated(cb);
    happy.status = CallbackStatus::done;
    happy.done_at = done;
    return happy;
  }()));
}

TEST_CASE("special service: a new contract and its two callbacks in one durable write (issue 14 item 6)") {
  HeldPersist persist;
  Desk desk(fresh_dir("special-service"), persist.fn());
  desk.load();
  SpecialService s;
  s.customer = "王女士";
  s.unit = "6栋-0302";
  s.service = "每周两次室内保洁";
  s.start = morning();
  s.end = morning() + 90 * kDay;
  s.recorded_by = "S001";
  REQUIRE(desk.save(s, actor_as(Role::receptionist)).empty());
  CHECK(desk.data().table<Callback>().size() == 0);  // not before the write is durable
  persist.finish();
  REQUIRE(desk.data().table<SpecialService>().size() == 1);
  const std::string id = desk.data().table<SpecialService>().rows().front().meta.id;
  REQUIRE(desk.data().table<Callback>().size() == 2);
  for (const auto& cb : desk.data().table<Callback>().rows()) CHECK(cb.source_id == id);
  CHECK(desk.data().table<Callback>().rows()[0].meta.id != desk.data().table<Callback>().rows()[1].meta.id);
  CHECK(desk.status().zh == "已保存，已生成中期和结束后两次回访");
  // Editing the note makes no more callbacks.
  SpecialService edited = desk.data().table<SpecialService>().rows().front();
  edited.note = "钥匙放前台";
  REQUIRE(desk.save(edited, actor_as(Role::receptionist)).empty());
  persist.finish();
  CHECK(desk.data().table<Callback>().size() == 2);
}

TEST_CASE("desk: a refused step or save replaces the last success in the status bar") {
  HeldPersist persist;
  Desk desk(fresh_dir("refusal-status"), persist.fn());
  desk.load();
  const std::string id = replied(desk, persist);
  CHECK(desk.state() == Desk::SaveState::saved);
  CHECK(desk.status().zh.find("已办理：答复客户") == 0);
  const Complaint c = *desk.data().table<Complaint>().find(id);
  CHECK_FALSE(desk.perform(c, ComplaintAction::close, actor_as(Role::supervisor)).empty());
  CHECK(desk.state() == Desk::SaveState::refused);
  CHECK(desk.status().zh == "当前状态为「答复」，不能「关闭」（需要：回访）");
  Complaint blank = c;
  blank.reply.clear();
  CHECK_FALSE(desk.save(blank, actor_as(Role::supervisor)).empty());
  CHECK(desk.status().zh == "请先填写：答复内容");
  CHECK(desk.data().table<Complaint>().find(id)->reply == c.reply);  // nothing stored
}
