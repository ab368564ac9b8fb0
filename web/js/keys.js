// The desk's shortcuts (Ctrl+F search, Ctrl+K search everything, Alt+N / Ctrl+N new record) must reach
// the app, not open the browser's find bar. Chrome never hands Ctrl+N to a
// page (it opens a window), hence Alt+N as well.
window.addEventListener('keydown', function(e) {
  var k = (e.key || '').toLowerCase();
  if ((e.ctrlKey || e.altKey) && !e.shiftKey && (k === 'f' || k === 'k' || k === 'n')) e.preventDefault();
}, true);
