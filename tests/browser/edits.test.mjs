// The modules whose create/workflow/refusal cells live in modules.test.mjs
// (complaints, repairs, incidents, staff): an edit stored as a new revision
// with its history line, a repair dispatched after a refused dispatch, and a
// search that finds the record and nothing for another word — each change
// checked in what IndexedDB holds, not only on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, shot, reveal, storedLatest, listCount, messageLines, openRow as openRowOf,
  frames, widget,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=complaints'));
});
after(async () => { await b.close(); });

const count = (module) => listCount(page, module);
const messages = () => messageLines(page);
const stored = (type, pred) => storedLatest(page, type, pred);
const openRow = (type) => openRowOf(page, type);
async function searchCounts(module, word, other) {
  await type(page, `${module}.search`, word);
  assert.equal(await count(module), 1, `${module}: "${word}" finds the record`);
  await type(page, `${module}.search`, other);
  assert.equal(await count(module), 0, `${module}: "${other}" finds nothing`);
  await type(page, `${module}.search`, '');
}

test('complaints: an edit is stored as revision 2 with its history line', async () => {
  await click(page, 'complaints.new');
  await type(page, 'complaints.complainant', '钱女士');
  await type(page, 'complaints.unit', '3栋-1202');
  await type(page, 'complaints.matter', '噪音');
  await type(page, 'complaints.content', '楼上深夜装修噪音');
  await save(page, 'complaints.save');
  assert.equal((await stored('complaint')).revision, 1);
  await openRow('complaint');
  await type(page, 'complaints.matter', '装修噪音扰民');
  await save(page, 'complaints.save');
  const c = await stored('complaint');
  assert.equal(c.revision, 2);
  assert.equal(c.data.matter, '装修噪音扰民');
  assert.equal(c.history.at(-1).action, 'edit');
  await searchCounts('complaints', '深夜装修', '电梯');
});

test('complaints: after a reload the history reads as the form does: step names, site times, no stored codes', async () => {
  await openRow('complaint');
  await click(page, 'complaints.action.investigate');
  assert.equal((await stored('complaint')).history.at(-1).action, 'investigate');
  ({ page } = await openApp(b.context, b.base, 'test=1&module=complaints'));  // history read back from the journal
  await openRow('complaint');
  // The history is at the end of a long form: wheel down until it shows.
  const anchor = await widget(page, 'complaints.matter');
  await page.mouse.move(anchor.x + anchor.w / 2, anchor.y + anchor.h / 2);
  for (let i = 0; i < 40 && !(await page.evaluate(() => window.deskTest.widget('complaints.history'))); ++i) {
    await page.mouse.wheel(0, 300);
    await frames(page, 2);
  }
  await click(page, 'complaints.history');
  const lines = (await messageLines(page)).split('\n').filter((l) => l.startsWith('complaints.history.'));
  const entries = lines.filter((l) => l.startsWith('complaints.history.entry=')).map((l) => l.split('  ').at(-1));
  assert.deepEqual(entries, ['开始调查', '修改', '新建'], lines.join('\n'));
  assert.ok(lines.includes('complaints.history.change=投诉事项: 噪音 → 装修噪音扰民'), lines.join('\n'));
  // The step's own changes: the status by its name, a time in site time.
  assert.ok(lines.some((l) => /^complaints\.history\.change=状态: 受理 → 调查$/.test(l)), lines.join('\n'));
  for (const l of lines) assert.doesNotMatch(l, /T\d\d:\d\d:\d\d|\b(create|edit|investigate|received|investigating)\b| r\d/, l);
  await page.mouse.move(1080, 500);
  for (let i = 0; i < 6; ++i) await page.mouse.wheel(0, 300);
  await frames(page, 3);
  await shot(page, 'complaint-history');
});

test('repairs: dispatch refused without a technician, then dispatched, edited and searched', async () => {
  await click(page, 'nav.repairs');
  await click(page, 'repairs.new');
  await type(page, 'repairs.unit', '6栋-0302');
  await type(page, 'repairs.description', '卫生间水龙头漏水');
  await save(page, 'repairs.save');
  let r = await stored('repair');
  assert.equal(r.data.status, 'reported');

  await openRow('repair');
  await click(page, 'repairs.action.dispatch');
  assert.match(await messages(), /repairs\.error\.technician=请填写维修人员/);
  assert.equal((await stored('repair')).revision, 1, 'the refused dispatch stored nothing');
  await shot(page, 'repair-dispatch-refused');
  await reveal(page, 'repairs.technician', 'repairs.unit');
  await type(page, 'repairs.technician', '孙师傅');
  await reveal(page, 'repairs.appointment.now', 'repairs.unit');
  await click(page, 'repairs.appointment.now');
  await save(page, 'repairs.action.dispatch');
  r = await stored('repair');
  assert.equal(r.data.status, 'dispatched');
  assert.equal(r.data.technician, '孙师傅');
  assert.ok(r.data.dispatched_at, 'the dispatch time is stamped');
  assert.equal(r.history.at(-1).action, 'dispatch');
  await shot(page, 'repair-dispatched');

  await openRow('repair');
  await type(page, 'repairs.description', '卫生间水龙头漏水，阀门老化');
  await save(page, 'repairs.save');
  r = await stored('repair');
  assert.equal(r.data.description, '卫生间水龙头漏水，阀门老化');
  assert.equal(r.history.at(-1).action, 'edit');
  await searchCounts('repairs', '阀门老化', '电梯');
});

test('incidents: an edit is stored and the incident found by its place', async () => {
  await click(page, 'nav.incidents');
  await click(page, 'incidents.new');
  await click(page, 'incidents.plan.typhoon_1');
  await type(page, 'incidents.location', '地下车库');
  await save(page, 'incidents.save');
  assert.equal((await stored('incident')).revision, 1);
  await openRow('incident');
  await type(page, 'incidents.location', '地下车库B2');
  await save(page, 'incidents.save');
  const i = await stored('incident');
  assert.equal(i.revision, 2);
  assert.equal(i.data.location, '地下车库B2');
  assert.equal(i.history.at(-1).action, 'edit');
  await searchCounts('incidents', '车库B2', '会所');
});

test('staff: an edit is stored and the member found by name', async () => {
  await click(page, 'nav.staff');
  await click(page, 'staff.new');
  await type(page, 'staff.code', 'S200');
  await type(page, 'staff.name', '吴芳');
  await save(page, 'staff.save');
  assert.equal((await stored('staff')).revision, 1);
  await openRow('staff');
  await type(page, 'staff.phone', '13900002222');
  await save(page, 'staff.save');
  const s = await stored('staff');
  assert.equal(s.revision, 2);
  assert.equal(s.data.phone, '13900002222');
  assert.equal(s.history.at(-1).action, 'edit');
  await searchCounts('staff', '吴芳', '郑');
  await shot(page, 'staff-edited');
});
