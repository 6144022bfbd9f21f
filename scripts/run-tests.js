#!/usr/bin/env node
// Runs every *.test.ts under test/ (or the folders/files given) with node's test runner and tsx,
// shows the spec report, and ends with the line `N passed, N failed` that CI reads. First it
// installs the system packages the tests need where it can (scripts/system-packages.ts); last it
// names the suites skipped for want of them and the command that enables each, which under CI
// (CI set) count as failures.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync, readFileSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { installMissingSystemPackages } = await import('./system-packages.ts');
const { collectSetupSkips, formatSetupSkips } = await import('../fixtures/setup-skip.ts');
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function collect(path, out) {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    collect(join(path, entry), out);
  }
  return out;
}

const roots = process.argv.slice(2);
const files = (roots.length > 0 ? roots : ['test']).flatMap((root) => collect(resolve(root), []));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const installed = process.env.EID_TEST_NO_SETUP ? [] : installMissingSystemPackages();
const bindingLoads = () => spawnSync(process.execPath, ['-e', "require('smartcard')"], { cwd: ROOT, stdio: 'ignore' }).status === 0;
if (installed.includes('libpcsclite-dev') && !bindingLoads()) {
  // npm ci left the optional PC/SC binding out for want of these headers; now it can build.
  console.log('Building the PC/SC binding now that its headers are installed (npm install)');
  spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: 'inherit' });
}

const tapFile = join(mkdtempSync(join(tmpdir(), 'eid-tests-')), 'report.tap');
const child = spawn(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => {
  let tap = '';
  try {
    tap = readFileSync(tapFile, 'utf8');
  } catch {
    // The runner died before reporting: counted as no test passed.
  }
  const count = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  const passed = count('pass');
  const skips = collectSetupSkips(tap);
  const table = formatSetupSkips(skips);
  if (table) console.log(`\n${table}\n`);
  const skippedInCi = process.env.CI ? skips.reduce((n, s) => n + s.tests, 0) : 0;
  if (skippedInCi > 0) console.log('Under CI every suite must run: the skipped tests above count as failed.');
  const failed = count('fail') + count('cancelled') + skippedInCi;
  const ok = code === 0 && failed === 0 && passed > 0;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : code || (signal ? 1 : 1));
});
