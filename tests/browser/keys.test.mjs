// 钥匙借用 end to end: lend a key, edit the loan, a refused return (power and
// windows not confirmed, SPEC §6), the return, and search — each change
// checked in what IndexedDB holds, not only on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, storedLatest, listCount, openRow as openRowOf, messageLines,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=keys'));
});
after(async () => { await b.close(); });

const count = () => listCount(page, 'keys');
const messages = () => messageLines(page);
// The newest stored version of the one key loan.
const stored = () => storedLatest(page, 'key_loan');
const openRow = () => openRowOf(page, 'key_loan');

test('a key is lent, the loan edited, a return without checks refused, then returned', async () => {
  await click(page, 'keys.new');
  await type(page, 'keys.key', '7栋-0701');
  await type(page, 'keys.borrower', '郑先生');
  await type(page, 'keys.purpose', '查看楼上漏水');
  await save(page, 'keys.save');
  assert.equal(await count(), 1);
  let loan = await stored();
  assert.equal(loan.revision, 1);
  assert.equal(loan.data.status, 'out');

  await openRow();
  await type(page, 'keys.phone', '13700001111');
  await save(page, 'keys.save');
  loan = await stored();
  assert.equal(loan.revision, 2);
  assert.equal(loan.data.phone, '13700001111');
  assert.equal(loan.history.at(-1).action, 'edit');

  await openRow();
  await click(page, 'keys.action.give_back');
  assert.match(await messages(), /keys\.error\.power_off=归还时请确认已断电/);
  assert.equal((await stored()).revision, 2, 'the refused return stored nothing');
  await shot(page, 'keys-return-refused');
  await click(page, 'keys.power_off');
  await click(page, 'keys.windows_closed');
  await save(page, 'keys.action.give_back');
  loan = await stored();
  assert.equal(loan.data.status, 'returned');
  assert.ok(loan.data.returned_at, 'the return time is stamped');
  assert.equal(loan.history.at(-1).action, 'give_back');
  await shot(page, 'keys-returned');
});

test('search finds the loan by borrower and nothing for another name', async () => {
  await type(page, 'keys.search', '郑先生');
  assert.equal(await count(), 1);
  await type(page, 'keys.search', '王五');
  assert.equal(await count(), 0);
  await type(page, 'keys.search', '');
  assert.equal(await count(), 1);
});
