// Shared set-up for browser tests: the built app served on a free loopback
// port, Debian's Chromium driven by playwright-core, helpers that act like a
// person (click at a widget's rectangle, type through the IME path) using the
// app's test map (window.deskTest, see README).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../web/serve.mjs';

// DESK_DIST serves another build (e.g. to compare two builds with the benchmarks).
export const DIST = resolve(process.env.DESK_DIST || 'build/web/dist');
export const SHOTS = resolve('build/web/screenshots');
mkdirSync(SHOTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

// Debian's Chromium on a fresh profile, as every test drives it, or on
// `keptProfile` (a folder kept between runs, never removed here). `options`
// go to the browser context, e.g. { viewport: { width: 1280, height: 800 }, hasTouch: true }.
export async function launchBrowser(options = {}, keptProfile = '') {
  const profile = keptProfile || mkdtempSync(join(tmpdir(), 'desk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport: { width: 1366, height: 768 },
    acceptDownloads: true, locale: 'zh-CN', ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      if (!keptProfile) rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

// The built app served on a free loopback port, and a browser to open it.
export async function openBrowser(options = {}) {
  const server = await startServer(DIST, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchBrowser(options);
  return {
    base, context: browser.context,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

// A printed sheet (HTML) as Chromium prints it, in a browser of its own: a
// second tab beside the desk's would leave the desk's tab without wheel
// events for the rest of the test. Returns the PDF bytes; with `png`, also
// writes a screenshot of the sheet at `width`×`height`.
export async function printToPdf(html, { pdf = { preferCSSPageSize: true }, png = '', width = 560, height = 800 } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const sheet = await browser.newPage({ viewport: { width, height } });
    await sheet.setContent(html);
    const bytes = await sheet.pdf({ printBackground: true, ...pdf });
    if (png) await sheet.screenshot({ path: png, fullPage: true });
    return bytes;
  } finally {
    await browser.close();
  }
}

// Opens the app with the test map on and waits for the first editable frame.
// A fresh desk opens its setup (站点设置); unless `setup: 'keep'`, the test
// puts it off (稍后设置), as a site trying the desk out would.
export async function openApp(context, base, query = 'test=1&module=visits', { setup = 'later' } = {}) {
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const t0 = Date.now();
  await page.goto(`${base}?${query}`);
  await page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
  const ms = Date.now() - t0;
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 2);
  if (setup === 'later') await dismissSetup(page);
  return { page, firstFrameMs: ms };
}

// Puts off a fresh desk's setup (稍后设置) when it shows, e.g. after a reload
// of a desk whose storage was cleared.
export async function dismissSetup(page) {
  if (await page.evaluate(() => !!window.deskTest.widget('setup.later'))) await click(page, 'setup.later');
}

export async function snapshot(page) { return page.evaluate(() => window.deskTest.snapshot()); }

// Waits until the app has drawn `n` more frames.
export async function frames(page, n = 2) {
  const start = (await snapshot(page)).frame || 0;
  await page.waitForFunction((s) => (window.deskTest.snapshot().frame || 0) >= s, start + n, { timeout: 10000 });
}

export async function widget(page, id, timeout = 10000) {
  const handle = await page.waitForFunction((wid) => window.deskTest.widget(wid), id, { timeout });
  return handle.jsonValue();
}

// Scrolls with the mouse wheel over widget `over` until widget `id` is on screen.
// The wheel turns where `over` was first seen: the area stays under the
// mouse when `over` itself scrolls out of view.
export async function reveal(page, id, over) {
  let anchor = null;
  for (let i = 0; i < 15; ++i) {
    if (await page.evaluate((wid) => window.deskTest.widget(wid), id)) return;
    anchor = anchor || await widget(page, over);
    await page.mouse.move(anchor.x + anchor.w / 2, anchor.y + anchor.h / 2);
    await page.mouse.wheel(0, 150);
    await frames(page, 2);
  }
  throw new Error(`widget ${id} did not scroll into view`);
}

export async function click(page, id) {
  const w = await widget(page, id);
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  await frames(page, 2);
}

// Clicks a text field, selects what is there and types `text`: ASCII through
// the keyboard, anything else through the IME (composition, then commit).
export async function type(page, id, text, { replace = true } = {}) {
  await click(page, id);
  if (replace) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
  if (/^[\x20-\x7e]*$/.test(text)) {
    await page.keyboard.type(text);
  } else {
    await imeType(page, text);
  }
  await frames(page, 2);
}

// What an OS input method does: composition updates, then the committed text.
export async function imeType(page, text) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'pinyin', selectionStart: 6, selectionEnd: 6 });
  await cdp.send('Input.insertText', { text });
  await cdp.detach();
}

export async function waitForState(page, state, timeout = 15000) {
  await page.waitForFunction((s) => window.deskTest.snapshot().saveState === s, state, { timeout });
}

// Clicks a save button and waits until the change is durable and applied.
export async function save(page, id) {
  const before = Number((await snapshot(page)).dataVersion);
  await click(page, id);
  await page.waitForFunction((v) => {
    const s = window.deskTest.snapshot();
    return Number(s.dataVersion) > v && s.saveState === 'saved';
  }, before, { timeout: 15000 });
  await frames(page, 2);
}

// Every file the app keeps in IndexedDB (IDBFS store "FILE_DATA"):
// [{path, text, mode}], read straight from the browser's database. A closed
// journal segment (seg-NNNNNN.lz4, core/segment_pack.hpp) is unpacked here by
// the LZ4 block format's own rules, independently of the app's code; `packed`
// is then its stored size. `bytes` is a file's stored length, `buffer` the
// size of the buffer IndexedDB keeps for it (a view's whole buffer).
export function storedFiles(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const unpack = (b) => {
      if (String.fromCharCode(b[0], b[1], b[2], b[3]) !== 'DLZ4') throw new Error('not a packed segment');
      const size = (b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0;
      if (size > 64 << 20) throw new Error(`packed segment says ${size} bytes`);  // kMaxUnpackedSegment
      const out = new Uint8Array(size);
      let ip = 8, op = 0;
      const length = (n) => { if (n === 15) for (let x = 255; x === 255; n += x) x = b[ip++]; return n; };
      while (ip < b.length) {
        const token = b[ip++];
        const lit = length(token >> 4);
        out.set(b.subarray(ip, ip + lit), op);
        ip += lit, op += lit;
        if (ip >= b.length) break;
        const off = b[ip] | (b[ip + 1] << 8);
        ip += 2;
        const len = length(token & 15) + 4;
        for (let i = 0; i < len; ++i, ++op) out[op] = out[op - off];
      }
      if (op !== out.length) throw new Error('packed segment unpacks short');
      return out;
    };
    const req = indexedDB.open('/data');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const out = [];
      const cursor = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA').openCursor();
      cursor.onerror = () => fail(cursor.error);
      cursor.onsuccess = () => { try { next(); } catch (e) { db.close(); fail(e); } };  // a bad segment fails the test, not hangs it
      const next = () => {
        const c = cursor.result;
        if (!c) { db.close(); ok(out); return; }
        const v = c.value;
        // MEMFS hands IDBFS whatever view it holds: a file written at once is a slice of
        // the wasm heap's Int8Array, so the bytes are read through an unsigned view.
        const raw = v.contents && new Uint8Array(v.contents.buffer, v.contents.byteOffset, v.contents.byteLength);
        const packed = /\/seg-\d+\.lz4$/.test(c.key) && raw;
        const bytes = packed ? unpack(raw) : raw;
        out.push({ path: c.key, text: bytes ? new TextDecoder().decode(bytes) : '', mode: v.mode,
          ...(packed ? { packed: v.contents.length } : {}),
          ...(v.contents ? { bytes: v.contents.length, buffer: v.contents.buffer.byteLength } : {}) });
        c.continue();
      };
    };
  }));
}

