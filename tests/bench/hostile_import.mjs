// Benchmark: large and hostile imports stay bounded (issue 17). Each file is
// as large as the browser accepts (kMaxImportBytes, 160 MiB) and is imported
// through the UI into a fresh browser; printed: the time from choosing the
// file to the answer (confirm dialog or refusal), the answer, and the wasm
// heap size afterwards (wasm memory never shrinks: it is the peak).
//   valid      the app's own export of generated visits, just under the limit (then applied)
//   spaces     nothing but white space
//   string     one string of the whole file's length
//   zeros      one record holding an array of 80 million zeros (the tree path)
// usage: node tests/bench/hostile_import.mjs [which=valid,spaces,string,zeros]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, openSync, writeSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openBrowser, openApp, widget, snapshot } from '../browser/harness.mjs';

const LIMIT = 160 * 1024 * 1024;  // kMaxImportBytes (src/core/exchange.hpp)
const CACHE = resolve('build/bench');
const TOOL = resolve('build/native/desk-tool');
const which = (process.argv[2] || 'valid,spaces,string,zeros').split(',');
mkdirSync(CACHE, { recursive: true });

// Writes `head`, `fill` repeated to make the file LIMIT - tail bytes long, then `tail`.
function padded(name, head, fill, tail) {
  const file = join(CACHE, name);
  if (existsSync(file)) return file;
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  let left = LIMIT - Buffer.byteLength(head) - Buffer.byteLength(tail);
  const chunk = fill.repeat(Math.floor((1 << 20) / fill.length));
  while (left >= chunk.length) { writeSync(fd, chunk); left -= chunk.length; }
  writeSync(fd, fill.repeat(Math.floor(left / fill.length)) + ' '.repeat(left % fill.length));
  writeSync(fd, tail);
  closeSync(fd);
  return file;
}

function validExport() {
  const file = join(CACHE, 'largest-valid.json');
  if (existsSync(file)) return file;
  const raw = join(CACHE, 'largest-raw.json');
  execFileSync(TOOL, ['generate', '--records', '150000', '--only', 'visit', '--out', raw]);
  // Cut whole record lines until the file fits under the limit.
  let text = readFileSync(raw, 'utf8');
  while (Buffer.byteLength(text) > LIMIT - 16) {
    const cut = text.lastIndexOf(',\n', text.length - Math.max(1, Math.floor((Buffer.byteLength(text) - LIMIT) / 2)));
    text = text.slice(0, cut) + '\n]}\n';
  }
  writeFileSync(file, text);
  return file;
}

const files = {
  valid: validExport,
  spaces: () => padded('spaces.json', '', ' ', ''),
  string: () => padded('one-string.json', '{"format":"wuye-desk-export","version":1,"site":"', 'a', '","records":[]}'),
  zeros: () => padded('zeros.json', '{"format":"wuye-desk-export","version":1,"records":[{"type":"visit","history":[',
    '0,', '0]}]}'),
};

const heap = (page) => page.evaluate(() => Module.ccall('desk_bench_heap_bytes', 'number', [], []));
const mb = (x) => (x / 1048576).toFixed(0);

const rows = [];
for (const name of which) {
  const file = files[name]();
  const b = await openBrowser();
  try {
    const { page } = await openApp(b.context, b.base);
    const before = await heap(page);
    const w = await widget(page, 'data.import');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
      page.mouse.click(w.x + w.w / 2, w.y + w.h / 2)]);
    const t = Date.now();
    await chooser.setFiles(file);
    await page.waitForFunction(() => window.deskTest.widget('import.errors.ok') || window.deskTest.widget('import.confirm.ok'),
      null, { timeout: 600000, polling: 50 });
    const answer = Date.now() - t;
    const s = await snapshot(page);
    const refused = s.messages.filter((m) => m.id === 'import.error').map((m) => m.text)[0];
    let applied = '';
    if (!refused) {
      const ok = await widget(page, 'import.confirm.ok');
      const t2 = Date.now();
      await page.mouse.click(ok.x + ok.w / 2, ok.y + ok.h / 2);
      await page.waitForFunction(() => window.deskTest.snapshot().saveState === 'saved', null, { timeout: 600000 });
      applied = `${Date.now() - t2} ms`;
    }
    const after = await heap(page);
    rows.push({ name, size: statSync(file).size, answer, refused: refused || 'accepted', applied, before, after });
    process.stderr.write(`  ${name}: ${answer} ms, heap ${mb(before)} -> ${mb(after)} MB\n`);
  } finally {
    await b.close();
  }
}

console.log('\n| file (bytes) | choose → answer | answer | apply, to durable | wasm heap before → after |');
console.log('| --- | ---: | --- | ---: | ---: |');
for (const r of rows)
  console.log(`| ${r.name} (${r.size}) | ${r.answer} ms | ${r.refused.slice(0, 90)} | ${r.applied || '—'} | ${mb(r.before)} → ${mb(r.after)} MB |`);
