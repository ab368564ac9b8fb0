// Issue 17 in the browser: a save the journal reader would refuse is refused
// at save time beside the field, with nothing in IndexedDB; an import with an
// absurd revision is refused naming the record and the field; a record at
// the highest revision cannot be edited again (and nothing is lost on reload).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openBrowser, openApp, click, type, widget, frames, snapshot, records, shot, save, storedFiles, messageLines,
  openRow, SHOTS,
} from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

const digest = async (page) => JSON.stringify(await storedFiles(page));
// n characters of Chinese text with an astral-plane character every tenth.
const text = (n) => Array.from({ length: n }, (_, i) => (i % 10 === 9 ? '😀' : '访')).join('');

async function newVisit(page, content) {
  await click(page, 'visits.new');
  await type(page, 'visit.visitor_name', '王珺');
  await type(page, 'visit.phone', '13812345678');
  await type(page, 'visit.content', content);
  await click(page, 'visit.outcome.promised_24h');
}

test('a visit with 5213 characters of 来访内容 is refused at save beside the field; nothing stored', async () => {
  const { page } = await openApp(b.context, b.base);
  const before = await digest(page);
  await newVisit(page, text(5213));
  let lines = await messageLines(page);
  assert.match(lines, /count\.visit\.content=5213\/5000/, 'the counter shows the limit while typing');
  await click(page, 'visit.save');
  await frames(page, 3);
  lines = await messageLines(page);
  assert.match(lines, /error\.content=来访内容过长：最多 5000 字，当前 5213 字/);
  const s = await snapshot(page);
  assert.notEqual(s.saveState, 'saved');
  assert.notEqual(s.saveState, 'saving');
  await shot(page, 'limits-content-refused');
  assert.equal(await digest(page), before, 'nothing was written to IndexedDB');
  assert.equal((await records(page)).length, 0);

  // Cut to 4,900 characters: the counter still shows, the save goes through and survives a reload.
  await type(page, 'visit.content', text(4900));
  assert.match(await messageLines(page), /count\.visit\.content=4900\/5000/);
  await shot(page, 'limits-content-counter');
  await save(page, 'visit.save');
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  assert.equal((await records(page)).length, 1, 'the saved visit is there after a reload');
  assert.doesNotMatch(await messageLines(page), /损坏|damaged|隔离/);
});

// One visit saved through the UI, exported; `revision` sets the record's top-level revision.
async function exportWithRevision(page, revision) {
  await newVisit(page, '询问电梯维修时间');
  await save(page, 'visit.save');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'data.export')]);
  const exported = readFileSync(await download.path(), 'utf8');
  const at = exported.lastIndexOf('"revision":1,');  // after the history: the record's own
  assert.ok(at > 0);
  const file = join(SHOTS, `limits-revision-${revision}.json`);
  writeFileSync(file, exported.slice(0, at) + `"revision":${revision},` + exported.slice(at + 13));
  return file;
}

async function importInto(page, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(file);
}

test('an import with revision 9223372036854775807 is refused naming the record and field', async () => {
  const source = await openBrowser();
  let file;
  try {
    file = await exportWithRevision((await openApp(source.context, source.base)).page, '9223372036854775807');
  } finally {
    await source.close();
  }
  const { page } = await openApp(b.context, b.base);
  const before = await digest(page);
  const rowsBefore = (await records(page)).length;
  await importInto(page, file);
  await widget(page, 'import.errors.ok');
  await frames(page, 2);
  const lines = await messageLines(page);
  assert.match(lines, /import\.error=records\[0\]\.revision：修订号 9223372036854775807 超出范围（应为 1–1000000000）/);
  await shot(page, 'limits-import-revision-refused');
  await click(page, 'import.errors.ok');
  assert.equal(await digest(page), before, 'nothing was written');
  assert.equal((await records(page)).length, rowsBefore);
});

test('a record imported one below the highest revision takes one edit, then refuses the next', async () => {
  const source = await openBrowser();
  let file;
  try {
    file = await exportWithRevision((await openApp(source.context, source.base)).page, '999999999');
  } finally {
    await source.close();
  }
  const fresh = await openBrowser();
  try {
    const { page } = await openApp(fresh.context, fresh.base);
    await importInto(page, file);
    await widget(page, 'import.confirm.ok');
    await save(page, 'import.confirm.ok');
    await openRow(page, 'visit');
    await type(page, 'visit.unit', '5-101');
    await save(page, 'visit.save');
    await openRow(page, 'visit');
    await type(page, 'visit.unit', '6-202');
    const before = await digest(page);
    await click(page, 'visit.save');
    await frames(page, 3);
    const lines = await messageLines(page);
    assert.match(lines, /error\.revision=此记录的修订号已达上限（1000000000），不能再修改/);
    await shot(page, 'limits-edit-at-max-refused');
    assert.equal(await digest(page), before, 'nothing was written');
    await page.reload();
    await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
    await page.evaluate(() => window.deskTest.enable());
    await frames(page, 3);
    assert.equal((await records(page)).length, 1, 'the record at the highest revision is still there after a reload');
  } finally {
    await fresh.close();
  }
});
