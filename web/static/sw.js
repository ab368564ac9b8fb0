// Offline shell, cache first. Every load is served from the copy of the app
// this worker keeps, so a desk starts as fast on a slow or broken network as
// on a good one; the network is asked only for a file the copy lacks.
// A few seconds after each load the worker asks the server whether any kept
// file changed (a conditional request, answered "304" when not). When one
// did, it fetches the new version into a new copy, switches to that copy in
// one step and tells the page (boot.js shows 新版本已下载). A new version is
// therefore used from the load after it was found, and a load never mixes the
// files of two versions. Records never pass through here: they live in
// IndexedDB.
const PREFIX = 'wuye-desk-shell-';
const POINTER = 'wuye-desk-current';  // the name of the copy in use, and of the one before it
const SHELL = ['./', 'index.html', 'boot.js', 'index.js', 'index.wasm', 'index.data'];
// GB2312's level-2 hanzi (鑫 昊 琪 …) are not in the preloaded base font
// (web/font_subset.py); they are cached at install, so an outage never turns
// a common name into boxes. The rare-glyph font (desk-ext.ttf, 1.4 MB) is
// kept when first fetched.
const FONTS = ['fonts/desk-more.ttf'];
const NETWORK_TIMEOUT_MS = 4000;  // only for a file the copy lacks
const CHECK_DELAY_MS = 5000;      // after a load, so the check never competes with the start
const CHECK_TIMEOUT_MS = 60000;   // a file's check; a network that never answers is tried again next load

async function copies() {
  const r = await (await caches.open(POINTER)).match('current');
  const [current = '', previous = ''] = r ? (await r.text()).split('\n') : [];
  return { current, previous };
}

// Switches loads to `name`. The copy before it stays until the next switch:
// a page that began loading a moment earlier still reads its files from
// there (see `pinned`).
async function use(name) {
  const { current } = await copies();
  const previous = current !== name ? current : '';
  await (await caches.open(POINTER)).put('current', new Response(name + '\n' + previous));
  const keep = new Set([name, previous, POINTER]);
  await Promise.all((await caches.keys()).filter((k) => !keep.has(k)).map((k) => caches.delete(k)));
}

async function fillNewCopy() {
  const name = PREFIX + Date.now();
  await (await caches.open(name)).addAll([...SHELL, ...FONTS]);
  await use(name);
}

self.addEventListener('install', (event) => {
  event.waitUntil(fillNewCopy().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// fetch(), given up (aborted) when no answer has come within `ms`.
function fetchWithin(request, ms, init = {}) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), ms);
  return fetch(request, { ...init, signal: abort.signal }).finally(() => clearTimeout(timer));
}

// Each page reads every file from the copy its page came from, even when the
// worker switched copies while it loaded: the page's id → that copy's name.
// (Kept in memory: a worker restarted mid-load serves from the copy in use.)
const pinned = new Map();

async function serve(event) {
  const request = event.request;
  const { current, previous } = await copies();
  let name = current;
  if (request.mode === 'navigate') {
    if (event.resultingClientId) pinned.set(event.resultingClientId, current);
    if (pinned.size > 64) pinned.delete(pinned.keys().next().value);
  } else if (pinned.get(event.clientId) === previous && previous) {
    name = previous;
  }
  if (name) {
    const hit = await (await caches.open(name)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  // Not in the copy (or no copy: the browser cleared the pointer): the
  // network, and during an outage any copy that has the file.
  const response = await fetchWithin(request, NETWORK_TIMEOUT_MS).catch((e) =>
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || Promise.reject(e)));
  if (name && response.status === 200) {
    const copy = response.clone();
    caches.open(name).then((c) => c.put(request, copy)).catch(() => {});
  }
  return response;
}

// The same file as kept: "304", or a server that ignores the condition but
// sends the same tag (or, without tags, the same date and length).
function unchanged(kept, response) {
  if (response.status === 304) return true;
  const same = (h) => kept.headers.get(h) !== null && kept.headers.get(h) === response.headers.get(h);
  return same('ETag') || (same('Last-Modified') && same('Content-Length'));
}

let checking = null;
async function checkForUpdate() {
  const { current } = await copies();
  if (!current) return fillNewCopy();  // the pointer was lost: a whole copy again
  const kept = await caches.open(current);
  const files = [];
  let changed = 0;
  for (const request of await kept.keys()) {
    const had = await kept.match(request);
    // By its tag, or by its date on a server that sends no tags (without
    // either, the whole file comes back and is compared by date and length).
    const tag = had.headers.get('ETag'), date = had.headers.get('Last-Modified');
    const condition = tag ? { 'If-None-Match': tag } : date ? { 'If-Modified-Since': date } : {};
    const response = await fetchWithin(request.url, CHECK_TIMEOUT_MS, { cache: 'no-store', headers: condition });
    if (unchanged(had, response)) {
      files.push([request, had]);
    } else if (response.status === 200) {
      files.push([request, response]);
      ++changed;
    } else {
      return;  // the server is in trouble or mid-update: keep the copy in use
    }
  }
  if (!changed) return;
  const name = PREFIX + Date.now();
  const next = await caches.open(name);
  for (const [request, response] of files) await next.put(request, response);
  await use(name);
  for (const client of await self.clients.matchAll({ type: 'window' }))
    client.postMessage({ type: 'desk-new-version', files: changed });
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(serve(event).catch(() => Response.error()));
  if (event.request.mode === 'navigate' && !checking) {
    checking = new Promise((ok) => setTimeout(ok, CHECK_DELAY_MS))
      .then(checkForUpdate)
      .catch((e) => console.warn('service worker: update check: ' + e))
      .finally(() => { checking = null; });
    event.waitUntil(checking);
  }
});
