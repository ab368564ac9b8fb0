// 巡查考核 end to end: an inspection with problems refused until they are
// described, saved, its rectification edited, searched — checked in
// IndexedDB; the grades panel photographed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, storedLatest, listCount, messageLines,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=inspections'));
});
after(async () => { await b.close(); });

const count = () => listCount(page, 'inspections');
const messages = () => messageLines(page);
const stored = () => storedLatest(page, 'inspection');

test('an inspection with problems needs findings, is saved and its rectification edited', async () => {
  await click(page, 'inspections.new');
  await type(page, 'inspections.area', '地下车库B区');
  await type(page, 'inspections.problems', '3');
  await click(page, 'inspections.save');
  assert.match(await messages(), /inspections\.error\.findings=有问题时请写明发现的问题/);
  assert.equal(await stored(), undefined, 'nothing stored');
  await type(page, 'inspections.findings', '消防通道堆放杂物；两处照明损坏');
  await save(page, 'inspections.save');
  assert.equal(await count(), 1);
  let i = await stored();
  assert.equal(i.data.problems, 3);

  const row = (await snapshot(page)).records.find((r) => r.type === 'inspection');
  await page.mouse.click(row.x + 40, row.y + row.h / 2);
  await frames(page, 2);
  await type(page, 'inspections.rectification', '杂物已清理，照明已报修');
  await save(page, 'inspections.save');
  i = await stored();
  assert.equal(i.revision, 2);
  assert.equal(i.data.rectification, '杂物已清理，照明已报修');
  await shot(page, 'inspections-edited');
});

test('search finds the inspection by area and by finding', async () => {
  await type(page, 'inspections.search', '车库');
  assert.equal(await count(), 1);
  await type(page, 'inspections.search', '照明');
  assert.equal(await count(), 1);
  await type(page, 'inspections.search', '绿化');
  assert.equal(await count(), 0);
});
