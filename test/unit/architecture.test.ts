import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findViolations, importsOf } from '../../scripts/import-rules.ts';

test('every import follows the dependency and crypto rules of docs/design/DESIGN.md', () => {
  assert.deepEqual(findViolations(process.cwd()), []);
});

test('the import scanner sees static, dynamic and side-effect imports', () => {
  const text = [
    "import { x } from 'node:crypto';",
    "export * from './a.ts';",
    "const m = await import('../b.ts');",
    "import 'crypto';",
  ].join('\n');
  assert.deepEqual(importsOf(text), ['node:crypto', './a.ts', '../b.ts', 'crypto']);
});
