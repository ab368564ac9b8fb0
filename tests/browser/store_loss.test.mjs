// The browser discarding the desk's IndexedDB (storage pressure, a database
// it deletes as damaged): the desk must not quietly look like a new one. A
// mark in localStorage remembers how many records the last durable save
// left; a load that finds fewer warns until the records are restored or the
// loss is acknowledged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openBrowser, openApp, click, type, save, frames, snapshot, shot, widget, dismissSetup, messageLines } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

const mark = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('wuye-desk.store-mark') || 'null'));
const warning = async (page) => (await snapshot(page)).messages.find((m) => m.id === 'storeloss')?.text;

async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  await dismissSetup(page);
  await frames(page, 2);
}

// Deletes the store as the browser would: the request waits for the page's
// connection to close, which the reload does, and the next load's open
// waits for the deletion.
async function discardStoreAndReload(page) {
  await page.evaluate(() => { indexedDB.deleteDatabase('/data'); });
  await reload(page);
}

async function newVisit(page, content) {
  await click(page, 'visits.new');
  await type(page, 'visit.content', content);
  await save(page, 'visit.save');
}

test('a discarded store is noticed, stays noticed after new saves, and ends when the records are imported back', async () => {
  const { page } = await openApp(b.context, b.base);
  assert.equal(await warning(page), undefined, 'a new desk has nothing to miss');
  await newVisit(page, '丢失之前的第一条登记');
  await newVisit(page, '丢失之前的第二条登记');
  await frames(page, 2);
  const count = Number((await snapshot(page)).recordCount);
  assert.equal((await mark(page)).records, count, 'the mark follows each durable save');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'data.export')]);
  const exported = await download.path();
  assert.match(readFileSync(exported, 'utf8'), /丢失之前的第二条登记/);

  await discardStoreAndReload(page);
  assert.equal(Number((await snapshot(page)).recordCount), 0, 'the browser handed the page an empty store');
  const text = await warning(page);
  assert.match(text ?? '', new RegExp(`本机有 ${count} 条记录，现在只读到 0 条`));
  await shot(page, 'store-loss-warning');

  // Work goes on on the emptied desk; the mark keeps the higher count.
  await newVisit(page, '丢失之后的登记');
  await reload(page);
  assert.match(await warning(page) ?? '', new RegExp(`本机有 ${count} 条记录，现在只读到 1 条`));
  assert.equal((await mark(page)).records, count);

  // The export imported back: every record is there again, the warning ends.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(exported);
  const ok = await widget(page, 'import.confirm.ok', 30000);
  await page.mouse.click(ok.x + ok.w / 2, ok.y + ok.h / 2);
  await page.waitForFunction(() => window.deskTest.snapshot().saveState === 'saved', null, { timeout: 30000 });
  await frames(page, 3);
  assert.equal(await warning(page), undefined, await messageLines(page));
  assert.equal((await mark(page)).records, count + 1);
  await reload(page);
  assert.equal(await warning(page), undefined);
});

test('acknowledged, the warning ends and the current records become the mark', async () => {
  const { page } = await openApp(b.context, b.base);
  await newVisit(page, '确认丢失之前的登记');
  const count = Number((await snapshot(page)).recordCount);
  await discardStoreAndReload(page);
  assert.ok(await warning(page));
  await click(page, 'storeloss.ack');
  await frames(page, 2);
  assert.equal(await warning(page), undefined);
  assert.equal((await mark(page)).records, 0);
  await reload(page);
  assert.equal(await warning(page), undefined, 'not shown again after a reload');
  assert.ok(count > 0);
});
