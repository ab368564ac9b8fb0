// What the page sets up before the app's script: the Module configuration,
// the loading screen's hooks, the offline service worker. A file, not an
// inline script, so the page's Content-Security-Policy can forbid inline code.
var Module = {
  canvas: document.getElementById('canvas'),
  print: function(t) { console.log(t); },
  printErr: function(t) { console.warn(t); },
  deskReady: function() {
    document.getElementById('loading').style.display = 'none';
    window.deskTest && (window.deskTest.ready = true);
  },
  onAbort: function(what) {
    document.getElementById('loading').style.display = 'flex';
    document.getElementById('loading-error').textContent =
      '程序出错，请刷新页面；已保存的数据不会丢失。(' + what + ')';
  },
};
// Offline shell (web/static/sw.js). Service workers need a secure context
// (https, localhost, 127.0.0.1); elsewhere the browser's HTTP cache is all.
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register('sw.js').catch(function(e) { console.warn('service worker: ' + e); });
  // The worker found and stored a new version: it is used from the next load
  // (a reload now would drop a form being typed, so the page only says so).
  navigator.serviceWorker.addEventListener('message', function(e) {
    if (!e.data || e.data.type !== 'desk-new-version') return;
    document.getElementById('update').hidden = false;
    window.deskTest && (window.deskTest.newVersion = true);
  });
  document.getElementById('update-close').addEventListener('click', function() {
    document.getElementById('update').hidden = true;
  });
}
if (!document.createElement('canvas').getContext('webgl2')) {
  document.getElementById('loading-error').textContent = '此浏览器不支持 WebGL2，请使用新版 Chrome、Edge 或 Firefox。';
}
document.getElementById('canvas').addEventListener('contextmenu', function(e) { e.preventDefault(); });
