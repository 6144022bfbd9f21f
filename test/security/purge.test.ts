/**
 * Issue 15, rows 6 and 18: the retention purge runs on the real clock (no `--now` a user can
 * pass), needs a supervisor, is audited, and on a terminal enrolled with a registry never removes
 * a record the registry has not acknowledged: such a record waits, and the count of waiting
 * records is there for the status bar. A terminal never enrolled purges by retention alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { main } from '../../cli/main.ts';
import { openStore } from '../../core/store/store.ts';
import { isEidError } from '../../core/errors.ts';
import { ALICE, BOB, Clock, enrolWithRegistry, tempDir, tempStore, vnResult } from '../unit/store/fixtures.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

/** A data folder with a supervisor and two records made on 2026-01-10, both acknowledged by the registry. */
function seed(dir: string): string[] {
  const store = openStore({ dataDir: dir, now: () => new Date('2026-01-10T09:00:00Z') });
  try {
    const mai = store.operators.add('Mai', 'supervisor', '2468', null);
    store.operators.add('Lan', 'clerk', '1357', mai);
    const ids = [ALICE, BOB].map((p) => store.write({ result: vnResult(p), context: { operator: 'Mai' } }).id);
    store.outbox.acknowledge(ids);
    return ids;
  } finally {
    store.close();
  }
}

async function withEnv<T>(vars: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(before)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

function purgedCount(dir: string): number {
  const store = openStore({ dataDir: dir });
  try {
    return store.records.list({ limit: 100 }).records.filter((r) => r.purgedAt !== null).length;
  } finally {
    store.close();
  }
}

test('row 6: `records purge --now` is no option, and a purge without a supervisor is refused', async () => {
  const dir = tempDir();
  try {
    seed(dir);
    const withNow = await captureOutput(() => main(['records', 'purge', '--now', '2099-01-01T00:00:00Z', '--json', '--data-dir', dir]));
    assert.equal(withNow.code, 2);
    const anonymous = await withEnv({ EID_TERMINAL_BY_PIN: undefined }, () => captureOutput(() => main(['records', 'purge', '--json', '--data-dir', dir])));
    assert.equal(anonymous.code, 2);
    const clerk = await withEnv({ EID_TERMINAL_BY_PIN: '1357' }, () => captureOutput(() => main(['records', 'purge', '--by', 'Lan', '--json', '--data-dir', dir])));
    assert.equal(JSON.parse(clerk.out).error.code, 'OPERATOR_FORBIDDEN');
    assert.equal(purgedCount(dir), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 6: a supervisor purge is audited and uses the store clock, which the CLI lets tests move only under NODE_ENV=test', async () => {
  const dir = tempDir();
  try {
    seed(dir);
    const future = '2099-01-01T00:00:00.000Z';
    const outsideTests = await withEnv({ NODE_ENV: 'production', EID_TERMINAL_TEST_NOW: future, EID_TERMINAL_BY_PIN: '2468' },
      () => captureOutput(() => main(['records', 'purge', '--by', 'Mai', '--json', '--data-dir', dir])));
    assert.equal(outsideTests.code, 0, outsideTests.err);
    assert.equal(JSON.parse(outsideTests.out).purged, 0, 'the real clock: nothing has expired');
    const inTests = await withEnv({ NODE_ENV: 'test', EID_TERMINAL_TEST_NOW: future, EID_TERMINAL_BY_PIN: '2468' },
      () => captureOutput(() => main(['records', 'purge', '--by', 'Mai', '--json', '--data-dir', dir])));
    assert.deepEqual(JSON.parse(inTests.out), { purged: 2, waiting: 0, neverSynced: 0 });
    const store = openStore({ dataDir: dir });
    try {
      assert.ok(store.records.list({ limit: 10 }).records.every((r) => r.purgedAt === future));
      const purges = store.audit.list().filter((e) => e.action === 'purge');
      assert.deepEqual(purges.map((e) => [e.actor, e.detail.purged]), [['Mai', 2], ['Mai', 0]]);
      assert.equal(store.verifyChain().ok, true);
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 18: on an enrolled terminal a record the registry has not acknowledged is never purged; it waits and is counted', () => {
  const clock = new Clock(Date.parse('2026-01-10T09:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    enrolWithRegistry(t.store);
    const mai = t.store.operators.add('Mai', 'supervisor', '2468', null);
    const [synced, unsynced] = [ALICE, BOB].map((p) => t.store.write({ result: vnResult(p), context: { operator: 'Mai' } }).id);
    t.store.outbox.acknowledge([synced!]);
    clock.advanceDays(20 * 365);
    assert.deepEqual(t.store.purgeExpired(mai), { purged: 1, waiting: 1, neverSynced: 0 });
    assert.equal(t.store.purgeWaiting(), 1);
    assert.deepEqual(t.store.outbox.pending(10).map((e) => e.id), [unsynced], 'still on its way to the registry');
    assert.equal(t.store.records.get(unsynced!).purgedAt, null);
    assert.notEqual(t.store.records.get(unsynced!).personal, null);
    t.store.outbox.acknowledge([unsynced!]);
    assert.deepEqual(t.store.purgeExpired(mai), { purged: 1, waiting: 0, neverSynced: 0 });
    assert.deepEqual(t.store.audit.list().filter((e) => e.action === 'purge').map((e) => e.detail.registry), ['enrolled', 'enrolled']);
    assert.equal(t.store.purgeWaiting(), 0);
    assert.throws(() => t.store.purgeExpired(t.store.operators.add('Lan', 'clerk', '1357', mai)), (e) => isEidError(e, 'OPERATOR_FORBIDDEN'));
  } finally {
    t.cleanup();
  }
});

test('row 18: a terminal never enrolled purges by retention alone, and its audit says no registry is configured', () => {
  const clock = new Clock(Date.parse('2026-01-10T09:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const mai = t.store.operators.add('Mai', 'supervisor', '2468', null);
    const [synced, unsynced] = [ALICE, BOB].map((p) => t.store.write({ result: vnResult(p), context: { operator: 'Mai' } }).id);
    t.store.outbox.acknowledge([synced!]);
    clock.advanceDays(20 * 365);
    assert.equal(t.store.purgeWaiting(), 0, 'nothing waits for a registry that does not exist');
    assert.deepEqual(t.store.purgeExpired(mai), { purged: 2, waiting: 0, neverSynced: 1 });
    assert.equal(t.store.records.get(unsynced!).personal, null);
    assert.notEqual(t.store.records.get(unsynced!).purgedAt, null);
    assert.deepEqual(t.store.outbox.pending(10), [], 'no personal data stays behind in the outbox');
    const [entry] = t.store.audit.list().filter((e) => e.action === 'purge');
    assert.deepEqual([entry!.actor, entry!.detail.purged, entry!.detail.neverSynced, entry!.detail.registry], ['Mai', 2, 1, 'none']);
    assert.equal(t.store.verifyChain().ok, true);
  } finally {
    t.cleanup();
  }
});
