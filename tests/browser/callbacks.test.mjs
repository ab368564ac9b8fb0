// 回访 end to end: a special callback entered and edited, its completion refused until
// the customer's four ratings are chosen (SPEC §4), completed, and searched —
// each change checked in IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openBrowser, openApp, click, type, save, snapshot, frames, shot, widget, storedLatest, listCount, messageLines, openRow as openRowOf,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=callbacks'));
});
after(async () => { await b.close(); });

const count = () => listCount(page, 'callbacks');
const messages = () => messageLines(page);
const visible = async (id) => (await snapshot(page)).widgets.some((w) => w.id === id);
const stored = () => storedLatest(page, 'callback');
// Scrolls the form body (mouse over `anchor`'s place) until `id` is on screen.
async function scrollTo(id, anchor) {
  if (await visible(id)) return;
  const a = await widget(page, anchor);
  await page.mouse.move(a.x + a.w / 2, a.y + a.h / 2);
  for (let i = 0; i < 20 && !(await visible(id)); ++i) {
    await page.mouse.wheel(0, 120);
    await frames(page, 2);
  }
  assert.ok(await visible(id), `${id} scrolled into view`);
}

test('a callback is edited, then completed only with the four ratings', async () => {
  await click(page, 'callbacks.new');
  await scrollTo('callbacks.subject', 'callbacks.unit');
  await type(page, 'callbacks.unit', '4栋-0402');
  await type(page, 'callbacks.contact', '褚女士');
  await type(page, 'callbacks.phone', '13600002222');
  await type(page, 'callbacks.subject', '电梯维修后回访');
  await save(page, 'callbacks.save');
  assert.equal(await count(), 1);
  let c = await stored();
  assert.equal(c.data.status, 'pending');

  const openRow = () => openRowOf(page, 'callback');
  // An edit: a new revision with its history line.
  await openRow();
  await scrollTo('callbacks.phone', 'callbacks.unit');
  await type(page, 'callbacks.phone', '13600003333');
  await save(page, 'callbacks.save');
  c = await stored();
  assert.equal(c.revision, 2);
  assert.equal(c.data.phone, '13600003333');
  assert.equal(c.history.at(-1).action, 'edit');

  await openRow();
  await click(page, 'callbacks.action.complete');
  assert.match(await messages(), /callbacks\.error\.overall=请选择客户评价/);
  assert.equal((await stored()).revision, 2, 'the refused completion stored nothing');
  await shot(page, 'callbacks-complete-refused');

  for (const key of ['quality', 'effect', 'attitude', 'overall']) {
    await scrollTo(`callbacks.${key}`, 'callbacks.unit');
    await click(page, `callbacks.${key}`);
    await click(page, `callbacks.${key}.satisfied`);
  }
  await save(page, 'callbacks.action.complete');
  c = await stored();
  assert.equal(c.data.status, 'done');
  assert.equal(c.data.overall, 'satisfied');
  assert.ok(c.data.done_at, 'the callback time is stamped');
  await shot(page, 'callbacks-done');
});

test('search finds the callback by contact and subject', async () => {
  await type(page, 'callbacks.search', '褚女士');
  assert.equal(await count(), 1);
  await type(page, 'callbacks.search', '电梯维修');
  assert.equal(await count(), 1);
  await type(page, 'callbacks.search', '停车');
  assert.equal(await count(), 0);
});
