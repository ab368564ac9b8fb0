// The test map: ImGui draws into a canvas, so tests ask the app what is on
// screen. window.deskTest is always present but costs nothing until a test
// calls enable() (or the page is opened with ?test=1): only then does ImGui
// report its items. See README "Writing browser tests".
window.deskTest = {
  enable: function(on) { Module.ccall('desk_test_enable', null, ['number'], [on === false ? 0 : 1]); },
  // {frame, lang, saveState, widgets:[{id,label,x,y,w,h,window}], records:[...], messages:[...]}
  snapshot: function() { return JSON.parse(Module.ccall('desk_test_snapshot', 'string', [], [])); },
  widgets: function() { return this.snapshot().widgets; },
  records: function() { return this.snapshot().records; },
  messages: function() { return this.snapshot().messages; },
  widget: function(id) { return this.widgets().find(function(w) { return w.id === id; }) || null; },
  ready: false,
  storage: function() { return {state: Module.deskStorage.state, lastError: Module.deskStorage.lastError}; },
};
