// The visit register as a person uses it: Chinese typed through the IME,
// saved durably, found after a reload, exported, imported into an empty
// browser, and a corrupt import refused with nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openBrowser, openApp, click, type, widget, frames, snapshot, records, shot, waitForState, save, reveal, storedFiles, SHOTS,
  dismissSetup, messageLines,
} from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

async function storedDigest(page) {
  // Every IndexedDB entry of the app's store: equal before and after = unchanged.
  return JSON.stringify(await storedFiles(page));
}

async function newVisit(page, { name, unit, phone, content, outcome }) {
  await click(page, 'visits.new');
  await type(page, 'visit.visitor_name', name);
  await type(page, 'visit.unit', unit);
  await type(page, 'visit.phone', phone);
  await type(page, 'visit.content', content);
  await click(page, `visit.outcome.${outcome}`);
}

test('a visit typed in Chinese through the IME is saved and survives a reload', async () => {
  const { page, firstFrameMs } = await openApp(b.context, b.base);
  console.log(`# navigation to first frame: ${firstFrameMs} ms`);
  await newVisit(page, {
    name: '王珺', unit: '3栋-1202', phone: '13812345678', content: '询问本月水费为何偏高', outcome: 'promised_24h',
  });
  await shot(page, 'visit-form-filled');
  await save(page, 'visit.save');
  let rows = await records(page);
  assert.equal(rows.length, 1);
  assert.match(rows[0].label, /^王珺 询问本月水费为何偏高$/);  // exactly once: no doubled IME text

  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  await dismissSetup(page);
  rows = await records(page);
  assert.equal(rows.length, 1, 'the visit is still there after a reload');
  assert.match(rows[0].label, /王珺/);
  await shot(page, 'visit-after-reload');
});

test('a 24-hour promise needs name and phone, and shows its due time', async () => {
  const { page } = await openApp(b.context, b.base);
  await click(page, 'visits.new');
  await type(page, 'visit.time', '2026-11-30 23:15');
  await type(page, 'visit.content', '问：小区何时更换电梯？');
  await click(page, 'visit.outcome.promised_24h');
  await click(page, 'visit.save');
  const messages = (await snapshot(page)).messages;
  const text = messages.map((m) => m.id + '=' + m.text).join('\n');
  assert.match(text, /error\.visitor_name=承诺24小时内答复时必须登记访客姓名/);
  assert.match(text, /error\.phone=承诺24小时内答复时必须登记联系电话/);
  assert.match(text, /visit\.promise_due=2026-12-01 23:15/);
  await shot(page, 'visit-promise-errors');
  // Characters the preloaded base font lacks are fetched and drawn: 鑫
  // (GB2312 level 2) from the first extension font, then 堃 (not in GB2312)
  // from the second.
  const fontState = () => page.evaluate(() => {
    const s = window.deskTest.snapshot();
    return `${s.fontExtensions} loaded, ${s.fontMissing} missing`;
  });
  assert.equal(await fontState(), '0 loaded, 0 missing');
  await type(page, 'visit.visitor_name', '王鑫');
  await page.waitForFunction(() => window.deskTest.snapshot().fontMissing === '0', null, { timeout: 15000 });
  assert.equal(await fontState(), '1 loaded, 0 missing');
  await type(page, 'visit.visitor_name', '李堃');
  await type(page, 'visit.phone', '0755-8888 1234');
  await page.waitForFunction(() => window.deskTest.snapshot().fontMissing === '0', null, { timeout: 15000 });
  assert.equal(await fontState(), '2 loaded, 0 missing');
  await frames(page, 3);
  await shot(page, 'visit-rare-glyph');
  await save(page, 'visit.save');
  assert.equal((await records(page)).length, 2);
});

