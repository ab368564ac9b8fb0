// Keyboard shortcuts in a module (Alt+N new, Enter saves, Ctrl+F search, Esc
// closes) and the desk's outputs checked for content: the redacted training
// export, the statistics CSV for Excel, the printed work order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  openBrowser, openApp, click, type, widget, snapshot, records, shot, frames, imeType, waitForState,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=repairs'));
});
after(async () => { await b.close(); });

const hasWidget = async (id) => (await snapshot(page)).widgets.some((w) => w.id === id);
const count = async () => Number((await snapshot(page)).messages.find((m) => m.id === 'repairs.count').text.split('/')[0]);

test('keyboard: Alt+N opens a new repair, Enter saves it, Ctrl+F searches, Esc closes the form', async () => {
  await page.keyboard.press('Alt+N');
  await frames(page, 2);
  assert.ok(await hasWidget('repairs.save'), 'Alt+N opened the form');
  await type(page, 'repairs.requester', '孙女士');
  await type(page, 'repairs.unit', '6栋-0602');
  await type(page, 'repairs.phone', '13911112222');
  await type(page, 'repairs.description', '阳台地漏堵塞');
  await click(page, 'repairs.phone');  // back in a one-line field
  await page.keyboard.press('Enter');
  await waitForState(page, 'saved');
  await frames(page, 3);
  assert.equal(await count(), 1, 'Enter saved the repair');
  await shot(page, 'keys-repair-saved');

  await page.keyboard.press('Alt+N');
  await frames(page, 2);
  await type(page, 'repairs.requester', '钱先生');
  await type(page, 'repairs.unit', '2栋-0201');
  await type(page, 'repairs.description', '客厅插座没电');
  await click(page, 'repairs.requester');
  await page.keyboard.press('Enter');
  await waitForState(page, 'saved');
  await frames(page, 3);
  assert.equal(await count(), 2);

  await page.keyboard.press('Control+F');
  await frames(page, 2);
  await imeType(page, '地漏');  // goes into the search box: Ctrl+F gave it the keyboard
  await frames(page, 3);
  assert.equal(await count(), 1, 'the search box took the typed text');
  assert.ok((await records(page)).every((r) => /地漏/.test(r.label)));

  await page.mouse.click(5, 300);  // leave the search box
  await page.keyboard.press('Alt+N');
  await frames(page, 2);
  assert.ok(await hasWidget('repairs.save'));
  await click(page, 'repairs.requester');
  await page.keyboard.press('Escape');  // leaves the field
  await frames(page, 2);
  await page.keyboard.press('Escape');  // closes the form
  await frames(page, 2);
  assert.ok(!(await hasWidget('repairs.save')), 'Esc closed the form');
});

test('the printed work order holds the repair', async () => {
  await page.mouse.click(5, 300);
  await page.keyboard.press('Control+F');
  await frames(page, 2);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await frames(page, 2);
  const row = (await records(page)).find((r) => /地漏/.test(r.label));
  await page.mouse.click(row.x + 40, row.y + row.h / 2);
  await frames(page, 2);
  await page.evaluate(() => { window.deskTest.noPrintDialog = true; });
  // The print button is below the form's fields: scroll the form body.
  const field = await widget(page, 'repairs.requester');
  await page.mouse.move(field.x + field.w / 2, field.y + field.h / 2);
  for (let i = 0; i < 15 && !(await hasWidget('repairs.print')); ++i) {
    await page.mouse.wheel(0, 200);
    await frames(page, 2);
  }
  await click(page, 'repairs.print');
  const html = await page.evaluate(() => Module.deskLastPrint);
  assert.match(html, /6栋-0602/);
  assert.match(html, /阳台地漏堵塞/);
  assert.match(html, /@page/, 'a page size is set for the sheet');
  // No script runs in the sheet: its own policy, and a sandboxed frame.
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.equal(await page.evaluate(() => document.getElementById('desk-print').getAttribute('sandbox')),
    'allow-same-origin allow-modals');
});

test('redacted export: phones masked, no history, marked redacted', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'data.export_redacted')]);
  assert.match(download.suggestedFilename(), /脱敏\.json$/);
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(doc.redacted, true);
  assert.equal(doc.records.length, 2);
  for (const r of doc.records) {
    assert.deepEqual(r.history, []);
    assert.ok(!r.data.phone || /\*\*\*\*/.test(r.data.phone), r.data.phone);
  }
  assert.ok(doc.records.some((r) => r.data.phone === '139****2222'));
  assert.ok(!JSON.stringify(doc).includes('13911112222'), 'the full number appears nowhere');
});

test('statistics CSV opens in Excel: UTF-8 with BOM, and parses back to the month counts', async () => {
  await click(page, 'nav.stats');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'stats.csv')]);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  // RFC 4180 fields: quoted, "" inside quotes.
  const parse = (line) => [...line.matchAll(/"((?:[^"]|"")*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2]).replace(/""/g, '"'));
  const rows = bytes.toString('utf8').slice(1).trim().split(/\r?\n/).map(parse);
  assert.deepEqual(rows[0], ['月份', '项目', '类别', '数值', '单位', '分子', '分母', '说明']);
  const repairsCreated = rows.find((r) => r[1] === '新建记录' && r[2] === '报修');
  assert.ok(repairsCreated, JSON.stringify(rows.slice(0, 5)));
  assert.equal(Number(repairsCreated[3]), 2);
  assert.equal(rows.length - 1, Number((await snapshot(page)).statsRows), 'one CSV row per statistics row');
  await shot(page, 'outputs-stats');
});

test('1920×1080: every screen fills the larger window (screenshots wide-*)', async () => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await frames(page, 4);
  for (const id of ['today', 'visits', 'complaints', 'repairs', 'callbacks', 'violations', 'keys', 'access',
    'incidents', 'inspections', 'duties', 'staff', 'stats', 'training']) {
    await click(page, `nav.${id}`);
    await frames(page, 3);
    await shot(page, `wide-${id}`);
  }
  // The layout follows the window: the language button sits at the right edge.
  const lang = await widget(page, 'settings.lang');
  assert.ok(lang.x + lang.w > 1850 && lang.x + lang.w <= 1920, `language button at ${lang.x}+${lang.w}`);
  await page.setViewportSize({ width: 1366, height: 768 });
});
