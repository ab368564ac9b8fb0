// Offline shell: the app's files are served from the network when it
// answers (so a new version is picked up on the next load) and from this
// cache when it does not (outages), within a short time-out. Records never
// pass through here: they live in IndexedDB.
const CACHE = 'wuye-desk-shell-v2';
const SHELL = ['./', 'index.html', 'boot.js', 'index.js', 'index.wasm', 'index.data'];
const NETWORK_TIMEOUT_MS = 4000;

// GB2312's level-2 hanzi (鑫 昊 琪 …) are not in the preloaded base font
// (web/font_subset.py); they are cached at install, after the page is up,
// so an outage never turns a common name into boxes. The rare-glyph font
// (desk-ext.ttf, 1.4 MB) is cached when first fetched.
const FONTS = ['fonts/desk-more.ttf'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll([...SHELL, ...FONTS])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function fromNetwork(request) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network time-out')), NETWORK_TIMEOUT_MS);
    fetch(request).then((response) => {
      clearTimeout(timer);
      if (response.ok) {
        // Stored again only when it is a new version: writing the 5 MB app
        // into the cache on every load slowed every start.
        const copy = response.clone();
        const tag = response.headers.get('ETag');
        caches.open(CACHE).then((c) => c.match(request).then((had) => {
          if (tag && had && had.headers.get('ETag') === tag) return undefined;
          return c.put(request, copy);
        }));
      }
      resolve(response);
    }, (e) => { clearTimeout(timer); reject(e); });
  });
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(fromNetwork(event.request).catch(() =>
    caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || Response.error())));
});
