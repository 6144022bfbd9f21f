/**
 * The repository stands on its own: no file refers to a folder beside the checkout, so a clone
 * anywhere runs its tests and benchmarks (their data is in fixtures/, the design notes in docs/).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixturePath, realData, vector } from '../../fixtures/index.ts';

const ROOT = process.cwd();
const SKIP = new Set(['node_modules', 'dist', 'release', '.git', 'screenshots']);
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|md|yml|yaml|sql|html|css|sh|txt|py)$|^run$/;
// A folder beside the checkout, or the workspace it was written in (escaped so this file does not match itself).
const OUTSIDE = /\.\.\/shared\b|\/work\/(shared|main|wt)\b/;

function textFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) textFiles(path, out);
    else if (TEXT.test(entry) && entry !== 'package-lock.json') out.push(path);
  }
  return out;
}

test('no file of the repository refers to a path outside it', () => {
  const offenders = textFiles(ROOT)
    .filter((f) => OUTSIDE.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  assert.deepEqual(offenders, []);
});

test('the fixtures loader reads inside fixtures/ only', () => {
  assert.equal(vector<{ name: string }>('bac_3des_sm_icao9303_p11_appD.json').name, 'BAC + 3DES secure messaging worked example');
  assert.equal(realData('sod/DE/SOD')[0], 0x77);
  assert.throws(() => fixturePath('..', 'package.json'), /leaves fixtures/);
  assert.throws(() => vector('../../package.json'), /leaves fixtures/);
});
