#!/usr/bin/env node
// Runs every *.test.ts under test/ (or the folders/files given) with node's test runner and tsx,
// shows the spec report, and ends with the line `N passed, N failed` that CI reads.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, readFileSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

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
  const tap = readFileSync(tapFile, 'utf8');
  const count = (name) => Number((tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  const ok = code === 0 && failed === 0 && passed > 0;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : code || (signal ? 1 : 1));
});
