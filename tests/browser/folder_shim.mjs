// A real folder on disk behind a FileSystemDirectoryHandle-shaped object,
// for the site folder tests: the browser's folder picker cannot be clicked,
// so the page gets window.deskTestFolder (web/js/folder.js) whose handle's
// calls go to Node through Playwright's exposeBinding. Everything after the
// picker is the app's production code.
//
// `control` switches the folder's behaviour while a test runs:
//   down:          every call fails (a network drive gone)
//   failCommits:   the next N writes fail at close() (nothing is written)
//   perm:          what queryPermission answers ('granted' or 'prompt')
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export async function shareFolder(context, root, control = { down: false, failCommits: 0, perm: 'granted' }) {
  root = resolve(root);
  mkdirSync(root, { recursive: true });
  const inside = (p) => {
    const full = resolve(root, p);
    if (full !== root && !full.startsWith(root + sep)) throw new Error('TypeError: outside the folder');
    return full;
  };
  await context.exposeBinding('deskFolderFs', (_source, op, path, arg) => {
    if (op === 'perm') return control.perm;
    if (op === 'grant') { control.perm = 'granted'; return 'granted'; }
    if (control.down) throw new Error('NotFoundError: the folder is unreachable');
    if (control.perm !== 'granted') throw new Error('NotAllowedError: permission needed');
    const full = inside(path);
    switch (op) {
      case 'dir':
        if (!existsSync(full)) {
          if (!arg) throw new Error(`NotFoundError: ${path}`);
          mkdirSync(full, { recursive: true });
        }
        return true;
      case 'file':
        if (!existsSync(full)) {
          if (!arg) throw new Error(`NotFoundError: ${path}`);
          writeFileSync(full, '');
        }
        return true;
      case 'list':
        return readdirSync(full, { withFileTypes: true })
          .filter((e) => !e.name.startsWith('.'))
          .map((e) => ({ name: e.name, kind: e.isDirectory() ? 'directory' : 'file' }));
      case 'read':
        if (!existsSync(full)) throw new Error(`NotFoundError: ${path}`);
        return readFileSync(full).toString('base64');
      case 'commit': {
        // Like createWritable: the changes go to a copy that replaces the
        // file at close(), so a failed write leaves it as it was.
        if (control.failCommits > 0) {
          control.failCommits--;
          throw new Error('NotFoundError: the network drive went away during the write');
        }
        let bytes = existsSync(full) ? readFileSync(full) : Buffer.alloc(0);
        for (const o of arg) {
          if (o.t === 'truncate') bytes = Buffer.concat([bytes.subarray(0, o.n), Buffer.alloc(Math.max(0, o.n - bytes.length))]);
          if (o.t === 'write') {
            const data = Buffer.from(o.data, 'base64');
            const end = o.position + data.length;
            const out = Buffer.alloc(Math.max(bytes.length, end));
            bytes.copy(out);
            data.copy(out, o.position);
            bytes = out;
          }
        }
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full + '.swap', bytes);
        renameSync(full + '.swap', full);
        return statSync(full).size;
      }
      default:
        throw new Error(`TypeError: unknown operation ${op}`);
    }
  });
  await context.addInitScript(() => {
    const call = (...args) => window.deskFolderFs(...args).catch((e) => {
      const m = String((e && e.message) || e);
      const name = (m.match(/(NotFoundError|NotAllowedError|InvalidStateError|TypeError)/) || [])[1] || 'NotFoundError';
      throw new DOMException(m, name);
    });
    const join = (a, b) => (a ? `${a}/${b}` : b);
    const b64 = (bytes) => {
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(s);
    };
    const file = (path, name) => ({
      kind: 'file', name,
      async getFile() {
        const raw = atob(await call('read', path));
        const bytes = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; ++i) bytes[i] = raw.charCodeAt(i);
        return new File([bytes], name);
      },
      async createWritable() {
        const ops = [];
        return {
          async truncate(n) { ops.push({ t: 'truncate', n }); },
          async write(x) { ops.push({ t: 'write', position: x.position, data: b64(new Uint8Array(x.data)) }); },
          async close() { await call('commit', path, ops); },
          async abort() { ops.length = 0; },
        };
      },
    });
    const dir = (path, name) => ({
      kind: 'directory', name, deskTestKey: path === '' ? 'site-folder' : undefined,
      queryPermission: () => call('perm'),
      requestPermission: () => call('grant'),
      async getDirectoryHandle(n, o = {}) { await call('dir', join(path, n), !!o.create); return dir(join(path, n), n); },
      async getFileHandle(n, o = {}) { await call('file', join(path, n), !!o.create); return file(join(path, n), n); },
      entries() {
        let list = null, i = 0;
        return {
          async next() {
            if (!list) list = await call('list', path);
            if (i >= list.length) return { done: true, value: undefined };
            const e = list[i++];
            const h = e.kind === 'directory' ? dir(join(path, e.name), e.name) : file(join(path, e.name), e.name);
            return { done: false, value: [e.name, h] };
          },
          [Symbol.asyncIterator]() { return this; },
        };
      },
    });
    window.deskTestFolder = { pick: async () => dir('', '站点文件夹'), restore: () => dir('', '站点文件夹') };
  });
  return control;
}
