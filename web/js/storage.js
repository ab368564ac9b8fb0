// Storage glue: IndexedDB through Emscripten's IDBFS, mounted at /data.
// - The stored data is loaded in preRun, holding a run dependency, so main()
//   starts with it in memory. (Reading it with the page's start instead,
//   beside the wasm compile, measured no faster on two cores: both wait on
//   the main thread.)
// - Module.deskPersist(cb) makes /data durable: one FS.syncfs in flight, at
//   most one queued (it covers every waiting caller), a time-out for the
//   aborted transactions that 3.1.6 never reports.
// - IDBFS.reconcile is replaced by a copy that reports the real error and
//   handles onabort (QuotaExceededError), both fixed only in later Emscripten,
//   asks for strict durability (flushed to disk before 'complete'), and
//   stores each file's bytes without the spare room of its buffer.
// - IDBFS.getRemoteSet walks a cursor over every stored file on each sync,
//   one task per file; with the page drawing frames in between that cost
//   ~16 ms per file (0.7 s at 10,000 records). This tab is the only writer
//   (tabs.js), so the stored set is read once at load and then kept up to
//   date by our own reconcile; any failed write drops it (read again).
var deskStorage = {
  inFlight: false,
  waiting: [],     // callbacks for the next sync
  timeoutMs: 15000,
  persisted: -1,   // navigator.storage.persist() result: 1 granted, 0 refused, -1 unknown
  usage: -1,       // bytes used by this origin: the browser's last estimate, plus what we stored since
  quota: -1,
  lastError: '',
  state: 'idle',   // 'idle' | 'saving' | 'saved' | 'failed'
};

var deskRemote = null;  // {mount, db, entries}: what IndexedDB holds, as of our last write

// What this desk has stored, file by file, so the space used can be shown
// as soon as a save lands: the browser's own estimate is asked for only once
// the saves pause (see deskEstimateLater), and right after a large import it
// read the empty store's figure for 15 s. Shown: the last estimate plus the
// bytes stored since it was asked for.
var deskStored = {
  sizes: {}, total: 0,
  loaded: -1,      // the total once the load has read the store
  estimated: -1,   // the browser's last estimate of the origin's usage
  atEstimate: -1,  // the total when it was asked for; -2: asked before the load (its total is `loaded`)
  set: function(path, bytes) {
    this.total += bytes - (this.sizes[path] || 0);
    if (bytes) this.sizes[path] = bytes; else delete this.sizes[path];
    this.show();
  },
  // After the load: every file under /data, as IndexedDB holds it.
  count: function(dir) {
    var self = this;
    FS.readdir(dir).forEach(function(name) {
      if (name === '.' || name === '..') return;
      var path = dir + '/' + name, st = FS.stat(path);
      if (FS.isDir(st.mode)) self.count(path); else self.set(path, st.size);
    });
  },
  show: function() {
    var base = this.atEstimate === -2 ? this.loaded : this.atEstimate;
    if (this.estimated >= 0 && base >= 0) deskStorage.usage = Math.max(0, this.estimated + this.total - base);
    else if (this.estimated >= 0) deskStorage.usage = this.estimated;
  },
};

function deskCopyEntries(entries) {
  var out = {};
  Object.keys(entries).forEach(function(k) { out[k] = { 'timestamp': entries[k]['timestamp'] }; });
  return out;
}

