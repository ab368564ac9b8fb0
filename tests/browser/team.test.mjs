// A new site's first day (issue 11): the setup a fresh desk opens with, the
// lockout that can no longer happen, data that leaves only with a role, a
// hand-edited import that may not raise anyone, the sign-in lock across a
// reload, recovery with the one-time code, idle sign-out, inert CSV cells,
// and not one request to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, widget, storedLatest, SHOTS,
  setUpSite, addStaff, signIn, signOut, submitSignIn, messageLines,
} from './harness.mjs';

let b, page, recovery;
const foreign = [];

before(async () => {
  b = await openBrowser();
  // Every request the page makes, from the first one: only this origin (and
  // the page's own blob:/data: URLs) may appear.
  const origin = new URL(b.base).origin;
  b.context.on('request', (r) => {
    const u = r.url();
    if (!(u.startsWith(origin + '/') || u.startsWith('blob:') || u.startsWith('data:') || u === 'about:blank'))
      foreign.push(u);
  });
  ({ page } = await openApp(b.context, b.base, 'test=1', { setup: 'keep' }));
});
after(async () => { await b.close(); });

const has = async (id) => (await snapshot(page)).widgets.some((w) => w.id === id);
const widgetOf = async (id) => (await snapshot(page)).widgets.find((w) => w.id === id);

test('a fresh desk opens its setup, says everyone has all rights, and makes the first administrator', async () => {
  await widget(page, 'setup.ok');
  assert.match(await messageLines(page), /未设置管理员：此客服台任何人都拥有全部权限/);
  await shot(page, 'team-setup');
  // A mismatched second PIN and a trivial PIN are refused where they were typed.
  await type(page, 'setup.site', '阳光花园');
  await type(page, 'setup.name', '王经理');
  await type(page, 'setup.code', 'M001');
  await type(page, 'setup.pin', '123456');
  await type(page, 'setup.pin_again', '123456');
  await click(page, 'setup.ok');
  assert.match(await messageLines(page), /setup\.error=PIN 太容易被猜到/);
  await type(page, 'setup.pin', '582046');
  await type(page, 'setup.pin_again', '582047');
  await click(page, 'setup.ok');
  assert.match(await messageLines(page), /setup\.error=两次输入的 PIN 不一致/);
  await shot(page, 'team-setup-refused');
  recovery = await setUpSite(page, { site: '=1+2 阳光花园' });
  assert.match(recovery, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  assert.equal((await snapshot(page)).signedIn, 'M001');
  assert.equal((await snapshot(page)).teamMode, 'guarded');
  const admin = await storedLatest(page, 'staff', (r) => r.data.code === 'M001');
  assert.equal(admin.data.role, 'center_manager');
  assert.equal(admin.data.pin_hash.length, 64);
  await shot(page, 'team-signed-in-admin');
});

test('the administrator adds a receptionist and a supervisor; at the sign-in screen no data can leave', async () => {
  await addStaff(page, { code: 'S001', name: '李娜', role: 'receptionist', pin: '730419' });
  await addStaff(page, { code: 'S002', name: '赵主管', role: 'supervisor', pin: '905173' });
  await signOut(page);
  for (const id of ['data.export', 'data.export_redacted', 'data.import', 'stats.csv'])
    assert.equal(await has(id), false, `${id} is not offered at the sign-in screen`);
  await shot(page, 'team-sign-in-no-export');
});

test('a receptionist may make the redacted export but not the full one, nor import', async () => {
  await signIn(page, 'S001', '730419');
  assert.equal((await widgetOf('data.export')).disabled, true);
  assert.equal((await widgetOf('data.import')).disabled, true);
  assert.equal((await widgetOf('data.export_redacted')).disabled, false);
  const lines = await messageLines(page);
  assert.match(lines, /data\.export\.refused=「完整导出数据」只能由主管/);
  assert.match(lines, /data\.import\.refused=「导入数据」只能由主管/);
  // A click on the disabled button downloads nothing.
  await page.evaluate(() => { Module.deskLastDownload = null; });
  await click(page, 'data.export');
  assert.equal(await page.evaluate(() => Module.deskLastDownload), null);
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'data.export_redacted')]);
  const redacted = readFileSync(await download.path(), 'utf8');
  assert.doesNotMatch(redacted, /pin_hash":"[0-9a-f]/);
  await shot(page, 'team-receptionist-export-refused');
  await signOut(page);
});

