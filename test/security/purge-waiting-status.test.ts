/**
 * Issue 15, item 6 ("it waits, and the status bar says so"): on a terminal enrolled with a
 * registry, a record past its retention that the registry has not acknowledged is not purged;
 * the status carries how many wait, and the kiosk's status bar says so in the clerk's language.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../core/store/store.ts';
import { createHost } from '../../host/create-host.ts';
import { render } from '../../core/messages/render.ts';
import { ALICE, BOB, enrolWithRegistry, vnResult } from '../unit/store/fixtures.ts';
import { openKiosk, skipWithoutChromium as skip, type Kiosk } from '../e2e/kiosk-page.ts';

/** A data folder of an enrolled terminal with two records made in 2001, long past retention: one acknowledged, one not. */
function seed(dataDir: string): void {
  const store = openStore({ dataDir, now: () => new Date('2001-01-10T09:00:00Z') });
  try {
    enrolWithRegistry(store);
    const [acknowledged] = [ALICE, BOB].map((p) => store.write({ result: vnResult(p), context: { operator: 'counter' } }).id);
    store.outbox.acknowledge([acknowledged!]);
  } finally {
    store.close();
  }
}

test('the status counts the records waiting for the registry before they may be purged', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'eid-purge-waiting-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const fresh = await createHost({ dataDir, sync: false, virtualReader: false });
  assert.equal((await fresh.terminal.getStatus()).purgeWaiting, 0);
  await fresh.close();
  seed(dataDir);
  const host = await createHost({ dataDir, sync: false, virtualReader: false });
  try {
    assert.equal((await host.terminal.getStatus()).purgeWaiting, 1);
  } finally {
    await host.close();
  }
});

let kiosk: Kiosk | undefined;
before(async () => {
  if (skip) return;
  kiosk = await openKiosk({ sync: false, virtualLatencyMs: 0 }, async () => {}, seed);
});
after(async () => {
  await kiosk?.close();
});

test('the status bar says that records wait for the registry', { skip }, async () => {
  const bar = kiosk!.page.getByTestId('status-purge-waiting');
  await bar.waitFor();
  assert.equal(await bar.textContent(), render('vi', { code: 'status.purgeWaiting', params: { count: 1 } }));
});
