// The offline shell is cache first (web/static/sw.js): a desk whose network
// is up but never answers still starts at once from the kept copy, and a new
// version put on the server is found after a load, announced, and used whole
// from the next load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../web/serve.mjs';
import { DIST, SHOTS, frames, launchBrowser } from './harness.mjs';

// The app's files, served through a proxy that logs every request and, while
// `hang` is set, holds each one unanswered (a network that is up but stuck).
// With `dates` set it plays a server that sends no tags, only each file's
// date (Last-Modified), and answers If-Modified-Since.
const dist = mkdtempSync(join(tmpdir(), 'desk-dist-'));
const seen = [];
const sent = [];  // [path, status] of what the proxy answered by date
const held = [];
let hang = false;
let dates = false;
let origin, proxy, browser, page, base;

function forward(req, res) {
  const headers = { ...req.headers };
  let modified = '';
  if (dates) {
    delete headers['if-none-match'];
    let path = new URL(req.url, 'http://x').pathname;
    if (path.endsWith('/')) path += 'index.html';
    try { modified = new Date(Math.floor(statSync(join(dist, path)).mtimeMs / 1000) * 1000).toUTCString(); } catch { /* 404 below */ }
    const since = req.headers['if-modified-since'];
    if (modified && since && Date.parse(since) >= Date.parse(modified)) {
      sent.push([path, 304]);
      res.writeHead(304, { 'Last-Modified': modified }).end();
      return;
    }
    sent.push([path, 200]);
  }
  const upstream = request({ port: origin.address().port, path: req.url, method: req.method, headers },
    (r) => {
      const out = { ...r.headers };
      if (dates) {
        delete out.etag;
        if (modified) out['last-modified'] = modified;
      }
      res.writeHead(r.statusCode, out);
      r.pipe(res);
    });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

before(async () => {
  cpSync(DIST, dist, { recursive: true });
  origin = await startServer(dist, 0);
  proxy = createServer((req, res) => {
    seen.push(new URL(req.url, 'http://x').pathname);
    if (hang) held.push(() => forward(req, res)); else forward(req, res);
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${proxy.address().port}/`;
  browser = await launchBrowser();
  page = browser.context.pages()[0] || await browser.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

after(async () => {
  hang = false;
  held.splice(0).forEach((go) => go());
  await browser.close();
  proxy.close();
  origin.close();
  rmSync(dist, { recursive: true, force: true });
});

const ready = () => page.waitForFunction(() => window.deskTest && window.deskTest.ready, null, { timeout: 30000 });
const mark = () => page.evaluate(() => window.deskBuildMark || '');
const SHELL_FILES = ['/index.js', '/index.wasm', '/index.data', '/boot.js'];

test('a network that never answers does not hold up the start: every file comes from the kept copy', async () => {
  await page.goto(`${base}?test=1&module=visits`);
  await ready();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 10000 });

  hang = true;
  seen.length = 0;
  await page.reload();
  await ready();
  const asked = seen.filter((p) => p === '/' || SHELL_FILES.includes(p));
  assert.deepEqual(asked, [], `the load asked the network for ${asked.join(', ')}`);
  await page.evaluate(() => window.deskTest.enable());
  await frames(page, 3);
  const snap = await page.evaluate(() => window.deskTest.snapshot());
  assert.ok(snap.widgets && Object.keys(snap.widgets).length > 0, 'the desk is drawn and usable');
  hang = false;
  held.splice(0).forEach((go) => go());
});

test('a new version on the server is found after a load, announced, and used from the next load', async () => {
  // Let the check started by the stuck load finish against the unchanged files.
  await page.goto(`${base}?test=1&module=visits`);
  await ready();
  assert.equal(await mark(), '', 'the first version');

  // A new build: boot.js marks itself, and the lazily read font grows (their
  // tags change; the other files are unchanged).
  const boot = join(dist, 'boot.js');
  writeFileSync(boot, readFileSync(boot, 'utf8') + "\nwindow.deskBuildMark = 'v2';\n");
  const font = join(dist, 'fonts/desk-more.ttf');
  const fontBytes = readFileSync(font);
  writeFileSync(font, Buffer.concat([fontBytes, Buffer.alloc(16)]));
  const fontLength = () => page.evaluate(async () => (await (await fetch('fonts/desk-more.ttf')).arrayBuffer()).byteLength);
  await page.reload();
  await ready();
  assert.equal(await mark(), '', 'this load is still served whole from the kept copy');
  await page.waitForFunction(() => window.deskTest.newVersion === true, null, { timeout: 40000 });
  // The worker switched copies after this page loaded: the page still reads
  // the files of the version it started with.
  assert.equal(await fontLength(), fontBytes.length, 'a file read after the switch comes from the page\'s own version');
  assert.equal(await page.isVisible('#update'), true, 'the page says a new version was downloaded');
  assert.match(await page.textContent('#update'), /新版本已下载/);
  await page.screenshot({ path: join(SHOTS, 'update-ready.png') });
  await page.click('#update-close');
  assert.equal(await page.isVisible('#update'), false, 'the notice closes');

  seen.length = 0;
  await page.reload();
  await ready();
  assert.equal(await mark(), 'v2', 'the next load runs the new version');
  assert.equal(await fontLength(), fontBytes.length + 16, 'and reads the new version\'s files');
  assert.deepEqual(seen.filter((p) => SHELL_FILES.includes(p)), [], 'served from the new copy, not the network');
  assert.equal(await page.isVisible('#update'), false);
  const names = await page.evaluate(() => caches.keys());
  assert.ok(names.length <= 3, `the copy in use, the one before it and the pointer: ${names.join(', ')}`);
});

test('a server that sends dates, not tags: an unchanged app is asked by its date, a changed one is found', async () => {
  // The first check against such a server finds every kept file's tag gone
  // and stores the app once more, now with its dates.
  dates = true;
  await page.reload();
  await ready();
  await page.waitForFunction(() => window.deskTest.newVersion === true, null, { timeout: 40000 });

  // Unchanged: the next check asks each file by its date and gets 304.
  await page.reload();
  await ready();
  sent.length = 0;
  const checked = () => sent.filter(([p]) => SHELL_FILES.includes(p));
  for (let i = 0; i < 200 && checked().length < SHELL_FILES.length; ++i) await new Promise((ok) => setTimeout(ok, 200));
  assert.deepEqual(checked().map(([p, status]) => `${p} ${status}`).sort(), SHELL_FILES.map((p) => `${p} 304`).sort());
  await new Promise((ok) => setTimeout(ok, 1000));
  assert.equal(await page.evaluate(() => window.deskTest.newVersion), undefined, 'no new version announced');

  // Changed: boot.js gets a later date (HTTP dates count whole seconds).
  await new Promise((ok) => setTimeout(ok, 1100));
  const boot = join(dist, 'boot.js');
  writeFileSync(boot, readFileSync(boot, 'utf8') + "\nwindow.deskBuildMark = 'v3';\n");
  await page.reload();
  await ready();
  assert.equal(await mark(), 'v2', 'this load is still the kept version');
  await page.waitForFunction(() => window.deskTest.newVersion === true, null, { timeout: 40000 });
  await page.reload();
  await ready();
  assert.equal(await mark(), 'v3', 'the next load runs the newer version');
  dates = false;
});
