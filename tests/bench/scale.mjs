// Benchmark: the desk at 1,000 and at 100,000 records in headless Chromium,
// each figure beside its peer measured in the same page:
//   import (parse, then apply + durable)   beside JSON.parse of the same text
//   export                                  beside JSON.stringify of the parsed text
//   save one record (click to durable)      beside a raw IndexedDB put of the same bytes
//   navigation -> first frame with the store loaded
//   frame CPU time while typing a search over the whole list
// The records are visits (desk-tool generate --only visit) so that all of
// them are in the one list being searched. Prints a markdown table.
// usage: node tests/bench/scale.mjs [records=100000] [runs=3]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openBrowser, openApp, widget, imeType, frames as drawn, DIST } from '../browser/harness.mjs';

const big = Number(process.argv[2] || 100000);
const runs = Number(process.argv[3] || 3);
const TOOL = resolve('build/native/desk-tool');
const CACHE = resolve('build/bench');
const SAVES = 15;

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const pct = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

function exportFile(n) {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `visits-${n}.json`);
  if (!existsSync(file)) execFileSync(TOOL, ['generate', '--records', String(n), '--only', 'visit', '--out', file]);
  mkdirSync(join(DIST, 'bench'), { recursive: true });
  copyFileSync(file, join(DIST, 'bench', `visits-${n}.json`));  // for the in-page peers
  return file;
}

async function clickAt(page, id, timeout) {
  const w = await widget(page, id, timeout);
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
}

async function waitSaved(page, timeout = 600000) {
  await page.waitForFunction(() => window.deskTest.snapshot().saveState === 'saved', null, { timeout, polling: 50 });
}

// Import through the UI as a person does: choose the file, confirm.
async function importFile(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickAt(page, 'data.import')]);
  let t = Date.now();
  await chooser.setFiles(file);
  await widget(page, 'import.confirm.ok', 600000);
  const parse = Date.now() - t;
  t = Date.now();
  await clickAt(page, 'import.confirm.ok');
  await waitSaved(page);
  return { parse, apply: Date.now() - t };
}

async function exportOnce(page) {
  const t = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600000 }), clickAt(page, 'data.export')]);
  const ms = Date.now() - t;
  const size = statSync(await download.path()).size;
  return { ms, size };
}

// JSON.parse / JSON.stringify of the same export text, in the same page.
function jsonPeers(page, url) {
  return page.evaluate(async (u) => {
    const text = await (await fetch(u)).text();
    const parse = [], stringify = [];
    for (let i = 0; i < 3; ++i) {
      let t = performance.now();
      const doc = JSON.parse(text);
      parse.push(performance.now() - t);
      t = performance.now();
      JSON.stringify(doc);
      stringify.push(performance.now() - t);
    }
    return { parse, stringify };
  }, url);
}

// One visit saved through the Desk; ms from the call to durable (in the page).
function saveOne(page) {
  return page.evaluate(() => new Promise((ok) => {
    if (!Module.ccall('desk_bench_save_visit', 'number', [], [])) return ok(-2);
    const poll = () => {
      const v = Module.ccall('desk_bench_last_save_ms', 'number', [], []);
      if (v === -1) setTimeout(poll, 1); else ok(v);
    };
    poll();
  }));
}

// A put of the same bytes the last save rewrote (the current journal
// segment, in IDBFS's entry shape), straight into a separate IndexedDB
// database of the same page. Run right after each save, so both see the
// page in the same state (drawing frames delays IndexedDB's callbacks).
function rawPut(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const segs = Module.FS.readdir('/data/journal').filter((f) => f.startsWith('seg-')).sort();
    const size = Module.FS.stat('/data/journal/' + segs[segs.length - 1]).size;
    const put = (db) => {
      const bytes = new Uint8Array(size).fill(32 + (size % 90));
      const t = performance.now();
      const tx = db.transaction(['f'], 'readwrite', { durability: 'strict' });  // as storage.js
      tx.objectStore('f').put({ timestamp: new Date(), mode: 33206, contents: bytes }, 'seg');
      tx.oncomplete = () => ok({ size, ms: performance.now() - t });
      tx.onerror = () => fail(tx.error);
    };
    if (window.benchDb) return put(window.benchDb);
    const req = indexedDB.open('bench-raw', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('f');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => put(window.benchDb = req.result);
  }));
}

