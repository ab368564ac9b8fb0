// The signature pad's pen (issue 15). ImGui draws the pad; while one is open
// the app tells us its box (canvas pixels, which are ImGui's units) every
// frame, and we collect Pointer Events inside it — every coalesced point, with
// the pen's pressure where the device reports one — as pad units for the app
// to take each frame: x, y, pressure triples; -1, -1, -1 ends a stroke.
var deskSign = { box: null, queue: [], down: false, pointer: -1, last: null };

Module.deskSignBox = function(x, y, w, h) {
  // Told every frame the pad is on screen: a box not renewed within a
  // quarter second belongs to a pad that is gone (another screen, a closed form).
  deskSign.box = w > 0 && h > 0 ? { x: x, y: y, w: w, h: h, at: performance.now() } : null;
  if (!deskSign.box && deskSign.down) deskSignEnd();
};

Module.deskSignTake = function() {
  var q = deskSign.queue;
  deskSign.queue = [];
  return q;
};

function deskSignUnits(e) {
  var r = Module.canvas.getBoundingClientRect(), b = deskSign.box;
  var x = Math.round((e.clientX - r.left - b.x) / b.w * 600);
  var y = Math.round((e.clientY - r.top - b.y) / b.h * 200);
  // A mouse reports 0.5 while a button is down; a pen or a finger its own
  // pressure, 0 when it has none: both become 1–9.
  var p = e.pressure > 0 ? Math.max(1, Math.min(9, Math.round(e.pressure * 10))) : 5;
  return [Math.max(0, Math.min(600, x)), Math.max(0, Math.min(200, y)), p];
}

function deskSignInside(e) {
  var r = Module.canvas.getBoundingClientRect(), b = deskSign.box;
  var x = e.clientX - r.left, y = e.clientY - r.top;
  if (b && performance.now() - b.at > 250) b = deskSign.box = null;
  return b && x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
}

function deskSignAdd(e) {
  var pt = deskSignUnits(e), last = deskSign.last;
  // Points closer than 3 units add nothing the eye sees, only bytes.
  if (last && Math.abs(pt[0] - last[0]) < 3 && Math.abs(pt[1] - last[1]) < 3) return;
  deskSign.queue.push(pt[0], pt[1], pt[2]);
  deskSign.last = pt;
}

function deskSignEnd() {
  if (deskSign.down) deskSign.queue.push(-1, -1, -1);
  deskSign.down = false;
  deskSign.pointer = -1;
  deskSign.last = null;
}

Module.preRun = Module.preRun || [];
Module.preRun.push(function() {
  var canvas = Module.canvas;
  canvas.addEventListener('pointerdown', function(e) {
    if (!deskSignInside(e) || deskSign.down) return;
    deskSign.down = true;
    deskSign.pointer = e.pointerId;
    deskSign.last = null;
    try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
    deskSignAdd(e);
  });
  canvas.addEventListener('pointermove', function(e) {
    if (!deskSign.down || e.pointerId !== deskSign.pointer || !deskSign.box) return;
    var events = e.getCoalescedEvents ? e.getCoalescedEvents() : [e];
    if (!events.length) events = [e];
    for (var i = 0; i < events.length; ++i) deskSignAdd(events[i]);
    e.preventDefault();
  });
  function up(e) { if (e.pointerId === deskSign.pointer) deskSignEnd(); }
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  // A finger on the pad draws; it must not scroll or zoom the page.
  canvas.addEventListener('touchmove', function(e) { if (deskSign.down) e.preventDefault(); }, { passive: false });
});
