// Two tabs of the desk on one PC: the second is read-only (it would
// otherwise overwrite the first one's saves) and takes over when the first
// closes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, records, snapshot, shot, waitForState, save, frames, dismissSetup } from './harness.mjs';

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
