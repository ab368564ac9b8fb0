// Text input agent: SDL's browser backend only turns `keypress` into text,
// so Chinese typed through an input method (IME) would never arrive. A small
// transparent textarea takes the keyboard while an ImGui text field is
// active, sits at that field's caret (so the IME candidate window appears
// there), and hands committed text to ImGui through desk_text_input.
// Also: Ctrl+V is let through to the browser (SDL would block it) and the
// `paste` event's text is inserted; copying uses navigator.clipboard with an
// execCommand fallback for plain-http intranet addresses.
var deskIme = { agent: null, composing: false, lastCommit: null, wanted: false, clipboard: '' };

function deskImeCommit(text) {
  if (!text) return;
  Module.ccall('desk_text_input', null, ['string'], [text]);
}

function deskImeCreate() {
  var a = document.createElement('textarea');
  a.id = 'desk-ime-agent';
  a.setAttribute('autocomplete', 'off');
  a.setAttribute('autocorrect', 'off');
  a.setAttribute('autocapitalize', 'off');
  a.setAttribute('spellcheck', 'false');
  a.setAttribute('aria-hidden', 'true');
  a.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:20px;opacity:0;border:0;padding:0;margin:0;' +
      'resize:none;overflow:hidden;outline:none;background:transparent;color:transparent;caret-color:transparent;' +
      'font-size:16px;z-index:5;pointer-events:none;white-space:pre';
  a.addEventListener('compositionstart', function() { deskIme.composing = true; });
  a.addEventListener('compositionend', function(e) {
    deskIme.composing = false;
    deskImeCommit(e.data);
    deskIme.lastCommit = e.data;
    a.value = '';
  });
  a.addEventListener('input', function(e) {
    if (e.isComposing || deskIme.composing) return;
    if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText') {
      // Some engines repeat the composition result as a plain insertText.
      if (deskIme.lastCommit !== null && e.data === deskIme.lastCommit) {
        deskIme.lastCommit = null;
      } else {
        deskImeCommit(e.data !== null && e.data !== undefined ? e.data : a.value);
      }
    }
    deskIme.lastCommit = null;
    a.value = '';
  });
  a.addEventListener('paste', function(e) {
    e.preventDefault();
    var text = (e.clipboardData || window.clipboardData).getData('text');
    deskIme.clipboard = text;
    deskImeCommit(text.replace(/\r\n?/g, '\n'));
  });
  document.body.appendChild(a);
  deskIme.agent = a;
}

// Capture phase on window runs before SDL's own listeners (bubble phase).
window.addEventListener('keydown', function(e) {
  if (e.isComposing || e.keyCode === 229) { e.stopImmediatePropagation(); return; }
  if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V') && deskIme.wanted) e.stopImmediatePropagation();
}, true);
window.addEventListener('keyup', function(e) {
  if (e.isComposing || e.keyCode === 229) e.stopImmediatePropagation();
}, true);
window.addEventListener('keypress', function(e) {
  // Text reaches ImGui from the agent's input event, never twice.
  if (deskIme.agent && document.activeElement === deskIme.agent) e.stopImmediatePropagation();
}, true);
window.addEventListener('mousedown', function(e) {
  // Clicking the canvas must not take focus from the agent mid-edit.
  if (deskIme.wanted && e.target && e.target.id === 'canvas') e.preventDefault();
  // A click on the canvas takes the keyboard back from a print frame (issue 13).
  var held = document.activeElement;
  if (!deskIme.wanted && e.target && e.target.id === 'canvas' && held && held.tagName === 'IFRAME') e.target.focus();
}, true);

// Called by C++ after every frame with ImGui's text-input state.
Module.deskImeUpdate = function(want, x, y, h) {
  if (!deskIme.agent) deskImeCreate();
  var a = deskIme.agent;
  deskIme.wanted = !!want;
  if (want) {
    a.style.left = Math.round(x) + 'px';
    a.style.top = Math.round(y) + 'px';
    a.style.height = Math.max(12, Math.round(h)) + 'px';
    if (document.activeElement !== a) a.focus({preventScroll: true});
  } else if (document.activeElement === a) {
    if (deskIme.composing) return;  // let a composition finish first
    a.blur();
  }
};

Module.deskSetClipboard = function(text) {
  deskIme.clipboard = text;
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).catch(function() { deskCopyFallback(text); });
  } else {
    deskCopyFallback(text);
  }
};
Module.deskGetClipboard = function() { return deskIme.clipboard; };

function deskCopyFallback(text) {
  var t = document.createElement('textarea');
  t.value = text;
  t.style.cssText = 'position:fixed;left:-1000px;top:0;opacity:0';
  document.body.appendChild(t);
  var had = document.activeElement;
  t.select();
  try { document.execCommand('copy'); } catch (e) {}
  t.remove();
  if (had && had.focus) had.focus({preventScroll: true});
}