// A file's in-memory bytes are a view on a buffer that grew geometrically
// (MEMFS), and IndexedDB stores a view's whole buffer: 100,000 visits kept
// 18.9 MB of segments in 32.8 MB of stored buffers, read back on every load.
// An entry whose buffer is larger than its bytes is stored as an exact copy.
function deskHasRoom(entry) {
  var c = entry['contents'];
  return !!(c && c.buffer && (c.byteOffset !== 0 || c.byteLength !== c.buffer.byteLength));
}
function deskExactEntry(entry) {
  if (deskHasRoom(entry)) entry['contents'] = entry['contents'].slice();
  return entry;
}
// Files a store written before that fix holds with spare room (closed
// segments are never written again): stored once more, exactly, by one sync
// a few seconds after the first frame (~19 MB at 100,000 records).
var deskRoomy = [];
function deskStoreRoomyLater() {
  if (!deskRoomy.length || Module.deskWriter === false || Module.deskLoadError) return;
  setTimeout(function() {
    if (!deskRemote) return;  // a failed sync dropped the cached set: the next one reads it again
    // A timestamp no file has: the sync stores the file again, or removes it if it is gone by then.
    deskRoomy.forEach(function(path) { if (deskRemote.entries[path]) deskRemote.entries[path]['timestamp'] = new Date(0); });
    deskRoomy = [];
    Module.deskPersist(function() {});
  }, 5000);
}

function deskPatchIdbfs() {
  var readRemoteSet = IDBFS.getRemoteSet;
  IDBFS.getRemoteSet = function(mount, callback) {
    if (deskRemote && deskRemote.mount === mount.mountpoint)
      return callback(null, { type: 'remote', db: deskRemote.db, entries: deskCopyEntries(deskRemote.entries) });
    readRemoteSet(mount, function(err, set) {
      if (!err) deskRemote = { mount: mount.mountpoint, db: set.db, entries: deskCopyEntries(set.entries) };
      callback(err, set);
    });
  };
  IDBFS.reconcile = function(src, dst, callback) {
    var create = [], remove = [], sizes = {};
    Object.keys(src.entries).forEach(function(key) {
      var e = src.entries[key], e2 = dst.entries[key];
      if (!e2 || e['timestamp'].getTime() != e2['timestamp'].getTime()) create.push(key);
    });
    Object.keys(dst.entries).forEach(function(key) { if (!src.entries[key]) remove.push(key); });
    if (!create.length && !remove.length) return callback(null);
    var finished = false;
    function finish(err) {
      if (finished) return;
      finished = true;
      if (dst.type === 'remote') {
        if (err || !deskRemote) deskRemote = null;
        else {
          create.forEach(function(k) { deskRemote.entries[k] = { 'timestamp': src.entries[k]['timestamp'] }; });
          remove.forEach(function(k) { delete deskRemote.entries[k]; });
          create.forEach(function(k) { deskStored.set(k, sizes[k] || 0); });
          remove.forEach(function(k) { deskStored.set(k, 0); });
        }
      }
      callback(err);
    }
    var db = src.type === 'remote' ? src.db : dst.db;
    var transaction;
    try {
      // 'strict': complete fires only once the bytes are flushed to disk
      // (Chromium's default became 'relaxed'), so an acknowledged save
      // survives a power cut, not only a killed browser.
      transaction = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite', { durability: 'strict' });
    } catch (e) { return finish(e); }
    var store = transaction.objectStore(IDBFS.DB_STORE_NAME);
    function step(err) { if (err) { try { transaction.abort(); } catch (e) {} finish(err); } }
    transaction.onerror = function(e) { e.preventDefault(); finish(e.target.error || new Error('IndexedDB error')); };
    transaction.onabort = function(e) { finish(e.target.error || transaction.error || new Error('IndexedDB transaction aborted')); };
    transaction.oncomplete = function() { finish(null); };
    create.sort().forEach(function(path) {
      if (dst.type === 'local') {
        IDBFS.loadRemoteEntry(store, path, function(err, entry) {
          if (err) return step(err);
          if (deskHasRoom(entry)) deskRoomy.push(path);
          IDBFS.storeLocalEntry(path, entry, step);
        });
      } else {
        IDBFS.loadLocalEntry(path, function(err, entry) {
          if (err) return step(err);
          sizes[path] = entry['contents'] ? entry['contents'].length : 0;
          IDBFS.storeRemoteEntry(store, path, deskExactEntry(entry), step);
        });
      }
    });
    remove.sort().reverse().forEach(function(path) {
      if (dst.type === 'local') IDBFS.removeLocalEntry(path, step);
      else IDBFS.removeRemoteEntry(store, path, step);
    });
  };
}

