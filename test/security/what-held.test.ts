/** test/security/README.md names a test for every item of what held: each must exist, by file and name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const index = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8');

test('every test the what-held index names exists, in the file it names', () => {
  const rows = index.split('## What held')[1]!.split('\n').filter((l) => /^\| .+ \| test\//.test(l))
    .map((l) => l.split('|').map((c) => c.trim())).map(([, what, file, name]) => ({ what: what!, file: file!, name: name! }));
  assert.ok(rows.length >= 15, `${rows.length} rows`);
  for (const { what, file, name } of rows) {
    assert.ok(existsSync(root + file), `${what}: ${file} is missing`);
    assert.ok(readFileSync(root + file, 'utf8').includes(name), `${what}: no test "${name}" in ${file}`);
  }
});

test('every finding file the index names exists', () => {
  const files = [...index.split('## What held')[0]!.matchAll(/`([a-z-]+\.test\.ts)`/g)].map((m) => m[1]!);
  assert.ok(files.length >= 14);
  for (const f of files) assert.ok(existsSync(fileURLToPath(new URL(`./${f}`, import.meta.url))), f);
});
