// 工作日历设置 end to end (issue 14): the package's coverage and the
// 1 December warning, a day off entered for the year the package lacks (the
// warning goes, the record is stored in IndexedDB), a second entry for the
// same date and a bad shift start refused with nothing stored, and a 24-hour
// promise's call deadline on the first working hour of the next working day.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, storedFiles, storedLatest, listCount,
  messageLines,
} from './harness.mjs';

// The calendar the web build generated from chinese-days: which years it covers.
const calendar = JSON.parse(readFileSync(resolve('build/web/generated/calendar.json'), 'utf8'));
const last = Math.max(...calendar.years);
const missing = last + 1;
const pad = (n) => String(n).padStart(2, '0');

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=calendar'));
});
after(async () => { await b.close(); });

const message = async (id) => ((await snapshot(page)).messages.find((m) => m.id === id) || {}).text;
const storedEntries = async () => (await storedFiles(page)).filter((f) => /seg-/.test(f.path))
  .flatMap((f) => f.text.split('\n')).filter((l) => l.includes('"type":"calendar_override"')).length;

// Playwright's clock stops the typing agent's timers, so the dated checks use
// a desk of their own (a fresh browser profile) and type nothing.
test('the package is named; from 1 December the missing next year is warned', async () => {
  const other = await openBrowser();
  try {
    const { page: p } = await openApp(other.context, other.base, 'test=1&module=calendar');
    const say = async (id) => ((await snapshot(p)).messages.find((m) => m.id === id) || {}).text;
    assert.match(await say('calendar.package'), new RegExp(`chinese-days .*${calendar.years[0]}–${last}`));
    await p.clock.setFixedTime(new Date(`${last}-11-30T23:59:00+08:00`));
    await frames(p, 3);
    assert.equal(await say('calendar.warning'), undefined, 'not yet on 30 November');
    await p.clock.setFixedTime(new Date(`${last}-12-01T00:00:00+08:00`));
    await frames(p, 3);
    assert.match(await say('calendar.warning'), new RegExp(`缺少 ${missing} 年`));
    await shot(p, 'calendar-warning');
    await click(p, 'nav.today');
    assert.match(await say('today.calendar_warning'), new RegExp(`缺少 ${missing} 年`));
    await shot(p, 'calendar-warning-today');
  } finally {
    await other.close();
  }
});

test('a supervisor enters 元旦 for next year; it is stored', async () => {
  await click(page, 'calendar.new');
  await type(page, 'calendar.date', `${missing}-01-01`);
  await type(page, 'calendar.name', '元旦');
  await type(page, 'calendar.note', '国务院办公厅关于节假日安排的通知');
  await click(page, 'calendar.kind.rest_day');
  await save(page, 'calendar.save');
  assert.equal(await listCount(page, 'calendar'), 1);
  const stored = await storedLatest(page, 'calendar_override');
  assert.equal(stored.data.date, `${missing}-01-01`);
  assert.equal(stored.data.kind, 'rest_day');
  assert.equal(stored.data.name, '元旦');
  await shot(page, 'calendar-entered');
});

test('a second entry for the same date is refused and nothing is stored', async () => {
  const before = await storedEntries();
  await click(page, 'calendar.new');
  await type(page, 'calendar.date', `${missing}-01-01`);
  await type(page, 'calendar.name', '调休');
  await click(page, 'calendar.kind.working_day');
  await click(page, 'calendar.save');
  await frames(page, 3);
  assert.match(await messageLines(page), new RegExp(`calendar\\.error\\.date=${missing}-01-01 已有工作日历设置`));
  assert.equal(await storedEntries(), before);
  assert.equal(await listCount(page, 'calendar'), 1);
  await shot(page, 'calendar-refused');
  await click(page, 'calendar.cancel');
});

test('the shift start: a bad time is refused, 08:30 is kept', async () => {
  assert.equal((await snapshot(page)).shiftStart, '09:00');
  await type(page, 'calendar.shift_start', '8点半');
  await click(page, 'calendar.search');
  assert.match(await message('calendar.shift_error'), /HH:MM/);
  assert.equal((await snapshot(page)).shiftStart, '09:00');
  await type(page, 'calendar.shift_start', '08:30');
  await click(page, 'calendar.search');
  assert.equal((await snapshot(page)).shiftStart, '08:30');
});

test('a promise on 31 December is called at 08:30 on the next working day after the entered 元旦', async () => {
  // The next working day by the rule, worked out here independently: after
  // 1 January (entered as a day off), the first Monday–Friday.
  let d = new Date(Date.UTC(missing, 0, 2));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + 86400000);
  const expected = `${missing}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} 08:30`;
  await click(page, 'nav.visits');
  await click(page, 'visits.new');
  await type(page, 'visit.time', `${last}-12-31 17:40`);
  await type(page, 'visit.visitor_name', '王先生');
  await type(page, 'visit.phone', '13812345678');
  await type(page, 'visit.content', '问：明年物业费是否调整？');
  await click(page, 'visit.outcome.promised_24h');
  await frames(page, 2);
  const lines = await messageLines(page);
  assert.match(lines, new RegExp(`visit\\.promise_due=${missing}-01-01 17:40`));
  assert.match(lines, new RegExp(`visit\\.call_due=${expected}`));
  await shot(page, 'calendar-visit-call-due');
  await save(page, 'visit.save');
  // Today lists both deadlines once "not yet due" is included.
  await click(page, 'nav.today');
  await click(page, 'today.all');
  const todo = (await snapshot(page)).records.filter((r) => r.type === 'todo').map((r) => r.label);
  assert.ok(todo.some((l) => l.startsWith('inquiry_promise_24h')), todo.join('\n'));
  assert.ok(todo.some((l) => l.startsWith('inquiry_call_next_working_day')), todo.join('\n'));
  await shot(page, 'calendar-today');
});

test('with next year entered, 1 December has no warning', async () => {
  // Last: the clock stops typing from here on.
  await click(page, 'nav.calendar');
  await page.clock.setFixedTime(new Date(`${last}-12-01T10:00:00+08:00`));
  await frames(page, 3);
  assert.ok(await message('calendar.package'));
  assert.equal(await message('calendar.warning'), undefined);
  assert.equal(await listCount(page, 'calendar'), 1);
});