test('open a visit, edit it, see its history; search and date filter narrow the list', async () => {
  const { page } = await openApp(b.context, b.base);
  let rows = await records(page);
  assert.equal(rows.length, 2);
  const target = rows.find((r) => r.label.startsWith('王珺'));
  await page.mouse.click(target.x + 40, target.y + target.h / 2);
  await frames(page, 2);
  await type(page, 'visit.phone', '13900001111');
  await save(page, 'visit.save');
  assert.match((await snapshot(page)).status, /已保存修改/);
  rows = await records(page);
  const again = rows.find((r) => r.id === target.id);
  await page.mouse.click(again.x + 40, again.y + again.h / 2);
  await reveal(page, 'visit.history', 'visit.unit');
  await click(page, 'visit.history');
  await reveal(page, 'visit.history', 'visit.unit');
  // The visit's history reads as every other form's: the step's name, the
  // changed value as the form shows it.
  const lines = (await messageLines(page)).split('\n').filter((l) => l.startsWith('visit.history.'));
  const entries = lines.filter((l) => l.startsWith('visit.history.entry=')).map((l) => l.split('  ').at(-1));
  assert.deepEqual(entries, ['修改', '新建'], lines.join('\n'));
  assert.ok(lines.some((l) => /^visit\.history\.change=[^:]*电话: .* → 13900001111$/.test(l)), lines.join('\n'));
  const header = await widget(page, 'visit.history');
  await page.mouse.move(header.x + header.w / 2, header.y - 100);
  for (let i = 0; i < 4; ++i) await page.mouse.wheel(0, 300);
  await frames(page, 3);
  await shot(page, 'visit-history');
  await click(page, 'visit.cancel');

  await type(page, 'visits.search', '电梯');
  rows = await records(page);
  assert.equal(rows.length, 1);
  assert.match(rows[0].label, /李堃/);
  await type(page, 'visits.search', '1111');  // phone digits match too
  assert.equal((await records(page)).length, 1);
  await type(page, 'visits.search', '');
  await type(page, 'visits.from', '2026-11-30');
  await type(page, 'visits.to', '2026-11-30');
  rows = await records(page);
  assert.equal(rows.length, 1);
  assert.match(rows[0].label, /李堃/);
  await shot(page, 'visits-filtered');
  await click(page, 'visits.all');
  assert.equal((await records(page)).length, 2);
});

test('keyboard: Enter in a one-line field saves, Esc twice closes the form', async () => {
  const { page } = await openApp(b.context, b.base);
  const before = (await records(page)).length;
  await click(page, 'visits.new');
  await type(page, 'visit.content', '用回车键保存的来访');
  await click(page, 'visit.unit');
  const version = Number((await snapshot(page)).dataVersion);
  await page.keyboard.press('Enter');
  await page.waitForFunction((v) => Number(window.deskTest.snapshot().dataVersion) > v, version);
  await frames(page, 2);
  assert.equal((await records(page)).length, before + 1);
  assert.equal(await page.evaluate(() => window.deskTest.widget('visit.save')), null, 'form closed after saving');

  await click(page, 'visits.new');
  await type(page, 'visit.content', '不保存');
  await page.keyboard.press('Escape');  // leaves the field
  await frames(page, 2);
  assert.ok(await page.evaluate(() => window.deskTest.widget('visit.save')), 'first Esc keeps the form');
  await page.keyboard.press('Escape');
  await frames(page, 2);
  assert.equal(await page.evaluate(() => window.deskTest.widget('visit.save')), null, 'second Esc closes it');
  assert.equal((await records(page)).length, before + 1, 'nothing saved by Esc');
});

test('paste into a field and copy out of it use the system clipboard', async () => {
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.base.replace(/\/$/, '') });
  const { page } = await openApp(b.context, b.base);
  const all = (await records(page)).length;
  await page.evaluate(() => navigator.clipboard.writeText('贴进来的内容'));
  await click(page, 'visits.search');
  await page.keyboard.press('Control+V');
  await frames(page, 3);
  await shot(page, 'search-pasted');
  // The search now holds the pasted text: nothing matches it.
  assert.equal((await records(page)).length, 0);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await frames(page, 3);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '贴进来的内容');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await frames(page, 3);
  assert.equal((await records(page)).length, all);
});

test('export, clear the browser, import: the visits come back', async () => {
  const { page } = await openApp(b.context, b.base);
  const before = (await records(page)).map((r) => r.id).sort();
  assert.equal(before.length, 3);
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'data.export')]);
  const file = join(SHOTS, 'export.json');
  await download.saveAs(file);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(doc.format, 'wuye-desk-export');
  assert.equal(doc.records.length, 3);

  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: b.base.replace(/\/$/, ''), storageTypes: 'indexeddb' });
  await cdp.detach();
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  await dismissSetup(page);
  assert.equal((await records(page)).length, 0, 'storage was cleared');
  // The browser dropped IndexedDB alone: the desk says so (store_watch.hpp).
  const lost = (await snapshot(page)).messages.find((m) => m.id === 'storeloss');
  assert.match(lost?.text ?? '', /本机有 3 条记录，现在只读到 0 条/);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(file);
  await widget(page, 'import.confirm.ok');
  await shot(page, 'import-confirm');
  assert.match((await snapshot(page)).messages.map((m) => m.text).join('\n'), /新增 3/);
  await save(page, 'import.confirm.ok');
  assert.deepEqual((await records(page)).map((r) => r.id).sort(), before);
  assert.equal((await snapshot(page)).messages.find((m) => m.id === 'storeloss'), undefined, 'restored: no warning');
  await shot(page, 'import-done');
});

