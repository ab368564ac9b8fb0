// File chooser for imports: a hidden <input type=file>. The file is read in
// the pieces the browser hands out (file.stream()), each copied straight
// into a buffer of the file's size in the wasm heap, `alloc(size)`: no
// second whole copy of a large file in JavaScript memory, and the copy runs
// while the rest is still being read. `done(name, bytesRead)`.
Module.deskChooseFile = function(accept, alloc, done) {
  var input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.style.display = 'none';
  input.addEventListener('change', function() {
    var file = input.files && input.files[0];
    input.remove();
    if (!file) return;
    performance.mark('desk-file-chosen');  // make bench: the person has chosen the file
    var size = file.size, ptr = alloc(size), off = 0;
    var reader = file.stream().getReader();
    var finish = function() {
      performance.mark('desk-file-bytes');  // make bench: the browser has read the file
      done(file.name, off);
    };
    var pump = function() {
      return reader.read().then(function(r) {
        if (r.done) return finish();
        var n = Math.min(r.value.length, size - off);
        HEAPU8.set(r.value.subarray(0, n), ptr + off);  // HEAPU8: the current view, after any growth
        off += n;
        return pump();
      });
    };
    pump().catch(finish);  // a read error: what was read, which the import then refuses
  });
  document.body.appendChild(input);
  Module.deskLastFileInput = input;
  input.click();
};
