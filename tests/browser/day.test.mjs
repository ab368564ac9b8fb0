// A real day at the desk without dead ends (issue 13), acted as a person
// does: a refused step says what to fill where the person looks and takes
// them to it; a finished callback moves its complaint on; Today lists every
// record that waits for someone, with the role that must act.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, widget, snapshot, records, shot, save, frames, imeType, reveal,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=complaints'));
});
after(async () => { await b.close(); });

const message = async (id) => ((await snapshot(page)).messages.find((m) => m.id === id) || {}).text || '';
const onScreen = (id) => page.evaluate((wid) => {
  const w = window.deskTest.widget(wid);
  return !!w && w.y >= 0 && w.y + w.h <= window.innerHeight;
}, id);

async function openComplaint(text) {
  await click(page, 'nav.complaints');
  await type(page, 'complaints.search', text);
  const r = (await records(page)).find((x) => x.type === 'complaint' && x.label.includes(text));
  assert.ok(r, `the complaint "${text}" is listed`);
  await page.mouse.click(r.x + 40, r.y + r.h / 2);
  await frames(page, 3);
}

test('a new complaint waits in Today for its investigation, with the role that takes it', async () => {
  await click(page, 'complaints.new');
  await type(page, 'complaints.complainant', '李先生');
  await type(page, 'complaints.unit', '3栋-1202');
  await type(page, 'complaints.phone', '13812345678');
  await type(page, 'complaints.matter', '楼道灯坏了三天');
  await type(page, 'complaints.content', '3栋12楼楼道灯坏了三天没人修');
  await save(page, 'complaints.save');
  await click(page, 'nav.today');
  await frames(page, 3);
  assert.equal((await snapshot(page)).todoWaiting, '1');
  const row = (await records(page)).find((r) => r.type === 'todo' && /^waiting_step /.test(r.label));
  assert.ok(row, 'the complaint is in Today without ticking 含未到期');
  assert.match(row.label, /楼道灯坏了三天/);
  await shot(page, 'day-today-waiting');
});

test('a refused step names the missing field beside the buttons and in the status bar, and takes you to it', async () => {
  await openComplaint('楼道灯坏了三天');
  await save(page, 'complaints.action.investigate');
  assert.match(await message('status'), /已办理：开始调查/);
  assert.equal(await onScreen('complaints.investigation'), false, 'the field starts below the fold');
  await click(page, 'complaints.action.judge_valid');
  await frames(page, 3);
  const s = await snapshot(page);
  assert.equal(s.saveState, 'refused');
  assert.equal(s.status, '请先填写：调查情况', 'the status bar no longer says the last success');
  assert.equal(await message('complaints.action.refusal'), '请先填写：调查情况');
  assert.ok(await onScreen('complaints.investigation'), 'the form scrolled to the missing field');
  await shot(page, 'day-step-refused');
  // The field has the keyboard: typing goes straight into it.
  await imeType(page, '现场确认灯管烧坏，属实');
  await frames(page, 2);
  await save(page, 'complaints.action.judge_valid');
  assert.match(await message('status'), /已办理：判定有效/);
  assert.equal(await message('complaints.action.refusal'), '');
});

test('completing the callback moves the complaint to 回访 in the same write', async () => {
  await openComplaint('楼道灯坏了三天');
  // Each refusal takes the keyboard to the next field to fill: type there.
  const fillNext = async (step, field, text) => {
    await click(page, `complaints.action.${step}`);
    await frames(page, 3);
    assert.match(await message(`complaints.action.refusal`), new RegExp(field));
    if (/^[\x20-\x7e]*$/.test(text)) await page.keyboard.type(text); else await imeType(page, text);
    await frames(page, 2);
  };
  await fillNext('start_handling', '原因分析', '巡查漏报');
  await fillNext('start_handling', '责任分析', '楼管员巡查不到位');
  await fillNext('start_handling', '纠正措施', '当日更换灯管');
  await fillNext('start_handling', '纠正期限', '2099-01-01 17:00');
  await save(page, 'complaints.action.start_handling');
  await fillNext('reply', '答复内容', '已更换灯管，电话告知李先生');
  await save(page, 'complaints.action.reply');
  assert.match(await message('status'), /已生成回访/);

  await click(page, 'nav.callbacks');
  const r = (await records(page)).find((x) => x.type === 'callback');
  assert.ok(r, 'the callback is listed');
  await page.mouse.click(r.x + 40, r.y + r.h / 2);
  await frames(page, 3);
  // Completing it empty says what is missing and takes the keyboard there.
  await click(page, 'callbacks.action.complete');
  await frames(page, 3);
  const missing = await message('callbacks.action.refusal');
  assert.match(missing, /^请先填写：.*质量评价、效果评价、态度评价、满意程度/);
  if (/回访人/.test(missing)) await page.keyboard.type('S002');
  for (const key of ['quality', 'effect', 'attitude', 'overall']) {
    await reveal(page, `callbacks.${key}`, 'callbacks.quality');  // the refusal scrolled there
    await click(page, `callbacks.${key}`);
    await click(page, `callbacks.${key}.satisfied`);
  }
  await save(page, 'callbacks.action.complete');
  assert.match(await message('status'), /已办理：完成回访，投诉已转入「回访」/);
  await shot(page, 'day-callback-done');

  await openComplaint('楼道灯坏了三天');
  const s = await snapshot(page);
  const close = s.widgets.find((w) => w.id === 'complaints.action.close');
  assert.ok(close, 'the close button is there');
  assert.ok(!s.messages.some((m) => m.id === 'complaints.action.close.reason'), 'and closing is now legal');
  assert.ok(s.messages.some((m) => m.id === 'complaints.action.callback.reason'), 'no second callback by hand');
  await shot(page, 'day-complaint-called-back');
});

test('after printing a work order the next click works', async () => {
  await click(page, 'nav.repairs');
  await click(page, 'repairs.new');
  await type(page, 'repairs.unit', '6栋-0602');
  await type(page, 'repairs.description', '阳台地漏堵塞');
  await save(page, 'repairs.save');
  const r = (await records(page)).find((x) => x.type === 'repair');
  await page.mouse.click(r.x + 40, r.y + r.h / 2);
  await frames(page, 3);
  // The real print path runs.
  // The dialog is played by the frame: print() leaves the keyboard in the
  // frame, as a real dialog does when it closes.
  await page.evaluate(() => {
    new MutationObserver((changes, observer) => {
      const frame = document.getElementById('desk-print');
      if (!frame) return;
      frame.contentWindow.print = () => { frame.focus(); frame.contentWindow.focus(); };
      observer.disconnect();
    }).observe(document.body, { childList: true });
  });
  await reveal(page, 'repairs.print', 'repairs.unit');
  await click(page, 'repairs.print');
  await page.waitForFunction(() => !!document.getElementById('desk-print'));
  await new Promise((ok) => setTimeout(ok, 300));
  await frames(page, 3);
  assert.notEqual(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'IFRAME',
    'the print frame does not keep the keyboard');
  await click(page, 'repairs.cancel');
  await frames(page, 3);
  assert.equal((await snapshot(page)).widgets.some((w) => w.id === 'repairs.save'), false, 'the click closed the form');
  // And the keyboard reaches the app: Ctrl+F goes to the search box, typing fills it.
  await click(page, 'repairs.search');
  await page.keyboard.type('0602');
  await frames(page, 3);
  assert.equal((await records(page)).filter((x) => x.type === 'repair').length, 1);
  await shot(page, 'day-after-print');
});
