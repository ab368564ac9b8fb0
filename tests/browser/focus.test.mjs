// Visible focus: the field being typed into carries a 2-pixel ring in the
// focus colour, whether it was clicked or reached with Tab, and the field it
// left does not. Checked in the pixels of a screenshot, as a person sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, openApp, click, snapshot, frames, widget, SHOTS } from './harness.mjs';
import { join } from 'node:path';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=visits'));
});
after(async () => { await b.close(); });

const RING = [46, 110, 179];  // ImGuiCol_NavHighlight in src/ui/style.cpp

// The share of columns along the top and bottom edges of `w`, just outside
// its frame, where a pixel of the ring colour is drawn.
async function ringShare(w) {
  const png = (await page.screenshot({ path: join(SHOTS, 'focus.png') })).toString('base64');
  return page.evaluate(async ({ png, w, ring }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const near = (x, y) => {
      const p = g.getImageData(Math.round(x), Math.round(y), 1, 1).data;
      return Math.abs(p[0] - ring[0]) + Math.abs(p[1] - ring[1]) + Math.abs(p[2] - ring[2]) < 60;
    };
    let hits = 0, total = 0;
    for (let x = w.x + 8; x < w.x + w.w - 8; x += 4) {
      for (const edge of [w.y, w.y + w.h]) {
        ++total;
        if ([-3, -2, -1, 1, 2, 3].some((d) => near(x, edge + d))) ++hits;
      }
    }
    return hits / total;
  }, { png, w, ring: RING });
}

test('the focused field has a visible ring, clicked or reached with Tab', async () => {
  await click(page, 'visits.new');
  await click(page, 'visit.visitor_name');
  let s = await snapshot(page);
  assert.equal(s.focus, 'visit.visitor_name');
  const first = await widget(page, 'visit.visitor_name');
  assert.ok(await ringShare(first) > 0.9, 'a clicked field is ringed');

  await page.keyboard.press('Tab');
  await frames(page, 3);
  s = await snapshot(page);
  assert.ok(s.focus && s.focus !== 'visit.visitor_name', `Tab moved the focus (now ${s.focus})`);
  const next = await widget(page, s.focus);
  assert.ok(await ringShare(next) > 0.9, `the field reached with Tab (${s.focus}) is ringed`);
  assert.ok(await ringShare(await widget(page, 'visit.visitor_name')) < 0.1, 'the field it left is not');
});