function deskErrorText(err) {
  if (!err) return '';
  if (err.name === 'QuotaExceededError') return 'quota';
  return (err.name ? err.name + ': ' : '') + (err.message || String(err));
}

function deskRunSync() {
  var callbacks = deskStorage.waiting;
  deskStorage.waiting = [];
  deskStorage.inFlight = true;
  deskStorage.state = 'saving';
  var settled = false;
  function settle(err) {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    deskStorage.inFlight = false;
    deskStorage.lastError = deskErrorText(err);
    deskStorage.state = err ? 'failed' : 'saved';
    callbacks.forEach(function(cb) { cb(!err, deskStorage.lastError); });
    deskEstimateLater();
    if (deskStorage.waiting.length) deskRunSync();
  }
  var timer = setTimeout(function() { settle(new Error('timeout: IndexedDB did not answer')); }, deskStorage.timeoutMs);
  performance.mark('desk-persist-start');  // make bench: the app's own writing ends, IndexedDB's begins
  try {
    FS.syncfs(false, settle);
  } catch (e) { settle(e); }
}

Module.deskPersist = function(cb) {
  // A read-only tab (web/js/tabs.js) must never write its stale copy back,
  // nor a page that could not read the store: a save would replace every
  // stored file with its empty copy (the desk shows why it is read-only).
  if (Module.deskWriter === false || Module.deskLoadError) { cb(false, 'read-only'); return; }
  deskStorage.waiting.push(cb);
  if (!deskStorage.inFlight) deskRunSync();
};
Module.deskStorage = deskStorage;

Module.preRun = Module.preRun || [];
Module.preRun.push(function() {
  performance.mark('desk-wasm-ready');  // make bench: the wasm compiled, the data file downloaded
  deskPatchIdbfs();
  FS.mkdir('/data');
  FS.mount(IDBFS, {}, '/data');
  addRunDependency('desk-load');
  var done = false;
  function loaded(err) {
    if (done) return;
    done = true;
    performance.mark('desk-idb-read');  // make bench: how long reading the store took
    Module.deskLoadError = deskErrorText(err);
    try { FS.mkdir('/data/journal'); } catch (e) {}
    try { deskStored.count('/data'); } catch (e) {}
    deskStored.loaded = deskStored.total;
    deskStored.show();
    deskStoreRoomyLater();
    removeRunDependency('desk-load');
  }
  setTimeout(function() { loaded(new Error('timeout: IndexedDB did not answer while loading')); }, 30000);
  FS.syncfs(true, loaded);
});

// Leaving or hiding the page: push anything not yet durable.
document.addEventListener('visibilitychange', function() {
  if (document.visibilityState === 'hidden' && Module.calledRun && !deskStorage.inFlight && Module.deskWriter !== false &&
      !Module.deskLoadError)
    Module.deskPersist(function() {});
});

// Ask the browser to keep this origin's data under storage pressure, and
// keep the space used at hand for the settings screen.
function deskEstimate() {
  if (navigator.storage && navigator.storage.estimate) {
    var at = deskStored.loaded < 0 ? -2 : deskStored.total;
    navigator.storage.estimate().then(function(e) {
      deskStored.estimated = e.usage;
      deskStored.atEstimate = at;
      deskStored.show();
      deskStorage.quota = e.quota;
    });
  }
}
// Chromium holds IndexedDB transactions while it sums up the origin's usage
// (about half a second with 100 MB stored), so the figure is refreshed only
// once the saves have paused, never between two of them.
var deskEstimateTimer = 0;
function deskEstimateLater() {
  clearTimeout(deskEstimateTimer);
  deskEstimateTimer = setTimeout(deskEstimate, 15000);
}
if (navigator.storage && navigator.storage.persist) {
  navigator.storage.persisted().then(function(already) {
    return already || navigator.storage.persist();
  }).then(function(granted) { deskStorage.persisted = granted ? 1 : 0; }, function() { deskStorage.persisted = 0; });
}
deskEstimate();
