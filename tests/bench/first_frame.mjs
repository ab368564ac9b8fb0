// Benchmark: navigation to first frame in headless Chromium (SwiftShader),
// bytes on first load, median of several runs. Prints a table.
// usage: node tests/bench/first_frame.mjs [runs]
import { statSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { openBrowser, openApp, DIST } from '../browser/harness.mjs';
import { addGoal } from './summary.mjs';

const runs = Number(process.argv[2] || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const files = ['index.html', 'index.js', 'index.wasm', 'index.data'];
let raw = 0, gz = 0;
console.log('| file | raw bytes | gzip -9 bytes |\n| --- | ---: | ---: |');
for (const f of [...files, 'fonts/desk-more.ttf', 'fonts/desk-ext.ttf']) {
  const bytes = readFileSync(join(DIST, f));
  const g = gzipSync(bytes, { level: 9 }).length;
  console.log(`| ${f}${f.startsWith('fonts') ? ' (lazy)' : ''} | ${bytes.length} | ${g} |`);
  if (!f.startsWith('fonts')) { raw += bytes.length; gz += g; }
}
console.log(`| first load total | ${raw} | ${gz} |\n`);
console.log(`first load gzipped: ${(gz / 1048576).toFixed(2)} MB (goal ≤ 1.50 MB: ${gz <= 1.5 * 1048576 ? 'met' : 'OVER'})\n`);
addGoal(6, 'first load, gzipped (index.html, .js, .wasm, .data)', `${(gz / 1048576).toFixed(2)} MB`,
  `${(raw / 1048576).toFixed(2)} MB uncompressed; fonts beyond the base load lazily`, '≤ 1.50 MB', gz <= 1.5 * 1048576 ? 'met' : 'OVER');

const times = [], mains = [], frames = [], fonts = [];
for (let i = 0; i < runs; ++i) {
  const b = await openBrowser();
  const { page, firstFrameMs } = await openApp(b.context, b.base);
  times.push(firstFrameMs);
  const t = await page.evaluate(() => ({
    main: performance.getEntriesByName('desk-main')[0].startTime,
    frame: performance.getEntriesByName('desk-first-frame')[0].startTime,
    font: Number(window.deskTest.snapshot().fontBuildMs),
  }));
  mains.push(Math.round(t.main));
  frames.push(Math.round(t.frame));
  fonts.push(Math.round(t.font));
  await b.close();
}
console.log(`navigation -> first frame (test harness clock), empty store: median ${median(times)} ms of ${runs} (${times.join(', ')})`);
console.log(`  page clock: main() starts at median ${median(mains)} ms, first frame drawn at ${median(frames)} ms`);
console.log(`  glyph atlas build (in the first frame): median ${median(fonts)} ms`);
