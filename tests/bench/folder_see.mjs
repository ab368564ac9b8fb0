// Benchmark (issue 12): how soon a record saved on one desk is on another
// desk's screen, in headless Chromium, two profiles on one folder on disk
// (through the test handle shim). Includes FolderSync's round interval
// (3 s while idle) and the persist on both desks: the figure a person sees.
// usage: node tests/bench/folder_see.mjs [samples=12]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, openApp, click, type, save } from '../browser/harness.mjs';
import { shareFolder } from '../browser/folder_shim.mjs';

const samples = Number(process.argv[2] || 12);
const folder = mkdtempSync(join(tmpdir(), 'desk-see-'));
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const desks = [];
let control;
try {
  for (let i = 0; i < 2; ++i) {
    const b = await openBrowser();
    control = await shareFolder(b.context, folder, control);
    const { page } = await openApp(b.context, b.base);
    await click(page, 'nav.folder');
    await click(page, 'folder.choose');
    await page.waitForFunction(() => window.deskTest.snapshot().folderState === 'ok', null, { timeout: 30000 });
    desks.push({ b, page });
  }
  const [a, b] = desks.map((d) => d.page);
  await click(a, 'nav.visits');
  const times = [];
  for (let i = 0; i < samples; ++i) {
    await click(a, 'visits.new');
    await type(a, 'visit.content', `bench ${i}`);
    const t = Date.now();
    await save(a, 'visit.save');
    await b.waitForFunction((n) => Number(window.deskTest.snapshot().recordCount) === n, i + 1,
      { timeout: 60000, polling: 20 });
    times.push(Date.now() - t);
  }
  const s = sorted(times);
  console.log('| desk B shows desk A\'s save | samples | median | p95 | max |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(`| click 保存 on A → on B's screen | ${samples} | ${s[Math.floor(s.length / 2)]} ms | ` +
    `${s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]} ms | ${s[s.length - 1]} ms |`);
} finally {
  for (const d of desks) await d.b.close();
  rmSync(folder, { recursive: true, force: true });
}