export async function records(page) { return (await snapshot(page)).records; }

// The newest stored version of the record of `type` matching `pred`, parsed
// from the journal lines ("<crc> <json>") IndexedDB holds.
export async function storedLatest(page, type, pred = () => true) {
  const lines = (await storedFiles(page)).filter((f) => /seg-/.test(f.path)).flatMap((f) => f.text.split('\n'));
  const all = lines.filter((l) => l.includes(`"type":"${type}"`)).map((l) => JSON.parse(l.slice(9)));
  return all.filter(pred).sort((x, y) => y.revision - x.revision)[0];
}

// Clicks the first listed row of `type`, opening it in the form.
export async function openRow(page, type) {
  const row = (await snapshot(page)).records.find((r) => r.type === type);
  assert.ok(row, `a ${type} row is listed`);
  await page.mouse.click(row.x + 40, row.y + row.h / 2);
  await frames(page, 2);
}

// The number of records a module's list shows ("3/10" -> 3).
export async function listCount(page, module) {
  return Number((await snapshot(page)).messages.find((m) => m.id === `${module}.count`).text.split('/')[0]);
}

// Every message on screen as "id=text" lines, for matching.
export async function messageLines(page) {
  return (await snapshot(page)).messages.map((m) => `${m.id}=${m.text}`).join('\n');
}

