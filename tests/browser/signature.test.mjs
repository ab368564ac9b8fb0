// 客户验收签字 on the screen (issue 15): a repair is accepted only with a
// signature; the customer draws it with Pointer Events (mouse here, a finger
// with pressure in the touch test); the strokes are in IndexedDB after a
// reload, drawn on the form, and printed as an SVG path that Chromium's PDF
// keeps as vector strokes; a supervisor voids it with a reason.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openBrowser, openApp, click, type, save, shot, widget, frames, storedLatest, messageLines, openRow,
  launchBrowser, SHOTS, printToPdf,
} from './harness.mjs';

let b, page;
before(async () => {
  b = await openBrowser();
  ({ page } = await openApp(b.context, b.base, 'test=1&module=repairs'));
});
after(async () => { await b.close(); });

const stored = () => storedLatest(page, 'repair');

// Scrolls the repair form's body (above its 保存 button) until `id` shows:
// down first, then back up.
async function revealIn(p, id) {
  for (const dy of [150, -150]) {
    for (let i = 0; i < 20; ++i) {
      if (await p.evaluate((wid) => window.deskTest.widget(wid), id)) return;
      const save = await widget(p, 'repairs.save');
      await p.mouse.move(save.x + 60, save.y - 120);
      await p.mouse.wheel(0, dy);
      await frames(p, 2);
    }
  }
  throw new Error(`widget ${id} did not scroll into view`);
}

// A finished repair, open in the form, ready for 客户验收签字.
async function finishedRepair(p) {
  await click(p, 'repairs.new');
  await type(p, 'repairs.unit', '6栋-0302');
  await type(p, 'repairs.requester', '张女士');
  await type(p, 'repairs.description', '卫生间水龙头漏水');
  await save(p, 'repairs.save');
  await openRow(p, 'repair');
  await revealIn(p, 'repairs.technician');
  await type(p, 'repairs.technician', '孙师傅');
  await revealIn(p, 'repairs.appointment.now');
  await click(p, 'repairs.appointment.now');
  await save(p, 'repairs.action.dispatch');
  await save(p, 'repairs.action.arrive');
  await revealIn(p, 'repairs.work_done');
  await type(p, 'repairs.work_done', '更换阀芯，试水正常');
  await save(p, 'repairs.action.finish');
}

// Draws a two-stroke "signature" inside the pad with the mouse.
async function drawWithMouse(p, pad) {
  const at = (fx, fy) => [pad.x + pad.w * fx, pad.y + pad.h * fy];
  await p.mouse.move(...at(0.1, 0.6));
  await p.mouse.down();
  for (let i = 1; i <= 12; ++i) await p.mouse.move(...at(0.1 + i * 0.03, 0.6 - Math.sin(i / 2) * 0.3), { steps: 2 });
  await p.mouse.up();
  await p.mouse.move(...at(0.55, 0.3));
  await p.mouse.down();
  for (let i = 1; i <= 8; ++i) await p.mouse.move(...at(0.55 + i * 0.04, 0.3 + i * 0.05), { steps: 2 });
  await p.mouse.up();
  await frames(p, 3);
}

// Every content stream of a PDF, inflated.
function pdfStreams(buf) {
  const out = [];
  const text = buf.toString('latin1');
  let at = 0;
  for (;;) {
    const s = text.indexOf('stream', at);
    if (s < 0) break;
    const start = text[s + 6] === '\r' ? s + 8 : s + 7;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try { out.push(inflateSync(buf.subarray(start, end)).toString('latin1')); } catch (e) { /* not deflated */ }
    at = end + 9;
  }
  return out;
}

