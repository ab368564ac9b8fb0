// One writer per desk: IDBFS writes whole files from each tab's own memory
// copy, so a second tab saving would overwrite the first tab's work. The
// first tab holds the Web Lock "wuye-desk-writer"; later tabs open read-only
// and reload themselves (becoming the writer) once the lock is released.
// Without Web Locks (plain-http intranet address) a localStorage heartbeat
// does the same job.
var deskTabs = { writer: true, lockName: 'wuye-desk-writer', heartbeatKey: 'wuye-desk-writer-heartbeat' };

function deskBecomeWriterLater() {
  if (navigator.locks && navigator.locks.request) {
    navigator.locks.request(deskTabs.lockName, function() { location.reload(); return new Promise(function() {}); });
  } else {
    setInterval(function() { if (!deskHeartbeatFresh()) location.reload(); }, 3000);
  }
}

function deskHeartbeatFresh() {
  try {
    var hb = JSON.parse(localStorage.getItem(deskTabs.heartbeatKey) || 'null');
    return hb && hb.id !== deskTabs.id && Date.now() - hb.at < 6000;
  } catch (e) { return false; }
}

Module.preRun = Module.preRun || [];
Module.preRun.unshift(function() {
  addRunDependency('desk-writer-lock');
  function decided(writer) {
    deskTabs.writer = writer;
    Module.deskWriter = writer;
    removeRunDependency('desk-writer-lock');
    if (!writer) deskBecomeWriterLater();
  }
  if (navigator.locks && navigator.locks.request) {
    navigator.locks.request(deskTabs.lockName, { ifAvailable: true }, function(lock) {
      if (!lock) { decided(false); return; }
      decided(true);
      return new Promise(function() {});  // held for the life of the tab
    });
  } else {
    deskTabs.id = Math.random().toString(36).slice(2);
    if (deskHeartbeatFresh()) { decided(false); return; }
    var beat = function() { localStorage.setItem(deskTabs.heartbeatKey, JSON.stringify({ id: deskTabs.id, at: Date.now() })); };
    beat();
    setInterval(beat, 2000);
    window.addEventListener('pagehide', function() { localStorage.removeItem(deskTabs.heartbeatKey); });
    decided(true);
  }
});
