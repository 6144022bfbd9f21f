/**
 * `npm test` sets itself up from one package list, and closes with a table of the suites skipped
 * for want of setup (an error under CI) before its `N passed, N failed` line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectSetupSkips, formatSetupSkips, setupSkipMessage, skipUnlessCi } from '../../fixtures/setup-skip.ts';
import { systemPackages } from '../../scripts/system-packages.ts';

const pg = { suite: 'registry on PostgreSQL', missing: 'PostgreSQL is not installed', enable: 'sudo apt-get install postgresql' };

test('.ci/run and the test runner install from the one package list', () => {
  const list = systemPackages();
  for (const p of ['pcscd', 'libpcsclite-dev', 'vsmartcard-vpcd', 'chromium', 'postgresql', 'openssl']) assert.ok(list.includes(p), p);
  assert.deepEqual(systemPackages('# comment\npcscd   # the service\n\nopenssl\n'), ['pcscd', 'openssl']);
  assert.match(readFileSync('.ci/run', 'utf8'), /scripts\/system-packages\.txt/);
});

test('setup skips are collected from TAP by suite, other skips are not', () => {
  const tap = [
    `ok 1 - a # SKIP ${setupSkipMessage(pg)}`,
    `    ok 2 - b # SKIP ${setupSkipMessage(pg)}`,
    'ok 3 - c # SKIP one SQLite registry process per file',
    `ok 4 - d # SKIP ${setupSkipMessage({ suite: 'x # y', missing: 'a | b', enable: 'c\nd' })}`,
  ].join('\n');
  const skips = collectSetupSkips(tap);
  assert.deepEqual(skips, [{ ...pg, tests: 2 }, { suite: 'x   y', missing: 'a / b', enable: 'c d', tests: 1 }]);
  assert.match(formatSetupSkips(skips), /^Suites skipped on this machine:\nsuite +tests +why skipped +to enable\nregistry on PostgreSQL +2 +PostgreSQL is not installed +sudo apt-get install postgresql$/m);
  assert.equal(formatSetupSkips([]), '');
  assert.equal(skipUnlessCi(pg, { CI: 'true' }), false);
  assert.equal(skipUnlessCi(undefined, {}), false);
  assert.equal(skipUnlessCi(pg, {}), setupSkipMessage(pg));
});

test('the runner ends with the skip table, then N passed, N failed; under CI a skip fails the run', { timeout: 60_000 }, (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'eid-runner-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'needs-pg.test.ts');
  const helper = pathToFileURL(join(process.cwd(), 'fixtures/setup-skip.ts')).href;
  writeFileSync(file, `import { test } from 'node:test';\nimport { setupSkipMessage } from '${helper}';\ntest('pg', { skip: setupSkipMessage(${JSON.stringify(pg)}) }, () => {});\ntest('runs', () => {});\n`);
  const run = (extra: NodeJS.ProcessEnv) => {
    const env: NodeJS.ProcessEnv = { ...process.env, EID_TEST_NO_SETUP: '1', ...extra };
    delete env.NODE_TEST_CONTEXT; // set for files run by a test runner: a nested runner would refuse to start
    return spawnSync(process.execPath, ['scripts/run-tests.js', file], { encoding: 'utf8', env });
  };
  const here = run({ CI: '' });
  assert.equal(here.status, 0, here.stdout + here.stderr);
  const lines = here.stdout.trim().split('\n');
  assert.equal(lines.at(-1), '1 passed, 0 failed');
  assert.match(here.stdout, /registry on PostgreSQL +1 +PostgreSQL is not installed +sudo apt-get install postgresql\n/);
  const ci = run({ CI: 'true' });
  assert.equal(ci.status, 1);
  assert.equal(ci.stdout.trim().split('\n').at(-1), '1 passed, 1 failed');
});
