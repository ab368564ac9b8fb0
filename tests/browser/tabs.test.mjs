// Two tabs of the desk on one PC: the second is read-only (it would
// otherwise overwrite the first one's saves) and takes over when the first
// closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, records, snapshot, shot, waitForState, save, frames, dismissSetup, storedFiles } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

async function ready(page) {
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
}

test('a second tab is read-only, loses nothing, and takes over when the first closes', async () => {
  const { page: first } = await openApp(b.context, b.base);
  await click(first, 'visits.new');
  await type(first, 'visit.content', '第一个标签页的登记');
  await save(first, 'visit.save');

  const second = await b.context.newPage();
  await second.goto(`${b.base}?test=1&module=visits`);
  await ready(second);
  await dismissSetup(second);
  const messages = (await snapshot(second)).messages.map((m) => m.id).join(',');
  assert.match(messages, /readonly/);
  assert.equal((await records(second)).length, 1);
  await click(second, 'visits.new');  // disabled: nothing opens
  assert.equal(await second.evaluate(() => window.deskTest.widget('visit.save')), null);
  await shot(second, 'second-tab-read-only');

  // The writer keeps saving; the read-only tab never writes over it.
  await first.bringToFront();
  await click(first, 'visits.new');
  await type(first, 'visit.content', '第一个标签页的第二条');
  await save(first, 'visit.save');
  await second.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

  await second.bringToFront();
  await first.close();
  await second.waitForEvent('load', { timeout: 20000 });
  await ready(second);
  assert.doesNotMatch((await snapshot(second)).messages.map((m) => m.id).join(','), /readonly/);
  const after = await records(second);
  assert.equal(after.length, 2, 'both saves of the first tab are there: ' + JSON.stringify(after.map((r) => r.label)));
  await click(second, 'visits.new');
  await type(second, 'visit.content', '接手后的登记');
  await save(second, 'visit.save');
  assert.equal((await records(second)).length, 3);
});

test('a store the browser cannot read at start: read-only, says why, and what is stored stays as it was', async () => {
  const { page: writer } = await openApp(b.context, b.base);
  await click(writer, 'visits.new');
  await type(writer, 'visit.content', '读取失败之前保存的登记');
  await save(writer, 'visit.save');
  const stored = async (page) => (await storedFiles(page)).map((f) => `${f.path}\n${f.text}`).sort();
  const before = await stored(writer);
  assert.ok(before.some((f) => f.includes('读取失败之前保存的登记')));
  await writer.close();  // releases the writer lock

  // The next page's IndexedDB refuses to open, so IDBFS's load fails.
  const page = await b.context.newPage();
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    window.deskFailIdb = true;
    IDBFactory.prototype.open = function(...args) {
      if (window.deskFailIdb) throw new DOMException('模拟：数据库打不开', 'UnknownError');
      return open.apply(this, args);
    };
  });
  await page.goto(`${b.base}?test=1&module=visits`);
  await ready(page);
  await dismissSetup(page);
  const banner = (await snapshot(page)).messages.find((m) => m.id === 'readonly');
  assert.ok(banner, 'the read-only banner shows');
  assert.match(banner.text, /无法读取本机已保存的数据.*模拟：数据库打不开.*只读/);
  // Not read is not lost: no store-loss warning beside it (store_watch.hpp).
  assert.equal((await snapshot(page)).messages.find((m) => m.id === 'storeloss'), undefined);
  await shot(page, 'store-unreadable-read-only');
  await click(page, 'visits.new');  // disabled: nothing opens
  assert.equal(await page.evaluate(() => window.deskTest.widget('visit.save')), null);
  const refused = await page.evaluate(() => new Promise((ok) => Module.deskPersist((done, why) => ok({ done, why }))));
  assert.deepEqual(refused, { done: false, why: 'read-only' });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await frames(page, 3);

  await page.evaluate(() => { window.deskFailIdb = false; });
  assert.deepEqual(await stored(page), before, 'every stored file is as it was');
  await page.close();
});