test('a hand-edited file raising the receptionist to project manager waits for a manager', async () => {
  await signIn(page, 'M001', '582046');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'data.export')]);
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.ok(!JSON.stringify(doc).match(/"pin_(hash|salt)":"[0-9a-f]+"/), 'no PIN leaves in the full export');
  const clerk = doc.records.find((r) => r.type === 'staff' && r.data.code === 'S001');
  clerk.data.role = 'project_manager';
  clerk.revision += 1;
  const file = join(SHOTS, 'team-forged.json');
  writeFileSync(file, JSON.stringify(doc));
  await signOut(page);

  // The supervisor imports: the change is listed, may not be approved, and is not applied.
  await signIn(page, 'S002', '905173');
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(file);
  await widget(page, 'import.confirm.ok');
  let lines = await messageLines(page);
  assert.match(lines, /import\.held=岗位变更 李娜（S001）：客服员 → 项目经理/);
  assert.match(lines, /import\.held\.refused=未批准，这些变更不会导入/);
  assert.equal(await has('import.approve_staff'), false);
  await shot(page, 'team-import-held-supervisor');
  await click(page, 'import.confirm.cancel');
  let stored = await storedLatest(page, 'staff', (r) => r.data.code === 'S001');
  assert.equal(stored.data.role, 'receptionist');
  await signOut(page);

  // The manager approves it.
  await signIn(page, 'M001', '582046');
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(file);
  await widget(page, 'import.approve_staff');
  await click(page, 'import.approve_staff');
  await shot(page, 'team-import-held-manager');
  await save(page, 'import.confirm.ok');
  stored = await storedLatest(page, 'staff', (r) => r.data.code === 'S001');
  assert.equal(stored.data.role, 'project_manager');
  assert.equal(stored.history.at(-1).action, 'import');
  assert.equal(stored.history.at(-1).by, 'M001');
  // The history says the version came by import, from which file.
  await click(page, 'nav.staff');
  await type(page, 'staff.search', '李娜');
  const row = (await snapshot(page)).records.find((r) => r.type === 'staff');
  await page.mouse.click(row.x + 40, row.y + row.h / 2);
  await frames(page, 2);
  await click(page, 'staff.history');
  assert.match(await messageLines(page), /history\.import=.*M001 导入，来源：team-forged\.json/);
  await shot(page, 'team-history-imported');
  await signOut(page);
});

test('a file deleting every staff record, or reusing a staff number, changes nobody', async () => {
  await signIn(page, 'M001', '582046');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'data.export')]);
  const doc = JSON.parse(readFileSync(await download.path(), 'utf8'));
  // Every staff record deleted (a tombstone at the next revision).
  const purge = structuredClone(doc);
  purge.records = purge.records.filter((r) => r.type === 'staff');
  for (const r of purge.records) { r.deleted = true; r.revision += 1; }
  const purgeFile = join(SHOTS, 'team-purge.json');
  writeFileSync(purgeFile, JSON.stringify(purge));
  // A second record for the staff number M001, with another id.
  const twin = structuredClone(doc);
  const m = twin.records.find((r) => r.type === 'staff' && r.data.code === 'M001');
  twin.records = [{ ...m, id: m.id.slice(0, -4) + 'ZZZZ', data: { ...m.data, name: '冒名', role: 'project_manager' } }];
  const twinFile = join(SHOTS, 'team-twin.json');
  writeFileSync(twinFile, JSON.stringify(twin));
  await signOut(page);

  await signIn(page, 'S002', '905173');
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(purgeFile);
  await widget(page, 'import.confirm.ok');
  assert.match(await messageLines(page), /import\.held=删除员工 王经理（M001）/);
  await click(page, 'import.confirm.cancel');
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'data.import')]);
  await chooser.setFiles(twinFile);
  await widget(page, 'import.errors.ok');
  assert.match(await messageLines(page), /工号 M001 重复：本机 王经理（.*）与文件中 冒名（.*ZZZZ）/);
  await shot(page, 'team-import-duplicate-code');
  await click(page, 'import.errors.ok');
  await signOut(page);
  // Still guarded, the administrator still signs in.
  assert.equal((await snapshot(page)).teamMode, 'guarded');
  await signIn(page, 'M001', '582046');
  await signOut(page);
});

