/**
 * Every way of running the terminal (the service behind `serve` and `start`, the Electron shell)
 * starts it through one code path, startTerminal, so the integration API runs beside each of
 * them when it is on; and that path does start it, and stops it with the terminal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importsOf } from '../../../scripts/import-check.ts';
import { startTerminal } from '../../../integration/start.ts';
import { SUPERVISOR } from './harness.ts';

const FRONT_ENDS = ['service/main.ts', 'electron/main.ts'];

test('the service and the Electron shell build the terminal only through startTerminal', () => {
  for (const file of FRONT_ENDS) {
    const text = readFileSync(file, 'utf8');
    const imports = importsOf(text);
    assert.ok(imports.includes('../integration/start.ts'), `${file} imports integration/start.ts`);
    assert.match(text, /\bstartTerminal\(/, `${file} calls startTerminal`);
    assert.ok(!imports.includes('../host/create-host.ts'), `${file} builds no terminal of its own`);
  }
});

test('startTerminal runs the integration API when it is on, and closing the terminal stops it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-front-end-'));
  try {
    const running = await startTerminal({ dataDir, sync: false, virtualReader: false, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin } }, { port: 0 });
    assert.equal(running.integration.server(), null, 'off on a fresh terminal');
    const { url } = await running.host.terminal.setIntegrationApi({ ...SUPERVISOR, enabled: true });
    assert.ok(url);
    assert.equal((await fetch(`${url}/v1/status`)).status, 401);
    await running.close();
    await assert.rejects(fetch(`${url}/v1/status`));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
