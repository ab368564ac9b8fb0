// A guard (保安) signed in with a PIN: the desk lets them record what any
// staff may record, and refuses, with the reason on the button, what their
// role may not do — in four modules (SPEC roles; core/roles.cpp).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, widget, openRow as openRowOf,
  setUpSite, addStaff, signIn, signOut,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=staff', { setup: 'keep' }));
  await setUpSite(page);
  await addStaff(page, { code: 'G01', name: '卫保安', role: 'guard', pin: '135792' });
  await signOut(page);
  await signIn(page, 'G01', '135792');
});
after(async () => { await b.close(); });

const find = async (id) => (await snapshot(page)).widgets.find((w) => w.id === id);
const message = async (id) => (await snapshot(page)).messages.find((m) => m.id === id)?.text || '';
const openRow = (type) => openRowOf(page, type);

test('violations: a guard records one but may not close it', async () => {
  await click(page, 'nav.violations');
  await click(page, 'violations.new');
  await type(page, 'violations.unit', '3栋-0303');
  await type(page, 'violations.description', '楼道堆放杂物');
  await save(page, 'violations.save');
  await openRow('violation');
  assert.equal((await find('violations.action.close')).disabled, true);
  assert.match(await message('violations.action.close.reason'), /客服|主管|经理/);
  await shot(page, 'roles-guard-violation');
});

test('repairs: a guard reports a fault but may not dispatch it', async () => {
  await click(page, 'nav.repairs');
  await click(page, 'repairs.new');
  await type(page, 'repairs.requester', '业主');
  await type(page, 'repairs.unit', '3栋-0303');
  await type(page, 'repairs.description', '楼道灯不亮');
  await save(page, 'repairs.save');
  await openRow('repair');
  assert.equal((await find('repairs.action.dispatch')).disabled, true);
  assert.match(await message('repairs.action.dispatch.reason'), /客服|主管|经理/);
});

test('keys: a guard lends a key but may not delete the record', async () => {
  await click(page, 'nav.keys');
  await click(page, 'keys.new');
  await type(page, 'keys.key', '3栋-0303');
  await type(page, 'keys.borrower', '维修工');
  await type(page, 'keys.purpose', '检修');
  await save(page, 'keys.save');
  await openRow('key_loan');
  assert.equal((await find('keys.delete')).disabled, true);
});

test('inspections: a guard may not record the team leader\'s inspection; nothing is stored', async () => {
  await click(page, 'nav.inspections');
  await click(page, 'inspections.new');
  await type(page, 'inspections.area', '大堂');
  await click(page, 'inspections.save');
  await frames(page, 2);
  const text = (await snapshot(page)).messages.map((m) => `${m.id}=${m.text}`).join('\n');
  assert.match(text, /inspections\.error\.role=/);
  const count = (await snapshot(page)).messages.find((m) => m.id === 'inspections.count').text;
  assert.equal(count, '0/0');
  await shot(page, 'roles-guard-inspection');
});

// The role's refusal for a new record: the save is refused with the reason
// shown under the form, and nothing is stored.
async function refusedCreate(module, fill, saveId = `${module}.save`, errorPrefix = `${module}.error`) {
  await click(page, `nav.${module}`);
  const countOf = (snap) => snap.messages.find((m) => m.id === `${module}.count`).text;
  const before = countOf(await snapshot(page));
  await click(page, `${module}.new`);
  for (const [id, text] of fill) await type(page, id, text);
  await click(page, saveId);
  await frames(page, 2);
  const s = await snapshot(page);
  const text = s.messages.map((m) => `${m.id}=${m.text}`).join('\n');
  assert.match(text, new RegExp(`${errorPrefix.replace('.', '\\.')}\\.role=.*(客服|主管|经理)`), `${module}: refused by role`);
  assert.equal(countOf(s), before, `${module}: nothing stored`);
  await shot(page, `roles-guard-${module}-refused`);
}

test('visits, callbacks and staff: a guard may not record them; the reason names who may', async () => {
  await refusedCreate('visits', [['visit.visitor_name', '王先生'], ['visit.content', '咨询停车']], 'visit.save', 'error');
  await click(page, 'visit.cancel');
  await refusedCreate('callbacks', [['callbacks.unit', '4栋-0402'], ['callbacks.subject', '维修后回访']]);
  await refusedCreate('staff', [['staff.code', 'S900'], ['staff.name', '冒名']]);
});

test('incidents: a guard opens and ends one but may not confirm the damage list', async () => {
  await click(page, 'nav.incidents');
  await click(page, 'incidents.new');
  await click(page, 'incidents.plan.typhoon_1');
  await type(page, 'incidents.location', '地下车库');
  await save(page, 'incidents.save');
  await openRow('incident');
  await save(page, 'incidents.action.end');
  await openRow('incident');
  assert.equal((await find('incidents.action.confirm_damage')).disabled, true);
  assert.match(await message('incidents.action.confirm_damage.reason'), /经理/);
  await shot(page, 'roles-guard-incident');
});

test('duties and access: a guard records them but may not delete them', async () => {
  await click(page, 'nav.duties');
  await click(page, 'duties.new');
  await type(page, 'duties.issues', '夜班巡逻发现3栋门禁故障');
  await save(page, 'duties.save');
  await openRow('duty_log');
  assert.equal((await find('duties.delete')).disabled, true);
  await click(page, 'nav.access');
  await click(page, 'access.new');
  await type(page, 'access.person', '冯先生');
  await type(page, 'access.id_number', '110101199003074512');
  await type(page, 'access.visiting_person', '陈经理');
  await type(page, 'access.visiting_department', '工程部');
  await save(page, 'access.save');
  await openRow('access');
  assert.equal((await find('access.delete')).disabled, true);
});
