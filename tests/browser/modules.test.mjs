// Every module at the desk: a month of generated records imported, each
// screen opened and photographed at 1366×768; a complaint taken through its
// workflow with the buttons (illegal steps disabled with the reason); staff
// sign-in with a PIN, the wrong PIN counted, the role's limits shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  openBrowser, openApp, click, type, widget, snapshot, records, shot, save, frames, reveal, SHOTS, signIn, signOut, addStaff, submitSignIn,
} from './harness.mjs';

let b;
before(async () => { b = await openBrowser(); });
after(async () => { await b.close(); });

const messages = async (page) => (await snapshot(page)).messages.map((m) => `${m.id}=${m.text}`).join('\n');

async function clickRecord(page, type, predicate = () => true) {
  const r = (await records(page)).find((x) => x.type === type && predicate(x));
  assert.ok(r, `a ${type} row is on screen`);
  await page.mouse.click(r.x + 40, r.y + r.h / 2);
  await frames(page, 2);
  return r;
}

test('a month of records: Today, every module and the statistics', async () => {
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const file = join(SHOTS, 'sample-month.json');
  execFileSync('build/native/desk-tool', ['generate', '--site', '未命名项目', '--month', month, '--records', '400',
    '--out', file]);
  const { page } = await openApp(b.context, b.base, 'test=1&module=today');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(file);
  await widget(page, 'import.confirm.ok');
  await save(page, 'import.confirm.ok');
  await frames(page, 3);
  const facts = await snapshot(page);
  assert.ok(Number(facts.todoOverdue) + Number(facts.todoDueSoon) > 0, 'Today lists what is overdue or due soon');
  assert.ok((await records(page)).some((r) => r.type === 'todo'));
  await shot(page, 'today');

  for (const id of ['complaints', 'repairs', 'callbacks', 'contracts', 'referrals', 'violations', 'keys', 'access',
    'incidents', 'inspections', 'gas', 'duties', 'staff']) {
    await click(page, `nav.${id}`);
    await widget(page, `${id}.new`);
    await shot(page, `module-${id}`);
  }
  await click(page, 'nav.repairs');
  await clickRecord(page, 'repair');
  await widget(page, 'repairs.save');
  await shot(page, 'repair-form');
  await click(page, 'repairs.cancel');
  // The date range narrows the list (created on or after the "from" day).
  await type(page, 'repairs.from', '2099-01-01');
  await shot(page, 'repairs-date-filter');
  assert.equal((await records(page)).filter((r) => r.type === 'repair').length, 0);
  await type(page, 'repairs.from', '');
  assert.ok((await records(page)).filter((r) => r.type === 'repair').length > 0);

  await click(page, 'nav.stats');
  await widget(page, 'stats.csv');
  assert.ok(Number((await snapshot(page)).statsRows) > 5, 'the month has statistics');
  const days = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
  assert.equal(Number((await snapshot(page)).statsDays), days, 'one column per day of the month');
  await shot(page, 'stats');
  // Today: a row opens its record in its module.
  await click(page, 'nav.today');
  const todo = (await records(page)).find((r) => r.type === 'todo' && !/^recurring_duty/.test(r.label));
  await page.mouse.click(todo.x + 200, todo.y + todo.h / 2);
  await frames(page, 3);
  const s = await snapshot(page);
  assert.ok(s.widgets.some((w) => /\.save$/.test(w.id)), 'the record opened in its module');
});

