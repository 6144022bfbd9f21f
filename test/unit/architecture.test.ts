import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

test('registry/ talks to the terminal only through core/registry-protocol, which sits below sync and store', () => {
  const root = mkdtempSync(join(tmpdir(), 'eid-rules-'));
  const plant = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  plant('registry/ingest.ts', [
    "import { a } from '../core/registry-protocol/record-chain.ts';",
    "import { b } from '../core/bytes/bytes.ts';",
    "import { c } from '../core/sync/registry-client.ts';",
    "import { d } from '../core/store/outbox.ts';",
  ].join('\n'));
  plant('core/registry-protocol/messages.ts', "import { e } from '../sync/status.ts';\nimport { f } from '../crypto/node-crypto.ts';");
  plant('core/sync/registry-client.ts', "import { g } from '../registry-protocol/messages.ts';");
  try {
    assert.deepEqual(findViolations(root).map((v) => `${v.file} -> ${v.specifier}`).sort(), [
      'core/registry-protocol/messages.ts -> ../sync/status.ts',
      'registry/ingest.ts -> ../core/store/outbox.ts',
      'registry/ingest.ts -> ../core/sync/registry-client.ts',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a front end importing another front end, or host/ importing one, is a violation', () => {
  const root = mkdtempSync(join(tmpdir(), 'eid-rules-'));
  const plant = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  plant('service/server.ts', 'export const x = 1;\n');
  plant('electron/main.ts', "import { x } from '../service/server.ts';\n");
  plant('host/create-host.ts', "import { x } from '../service/server.ts';\n");
  plant('cli/commands/serve.ts', "import { y } from '../../host/create-host.ts';\n");
  try {
    assert.deepEqual(findViolations(root).map((v) => v.file).sort(), ['electron/main.ts', 'host/create-host.ts']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
