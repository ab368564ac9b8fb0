// With the network down, the app shell still opens from the service
// worker's cache, shows the stored visits, draws a name from the lazily
// loaded font, and saves new ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, records, shot, waitForState, save, frames, dismissSetup } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

test('the app opens, shows its data and saves while offline', async () => {
  const { page } = await openApp(b.context, b.base);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await click(page, 'visits.new');
  await type(page, 'visit.content', '停电时来问物业电话');
  await save(page, 'visit.save');

  await b.context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  await dismissSetup(page);
  assert.equal((await records(page)).length, 1, 'stored visit shown offline');
  await click(page, 'visits.new');
  await type(page, 'visit.content', '断网期间登记的来访');
  // 鑫 is not in the preloaded font: its font file (GB2312 level 2) was
  // cached when the service worker installed, so it is drawn offline too.
  await type(page, 'visit.visitor_name', '王鑫');
  await page.waitForFunction(() => window.deskTest.snapshot().fontExtensions === '1', null, { timeout: 15000 });
  await frames(page, 3);
  assert.equal((await page.evaluate(() => window.deskTest.snapshot().fontMissing)), '0', 'every character drawn');
  await save(page, 'visit.save');
  assert.equal((await records(page)).length, 2);
  await shot(page, 'offline');
  await b.context.setOffline(false);
});
