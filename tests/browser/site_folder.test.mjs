// Three desks (three browser profiles) on one real folder on disk (issue 12):
// a record saved on one reaches the others; edits made while the folder was
// unreachable converge, with the losing edit in the conflict list; a write
// cut off mid-way loses and doubles nothing; a corrupt desk file is named
// and skipped; a fresh profile restores everything; after a reload that
// needs permission again, one click resumes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, openApp, click, type, save, shot, snapshot, frames, openRow, messageLines, storedFiles }
  from './harness.mjs';
import { shareFolder } from './folder_shim.mjs';

const folder = mkdtempSync(join(tmpdir(), 'desk-site-folder-'));
const desks = [];
let control;

async function fact(page, key) { return (await snapshot(page))[key]; }
async function until(page, pred, arg, what, timeout = 30000) {
  try {
    await page.waitForFunction(pred, arg, { timeout });
  } catch (e) {
    throw new Error(`${what}: ${await messageLines(page)}`);
  }
}
const folderState = (page, state) => until(page, (s) => window.deskTest.snapshot().folderState === s, state,
  `folder state ${state}`);
const recordCount = (page, n) => until(page, (k) => Number(window.deskTest.snapshot().recordCount) === k, n,
  `${n} records`);

async function join_folder(page) {
  await click(page, 'nav.folder');
  await click(page, 'folder.choose');
  await folderState(page, 'ok');
}

async function newVisit(page, text) {
  await click(page, 'nav.visits');
  await click(page, 'visits.new');
  await type(page, 'visit.content', text);
  await save(page, 'visit.save');
}

function deskInfo() {
  const out = {};
  if (!existsSync(join(folder, 'desks'))) return out;
  for (const device of readdirSync(join(folder, 'desks')))
    if (existsSync(join(folder, 'desks', device, 'desk.json')))
      out[device] = readFileSync(join(folder, 'desks', device, 'desk.json'), 'utf8');
  return out;
}

function deskFiles() {
  const out = {};
  for (const device of readdirSync(join(folder, 'desks')))
    for (const f of readdirSync(join(folder, 'desks', device)).filter((n) => n.endsWith('.jsonl')))
      out[`desks/${device}/${f}`] = readFileSync(join(folder, 'desks', device, f), 'utf8');
  return out;
}

before(async () => {
  for (let i = 0; i < 3; ++i) {
    const b = await openBrowser();
    control = await shareFolder(b.context, folder, control);
    const { page } = await openApp(b.context, b.base);
    desks.push({ b, page });
  }
});
after(async () => {
  for (const d of desks) await d.b.close();
  if (process.env.KEEP_FOLDER) console.log(`folder kept: ${folder}`);
  else rmSync(folder, { recursive: true, force: true });
});

test('a record saved on desk 1 appears on desks 2 and 3', async () => {
  for (const { page } of desks) await join_folder(page);
  const [one, two, three] = desks.map((d) => d.page);
  // Desk 1 is named 前台1 (本机名称), written beside its journal.
  await type(one, 'folder.desk_name', '前台1');
  await one.keyboard.press('Enter');
  await click(one, 'nav.folder');  // and away from the field, as a person would
  // The file is created, then written: wait for its content, not its name.
  const named = () => Object.values(deskInfo()).find((t) => /"name":"前台1"/.test(t));
  for (let i = 0; i < 150 && !named(); ++i) await new Promise((r) => setTimeout(r, 200));
  assert.match(named() || JSON.stringify(deskInfo()), /"name":"前台1"/);
  await shot(one, 'site-folder-settings');
  await newVisit(one, '楼道灯不亮，业主来问');
  await folderState(one, 'ok');
  for (const page of [two, three]) {
    await recordCount(page, 1);
    await until(page, () => window.deskTest.snapshot().messages.some((m) => m.id === 'status' && /来自 前台1 的 1 条更新/.test(m.text)),
      null, 'the update line');
  }
  await click(two, 'nav.visits');
  assert.equal((await snapshot(two)).records.filter((r) => r.type === 'visit').length, 1, 'listed on desk 2');
  await shot(two, 'site-folder-update');
  // Only its own files: desk 1 wrote one file, desks 2 and 3 none yet.
  assert.equal(Object.keys(deskFiles()).length, 1);
});

// The visit as the desk holds it: its journal's last line of the highest revision.
async function contents(page) {
  const lines = (await storedFiles(page)).filter((f) => /seg-/.test(f.path)).sort((a, b) => a.path.localeCompare(b.path))
    .flatMap((f) => f.text.split('\n')).filter((l) => l.includes('"type":"visit"')).map((l) => JSON.parse(l.slice(9)));
  const top = Math.max(...lines.map((v) => v.revision));
  return lines.filter((v) => v.revision === top).pop().data.unit;
}

