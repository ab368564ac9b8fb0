// Backing up without a site folder (issue 12, item 6): the status bar shows
// the last backup; after a day with new records an amber banner offers
// 立即备份, which downloads a full export and clears the reminder. The day
// passes through Playwright's clock (Date only; the timers keep running).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, save, shot, snapshot, frames } from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

const message = async (page, id) => ((await snapshot(page)).messages.find((m) => m.id === id) || {}).text;

test('a day with new records and no backup brings the amber 立即备份 banner; one click backs up', async () => {
  const { page } = await openApp(b.context, b.base);
  assert.equal(await message(page, 'folder.status'), '尚未备份');
  await click(page, 'visits.new');
  await type(page, 'visit.content', '今天登记、还没有备份的来访');
  await save(page, 'visit.save');
  assert.equal(await message(page, 'folder.banner'), undefined, 'no reminder the same day');

  await page.clock.setFixedTime(new Date(Date.now() + 26 * 3600 * 1000));
  await frames(page, 3);
  const banner = await message(page, 'folder.banner');
  assert.match(banner || '', /尚未备份：有 1 条记录不在任何备份中/);
  await shot(page, 'backup-reminder');

  await click(page, 'folder.backup_now');
  await page.waitForFunction(() => window.Module.deskLastDownload && /wuye-desk-.*\.json$/.test(window.Module.deskLastDownload.name),
    null, { timeout: 10000 });
  await frames(page, 3);
  assert.equal(await message(page, 'folder.banner'), undefined, 'the reminder is gone');
  assert.match(await message(page, 'folder.status'), /^上次备份 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  // It survives a reload (stored beside the journal).
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  assert.match(await message(page, 'folder.status'), /^上次备份 /);
  assert.equal(await message(page, 'folder.banner'), undefined);
});
