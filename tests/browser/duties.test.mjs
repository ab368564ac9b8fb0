// 工作日历 end to end: a morning briefing recorded with attendees and issues,
// its actions added by an edit, and searched — checked in IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, storedLatest, listCount,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=duties'));
});
after(async () => { await b.close(); });

const count = () => listCount(page, 'duties');
const stored = () => storedLatest(page, 'duty_log');

test('a morning briefing is recorded, then its actions added', async () => {
  await click(page, 'duties.new');
  await type(page, 'duties.issues', '周末台风预警，检查排水沟');
  await save(page, 'duties.save');
  assert.equal(await count(), 1);
  let d = await stored();
  assert.equal(d.data.duty, 'morning_briefing');
  assert.equal(d.data.issues, '周末台风预警，检查排水沟');

  const row = (await snapshot(page)).records.find((r) => r.type === 'duty_log');
  await page.mouse.click(row.x + 40, row.y + row.h / 2);
  await frames(page, 2);
  await type(page, 'duties.actions', '工程部周五前清理排水沟');
  await save(page, 'duties.save');
  d = await stored();
  assert.equal(d.revision, 2);
  assert.equal(d.data.actions, '工程部周五前清理排水沟');
  await shot(page, 'duties-edited');
});

test('search finds the record by its issues', async () => {
  await type(page, 'duties.search', '台风');
  assert.equal(await count(), 1);
  await type(page, 'duties.search', '消杀');
  assert.equal(await count(), 0);
});
