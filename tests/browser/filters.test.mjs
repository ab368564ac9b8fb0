// Module list filters (issue: type, unit, staff, clear), on generated sample
// data imported through the UI: each count is checked against the same
// filter computed here from the export file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBrowser, openApp, widget, click, frames, snapshot, type, shot, save } from './harness.mjs';

const FILE = resolve('build/bench/sample-400.json');
let b, page, repairs;

before(async () => {
  mkdirSync('build/bench', { recursive: true });
  execFileSync(resolve('build/native/desk-tool'), ['generate', '--records', '400', '--seed', '5', '--out', FILE]);
  repairs = JSON.parse(readFileSync(FILE, 'utf8')).records.filter((r) => r.type === 'repair');
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=repairs'));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(FILE);
  await widget(page, 'import.confirm.ok');
  await save(page, 'import.confirm.ok');
});
after(async () => { await b.close(); });

async function count() {
  await frames(page, 2);
  await page.waitForFunction(() => !window.deskTest.messages().some((m) => m.id === 'repairs.searching'));
  return Number((await snapshot(page)).messages.find((m) => m.id === 'repairs.count').text.split('/')[0]);
}

const staffOf = (r) => [r.created_by, r.updated_by, r.data.received_by, r.data.technician];

test('repairs filter by fault type, unit and staff, alone and together; clear resets', async () => {
  assert.equal(await count(), repairs.length);

  await click(page, 'repairs.filter.kind');
  await click(page, 'repairs.filter.kind.plumbing');
  const plumbing = repairs.filter((r) => r.data.fault === 'plumbing');
  assert.ok(plumbing.length > 0);
  assert.equal(await count(), plumbing.length);
  assert.equal((await widget(page, 'repairs.filter.kind')).label, '给排水', 'the combo shows the chosen type');

  await type(page, 'repairs.filter.unit', '3栋');
  const both = plumbing.filter((r) => r.data.unit.includes('3栋'));
  assert.equal(await count(), both.length);
  await shot(page, 'filters-repairs-kind-unit');

  await click(page, 'repairs.filter.clear');
  assert.equal(await count(), repairs.length);

  await type(page, 'repairs.filter.staff', 't002');  // staff codes match without regard to case
  const byStaff = repairs.filter((r) => staffOf(r).some((s) => s.toLowerCase().includes('t002')));
  assert.ok(byStaff.length > 0 && byStaff.length < repairs.length);
  assert.equal(await count(), byStaff.length);
  for (const row of (await snapshot(page)).records)
    assert.ok(byStaff.some((r) => r.id === row.id), `row ${row.id} names T002`);
  await shot(page, 'filters-repairs-staff');
  await click(page, 'repairs.filter.clear');
  assert.equal(await count(), repairs.length);
});
