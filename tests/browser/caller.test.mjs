// The caller in front of you (issue 13 item 6): typing a phone number or a
// unit in an intake form (repair, visit) shows that caller's earlier records
// from every module, newest first, open ones marked; a click opens one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, type, save, snapshot, frames, shot, widget } from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=complaints'));
});
after(async () => { await b.close(); });

const fact = async (k) => (await snapshot(page))[k];

test('a complaint, then a repair from the same phone: the repair form shows the complaint and opens it', async () => {
  await click(page, 'complaints.new');
  await type(page, 'complaints.complainant', '李先生');
  await type(page, 'complaints.unit', '3栋-1202');
  await type(page, 'complaints.phone', '13812345678');
  await type(page, 'complaints.content', '楼道灯坏了三天没人修');
  await save(page, 'complaints.save');

  await click(page, 'nav.repairs');
  await click(page, 'repairs.new');
  assert.equal(await fact('repairs.history'), undefined, 'nothing before a caller is named');
  await type(page, 'repairs.phone', '138-1234-5678');
  assert.equal(await fact('repairs.history'), '1');
  const link = await widget(page, 'repairs.history.0');
  assert.match(link.label, /投诉/);
  await shot(page, 'caller-history-repair');
  await click(page, 'repairs.history.0');
  await frames(page, 3);
  assert.ok((await snapshot(page)).widgets.some((w) => w.id === 'complaints.save'), 'the complaint is open');
});

test('the visit form finds the same caller by unit, typed with full-width digits', async () => {
  await click(page, 'nav.visits');
  await click(page, 'visits.new');
  await type(page, 'visit.unit', '３栋－１２０２');
  assert.equal(await fact('visit.history'), '1');
  await shot(page, 'caller-history-visit');
});
