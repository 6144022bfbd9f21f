/**
 * A terminal on a fresh data folder with the supervisor Mai signed in, closed and removed after
 * the test file: the setting the core's counter tests start from.
 */
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHost, type Host } from '../../../host/create-host.ts';

export const SUPERVISOR = { operator: 'Mai', pin: '9876' } as const;

export async function signedInHost(name: string): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), `eid-${name}-test-`));
  const host = await createHost({ dataDir, sync: false, virtualLatencyMs: 0, bootstrapSupervisor: { name: SUPERVISOR.operator, pin: SUPERVISOR.pin } });
  await host.terminal.signIn(SUPERVISOR);
  after(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return host;
}