test('edits of one record on two desks while the folder is unreachable converge, the loser in the conflict list', async () => {
  const [one, two, three] = desks.map((d) => d.page);
  // What each desk stored while offline: the edits that compete.
  const edits = [];
  control.down = true;
  try {
    for (const [page, unit] of [[one, '1-101'], [two, '2-202']]) {
      await click(page, 'nav.visits');
      // A row already open in the form closes when clicked again.
      for (let i = 0; i < 3 && !(await snapshot(page)).widgets.some((w) => w.id === 'visit.unit'); ++i) {
        await openRow(page, 'visit');
        await frames(page, 3);
      }
      await type(page, 'visit.unit', unit);
      await save(page, 'visit.save');
      await folderState(page, 'unavailable');
      edits.push(await contents(page));
    }
    assert.notEqual(edits[0], edits[1], `two different edits: ${edits}`);
    const status = (await snapshot(one)).messages.find((m) => m.id === 'folder.status').text;
    assert.match(status, /文件夹不可用（找不到文件夹：网络盘断开或已移走） · 备份待补 1 条/);
    await shot(one, 'site-folder-unavailable');
  } finally {
    control.down = false;
  }
  // Retried by itself within kRetryMs (10 s); the focus poke makes it sooner.
  for (const page of [one, two]) await folderState(page, 'ok');
  for (const page of [one, two, three])
    await until(page, () => window.deskTest.snapshot().folderPending === '0', null, 'nothing pending');
  const settle = async () => Promise.all([one, two, three].map(contents));
  let seen = await settle();
  for (let i = 0; i < 40 && new Set(seen).size !== 1; ++i) {
    await new Promise((r) => setTimeout(r, 500));
    seen = await settle();
  }
  assert.equal(new Set(seen).size, 1, `one final state on all three: ${seen}`);
  assert.ok(edits.includes(seen[0]), `the final state is one of the edits: ${seen[0]} of ${edits}`);
  const lost = edits.find((e) => e !== seen[0]);
  await click(three, 'nav.folder');
  await until(three, (l) => window.deskTest.snapshot().messages.some((m) => m.id === 'folder.conflict' && m.text.includes(l)),
    lost, 'the conflict list shows the losing edit');
  const row = (await snapshot(three)).messages.find((m) => m.id === 'folder.conflict').text;
  assert.ok(row.includes(seen[0]) && row.includes(lost), row);
  await shot(three, 'site-folder-conflicts');
});

test('a write cut off by the folder going away is redone once: nothing lost or doubled', async () => {
  const [one, , three] = desks.map((d) => d.page);
  control.failCommits = 1;
  try {
    await newVisit(one, '写入中途断开的来访');
  } finally {
    setTimeout(() => { control.failCommits = 0; }, 5000);
  }
  await folderState(one, 'unavailable');
  await folderState(one, 'ok');
  await until(one, () => window.deskTest.snapshot().folderPending === '0', null, 'written');
  // Every version of the visit is in the folder once: no line lost, none doubled.
  const versions = Object.values(deskFiles()).join('').split('\n').filter((l) => l.includes('写入中途断开的来访'))
    .map((l) => JSON.parse(l.slice(l.indexOf(' ') + 1))).map((v) => `${v.id}@${v.revision}`);
  assert.ok(versions.length >= 1, 'written');
  assert.equal(new Set(versions).size, versions.length, `no version twice: ${versions}`);
  await recordCount(three, 2);
});

test('a corrupt desk file is named and skipped; the good files still sync', async () => {
  const [one, two] = desks.map((d) => d.page);
  mkdirSync(join(folder, 'desks', 'desk-broken'), { recursive: true });
  writeFileSync(join(folder, 'desks', 'desk-broken', 'journal-0001.jsonl'), 'PK\u0003\u0004 not a desk file\n');
  await newVisit(one, '坏文件之后的来访');
  await recordCount(two, 3);
  await click(two, 'nav.folder');
  await until(two, () => window.deskTest.snapshot().messages.some((m) => m.id === 'folder.refused' &&
    m.text.includes('desks/desk-broken/journal-0001.jsonl')), null, 'the bad file named');
  assert.equal(readFileSync(join(folder, 'desks', 'desk-broken', 'journal-0001.jsonl'), 'utf8'),
    'PK\u0003\u0004 not a desk file\n', 'never written over');
  await shot(two, 'site-folder-refused');
});

test('a fresh profile restores every record from the folder, counted per desk', async () => {
  const b = await openBrowser();
  try {
    await shareFolder(b.context, folder, control);
    const { page } = await openApp(b.context, b.base, 'test=1', { setup: 'keep' });
    await click(page, 'folder.restore');
    await recordCount(page, 3);
    await click(page, 'setup.later');
    await click(page, 'nav.folder');
    const lines = (await snapshot(page)).messages.filter((m) => m.id === 'folder.desk').map((m) => m.text);
    assert.ok(lines.length >= 1, 'counts per desk');
    // One line per desk that wrote (a record changed on two desks counts on both).
    const writers = readdirSync(join(folder, 'desks'))
      .filter((d) => readdirSync(join(folder, 'desks', d)).includes('journal-0001.jsonl') && d !== 'desk-broken');
    assert.equal(lines.length, writers.length, lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('前台1：')), `desk 1 by its name: ${lines}`);
    assert.ok(lines.reduce((n, l) => n + Number(l.match(/新增或更新 (\d+) 条/)[1]), 0) >= 3, lines.join('\n'));
    await shot(page, 'site-folder-restored');
  } finally {
    await b.close();
  }
});

test('after a reload that needs permission again, one click resumes the backup', async () => {
  const { page } = desks[0];
  control.perm = 'prompt';
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  if (await page.evaluate(() => !!window.deskTest.widget('setup.later'))) await click(page, 'setup.later');
  await folderState(page, 'prompt');
  const banner = (await snapshot(page)).messages.find((m) => m.id === 'folder.banner');
  assert.ok(banner && banner.text.includes('浏览器要求重新授权站点文件夹'), 'the banner says so');
  await shot(page, 'site-folder-regrant');
  await click(page, 'folder.regrant');
  await folderState(page, 'ok');
});
