/**
 * Issue 15, row 13 and item 10: Electron's check of the app's own pages compared a URL prefix
 * without a trailing separator, so `…/renderer/dist-old/evil.html` and `…/dist.bak/x.html` passed;
 * and the packaged binary kept its default fuses (runnable as Node, NODE_OPTIONS honoured). The
 * page now comes from the custom `app://eid` origin (test/unit/electron/app-protocol.test.ts: what
 * it serves and refuses); the origin check is a pure function, tested without the Electron binary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_INDEX_URL, isAppUrl } from '../../electron/app-url.ts';
import { fuseProblems, readConfig, schemaErrors } from '../../scripts/check-packaging.ts';

test('row 13: the page is app://eid/index.html and the app\'s pages are exactly the app://eid origin', () => {
  assert.equal(APP_INDEX_URL, 'app://eid/index.html');
  for (const url of [APP_INDEX_URL, `${APP_INDEX_URL}#/history`, `${APP_INDEX_URL}?x=1`, 'app://eid/assets/index-abc123.js', 'app://eid/', 'app://eid']) {
    assert.equal(isAppUrl(url), true, url);
  }
});

test('row 13: file pages (even the build\'s own), other hosts, ports, users, schemes are not the app', () => {
  const RENDERER = '/opt/eid-terminal/resources/app.asar/renderer/dist';
  const refused = [
    pathToFileURL(join(RENDERER, 'index.html')).href,
    pathToFileURL('/opt/eid-terminal/resources/app.asar/renderer/dist-old/evil.html').href,
    pathToFileURL('/opt/eid-terminal/resources/app.asar/renderer/dist.bak/x.html').href,
    'app://other/index.html',
    'app://eid.evil/index.html',
    'app://EID/index.html',
    'app://eid:8080/index.html',
    'app://user@eid/index.html',
    'app://user:pw@eid/index.html',
    'app:///index.html',
    'app:eid/index.html',
    'apps://eid/index.html',
    'https://eid/index.html',
    'http://127.0.0.1/index.html',
    'javascript:alert(1)',
    'not a url',
    '',
  ];
  for (const url of refused) assert.equal(isAppUrl(url), false, url);
});

test('row 13: the Electron main process serves the page from app://eid, not from file://', () => {
  const main = readFileSync(fileURLToPath(new URL('../../electron/main.ts', import.meta.url)), 'utf8');
  assert.match(main, /protocol\.registerSchemesAsPrivileged\(\[APP_SCHEME_PRIVILEGES\]\)/);
  assert.match(main, /protocol\.handle\(APP_SCHEME, rendererFileHandler\(rendererDir\)\)/);
  assert.match(main, /loadURL\(APP_INDEX_URL\)/);
  assert.doesNotMatch(main, /loadFile|startsWith/);
  // Privileges must be registered before the app is ready: the call comes before whenReady.
  assert.ok(main.indexOf('registerSchemesAsPrivileged') < main.indexOf('whenReady'));
});

test('item 10: the packaging config flips the Electron fuses, and the packaging check requires them', () => {
  const config = readConfig();
  assert.deepEqual(schemaErrors(config), []);
  assert.deepEqual(fuseProblems(config), []);
  assert.deepEqual(fuseProblems({ ...config, electronFuses: { ...config.electronFuses, runAsNode: true } }), ['electronFuses.runAsNode must be false']);
  assert.equal(fuseProblems({ ...config, electronFuses: null }).length, 6);
});
