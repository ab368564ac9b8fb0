// A new site's first day at the desk (issue 13 items 3, 7, 8, 9, 10 and 14),
// done as a person does it, from a fresh desk: the first administrator is
// set up, adds a receptionist, who signs in, receives a visitor with the
// guided visit, turns it into a repair, prints the work order (one A5 page,
// one A4 page), finds everything again with the top bar's search (Ctrl+K)
// and types a long complaint that wraps inside its box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, reveal, type, save, snapshot, frames, shot, widget, imeType, setUpSite, addStaff,
  signOut, signIn, storedLatest, printToPdf } from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=visits', { setup: 'keep' }));
});
after(async () => { await b.close(); });

const fact = async (k) => (await snapshot(page))[k];
const messages = async (id) => (await snapshot(page)).messages.filter((m) => m.id === id).map((m) => m.text);
const has = async (id) => page.evaluate((w) => !!window.deskTest.widget(w), id);

test('day one: the administrator sets up the site and a receptionist signs in', async () => {
  assert.ok(await has('setup.site'), 'a fresh desk opens its setup');
  await shot(page, 'firstday-setup');
  await setUpSite(page, { site: '阳光城·翡丽湾二期物业服务中心', name: '王经理', code: 'M001' });
  await addStaff(page, { code: 'R001', name: '张丽', role: 'receptionist', pin: '730419' });
  await signOut(page);
  await signIn(page, 'R001', '730419');
  assert.equal(await fact('signedIn'), 'R001');
  assert.ok(await has('search.box'), 'the search box is in the top bar once signed in');
});

test('the guided visit asks who the visitor is early, counts its steps and names the manual in words', async () => {
  await click(page, 'nav.training');
  await click(page, 'training.tab.guide');
  await click(page, 'guide.start');
  await frames(page, 2);
  assert.deepEqual(await messages('guide.count'), ['第 1 步 / 共 8 步']);
  const source = (await messages('guide.source'))[0];
  assert.match(source, /《客户服务手册》/);
  assert.doesNotMatch(source, /seed|step/);
  const says = (await snapshot(page)).messages.map((m) => m.text).join('\n');
  assert.doesNotMatch(says, /登记表/, 'no paper register');
  await type(page, 'guide.visitor.visitor_name', '王珺');
  await type(page, 'guide.visitor.phone', '138-1234-5678');
  await type(page, 'guide.visitor.unit', '5栋-0801');
  await shot(page, 'firstday-guide-start');
  for (const id of ['a_prepare', 'b_greet', 'c_seat', 'd_ready', 'e_water', 'g_ask']) {
    assert.equal(await fact('guide.step'), id);
    await click(page, 'guide.branch.0');
  }
  assert.deepEqual(await messages('guide.count'), ['第 7 步 / 共 10 步']);
  await click(page, 'guide.branch.2');  // 客户要报修：转为报修单
  await type(page, 'guide.content', '厨房水龙头一直漏水，水槽下面柜子已经泡湿，想请师傅明天上午上门看看');
  while ((await fact('guide.step')) !== 'q_record') await click(page, 'guide.branch.0');
  const [count] = await messages('guide.count');
  const [, at, total] = count.match(/第 (\d+) 步 \/ 共 (\d+) 步/);
  assert.equal(at, total, 'at the last step the count is complete');
  await shot(page, 'firstday-guide-last');
  await save(page, 'guide.save');
  // The unit was asked early: no second question for it when turning it into a repair.
  assert.ok(!(await has('guide.turn_unit')));
  await save(page, 'guide.turn_into');
  assert.ok((await messages('guide.linked'))[0]);
  assert.match((await widget(page, 'guide.linked.open')).label, /报修/);
  await shot(page, 'firstday-guide-linked');
});

test('the link opens the repair, whose link opens the visit back; the repair has a work-order number', async () => {
  await click(page, 'guide.linked.open');
  await frames(page, 3);
  assert.ok(await has('repairs.save'), 'the repair is open');
  const repair = await storedLatest(page, 'repair');
  assert.match(repair.data.order_no, /^\d{4}-\d{2}-0001$/);
  assert.equal(repair.data.unit, '5栋-0801');
  await reveal(page, 'repairs.linked_visit', 'repairs.requester');
  assert.match((await widget(page, 'repairs.linked_visit')).label, /来访/);
  await click(page, 'repairs.linked_visit');
  await frames(page, 3);
  await reveal(page, 'visit.linked_record', 'visit.unit');
  assert.ok(await has('visit.linked_record'), 'the visit is open, linking to its repair');
  await click(page, 'visit.linked_record');
  await frames(page, 3);
  assert.ok(await has('repairs.save'), 'and back to the repair');
  await shot(page, 'firstday-linked-back');
});

