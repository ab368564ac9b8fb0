// English at the desk (issue 13 item 12): the forms' label column fits the
// longest English label (Escalated in writing, Handed to the cashier,
// Customer's signature were cut at a fixed 120 px), and the statistics name
// their categories in English. Screenshots english-*.png, looked at by eye.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, save, snapshot, frames, shot, records, widget } from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=complaints'));
});
after(async () => { await b.close(); });

test('every intake form in English, and the statistics', async () => {
  await click(page, 'settings.lang');
  assert.equal((await widget(page, 'settings.lang')).label, '中文', 'the switch now offers Chinese back');
  for (const id of ['complaints', 'repairs', 'callbacks', 'violations', 'keys', 'referrals', 'contracts', 'gas']) {
    await click(page, `nav.${id}`);
    await click(page, `${id}.new`);
    await frames(page, 3);
    await shot(page, `english-${id}`);
    await click(page, `${id}.cancel`);
  }
  await click(page, 'nav.repairs');
  await click(page, 'repairs.new');
  await type(page, 'repairs.unit', '3-1202');
  await type(page, 'repairs.description', 'Kitchen tap leaking');
  await save(page, 'repairs.save');
  const r = (await records(page)).find((x) => x.type === 'repair');
  await page.mouse.click(r.x + 40, r.y + r.h / 2);
  await frames(page, 3);
  for (let i = 0; i < 30; ++i) {
    const save = await widget(page, 'repairs.save');
    await page.mouse.move(save.x + 20, save.y - 80);
    await page.mouse.wheel(0, 300);
    await frames(page, 2);
  }
  await shot(page, 'english-repair-bottom');
  await click(page, 'nav.stats');
  await frames(page, 3);
  await shot(page, 'english-stats');
  assert.ok((await snapshot(page)).widgets.some((w) => w.id === 'stats.csv'));
});