// Types into the list's search box with the test map off (it costs frame
// time), then reads back every drawn frame's CPU time.
async function typingFrames(page) {
  const box = await widget(page, 'visits.search');
  await page.evaluate(() => window.deskTest.enable(false));
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await sleep(300);
  await page.evaluate(() => Module.ccall('desk_bench_frames', 'string', [], []));
  for (const ch of '13647') { await page.keyboard.type(ch); await sleep(150); }
  for (let i = 0; i < 5; ++i) { await page.keyboard.press('Backspace'); await sleep(150); }
  for (const word of ['王', '珺']) { await imeType(page, word); await sleep(200); }
  for (let i = 0; i < 2; ++i) { await page.keyboard.press('Backspace'); await sleep(150); }
  const frames = JSON.parse(await page.evaluate(() => Module.ccall('desk_bench_frames', 'string', [], [])));
  await page.evaluate(() => window.deskTest.enable());
  return frames;
}

// Issue 13 item 7: the same typing into the top bar's search over every
// module (Ctrl+K), and what building its index and one search cost.
async function globalSearchFrames(page) {
  await page.evaluate(() => window.deskTest.enable(false));
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+K');  // the index is built as the box opens
  await sleep(500);
  await page.evaluate(() => Module.ccall('desk_bench_frames', 'string', [], []));
  for (const ch of '13647') { await page.keyboard.type(ch); await sleep(150); }
  for (let i = 0; i < 5; ++i) { await page.keyboard.press('Backspace'); await sleep(150); }
  for (const word of ['王', '珺']) { await imeType(page, word); await sleep(200); }
  const frames = JSON.parse(await page.evaluate(() => Module.ccall('desk_bench_frames', 'string', [], [])));
  await page.evaluate(() => window.deskTest.enable());
  await drawn(page, 2);
  const s = await page.evaluate(() => window.deskTest.snapshot());
  await page.keyboard.press('Escape');
  return { frames, build: Number(s['search.buildMs']), find: Number(s['search.findMs']) };
}

async function measure(n) {
  const file = exportFile(n);
  const r = { n, parse: [], apply: [], export: [], exportSize: 0, jsonParse: [], jsonStringify: [], save: [], raw: [],
    rawSize: 0, first: [], marks: [], frames: [], globalFrames: [], indexBuild: [], globalFind: [] };
  for (let run = 0; run < runs; ++run) {
    const b = await openBrowser();
    try {
      let { page } = await openApp(b.context, b.base);
      const imp = await importFile(page, file);
      r.parse.push(imp.parse);
      r.apply.push(imp.apply);
      const ex = await exportOnce(page);
      r.export.push(ex.ms);
      r.exportSize = ex.size;
      const peers = await jsonPeers(page, `bench/visits-${n}.json`);
      r.jsonParse.push(median(peers.parse));
      r.jsonStringify.push(median(peers.stringify));
      for (let i = 0; i < SAVES; ++i) {
        r.save.push(await saveOne(page));
        const raw = await rawPut(page);
        r.raw.push(raw.ms);
        r.rawSize = raw.size;
        await sleep(100);
      }
      ({ page } = await openApp(b.context, b.base));  // reload: the store is read back
      const marks = await page.evaluate(() => Object.fromEntries(['desk-main', 'desk-journal-read', 'desk-glyphs-requested',
        'desk-first-frame'].map((m) => [m, performance.getEntriesByName(m)[0].startTime])));
      r.first.push(marks['desk-first-frame']);
      r.marks.push(marks);
      r.frames.push(...await typingFrames(page));
      const g = await globalSearchFrames(page);
      r.globalFrames.push(...g.frames);
      r.indexBuild.push(g.build);
      r.globalFind.push(g.find);
    } finally {
      await b.close();
    }
    process.stderr.write(`  ${n} records: run ${run + 1}/${runs} done\n`);
  }
  return r;
}