// The sheet the print button made, printed to PDF by Chromium; its page count.
async function printedPages(id) {
  await page.evaluate(() => { window.deskTest.noPrintDialog = true; Module.deskLastPrint = ''; });
  await click(page, id);
  const html = await page.evaluate(() => Module.deskLastPrint);
  assert.match(html, /工单号 \d{4}-\d{2}-0001/);
  assert.match(html, /项目：阳光城·翡丽湾二期物业服务中心/);
  assert.match(html, /R001 张丽/, '受理人 with the name');
  const pdf = (await printToPdf(html, { png: `build/web/screenshots/firstday-work-order-${id.endsWith('a4') ? 'a4' : 'a5'}.png` })).toString('latin1');
  await page.bringToFront();  // the desk's tab in front again, as after a print dialog
  const size = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  return { pages: (pdf.match(/\/Type\s*\/Page(?![s\w])/g) || []).length, width: Number(size[1]) };
}

test('the work order prints from the top of the form on one A5 page and on one A4 page', async () => {
  const button = await widget(page, 'repairs.print');
  const save = await widget(page, 'repairs.save');
  assert.ok(button.y < 200 && button.y < save.y, `the print button is on the form's title line (y ${button.y})`);
  await shot(page, 'firstday-repair-form');
  const a5 = await printedPages('repairs.print');
  assert.equal(a5.pages, 1, 'one A5 page');
  assert.ok(Math.abs(a5.width - 419.5) < 2, `A5 is 148 mm wide (${a5.width} pt)`);
  const a4 = await printedPages('repairs.print_a4');
  assert.equal(a4.pages, 1, 'one A4 page');
  assert.ok(Math.abs(a4.width - 595.3) < 2, `A4 is 210 mm wide (${a4.width} pt)`);
});

test('Ctrl+K searches every module: results grouped, ↓ and Enter open one', async () => {
  // A click on the status bar first: after the PDFs printed by a second
  // headless browser, this tab takes keys again only once clicked.
  await page.mouse.click(400, 742);
  await frames(page, 2);
  await page.keyboard.press('Control+K');
  await frames(page, 2);
  await imeType(page, '王珺');
  await frames(page, 3);
  assert.equal(await fact('search.open'), '1');
  assert.equal(await fact('search.total'), '2', 'the visit and the repair');
  assert.deepEqual(await messages('search.group.visit'), ['1']);
  assert.deepEqual(await messages('search.group.repair'), ['1']);
  await shot(page, 'firstday-search');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await frames(page, 3);
  assert.equal(await fact('search.open'), '0');
  assert.ok(await has('repairs.save'), 'the second result, the repair, is open');
  // The phone typed with dashes is found by its digits; a word in the text too.
  await click(page, 'search.box');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('13812345678');
  await frames(page, 3);
  assert.equal(await fact('search.total'), '2');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await imeType(page, '没有这个人');
  await frames(page, 3);
  assert.equal(await fact('search.total'), '0');
  assert.ok((await messages('search.none')).length === 1);
  await page.keyboard.press('Escape');
  await frames(page, 2);
  assert.equal(await fact('search.open'), '0');
});

test('a long complaint wraps inside its box and grows; the stored text is what was typed', async () => {
  await click(page, 'nav.complaints');
  await click(page, 'complaints.new');
  const before = await widget(page, 'complaints.content');
  const text = '上周五晚上十点以后楼上装修一直在电钻作业，噪音很大，家里老人和小孩无法休息，' +
    '打电话给物业值班没有人接，第二天又持续到深夜，希望物业尽快出面制止并给出处理结果和以后的管理办法。' +
    '另外装修垃圾堆在楼道里已经三天没有清运，电梯轿厢的保护板也被撞坏了，请一并处理，处理好以后请电话告诉我结果。';
  await type(page, 'complaints.complainant', '王珺');
  await type(page, 'complaints.unit', '5栋-0801');
  await type(page, 'complaints.content', text);
  const after = await widget(page, 'complaints.content');
  assert.ok(Number(await fact('complaints.content.lines')) >= 3, 'wrapped onto several lines');
  assert.ok(after.h > before.h * 1.5, `the box grew with the text (${before.h} → ${after.h})`);
  assert.ok(after.x + after.w <= 1366, 'within the window');
  await shot(page, 'firstday-complaint-wrapped');
  await save(page, 'complaints.save');
  const stored = await storedLatest(page, 'complaint');
  assert.equal(stored.data.content, text, 'no soft line break in the stored text');
});
