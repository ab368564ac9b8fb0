// 违章 end to end: a violation recorded, edited, closed and reopened through
// its workflow buttons, and searched — each change checked in IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, storedLatest, listCount, openRow as openRowOf,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=violations'));
});
after(async () => { await b.close(); });

const count = () => listCount(page, 'violations');
const stored = () => storedLatest(page, 'violation');
const openRow = () => openRowOf(page, 'violation');

test('a violation is recorded, edited, closed and reopened', async () => {
  await click(page, 'violations.new');
  await type(page, 'violations.unit', '9栋-0903');
  await type(page, 'violations.description', '阳台违章搭建雨棚');
  await save(page, 'violations.save');
  assert.equal(await count(), 1);
  let v = await stored();
  assert.equal(v.revision, 1);
  assert.equal(v.data.status, 'open');

  await openRow();
  await type(page, 'violations.unit', '9栋-0904');
  await save(page, 'violations.save');
  v = await stored();
  assert.equal(v.revision, 2);
  assert.equal(v.data.unit, '9栋-0904');

  await openRow();
  const reopen = (await snapshot(page)).widgets.find((w) => w.id === 'violations.action.reopen');
  assert.ok(reopen && reopen.disabled, 'an open case cannot be reopened');
  await save(page, 'violations.action.close');
  v = await stored();
  assert.equal(v.data.status, 'closed');
  assert.ok(v.data.closed_at, 'the closing time is stamped');
  await shot(page, 'violations-closed');
  await openRow();
  await save(page, 'violations.action.reopen');
  v = await stored();
  assert.equal(v.data.status, 'open');
  assert.equal(v.data.closed_at, null);
  assert.deepEqual(v.history.map((h) => h.action), ['create', 'edit', 'close', 'reopen']);
});

test('search finds the violation by its place and description', async () => {
  await type(page, 'violations.search', '雨棚');
  assert.equal(await count(), 1);
  await type(page, 'violations.search', '0904');
  assert.equal(await count(), 1);
  await type(page, 'violations.search', '电梯');
  assert.equal(await count(), 0);
});