test('formula-looking text comes out of the statistics CSV inert', async () => {
  await signIn(page, 'M001', '582046');
  await click(page, 'nav.complaints');
  for (const text of ['楼道灯不亮', '楼道灯又不亮']) {
    await click(page, 'complaints.new');
    await type(page, 'complaints.unit', '=HYPERLINK("http://x","点我")');
    await type(page, 'complaints.content', text);
    await save(page, 'complaints.save');
  }
  await click(page, 'nav.stats');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'stats.csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /"'=HYPERLINK\(""http:\/\/x"",""点我""\)/);
  assert.doesNotMatch(csv, /(^|,)"=/m);
  await signOut(page);
});

test('five wrong PINs lock the staff number, and a reload does not lift the lock', async () => {
  for (let i = 0; i < 5; ++i) {
    await type(page, 'signin.code', 'S001');
    await type(page, 'signin.pin', '000001');
    await submitSignIn(page);
  }
  assert.match(await messageLines(page), /已锁定/);
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  await type(page, 'signin.code', 'S001');
  await type(page, 'signin.pin', '730419');
  await submitSignIn(page);
  assert.match(await messageLines(page), /signin\.error=PIN 连续输错 5 次，已锁定，请 \d 分钟后再试/);
  assert.equal(await has('signin.out'), false);
  await shot(page, 'team-locked-after-reload');
});

test('a forgotten administrator PIN: the recovery code sets a new one and loses no record', async () => {
  const count = Number((await snapshot(page)).recordCount);
  await click(page, 'signin.recover');
  await type(page, 'recover.code', recovery.toLowerCase());
  await type(page, 'recover.staff', 'M001');
  await type(page, 'recover.pin', '461839');
  await type(page, 'recover.pin_again', '461839');
  await shot(page, 'team-recovery-form');
  await click(page, 'recover.ok');
  await page.waitForFunction(() => window.deskTest.snapshot().messages.some((m) => m.id === 'recovery.code'));
  const next = (await snapshot(page)).messages.find((m) => m.id === 'recovery.code').text;
  assert.notEqual(next, recovery);
  await shot(page, 'team-recovery-new-code');
  await click(page, 'recovery.done');
  await signIn(page, 'M001', '461839');
  assert.equal(Number((await snapshot(page)).recordCount), count);
  const admin = await storedLatest(page, 'staff', (r) => r.data.code === 'M001');
  assert.equal(admin.history.at(-1).action, 'recover_pin');
});

test('after the idle minutes the desk signs out by itself', async () => {
  await page.clock.setFixedTime(Date.now());
  await frames(page, 3);
  await page.clock.setFixedTime(Date.now() + 16 * 60 * 1000);
  await widget(page, 'signin.ok');
  assert.equal((await snapshot(page)).signedIn, '');
  await page.clock.setFixedTime(Date.now() + 17 * 60 * 1000);
});

test('not one request left the page\'s origin', async () => {
  assert.deepEqual(foreign, []);
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  assert.match(csp, /default-src 'self'/);
  // An inline script is refused by the page's policy.
  const ran = await page.evaluate(() => new Promise((ok) => {
    window.__inline = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.body.appendChild(s);
    setTimeout(() => ok(window.__inline), 50);
  }));
  assert.equal(ran, false);
});
