// File chooser for imports: a hidden <input type=file>, read as bytes.
Module.deskChooseFile = function(accept, done) {
  var input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.style.display = 'none';
  input.addEventListener('change', function() {
    var file = input.files && input.files[0];
    input.remove();
    if (!file) return;
    file.arrayBuffer().then(function(buffer) {
      performance.mark('desk-file-bytes');  // make bench: the browser has read the file
      done(file.name, buffer);
    });
  });
  document.body.appendChild(input);
  Module.deskLastFileInput = input;
  input.click();
};
