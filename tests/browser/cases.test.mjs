// 案例库 end to end (issue 15): a serious complaint taken through its workflow
// with the buttons and closed by the manager; its case appears in the case
// library in the same write, anonymised (checked in IndexedDB); the library
// is searched and filtered by type and year; the case is played in the
// trainer and the attempt stored. Then the library offline on a 1280×800
// touch screen, tapped with a finger.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, widget, reveal, storedLatest, listCount, messageLines,
  openRow,
} from './harness.mjs';

const NAME = '王小明';
const PHONE = '13812345678';
const UNIT = '5栋-1703';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=complaints'));
});
after(async () => { await b.close(); });

const messages = () => messageLines(page);
// Scrolls the complaint form until `id` shows: back to the top first (the
// form keeps its scroll between steps), then down with the wheel.
async function at(id) {
  if (await page.evaluate((wid) => !!window.deskTest.widget(wid), id)) return;
  const save = await widget(page, 'complaints.save');
  await page.mouse.move(save.x + 40, save.y - 120);
  await page.mouse.wheel(0, -5000);
  await frames(page, 3);
  for (let i = 0; i < 30; ++i) {
    if (await page.evaluate((wid) => !!window.deskTest.widget(wid), id)) return;
    await page.mouse.wheel(0, 150);
    await frames(page, 2);
  }
  await shot(page, 'case-debug-missing');
  throw new Error(`widget ${id} did not scroll into view`);
}
async function step(action) {
  await widget(page, `complaints.action.${action}`);
  await save(page, `complaints.action.${action}`);
}

test('closing a serious complaint puts its anonymised case in the case library', async () => {
  await click(page, 'complaints.new');
  await type(page, 'complaints.complainant', NAME);
  await type(page, 'complaints.unit', UNIT);
  await type(page, 'complaints.phone', PHONE);
  await type(page, 'complaints.matter', '雨后屋面漏水第三次');
  await type(page, 'complaints.content', `${NAME}（${UNIT}，电话${PHONE}）投诉雨后天花板漏水，一个月内第三次，已联系报社记者`);
  await at('complaints.severity.serious');
  await click(page, 'complaints.severity.serious');
  await at('complaints.serious_criteria.media');
  await click(page, 'complaints.serious_criteria.media');
  await at('complaints.serious_criteria.repeated');
  await click(page, 'complaints.serious_criteria.repeated');
  await save(page, 'complaints.save');
  await type(page, 'complaints.search', '天花板漏水');
  await openRow(page, 'complaint');
  await step('investigate');

  await at('complaints.investigation');
  await type(page, 'complaints.investigation', `屋面防水层老化，${NAME}家正上方`);
  await at('complaints.escalated_in_writing');
  await click(page, 'complaints.escalated_in_writing');
  await at('complaints.escalation.project_manager');
  await click(page, 'complaints.escalation.project_manager');
  await step('judge_valid');

  await at('complaints.cause_analysis');
  await type(page, 'complaints.cause_analysis', '屋面防水层老化，上次只做了局部修补');
  await at('complaints.responsibility');
  await type(page, 'complaints.responsibility', '工程部维修不彻底；客服未跟进前两次报修');
  await at('complaints.corrective_action');
  await type(page, 'complaints.corrective_action', '整体重做5栋屋面防水');
  await at('complaints.corrective_due');
  await type(page, 'complaints.corrective_due', '2030-01-01 10:00');
  await step('start_handling');

  await at('complaints.reply');
  await type(page, 'complaints.reply', `已致电王先生${PHONE}说明处理结果`);
  await step('reply');
  await step('callback');
  await at('complaints.prevention');
  await type(page, 'complaints.prevention', '雨季前检查全部屋面；同一户报修两次即上报主管');
  await step('close');
  assert.match(await messages(), /已列入案例库/);
  await shot(page, 'case-complaint-closed');

  // The case as IndexedDB holds it: nothing personal anywhere in the record.
  const stored = await storedLatest(page, 'case');
  assert.ok(stored, 'a case is stored');
  assert.equal(stored.data.origin, 'serious_closed');
  assert.equal(stored.data.severity, 'serious');
  const text = JSON.stringify(stored);
  for (const personal of [NAME, PHONE, UNIT, '1703']) assert.ok(!text.includes(personal), `${personal} is not in the case`);
  assert.match(stored.data.what_happened, /王\*\*（某栋某户/);
  assert.match(stored.data.prevention, /雨季前检查全部屋面/);
  assert.equal(stored.data.deadlines[0].rule, 'complaint_serious_result');
});