test('a corrupt import is refused with a message and the stored data is unchanged', async () => {
  const { page } = await openApp(b.context, b.base);
  const rowsBefore = await records(page);
  const digestBefore = await storedDigest(page);
  const good = readFileSync(join(SHOTS, 'export.json'), 'utf8');
  const bad = join(SHOTS, 'corrupt.json');
  writeFileSync(bad, good.slice(0, Math.floor(good.length / 2)));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(bad);
  await widget(page, 'import.errors.ok');
  const text = (await snapshot(page)).messages.map((m) => m.text).join('\n');
  assert.match(text, /导入被拒绝，浏览器中的数据没有任何改动/);
  assert.match(text, /不是完整的 JSON/);
  await shot(page, 'import-corrupt');
  await click(page, 'import.errors.ok');
  assert.deepEqual(await records(page), rowsBefore);
  assert.equal(await storedDigest(page), digestBefore);
});

test('IndexedDB keeps each stored file\'s bytes, not the spare room its in-memory buffer grew', async () => {
  const { page } = await openApp(b.context, b.base);
  // Each append past the open segment's in-memory buffer doubles it (Emscripten's MEMFS), so after the
  // third the buffer is larger than the bytes.
  for (const name of ['李娜', '赵磊', '孙悦']) {
    await newVisit(page, { name, unit: '5栋-0801', phone: '13900001111', content: '电梯异响', outcome: 'promised_24h' });
    await save(page, 'visit.save');
  }
  const files = (await storedFiles(page)).filter((f) => f.buffer !== undefined);
  assert.ok(files.some((f) => /seg-\d+\.log$/.test(f.path) && ['李娜', '赵磊', '孙悦'].every((n) => f.text.includes(n))),
    'the three visits are in the open segment');
  for (const f of files) assert.equal(f.buffer, f.bytes, `${f.path}: a ${f.buffer}-byte buffer stored for ${f.bytes} bytes`);
});

test('a store written with spare room (before the fix) is stored again exactly after a load, and loses nothing', async () => {
  const { page } = await openApp(b.context, b.base);
  const rowsBefore = (await records(page)).map((r) => r.label).sort();
  const seg = (await storedFiles(page)).find((f) => /seg-\d+\.log$/.test(f.path));
  // What the old build left: the segment's bytes as a view on a buffer twice their size.
  await page.evaluate((key) => new Promise((ok, fail) => {
    const open = indexedDB.open('/data');
    open.onsuccess = () => {
      const tx = open.result.transaction(['FILE_DATA'], 'readwrite');
      const store = tx.objectStore('FILE_DATA');
      const get = store.get(key);
      get.onsuccess = () => {
        const v = get.result;
        const room = new Uint8Array(v.contents.length * 2);
        room.set(new Uint8Array(v.contents.buffer, v.contents.byteOffset, v.contents.length));
        v.contents = room.subarray(0, v.contents.length);
        store.put(v, key);
      };
      tx.oncomplete = () => { open.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }), seg.path);
  const roomy = (await storedFiles(page)).find((f) => f.path === seg.path);
  assert.equal(roomy.buffer, 2 * roomy.bytes, 'the old layout is in place');
  assert.equal(roomy.text, seg.text);

  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  await dismissSetup(page);
  let files = [];
  for (let i = 0; i < 40; ++i) {  // stored again a few seconds after the load
    files = await storedFiles(page);
    if (files.every((f) => f.buffer === f.bytes)) break;
    await page.waitForTimeout(500);
  }
  for (const f of files) if (f.buffer !== undefined) assert.equal(f.buffer, f.bytes, `${f.path} stored exactly`);
  assert.equal(files.find((f) => f.path === seg.path).text, seg.text, 'the same bytes');
  assert.deepEqual((await records(page)).map((r) => r.label).sort(), rowsBefore);
});