export async function shot(page, name) {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// 站点设置 on a fresh desk (opened with setup: 'keep'): the first
// administrator; returns the recovery code shown once, after confirming it.
export async function setUpSite(page, { site = '阳光花园', name = '王经理', code = 'M001', role = 'center_manager',
  pin = '582046' } = {}) {
  await type(page, 'setup.site', site);
  await type(page, 'setup.name', name);
  await type(page, 'setup.code', code);
  await click(page, `setup.role.${role}`);
  await type(page, 'setup.pin', pin);
  await type(page, 'setup.pin_again', pin);
  // 完成设置 is disabled while the desk is saving (a fresh desk's first
  // write): a click then does nothing.
  await page.waitForFunction(() => { const w = window.deskTest.widget('setup.ok'); return w && !w.disabled; },
    null, { timeout: 15000 });
  await click(page, 'setup.ok');
  try {
    await page.waitForFunction(() => window.deskTest.snapshot().messages.some((m) => m.id === 'recovery.code'),
      null, { timeout: 15000 });
  } catch (e) {
    // Say what the screen showed instead (a CI run once timed out here).
    await shot(page, 'setup-no-recovery-code');
    const s = await snapshot(page);
    throw new Error(`${e.message}\nsave state: ${s.saveState}\nmessages:\n${s.messages.map((m) => `${m.id}=${m.text}`).join('\n')}`);
  }
  const recovery = (await snapshot(page)).messages.find((m) => m.id === 'recovery.code').text;
  await click(page, 'recovery.done');
  await widget(page, 'signin.out');
  return recovery;
}

// Adds a staff member in the 员工 module (the signed-in person must manage staff).
export async function addStaff(page, { code, name, role = 'receptionist', pin = '' }) {
  await click(page, 'nav.staff');
  await click(page, 'staff.new');
  await type(page, 'staff.code', code);
  await type(page, 'staff.name', name);
  await click(page, 'staff.role');
  await click(page, `staff.role.${role}`);
  if (pin) {
    await type(page, 'staff.pin', pin);
    await type(page, 'staff.pin_again', pin);
    await click(page, 'staff.pin.set');
  }
  await save(page, 'staff.save');
}

export async function signOut(page) {
  await click(page, 'signin.out');
  await widget(page, 'signin.ok');
}

// Clicks 登录 and waits for the PIN check (hashed off the main thread) to finish.
export async function submitSignIn(page) {
  await click(page, 'signin.ok');
  await page.waitForFunction(() => {
    const w = window.deskTest.widget('signin.ok');
    return !w || !w.disabled;
  }, null, { timeout: 15000 });
  await frames(page, 2);
}

export async function signIn(page, code, pin) {
  await type(page, 'signin.code', code);
  await type(page, 'signin.pin', pin);
  await submitSignIn(page);
  await widget(page, 'signin.out');
}
