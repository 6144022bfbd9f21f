/**
 * The kiosk page in Electron comes from `app://eid/`, served by electron/app-protocol.ts from the
 * renderer build alone: a real folder on disk stands in for the build, Node's own Request and
 * Response for Electron's (protocol.handle takes the same web types). The Electron binary is not
 * needed and not used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME } from '../../../electron/app-url.ts';
import { APP_SCHEME_PRIVILEGES, rendererFileHandler } from '../../../electron/app-protocol.ts';

/** renderer/dist with a page, an asset, a face model and a .wasm file; beside it, files that must never be served. */
function build(t: { after(fn: () => void): void }): string {
  const top = mkdtempSync(join(tmpdir(), 'eid-app-'));
  t.after(() => rmSync(top, { recursive: true, force: true }));
  const dist = join(top, 'renderer', 'dist');
  for (const dir of ['assets', 'face-models', 'face-wasm']) mkdirSync(join(dist, dir), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>eID</title>');
  writeFileSync(join(dist, 'assets', 'index-Do2wWKK5.js'), 'console.log(1);');
  writeFileSync(join(dist, 'face-models', 'faceres.json'), '{"weightsManifest":[]}');
  writeFileSync(join(dist, 'face-wasm', 'tfjs-backend-wasm-simd.wasm'), Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));
  mkdirSync(join(top, 'renderer', 'dist-old'));
  writeFileSync(join(top, 'renderer', 'dist-old', 'evil.html'), 'evil');
  writeFileSync(join(top, 'renderer', 'secret.txt'), 'secret');
  symlinkSync(join(top, 'renderer', 'secret.txt'), join(dist, 'link.txt'));
  symlinkSync(join(top, 'renderer', 'dist-old'), join(dist, 'linked-dir'));
  return dist;
}

const get = (handler: (r: Request) => Promise<Response>, url: string, method = 'GET'): Promise<Response> => handler(new Request(url, { method }));

test('the scheme is standard, secure and may be fetched: the face engine fetches its models and .wasm files', () => {
  assert.equal(APP_SCHEME, 'app');
  assert.equal(APP_ORIGIN, 'app://eid');
  assert.equal(APP_INDEX_URL, 'app://eid/index.html');
  assert.deepEqual(APP_SCHEME_PRIVILEGES, { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
});

test('the page, its assets, models and .wasm come from the build with their types and the page\'s security headers', async (t) => {
  const handler = rendererFileHandler(build(t));
  const cases: [string, string, string][] = [
    [APP_INDEX_URL, 'text/html; charset=utf-8', '<!doctype html><title>eID</title>'],
    ['app://eid/', 'text/html; charset=utf-8', '<!doctype html><title>eID</title>'],
    ['app://eid/index.html?x=1#/history', 'text/html; charset=utf-8', '<!doctype html><title>eID</title>'],
    ['app://eid/assets/index-Do2wWKK5.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
    ['app://eid/face-models/faceres.json', 'application/json; charset=utf-8', '{"weightsManifest":[]}'],
  ];
  for (const [url, type, body] of cases) {
    const response = await get(handler, url);
    assert.equal(response.status, 200, url);
    assert.equal(response.headers.get('content-type'), type, url);
    assert.equal(await response.text(), body, url);
  }
  const wasm = await get(handler, 'app://eid/face-wasm/tfjs-backend-wasm-simd.wasm');
  assert.equal(wasm.status, 200);
  // WebAssembly is compiled while streaming only when it comes as application/wasm.
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.deepEqual(new Uint8Array(await wasm.arrayBuffer()), Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));
  const page = await get(handler, APP_INDEX_URL);
  const csp = page.headers.get('content-security-policy') ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives.get('connect-src'), ['app://eid'], 'calls only to the app\'s own origin');
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
  assert.deepEqual(directives.get('form-action'), ["'none'"]);
  assert.deepEqual(directives.get('object-src'), ["'none'"]);
  assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
});

test('row 13: nothing outside the build is served: traversal, encoded separators, sibling folders, symlinks, other hosts', async (t) => {
  const handler = rendererFileHandler(build(t));
  const refused = [
    'app://eid/../secret.txt',
    'app://eid/%2e%2e/secret.txt',
    'app://eid/..%2fsecret.txt',
    'app://eid/..%2Fdist-old%2Fevil.html',
    'app://eid/..%5csecret.txt',
    'app://eid/assets/..%2f..%2fsecret.txt',
    'app://eid/%2e%2e%2fsecret.txt',
    'app://eid/../dist-old/evil.html',
    'app://eid/link.txt',
    'app://eid/linked-dir/evil.html',
    'app://eid/assets',
    'app://eid/assets/',
    'app://eid/missing.js',
    'app://eid/index.html%00.js',
    'app://eid/%E0%A4%A',
    'app://other/index.html',
    'app://eid:8080/index.html',
    'app://eid/assets\\..\\..\\secret.txt',
    'app:///index.html',
  ];
  for (const url of refused) {
    const response = await get(handler, url);
    assert.equal(response.status, 404, url);
    const body = await response.text();
    assert.doesNotMatch(body, /secret|evil/, url);
  }
});

test('only GET and HEAD are answered', async (t) => {
  const handler = rendererFileHandler(build(t));
  assert.equal((await get(handler, APP_INDEX_URL, 'POST')).status, 405);
  const head = await get(handler, APP_INDEX_URL, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-type'), 'text/html; charset=utf-8');
});

test('the UI build names its files relative to the page, so they resolve under app://eid/', async () => {
  const { default: config } = await import('../../../renderer/vite.config.ts');
  assert.equal((config as { base?: string }).base, './');
  assert.equal(new URL('./assets/index-Do2wWKK5.js', APP_INDEX_URL).href, 'app://eid/assets/index-Do2wWKK5.js');
});
