// 钥匙借用 end to end: lend a key, edit the loan, a refused return (power and
// windows not confirmed, SPEC §6), the return, and search — each change
// checked in what IndexedDB holds, not only on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, save, snapshot, frames, shot, storedFiles } from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=keys'));
});
after(async () => { await b.close(); });

const count = async () => Number((await snapshot(page)).messages.find((m) => m.id === 'keys.count').text.split('/')[0]);
const messages = async () => (await snapshot(page)).messages.map((m) => `${m.id}=${m.text}`).join('\n');
// The newest stored version of the one key loan.
async function stored() {
  const lines = (await storedFiles(page)).filter((f) => /seg-/.test(f.path)).flatMap((f) => f.text.split('\n'));
  const loans = lines.filter((l) => l.includes('"type":"key_loan"')).map((l) => JSON.parse(l.slice(9)));
  return loans.sort((x, y) => y.revision - x.revision)[0];
}
async function openRow() {
  const row = (await snapshot(page)).records.find((r) => r.type === 'key_loan');
  assert.ok(row, 'the loan is listed');
  await page.mouse.click(row.x + 40, row.y + row.h / 2);
  await frames(page, 2);
}

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
