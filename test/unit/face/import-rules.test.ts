/** face/ is shared by the kiosk (browser) and the CLI: it may import only itself and core/, and no framework. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findViolations } from '../../../scripts/import-rules.ts';

test('face/ importing a front end or a framework is a violation; core/ and face/ are fine', () => {
  const root = mkdtempSync(join(tmpdir(), 'eid-face-rules-'));
  try {
    mkdirSync(join(root, 'face'));
    writeFileSync(join(root, 'face', 'a.ts'), [
      "import { x } from './b.ts';",
      "import { EidError } from '../core/errors.ts';",
      "import { main } from '../cli/main.ts';",
      "import { app } from 'electron';",
    ].join('\n'));
    assert.deepEqual(findViolations(root).map((v) => `${v.specifier}: ${v.rule}`), [
      '../cli/main.ts: face/ imports only face/ and core/',
      'electron: face/ is framework-free',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