test('a complaint through its workflow: legal steps as buttons, illegal ones disabled with the reason', async () => {
  const { page } = await openApp(b.context, b.base, 'test=1&module=complaints');
  await click(page, 'complaints.new');
  await type(page, 'complaints.complainant', '李先生');
  await type(page, 'complaints.unit', '5栋-0801');
  await type(page, 'complaints.matter', '电梯异响');
  await type(page, 'complaints.content', '5栋电梯运行时有异响，已经一周');
  await save(page, 'complaints.save');
  await type(page, 'complaints.search', '电梯运行时有异响');
  await clickRecord(page, 'complaint', (r) => /电梯异响/.test(r.label));
  await widget(page, 'complaints.action.investigate');
  assert.match(await messages(page), /complaints\.action\.close\.reason=当前状态为「受理」，不能「关闭」/);
  await shot(page, 'complaint-received');
  await save(page, 'complaints.action.investigate');
  await shot(page, 'complaint-investigating');
  await reveal(page, 'complaints.investigation', 'complaints.unit');
  await type(page, 'complaints.investigation', '现场确认电梯导轨缺油');
  await save(page, 'complaints.action.judge_valid');
  await click(page, 'complaints.action.start_handling');
  assert.match(await messages(page), /complaints\.error\.cause_analysis=请填写原因分析/);
  await shot(page, 'complaint-needs-analysis');
});

test('staff sign-in: PIN hashed, a wrong PIN counted, the role limits the buttons', async () => {
  const { page } = await openApp(b.context, b.base, 'test=1&module=staff');
  // The setup was put off: the first PIN must go to an administrator.
  await click(page, 'staff.new');
  await type(page, 'staff.code', 'S100');
  await type(page, 'staff.name', '周敏');
  await type(page, 'staff.pin', '246813');
  await type(page, 'staff.pin_again', '246813');
  await click(page, 'staff.pin.set');
  await click(page, 'staff.save');
  await frames(page, 4);
  assert.match(await messages(page), /第一个PIN必须设给/);
  await shot(page, 'staff-first-pin-refused');
  await click(page, 'staff.role');
  await click(page, 'staff.role.center_manager');
  await save(page, 'staff.save');
  // An administrator with a PIN now exists: the desk asks to sign in.
  await widget(page, 'signin.ok');
  await signIn(page, 'S100', '246813');
  await addStaff(page, { code: 'S101', name: '李娜', role: 'receptionist', pin: '730419' });
  await signOut(page);
  await shot(page, 'sign-in');
  await type(page, 'signin.code', 'S101');
  await type(page, 'signin.pin', '111111');
  await submitSignIn(page);
  assert.match(await messages(page), /工号或 PIN 不正确，还可再试 4 次/);
  await type(page, 'signin.pin', '730419');
  await submitSignIn(page);
  await widget(page, 'signin.out');
  await click(page, 'nav.complaints');
  await click(page, 'complaints.new');
  await type(page, 'complaints.unit', '2栋-0303');
  await type(page, 'complaints.content', '楼道灯不亮');
  await save(page, 'complaints.save');
  await type(page, 'complaints.search', '楼道灯不亮');
  await clickRecord(page, 'complaint', (r) => /楼道灯不亮/.test(r.label));
  await widget(page, 'complaints.action.investigate');
  // A receptionist records complaints but may not judge them: the reason names who may.
  assert.match(await messages(page), /complaints\.action\.investigate\.reason=.*主管/);
  await shot(page, 'complaint-as-receptionist');
});

test('a typhoon signal 1 incident: the plan checklist ticked with time and staff, the 30-minute notice tracked', async () => {
  const { page } = await openApp(b.context, b.base, 'test=1&module=incidents');
  // Signed in from the previous test? Sign in again after a reload if asked.
  if (await page.evaluate(() => !!window.deskTest.widget('signin.ok'))) {
    await type(page, 'signin.code', 'S101');
    await type(page, 'signin.pin', '730419');
    await submitSignIn(page);
    await click(page, 'nav.incidents');
  }
  await click(page, 'incidents.new');
  await click(page, 'incidents.plan.typhoon_1');
  await type(page, 'incidents.location', '全小区');
  await save(page, 'incidents.save');
  await clickRecord(page, 'incident');
  await widget(page, 'incidents.tick.notice');
  await shot(page, 'incident-typhoon-open');
  await save(page, 'incidents.tick.notice');
  await frames(page, 2);
  const s = await snapshot(page);
  assert.ok(!s.widgets.some((w) => w.id === 'incidents.tick.notice'), 'the notice item is ticked');
  assert.ok(s.widgets.some((w) => w.id === 'incidents.tick.check_tools'), 'other items still to do');
  await shot(page, 'incident-typhoon-ticked');
});