const results = [];
for (const n of [1000, big]) results.push(await measure(n));
rmSync(join(DIST, 'bench'), { recursive: true, force: true });

const [a, z] = results;
const row = (what, x, y, note = '') => console.log(`| ${what} | ${x} | ${y} | ${note} |`);
console.log(`\n| medians of ${runs} runs (ms) | ${a.n} records | ${z.n} records | peer / goal |`);
console.log('| --- | ---: | ---: | --- |');
row('import: parse and check', fmt(median(a.parse)), fmt(median(z.parse)),
  `JSON.parse of the same text: ${fmt(median(a.jsonParse))} / ${fmt(median(z.jsonParse))}`);
row('import: apply and make durable', fmt(median(a.apply)), fmt(median(z.apply)), '');
row('export (click to download)', fmt(median(a.export)), fmt(median(z.export)),
  `JSON.stringify: ${fmt(median(a.jsonStringify))} / ${fmt(median(z.jsonStringify))}; file ${(a.exportSize / 1e6).toFixed(1)} / ${(z.exportSize / 1e6).toFixed(1)} MB`);
row('save one visit, to durable', fmt(median(a.save)), fmt(median(z.save)),
  `ratio ${(median(z.save) / median(a.save)).toFixed(2)} (goal ≤ 1.5)`);
row('raw IndexedDB put of the same bytes', fmt(median(a.raw)), fmt(median(z.raw)),
  `${a.rawSize} / ${z.rawSize} bytes; ours ÷ raw ${(median(a.save) / median(a.raw)).toFixed(1)} / ${(median(z.save) / median(z.raw)).toFixed(1)} (goal ≤ 3)`);
row('navigation → first frame, store loaded', fmt(median(a.first)), fmt(median(z.first)), 'goal ≤ 1000 / ≤ 2000');
const phase = (x, from, to) => fmt(median(x.marks.map((m) => m[to] - m[from])));
row('  of which: page start → main() (IndexedDB read, wasm start)', fmt(median(a.marks.map((m) => m['desk-main']))),
  fmt(median(z.marks.map((m) => m['desk-main']))), '');
row('  of which: journal replay', phase(a, 'desk-main', 'desk-journal-read'), phase(z, 'desk-main', 'desk-journal-read'), '');
row('  of which: glyphs of every record requested', phase(a, 'desk-journal-read', 'desk-glyphs-requested'),
  phase(z, 'desk-journal-read', 'desk-glyphs-requested'), '');
row('  of which: first frame drawn (atlas, lists)', phase(a, 'desk-glyphs-requested', 'desk-first-frame'),
  phase(z, 'desk-glyphs-requested', 'desk-first-frame'), '');
row('frame CPU while typing a search: p50', fmt(median(a.frames)), fmt(median(z.frames)), `${a.frames.length} / ${z.frames.length} frames`);
row('frame CPU while typing a search: p95', fmt(pct(a.frames, 0.95)), fmt(pct(z.frames, 0.95)), 'goal p95 ≤ 8');
row('frame CPU while typing a search: max', fmt(Math.max(...a.frames)), fmt(Math.max(...z.frames)), '');
row('search every module (Ctrl+K): index build on opening', fmt(median(a.indexBuild)), fmt(median(z.indexBuild)),
  'once per data change');
row('search every module: one search (王珺)', fmt(median(a.globalFind)), fmt(median(z.globalFind)), '');
row('frame CPU while typing in it: p50', fmt(median(a.globalFrames)), fmt(median(z.globalFrames)),
  `${a.globalFrames.length} / ${z.globalFrames.length} frames`);
row('frame CPU while typing in it: p95', fmt(pct(a.globalFrames, 0.95)), fmt(pct(z.globalFrames, 0.95)), 'goal p95 ≤ 8');
row('frame CPU while typing in it: max', fmt(Math.max(...a.globalFrames)), fmt(Math.max(...z.globalFrames)), '');
