// Storage failures as a person meets them: the browser's storage is full
// (simulated by making IndexedDB writes fail with QuotaExceededError). The
// form keeps what was typed, the message says what happened, nothing is
// half-written, and the same save succeeds once space is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, records, snapshot, shot, save, frames, dismissSetup } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

test('storage full: clear message, form kept, nothing stored, retry works', async () => {
  const { page } = await openApp(b.context, b.base);
  await click(page, 'visits.new');
  await type(page, 'visit.visitor_name', '赵敏');
  await type(page, 'visit.content', '存储满时登记的内容');
  await page.evaluate(() => {
    window.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function() { throw new DOMException('simulated', 'QuotaExceededError'); };
  });
  await click(page, 'visit.save');
  await page.waitForFunction(() => window.deskTest.snapshot().saveState === 'failed', null, { timeout: 20000 });
  await frames(page, 2);
  const s = await snapshot(page);
  assert.match(s.status, /存储空间已满/);
  assert.equal(s.records.length, 0, 'nothing was stored');
  const saveButton = s.widgets.find((w) => w.id === 'visit.save');
  assert.ok(saveButton, 'the form is still open');
  assert.equal(saveButton.disabled, false, 'and can be saved again');
  assert.doesNotMatch(s.status, /\?/, 'every character of the message is in the font atlas');
  await shot(page, 'storage-full');

  await page.evaluate(() => { IDBObjectStore.prototype.put = window.__realPut; });
  await save(page, 'visit.save');
  const rows = await records(page);
  assert.equal(rows.length, 1);
  assert.match(rows[0].label, /^赵敏 存储满时登记的内容$/, 'the typed text survived the failure');
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  await dismissSetup(page);
  assert.equal((await records(page)).length, 1, 'exactly one copy after reload');
});
