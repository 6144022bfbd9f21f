/** The kiosk UI's files: compressed once, sent in the accepted encoding, cached by content. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, IMMUTABLE, REVALIDATE, StaticFiles } from '../../../service/static-files.ts';

const both = new Set(['br', 'gzip', 'identity'] as const);

test('the encoding is the best one the browser accepts', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd', both), 'br');
  assert.equal(chooseEncoding('gzip', both), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5', both), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0', both), 'identity');
  assert.equal(chooseEncoding('*', both), 'br');
  assert.equal(chooseEncoding(undefined, both), 'identity');
  assert.equal(chooseEncoding('br', new Set(['identity'] as const)), 'identity');
});

function site(t: { after(fn: () => void): void }): string {
  const root = mkdtempSync(join(tmpdir(), 'eid-static-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), `<!doctype html><script src="./assets/index-Do2wWKK5.js"></script>${'<p>kiosk</p>'.repeat(50)}`);
  writeFileSync(join(root, 'assets/index-Do2wWKK5.js'), 'console.log("eid");\n'.repeat(200));
  writeFileSync(join(root, 'favicon.png'), Uint8Array.of(0x89, 0x50, 0x4e, 0x47));
  return root;
}

test('index.html is revalidated, hashed assets are immutable, and both come compressed', async (t) => {
  const files = new StaticFiles(site(t));
  const index = (await files.respond('/', { acceptEncoding: 'gzip, br' }))!;
  assert.equal(index.headers['cache-control'], REVALIDATE);
  assert.equal(index.headers['content-encoding'], 'br');
  assert.match(brotliDecompressSync(index.body).toString(), /^<!doctype html>/);
  const js = (await files.respond('/assets/index-Do2wWKK5.js', { acceptEncoding: 'gzip' }))!;
  assert.deepEqual([js.headers['cache-control'], js.headers['content-encoding'], js.headers.vary], [IMMUTABLE, 'gzip', 'Accept-Encoding']);
  assert.equal(gunzipSync(js.body).toString(), 'console.log("eid");\n'.repeat(200));
  const plain = (await files.respond('/index.html'))!;
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.notEqual(plain.headers.etag, index.headers.etag, 'each encoding has its own strong ETag');
  const png = (await files.respond('/favicon.png', { acceptEncoding: 'br' }))!;
  assert.deepEqual([png.headers['content-type'], png.headers['content-encoding'], png.body.length], ['image/png', undefined, 4]);
});

test('a matching If-None-Match gets 304 without a body; a changed file gets a new ETag', async (t) => {
  const root = site(t);
  const files = new StaticFiles(root);
  const first = (await files.respond('/', { acceptEncoding: 'br' }))!;
  const again = (await files.respond('/', { acceptEncoding: 'br', ifNoneMatch: first.headers.etag }))!;
  assert.deepEqual([again.status, again.body.length], [304, 0]);
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>new build</p>');
  utimesSync(join(root, 'index.html'), new Date(), new Date(Date.now() + 5000));
  const changed = (await files.respond('/', { acceptEncoding: 'br', ifNoneMatch: first.headers.etag }))!;
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.etag, first.headers.etag);
});

test('nothing outside the folder, nothing that is not a file', async (t) => {
  const files = new StaticFiles(site(t));
  for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets', '/missing.js', '/%E0%A4%A']) {
    assert.equal(await files.respond(path), null, path);
  }
});

test('the face engine\'s WebAssembly is sent as application/wasm (streamed compilation needs it) and its weights as bytes', async (t) => {
  const root = site(t);
  mkdirSync(join(root, 'face-wasm'));
  mkdirSync(join(root, 'face-models'));
  writeFileSync(join(root, 'face-wasm/tfjs-backend-wasm-simd.wasm'), Uint8Array.of(0, 0x61, 0x73, 0x6d));
  writeFileSync(join(root, 'face-models/faceres.bin'), Uint8Array.of(1, 2, 3));
  const files = new StaticFiles(root);
  assert.equal((await files.respond('/face-wasm/tfjs-backend-wasm-simd.wasm'))!.headers['content-type'], 'application/wasm');
  assert.equal((await files.respond('/face-models/faceres.bin'))!.headers['content-type'], 'application/octet-stream');
});
