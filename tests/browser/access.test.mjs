// 出入登记 end to end: an entry refused until the person visited is named
// (seed 000), saved with the ID, edited, the visitor's leaving recorded, and
// searched — each change checked in IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, storedLatest, listCount, openRow as openRowOf, messageLines,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=access'));
});
after(async () => { await b.close(); });

const count = () => listCount(page, 'access');
const messages = () => messageLines(page);
const stored = () => storedLatest(page, 'access');
const openRow = () => openRowOf(page, 'access');

test('an entry needs the person visited, is saved, edited and closed by the leave step', async () => {
  await click(page, 'access.new');
  await type(page, 'access.person', '冯先生');
  await type(page, 'access.id_number', '110101199003074512');
  await click(page, 'access.save');
  assert.match(await messages(), /access\.error\.visiting_person=/, 'refused: who is visited?');
  assert.equal(await stored(), undefined, 'nothing stored');
  await type(page, 'access.visiting_person', '陈经理');
  await type(page, 'access.visiting_department', '工程部');
  await save(page, 'access.save');
  assert.equal(await count(), 1);
  let e = await stored();
  assert.equal(e.data.status, 'inside');
  assert.equal(e.data.id_number, '110101199003074512');

  await openRow();
  await type(page, 'access.pass_number', 'A-017');
  await save(page, 'access.save');
  e = await stored();
  assert.equal(e.revision, 2);
  assert.equal(e.data.pass_number, 'A-017');

  await openRow();
  await save(page, 'access.action.leave');
  e = await stored();
  assert.equal(e.data.status, 'left');
  assert.ok(e.data.time_out, 'the leaving time is stamped');
  await shot(page, 'access-left');
});

test('search finds the entry by the visitor and by the person visited', async () => {
  await type(page, 'access.search', '冯先生');
  assert.equal(await count(), 1);
  await type(page, 'access.search', '陈经理');
  assert.equal(await count(), 1);
  await type(page, 'access.search', '李四');
  assert.equal(await count(), 0);
});