test('the case library: searched, filtered by type and year, a case opened with its deadlines', async () => {
  await click(page, 'nav.cases');
  await widget(page, 'cases.search');
  assert.equal(await listCount(page, 'cases'), 1);
  assert.ok(!(await snapshot(page)).widgets.some((w) => w.id === 'cases.new'), 'cases are not typed from scratch');
  await shot(page, 'case-library');

  await type(page, 'cases.search', '天花板漏水');
  assert.equal(await listCount(page, 'cases'), 1);
  await type(page, 'cases.search', '停车');
  assert.equal(await listCount(page, 'cases'), 0);
  await type(page, 'cases.search', '');

  await click(page, 'cases.filter.kind');
  await click(page, 'cases.filter.kind.attitude');
  assert.equal(await listCount(page, 'cases'), 0);
  await click(page, 'cases.filter.kind');
  await click(page, 'cases.filter.kind.equipment');
  assert.equal(await listCount(page, 'cases'), 1, 'the complaint type 设备 is the form default');
  await click(page, 'cases.filter.kind');
  await click(page, 'cases.filter.kind.all');

  const year = new Date().getFullYear();
  await click(page, 'cases.filter.year');
  await click(page, `cases.filter.year.${year}`);
  assert.equal(await listCount(page, 'cases'), 1);
  await click(page, 'cases.filter.year');
  await click(page, 'cases.filter.year.all');

  await openRow(page, 'case');
  await widget(page, 'cases.train');
  assert.match(await messages(), /cases\.deadline\.complaint_serious_result=(met|missed|overdue|not_due)/);
  await shot(page, 'case-form');
  // English: the same screen, nothing cut.
  await click(page, 'settings.lang');
  await widget(page, 'cases.train');
  await shot(page, 'case-form-en');
  await click(page, 'settings.lang');
  await widget(page, 'cases.train');
});

test('a case turned into a training scenario is played through and the attempt stored', async () => {
  await click(page, 'cases.train');
  await widget(page, 'trainer.start');
  await type(page, 'trainer.trainee', 'S001');
  await click(page, 'trainer.start');
  const fact = async (k) => (await snapshot(page))[k];
  assert.equal(await fact('trainer.step'), 'listen');
  assert.match(await messages(), /trainer\.customer=.*天花板漏水/);
  assert.ok(!(await messages()).includes(NAME), 'the customer line carries no name');
  await shot(page, 'case-training');
  await click(page, 'trainer.choice.listen');
  await click(page, 'trainer.next');
  await type(page, 'trainer.typed', '非常理解您的心情，对不起，给您添麻烦了。');
  await click(page, 'trainer.submit');
  await click(page, 'trainer.next');
  for (const choice of ['written', 'plan', 'analysis', 'callback']) {
    await click(page, `trainer.choice.${choice}`);
    await click(page, 'trainer.next');
  }
  await page.waitForFunction(() => window.deskTest.snapshot()['trainer.score'] !== undefined, null, { timeout: 10000 });
  assert.equal(await fact('trainer.score'), '100');
  assert.equal(await fact('trainer.passed'), '1');
  await page.waitForFunction(() => window.deskTest.snapshot().messages.some((m) => m.id === 'trainer.saved'),
    null, { timeout: 15000 });
  const attempt = await storedLatest(page, 'training_attempt');
  const kase = await storedLatest(page, 'case');
  assert.equal(attempt.data.scenario, `case-${kase.id}`);
  assert.equal(attempt.data.score, 100);
  await shot(page, 'case-training-result');
});

test('offline on a 1280×800 touch screen: the library opens and a case is tapped into training', async () => {
  const t = await openBrowser({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  try {
    const { page: p } = await openApp(t.context, t.base, 'test=1&module=complaints');
    // The service worker has the shell: reload with the network down.
    await p.evaluate(() => navigator.serviceWorker.ready);
    await t.context.setOffline(true);
    await p.reload();
    await p.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
    await p.evaluate(() => window.deskTest.enable());
    await frames(p, 2);
    if (await p.evaluate(() => !!window.deskTest.widget('setup.later'))) await click(p, 'setup.later');
    const tap = async (id) => {
      const w = await widget(p, id);
      await p.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
      await frames(p, 3);
    };
    // A complaint a supervisor marks (the all-rights desk may) becomes a case.
    await tap('complaints.new');
    await type(p, 'complaints.unit', '2栋-0303');
    await type(p, 'complaints.content', '2栋-0303业主投诉楼道灯不亮三天无人处理');
    await save(p, 'complaints.save');
    await type(p, 'complaints.search', '楼道灯');
    await openRow(p, 'complaint');
    await reveal(p, 'complaints.mark_case', 'complaints.unit');
    const before = Number((await snapshot(p)).dataVersion);
    await tap('complaints.mark_case');
    await p.waitForFunction((v) => Number(window.deskTest.snapshot().dataVersion) > v, before, { timeout: 15000 });
    await frames(p, 2);
    assert.match(await messageLines(p), /complaints\.in_case_library=1/);
    const marked = await storedLatest(p, 'case');
    assert.equal(marked.data.origin, 'marked');
    assert.ok(!JSON.stringify(marked).includes('0303'), 'the unit is not in the case');

    await tap('nav.cases');
    assert.equal(await listCount(p, 'cases'), 1);
    const row = (await snapshot(p)).records.find((r) => r.type === 'case');
    await p.touchscreen.tap(row.x + 40, row.y + row.h / 2);
    await frames(p, 3);
    await widget(p, 'cases.train');
    await shot(p, 'case-library-touch-1280');
    await tap('cases.train');
    await widget(p, 'trainer.start');
    await shot(p, 'case-training-touch-1280');
  } finally {
    await t.context.setOffline(false).catch(() => {});
    await t.close();
  }
});
