// The site folder (issue 12): a directory handle from the File System Access
// API, kept in IndexedDB so a reload finds it again, and the list / read /
// append calls FolderSync makes (src/platform/web_folder.cpp).
//
// Access states: 'unsupported' (no folder API: Firefox, Safari), 'none' (no
// folder chosen), 'prompt' (chosen, but the browser wants the person to
// allow it again: one click on the banner), 'granted'.
//
// Tests cannot click the browser's folder picker: a test page defines
// window.deskTestFolder = {pick(): Promise<handle>, restore(key): handle}
// with a handle-shaped object whose reads and writes go to a real folder on
// disk. Everything after the picker is this file's production code.
Module.deskFolder = (function() {
  var DB = 'wuye-desk-folder', STORE = 'handles', KEY = 'site';
  var self = {handle: null, access: 'none', name: ''};
  var shim = function() { return window.deskTestFolder || null; };
  var supported = function() { return !!(shim() || window.showDirectoryPicker); };

  function idb(mode, use) {
    return new Promise(function(resolve, reject) {
      var open = indexedDB.open(DB, 1);
      open.onupgradeneeded = function() { open.result.createObjectStore(STORE); };
      open.onerror = function() { reject(open.error); };
      open.onsuccess = function() {
        var tx = open.result.transaction(STORE, mode);
        var req = use(tx.objectStore(STORE));
        tx.oncomplete = function() { open.result.close(); resolve(req.result); };
        tx.onerror = tx.onabort = function() { open.result.close(); reject(tx.error); };
      };
    });
  }

  // The error codes FolderSync puts in words (folder_error_words).
  self.code = function(e) {
    var name = e && e.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') return 'permission';
    if (name === 'NotFoundError') return 'missing';
    if (name === 'NoModificationAllowedError' || name === 'InvalidStateError') return 'busy';
    if (name === 'QuotaExceededError') return 'full';
    return String((e && e.message) || e || 'error');
  };

  function check() {
    if (!self.handle) {
      self.access = supported() ? 'none' : 'unsupported';
      return Promise.resolve();
    }
    return self.handle.queryPermission({mode: 'readwrite'}).then(function(p) {
      self.access = p === 'granted' ? 'granted' : 'prompt';
    }, function() { self.access = 'prompt'; });
  }

  // At start (preRun): the handle chosen before, and whether it may be used.
  self.init = function() {
    self.access = supported() ? 'none' : 'unsupported';
    if (!window.indexedDB) return Promise.resolve();
    return idb('readonly', function(s) { return s.get(KEY); }).then(function(stored) {
      if (stored && stored.testKey) stored = shim() ? shim().restore(stored.testKey) : null;
      self.handle = stored && stored.kind === 'directory' ? stored : null;
      self.name = self.handle ? self.handle.name : '';
      return check();
    }).catch(function() {});
  };

  function ask(handle, done) {
    handle.requestPermission({mode: 'readwrite'}).then(function(p) {
      self.access = p === 'granted' ? 'granted' : 'prompt';
      done(self.access === 'granted', self.access === 'granted' ? '' : 'permission');
    }, function(e) { done(false, self.code(e)); });
  }

  // The folder picker; the chosen handle is kept for the next start.
  self.choose = function(done) {
    if (!supported()) { self.access = 'unsupported'; return done(false, 'unsupported'); }
    var picked = shim() ? shim().pick() : window.showDirectoryPicker({id: 'wuye-desk-site', mode: 'readwrite'});
    picked.then(function(handle) {
      var value = handle.deskTestKey ? {testKey: handle.deskTestKey} : handle;
      return idb('readwrite', function(s) { return s.put(value, KEY); }).then(function() {
        self.handle = handle;
        self.name = handle.name;
        ask(handle, done);
      });
    }).catch(function(e) { done(false, e && e.name === 'AbortError' ? 'cancelled' : self.code(e)); });
  };

  // After a reload the browser may want the person's consent again.
  self.regrant = function(done) {
    if (!self.handle) return done(false, 'missing');
    ask(self.handle, done);
  };

  self.forget = function() {
    self.handle = null;
    self.name = '';
    self.access = supported() ? 'none' : 'unsupported';
    if (window.indexedDB) idb('readwrite', function(s) { return s.delete(KEY); }).catch(function() {});
  };

  // The folder handle of path's directory part, made when create is set.
  function dirOf(parts, create) {
    var at = Promise.resolve(self.handle);
    parts.slice(0, -1).forEach(function(name) {
      at = at.then(function(dir) { return dir.getDirectoryHandle(name, {create: create}); });
    });
    return at;
  }
  function fail(done) {
    return function(e) {
      if (e && (e.name === 'NotAllowedError' || e.name === 'SecurityError')) self.access = 'prompt';
      done(false, self.code(e));
    };
  }
  function ready(done) {
    if (self.handle && self.access === 'granted') return true;
    done(false, self.handle ? 'permission' : 'missing');
    return false;
  }

  // Every file of desks/<device>/: [{path, size}].
  self.list = function(done) {
    if (!ready(done)) return;
    var out = [];
    var each = function(dir, use) {
      var it = dir.entries();
      var step = function() {
        return it.next().then(function(r) { return r.done ? null : Promise.resolve(use(r.value[0], r.value[1])).then(step); });
      };
      return step();
    };
    self.handle.getDirectoryHandle('desks').then(function(desks) {
      return each(desks, function(device, dir) {
        if (dir.kind !== 'directory') return null;
        return each(dir, function(name, file) {
          if (file.kind !== 'file') return null;
          return file.getFile().then(function(f) { out.push({path: 'desks/' + device + '/' + name, size: f.size}); });
        });
      });
    }).then(function() { done(true, '', out); }, function(e) {
      if (e && e.name === 'NotFoundError') return done(true, '', out);  // no desk has written yet
      fail(function(ok, code) { done(false, code, []); })(e);
    });
  };

  // The bytes of path from offset to its end (an ArrayBuffer).
  self.read = function(path, offset, done) {
    if (!ready(done)) return;
    var parts = path.split('/');
    dirOf(parts, false).then(function(dir) { return dir.getFileHandle(parts[parts.length - 1]); })
      .then(function(h) { return h.getFile(); })
      .then(function(f) { return f.slice(offset).arrayBuffer(); })
      .then(function(buffer) { done(true, '', buffer); }, fail(done));
  };

  // Writes bytes at `at`. createWritable writes to a copy that close()
  // puts in place: a write cut off by a lost folder leaves the file as it was.
  self.append = function(path, at, bytes, done) {
    if (!ready(done)) return;
    var parts = path.split('/');
    var writer = null;
    dirOf(parts, true).then(function(dir) { return dir.getFileHandle(parts[parts.length - 1], {create: true}); })
      .then(function(h) { return h.createWritable({keepExistingData: true}); })
      .then(function(w) { writer = w; return w.truncate(at); })
      .then(function() { return writer.write({type: 'write', position: at, data: bytes}); })
      .then(function() { return writer.close(); })
      .then(function() { done(true, ''); }, function(e) {
        if (writer) writer.abort().catch(function() {});
        fail(done)(e);
      });
  };

  // Focus regained or the page shown again: read the others at once.
  self.poked = false;
  window.addEventListener('focus', function() { self.poked = true; });
  document.addEventListener('visibilitychange', function() { if (!document.hidden) self.poked = true; });

  return self;
})();

Module.preRun = Module.preRun || [];
Module.preRun.push(function() {
  addRunDependency('desk-folder');
  Module.deskFolder.init().then(function() { removeRunDependency('desk-folder'); });
});
