/**
 * Issue 15, row 13 and item 10: Electron's check of the app's own pages compared a URL prefix
 * without a trailing separator, so `…/renderer/dist-old/evil.html` and `…/dist.bak/x.html` passed;
 * and the packaged binary kept its default fuses (runnable as Node, NODE_OPTIONS honoured). The
 * check is a pure function, tested without the Electron binary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appUrlCheck } from '../../electron/app-url.ts';
import { fuseProblems, readConfig, schemaErrors } from '../../scripts/check-packaging.ts';

const RENDERER = '/opt/eid-terminal/resources/app.asar/renderer/dist';
const isAppUrl = appUrlCheck(RENDERER);
const file = (path: string): string => pathToFileURL(path).href;

test('row 13: the renderer build\'s own files are app pages', () => {
  for (const url of [file(join(RENDERER, 'index.html')), `${file(join(RENDERER, 'index.html'))}#/history`, `${file(join(RENDERER, 'index.html'))}?x=1`, file(join(RENDERER, 'assets/index-abc123.js'))]) {
    assert.equal(isAppUrl(url), true, url);
  }
});

test('row 13: sibling folders sharing the prefix, traversal, other schemes and hosts are refused', () => {
  const refused = [
    file('/opt/eid-terminal/resources/app.asar/renderer/dist-old/evil.html'),
    file('/opt/eid-terminal/resources/app.asar/renderer/dist.bak/x.html'),
    `file://${RENDERER}-old/evil.html`,
    `file://${RENDERER}/../dist-old/evil.html`,
    `file://${RENDERER}/%2e%2e/dist-old/evil.html`,
    `file://${RENDERER}/..%2f..%2fevil.html`,
    `file://${RENDERER}`,
    `file://evil-host${RENDERER}/index.html`,
    `http://127.0.0.1${RENDERER}/index.html`,
    'javascript:alert(1)',
    'not a url',
    '',
  ];
  for (const url of refused) assert.equal(isAppUrl(url), false, url);
});

test('row 13: the Electron main process judges pages with this check, not a prefix', () => {
  const main = readFileSync(fileURLToPath(new URL('../../electron/main.ts', import.meta.url)), 'utf8');
  assert.match(main, /const isAppUrl = appUrlCheck\(rendererDir\);/);
  assert.doesNotMatch(main, /startsWith/);
});

test('item 10: the packaging config flips the Electron fuses, and the packaging check requires them', () => {
  const config = readConfig();
  assert.deepEqual(schemaErrors(config), []);
  assert.deepEqual(fuseProblems(config), []);
  assert.deepEqual(fuseProblems({ ...config, electronFuses: { ...config.electronFuses, runAsNode: true } }), ['electronFuses.runAsNode must be false']);
  assert.equal(fuseProblems({ ...config, electronFuses: null }).length, 6);
});
