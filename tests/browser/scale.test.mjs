// 100,000 generated visits imported through the UI, then searched by
// typing: the list stays whole (clipped rendering), a search finds exactly
// the matching records, and the frame times while typing are reported (the
// goal itself is checked by `make bench`, not here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openBrowser, openApp, widget, click, frames, snapshot, imeType, shot, storedFiles, dismissSetup } from './harness.mjs';

const N = 100000;
const FILE = resolve(`build/bench/visits-${N}.json`);
let b, page, doc;

const sorted = (xs) => [...xs].sort((x, y) => x - y);
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

before(async () => {
  mkdirSync('build/bench', { recursive: true });
  if (!existsSync(FILE))
    execFileSync(resolve('build/native/desk-tool'), ['generate', '--records', String(N), '--only', 'visit', '--out', FILE]);
  doc = JSON.parse(readFileSync(FILE, 'utf8'));
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base));
});
after(async () => { await b.close(); });

async function count() {
  await page.waitForFunction(() => !window.deskTest.messages().some((m) => m.id === 'visits.searching'), null,
    { timeout: 30000 });
  const m = (await snapshot(page)).messages.find((x) => x.id === 'visits.count');
  const [shown, total] = m.text.split('/').map(Number);
  return { shown, total };
}

test('100,000 visits import through the UI and all of them are listed', { timeout: 300000 }, async () => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(FILE);
  await widget(page, 'import.confirm.ok', 120000);
  assert.match((await snapshot(page)).messages.map((m) => m.text).join('\n'), /新增 100000/);
  const ok = await widget(page, 'import.confirm.ok');
  await page.mouse.click(ok.x + ok.w / 2, ok.y + ok.h / 2);
  await page.waitForFunction(() => window.deskTest.snapshot().saveState === 'saved', null, { timeout: 180000 });
  await frames(page, 3);
  assert.deepEqual(await count(), { shown: N, total: N });
  // The space used counts the import at once (the browser's own estimate is asked for only once saves pause).
  const used = (await snapshot(page)).messages.find((m) => m.id === 'storage.loaded').text;
  const mb = Number((used.match(/已用 ([\d.]+) MB/) || [])[1]);
  assert.ok(mb >= 15 && mb < 60, `status bar: ${used}`);
  // Clipped rendering: only the rows on screen are drawn.
  const drawn = (await snapshot(page)).records.length;
  assert.ok(drawn > 5 && drawn < 60, `rows drawn: ${drawn}`);
  await shot(page, 'scale-100k-list');
});

test('typing a search over 100,000 visits finds exactly the matches; frame times reported', { timeout: 120000 }, async () => {
  const phone = doc.records[4321].data.phone;
  const expected = doc.records.filter((r) => r.data.phone.includes(phone)).length;
  const box = await widget(page, 'visits.search');
  await page.evaluate(() => window.deskTest.enable(false));  // the test map costs frame time
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await sleep(200);
  await page.evaluate(() => Module.ccall('desk_bench_frames', 'string', [], []));
  for (const ch of phone) { await page.keyboard.type(ch); await sleep(60); }
  await sleep(300);
  const typing = JSON.parse(await page.evaluate(() => Module.ccall('desk_bench_frames', 'string', [], [])));
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  assert.deepEqual(await count(), { shown: expected, total: N });
  const matching = new Set(doc.records.filter((r) => r.data.phone.includes(phone)).map((r) => r.id));
  const rows = (await snapshot(page)).records;
  assert.ok(rows.length >= 1 && rows.every((r) => matching.has(r.id)), 'every listed row has the phone');
  console.log(`# frame CPU while typing an 11-digit search over ${N} visits: ` +
    `p50 ${pct(typing, 0.5).toFixed(1)} ms, p95 ${pct(typing, 0.95).toFixed(1)} ms, ` +
    `max ${Math.max(...typing).toFixed(1)} ms over ${typing.length} frames`);
  await shot(page, 'scale-100k-search-phone');

  // A Chinese name through the IME: every listed row shows it.
  await click(page, 'visits.search');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const name = doc.records[77].data.visitor_name;
  await imeType(page, name);
  await frames(page, 3);
  const found = await count();
  const byName = doc.records.filter((r) => r.data.visitor_name.includes(name)).length;
  assert.ok(found.shown >= byName && found.shown < N, `${found.shown} rows for ${name}, ${byName} by name`);
  for (const r of (await snapshot(page)).records) assert.ok(r.label.includes(name), r.label);
  await shot(page, 'scale-100k-search-name');
});

test('IndexedDB keeps the closed segments packed; every record is in them, and a reload lists all 100,000', { timeout: 300000 }, async () => {
  const files = (await storedFiles(page)).filter((f) => /\/seg-/.test(f.path)).sort((x, y) => x.path.localeCompare(y.path));
  assert.match(files.at(-1).path, /seg-\d{6}\.log$/, 'the last segment is open, in text');
  for (const f of files.slice(0, -1)) assert.ok(f.packed > 0 && /\.lz4$/.test(f.path), `${f.path} is packed`);
  for (const f of files) assert.equal(f.buffer, f.bytes, `${f.path}: a ${f.buffer}-byte buffer stored for ${f.bytes} bytes`);
  const text = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const stored = files.reduce((n, f) => n + (f.packed || Buffer.byteLength(f.text)), 0);
  assert.ok(stored * 4 < text, `stored ${stored} bytes for ${text} bytes of journal text`);
  // The import wrote its lines in packed runs of up to 4 MB of text (kPackedRunBytes), not 256 KB segments.
  assert.ok(files.length <= Math.ceil(text / (4 << 20)) + 2, `${files.length} stored segments`);
  const ids = new Set();
  for (const f of files)
    for (const line of f.text.split('\n')) if (line) ids.add(JSON.parse(line.slice(9)).id);
  assert.equal(ids.size, N);
  assert.ok(doc.records.every((r) => ids.has(r.id)), 'every imported record is stored');
  console.log(`# stored in IndexedDB: ${(stored / 1048576).toFixed(1)} MB for ${(text / 1048576).toFixed(1)} MB of ` +
    `journal text in ${files.length} segments`);

  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 120000 });
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 2);
  await dismissSetup(page);
  assert.deepEqual(await count(), { shown: N, total: N });
});
