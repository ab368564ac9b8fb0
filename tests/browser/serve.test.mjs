// The static server of `make run`: every load revalidates (no-cache), and an
// unchanged file is answered 304 by its tag, so the browser keeps its copy
// of the app instead of downloading it again; a changed file is sent whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../web/serve.mjs';

test('an unchanged file is answered 304 by its tag; a changed one is sent with a new tag', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-serve-'));
  const server = await startServer(dir, 0);
  try {
    const url = `http://127.0.0.1:${server.address().port}/index.wasm`;
    writeFileSync(join(dir, 'index.wasm'), Buffer.from([0, 97, 115, 109]));
    const first = await fetch(url);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    assert.equal(first.headers.get('content-type'), 'application/wasm');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    assert.equal((await first.arrayBuffer()).byteLength, 4);

    const again = await fetch(url, { headers: { 'If-None-Match': tag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);

    writeFileSync(join(dir, 'index.wasm'), Buffer.from([0, 97, 115, 109, 1]));
    utimesSync(join(dir, 'index.wasm'), new Date(), new Date(Date.now() + 5000));
    const changed = await fetch(url, { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
    assert.equal((await changed.arrayBuffer()).byteLength, 5);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