test('acceptance needs the signature; a drawn one is stored, survives a reload and prints as a vector path', async () => {
  await finishedRepair(page);
  await revealIn(page, 'repairs.signed_by');
  await type(page, 'repairs.signed_by', '张女士');
  await click(page, 'repairs.action.accept');
  assert.match(await messageLines(page), /repairs\.error\.customer_signature=请客户在签字框内签字/);
  assert.equal((await stored()).data.status, 'finished', 'nothing stored on the refusal');

  await revealIn(page, 'repairs.customer_signature.sign');
  await click(page, 'repairs.customer_signature.sign');
  await revealIn(page, 'repairs.customer_signature.confirm');
  const pad = await widget(page, 'repairs.customer_signature.pad');
  assert.ok(pad.w >= 300 && pad.h >= 100, `the pad is big enough to sign on: ${pad.w}×${pad.h}`);
  await drawWithMouse(page, pad);
  await shot(page, 'signature-pad');
  await click(page, 'repairs.customer_signature.confirm');
  await save(page, 'repairs.action.accept');

  const r = await stored();
  assert.equal(r.data.status, 'accepted');
  const sig = r.data.customer_signature;
  assert.equal(sig.signer, '张女士');
  assert.equal(sig.strokes.length, 2, 'two strokes, as drawn');
  const pts = sig.strokes.flatMap((s) => s.p);
  assert.ok(pts.length >= 3 * 10 && pts.length % 3 === 0, `points as x, y, pressure triples: ${pts.length / 3}`);
  for (let i = 0; i < pts.length; i += 3) {
    assert.ok(pts[i] >= 0 && pts[i] <= 600 && pts[i + 1] >= 0 && pts[i + 1] <= 200, 'inside the pad');
    assert.equal(pts[i + 2], 5, 'a mouse has no pressure: the middle value');
  }
  assert.ok(JSON.stringify(sig).length < 4096, `a few KB at most: ${JSON.stringify(sig).length} bytes`);
  // The first stroke starts near where the mouse went down (10 %, 60 % of the pad).
  assert.ok(Math.abs(pts[0] - 60) <= 6 && Math.abs(pts[1] - 120) <= 6, `${pts[0]},${pts[1]}`);

  // After a reload the strokes are read back from IndexedDB and drawn.
  await page.reload();
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 2);
  assert.deepEqual((await stored()).data.customer_signature, sig);
  await openRow(page, 'repair');
  await revealIn(page, 'repairs.customer_signature.view');
  await shot(page, 'signature-on-form');

  // Printed: the sheet carries the strokes as an SVG path …
  await page.evaluate(() => { window.deskTest.noPrintDialog = true; });
  await revealIn(page, 'repairs.print');
  await click(page, 'repairs.print');
  const html = await page.evaluate(() => Module.deskLastPrint);
  assert.match(html, /<svg[^>]*viewBox="0 0 600 200"/);
  const d = html.match(/<path d="([^"]+)"/)[1];
  assert.equal(d.split('M').length - 1, 2, 'one subpath per stroke');
  assert.ok(d.startsWith(`M${pts[0]} ${pts[1]}`), d.slice(0, 20));
  // … and Chromium's PDF of it holds vector strokes (moveto/lineto, stroke), not a bitmap.
  const pdf = await printToPdf(html, { pdf: { format: 'A5' }, png: join(SHOTS, 'signature-sheet.png'), height: 794 });
  writeFileSync(join(SHOTS, 'signature-sheet.pdf'), pdf);
  await page.bringToFront();  // the desk's tab is in front again, as after a print dialog
  const ops = pdfStreams(pdf).join('\n');
  assert.match(ops, /[\d.]+ [\d.]+ m\s+(?:[\d.]+ [\d.]+ l\s+){5,}[\s\S]*?\bS\b/, 'the path is stroked in the PDF');
  assert.ok(!/\/Subtype\s*\/Image/.test(pdf.toString('latin1')), 'no image in the PDF');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
  assert.equal(pages, 1, 'the sheet fits one A5 page');
});

test('a confirmed signature is voided by a supervisor with a reason, never edited', async () => {
  // No staff yet: the desk is in set-up mode, where every right is held.
  // A click on the status bar first: after the PDF printed by a second
  // headless browser, this tab takes wheel events again only once clicked.
  await page.mouse.click(400, 742);
  await frames(page, 2);
  await revealIn(page, 'repairs.customer_signature.void');
  await click(page, 'repairs.customer_signature.void');
  await shot(page, 'signature-void-open');
  await revealIn(page, 'repairs.customer_signature.void_confirm');
  await click(page, 'repairs.customer_signature.void_confirm');
  assert.match(await messageLines(page), /作废签字须写明原因/);
  assert.equal((await stored()).data.customer_signature.voided, false);
  await type(page, 'repairs.customer_signature.void_reason', '客户签在了错误的单上');
  await revealIn(page, 'repairs.customer_signature.void_confirm');
  await save(page, 'repairs.customer_signature.void_confirm');
  const r = await stored();
  assert.equal(r.data.customer_signature.voided, true);
  assert.equal(r.data.customer_signature.void_reason, '客户签在了错误的单上');
  assert.equal(r.history.at(-1).action, 'void_signature');
  assert.ok(r.data.customer_signature.strokes.length === 2, 'the voided strokes are kept');
  // The form now offers a new signature; on paper this time.
  await revealIn(page, 'repairs.customer_signature.paper');
  await click(page, 'repairs.customer_signature.paper');
  await revealIn(page, 'repairs.customer_signature.paper_confirm');
  await type(page, 'repairs.customer_signature.sheet', 'PD-0042');
  await click(page, 'repairs.customer_signature.paper_confirm');
  await save(page, 'repairs.save');
  const again = (await stored()).data.customer_signature;
  assert.equal(again.paper_sheet, 'PD-0042');
  assert.equal(again.voided, false);
  await shot(page, 'signature-voided-then-paper');
});

test('on a touch screen (1280×800) a finger signs, with its pressure', async () => {
  const touch = await launchBrowser({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  try {
    const { page: p } = await openApp(touch.context, b.base, 'test=1&module=repairs');
    await finishedRepair(p);
    await revealIn(p, 'repairs.signed_by');
    await type(p, 'repairs.signed_by', '李先生');
    await revealIn(p, 'repairs.customer_signature.sign');
    await click(p, 'repairs.customer_signature.sign');
    await revealIn(p, 'repairs.customer_signature.confirm');
    const pad = await widget(p, 'repairs.customer_signature.pad');
    const cdp = await p.context().newCDPSession(p);
    const pt = (fx, fy) => [{ x: pad.x + pad.w * fx, y: pad.y + pad.h * fy, force: 0.8, id: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(0.2, 0.5) });
    for (let i = 1; i <= 10; ++i)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(0.2 + i * 0.05, 0.5 + (i % 2) * 0.1) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    await frames(p, 3);
    await shot(p, 'signature-touch');
    await click(p, 'repairs.customer_signature.confirm');
    await save(p, 'repairs.action.accept');
    const sig = (await storedLatest(p, 'repair')).data.customer_signature;
    assert.equal(sig.signer, '李先生');
    assert.equal(sig.strokes.length, 1);
    const pressures = sig.strokes[0].p.filter((_, i) => i % 3 === 2);
    assert.ok(pressures.length >= 8, `a finger's points: ${pressures.length}`);
    assert.ok(pressures.every((v) => v === 8), `the finger's force 0.8 is kept as 8: ${pressures}`);
  } finally {
    await touch.close();
  }
});
