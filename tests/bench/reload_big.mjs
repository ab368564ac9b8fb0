// Loads the desk N times over one browser profile that holds a large store
// (imported once, kept in build/bench/profile-<n>), printing the first-load
// phases of each load: to compare builds on the same stored data.
// usage: node tests/bench/reload_big.mjs [records=100000] [loads=5] [fresh]
//        (DESK_DIST picks the build, DESK_PROFILE the browser profile)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../../web/serve.mjs';
import { CHROMIUM_ARGS, DIST, launchBrowser, widget } from '../browser/harness.mjs';

const n = Number(process.argv[2] || 100000);
const loads = Number(process.argv[3] || 5);
const CACHE = resolve('build/bench');
const profile = process.env.DESK_PROFILE || join(CACHE, `profile-${n}`);  // DESK_PROFILE: another store, for A/B
const file = join(CACHE, `visits-${n}.json`);
mkdirSync(CACHE, { recursive: true });
if (!existsSync(file)) execFileSync(resolve('build/native/desk-tool'), ['generate', '--records', String(n), '--only', 'visit', '--out', file]);

const server = await startServer(DIST, 8765);  // one origin, so the stored data is found again
const base = `http://127.0.0.1:${server.address().port}/`;
const fresh = !existsSync(profile) || process.argv[4] === 'fresh';
const browser = await launchBrowser(
  { args: [...CHROMIUM_ARGS, ...(process.env.DESK_JS_FLAGS ? [`--js-flags=${process.env.DESK_JS_FLAGS}`] : [])] }, profile);
const { context } = browser;
const page = context.pages()[0] || await context.newPage();
const open = async () => {
  await page.goto(`${base}?test=1&module=visits`);
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 120000 });
};
const names = ['desk-wasm-ready', 'desk-idb-read', 'desk-main', 'desk-journal-read', 'desk-glyphs-requested', 'desk-first-frame'];
try {
  if (fresh) {
    await open();
    await page.evaluate(() => window.deskTest.enable());
    if (await page.evaluate(() => !!window.deskTest.widget('setup.later'))) {
      const w = await widget(page, 'setup.later');
      await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
    }
    const w = await widget(page, 'data.import');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.mouse.click(w.x + w.w / 2, w.y + w.h / 2)]);
    await chooser.setFiles(file);
    const ok = await widget(page, 'import.confirm.ok', 600000);
    await page.mouse.click(ok.x + ok.w / 2, ok.y + ok.h / 2);
    await page.waitForFunction(() => window.deskTest.snapshot().saveState === 'saved', null, { timeout: 600000, polling: 100 });
    console.log(`imported ${n} records into ${profile}`);
  }
  console.log('| load | wasm ready | IndexedDB read | → main | replay | glyphs | first frame drawn | first frame |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (let i = 0; i < loads; ++i) {
    await open();
    const m = await page.evaluate((ns) => Object.fromEntries(ns.map((k) => [k, performance.getEntriesByName(k)[0]?.startTime ?? NaN])), names);
    const d = (a, b) => (m[b] - m[a]).toFixed(0);
    const stored = await page.evaluate(() => Module.FS.readdir('/data/journal').filter((f) => f.startsWith('seg-'))
      .reduce((t, f) => t + Module.FS.stat('/data/journal/' + f).size, 0));
    if (i === 0) console.log(`stored journal: ${(stored / 1e6).toFixed(1)} MB`);
    console.log(`| ${i + 1} | ${m['desk-wasm-ready'].toFixed(0)} | ${d('desk-wasm-ready', 'desk-idb-read')} | ${d('desk-idb-read', 'desk-main')} | ${d('desk-main', 'desk-journal-read')} | ` +
      `${d('desk-journal-read', 'desk-glyphs-requested')} | ${d('desk-glyphs-requested', 'desk-first-frame')} | ${m['desk-first-frame'].toFixed(0)} |`);
  }
} finally {
  await browser.close();
  server.close();
}
