/**
 * Issue 15, row 5: on a copy of the data folder an attacker who can write the database, and who
 * has this project's chain function, but not the data key (kept outside the database):
 * deletes a record and rewrites the chain after it, changes a verdict and recomputes the hashes,
 * deletes audit events. `records verify-chain` reports each. What a local check cannot see (the
 * last records cut off and the head reset to match) the registry sees: the terminal reports its
 * signed chain head, and a head that goes backwards or forks is flagged there.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fromHex, toHex } from '../../core/bytes/hex.ts';
import { GENESIS_HASH } from '../../core/registry-protocol/record-chain.ts';
import { recordHash, type ChainedColumns } from '../../core/store/chain.ts';
import { openStore, type Store } from '../../core/store/store.ts';
import { syncWorkerFor } from '../../core/sync/sync-service.ts';
import { enrolTerminal } from '../../core/sync/enrolment.ts';
import { createEnrolmentCode } from '../../registry/enrolment-codes.ts';
import { SqliteRegistryStore } from '../../registry/store/sqlite-store.ts';
import { main } from '../../cli/main.ts';
import { ALICE, BOB, Clock, tempDir, vnResult } from '../unit/store/fixtures.ts';
import { start } from '../integration/registry/registry-harness.ts';
import { captureOutput } from '../helpers/cli-capture.ts';

/** A data folder with a supervisor and six records (so also six audit events after the operator changes below). */
function seeded(): { dir: string; clock: Clock } {
  const dir = tempDir();
  const clock = new Clock(Date.parse('2026-04-01T08:00:00Z'));
  const store = openStore({ dataDir: dir, now: clock.now });
  try {
    const mai = store.operators.add('Mai', 'supervisor', '2468', null);
    for (const name of ['Lan', 'Hoa', 'Tuan']) store.operators.add(name, 'clerk', '1357', mai);
    store.operators.setDisabled(mai, 'Tuan', true);
    store.operators.setDisabled(mai, 'Tuan', false);
    for (let i = 0; i < 6; i++) {
      store.write({ result: vnResult(i % 2 ? BOB : ALICE, i === 2 ? 'FAILED' : 'VERIFIED'), context: { operator: 'Mai' } });
      clock.advanceDays(1);
    }
  } finally {
    store.close();
  }
  return { dir, clock };
}

/** The attacker's copy of the folder, and a raw connection to its database. */
function copyOf(dir: string): { copy: string; raw: Database.Database } {
  const copy = `${dir}-copy`;
  cpSync(dir, copy, { recursive: true });
  const raw = new Database(join(copy, 'records.db'));
  raw.pragma('foreign_keys = OFF');
  return { copy, raw };
}

/** Recomputes every hash and link from `fromSeq` on with the project's own chain function, and the head. */
function rechain(raw: Database.Database): void {
  const rows = raw.prepare('SELECT * FROM records ORDER BY seq').all() as (ChainedColumns & { prev_hash: Uint8Array; hash: Uint8Array })[];
  let prev = fromHex(GENESIS_HASH);
  const update = raw.prepare('UPDATE records SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const hash = recordHash(prev, row);
    update.run(prev, hash, row.seq);
    prev = hash;
  }
  const last = rows.at(-1)!;
  raw.prepare("UPDATE meta SET value = ? WHERE key = 'chain_head'").run(`${last.seq}:${toHex(prev).toLowerCase()}`);
}

async function verifyChain(dir: string): Promise<{ code: number; kinds: string[]; seqs: (number | null)[] }> {
  const { code, out } = await captureOutput(() => main(['records', 'verify-chain', '--json', '--data-dir', dir]));
  const problems = (JSON.parse(out) as { problems: { kind: string; seq: number | null }[] }).problems;
  return { code, kinds: problems.map((p) => p.kind), seqs: problems.map((p) => p.seq) };
}

test('row 5: a record deleted, later records renumbered and the chain recomputed: verify-chain reports it', async () => {
  const { dir } = seeded();
  const { copy, raw } = copyOf(dir);
  try {
    assert.deepEqual(await verifyChain(copy), { code: 0, kinds: [], seqs: [] });
    raw.prepare('DELETE FROM records WHERE seq = 2').run();
    raw.prepare('UPDATE records SET seq = seq - 1 WHERE seq > 2').run();
    rechain(raw);
    raw.close();
    const { code, kinds } = await verifyChain(copy);
    assert.equal(code, 1);
    assert.ok(kinds.includes('REHASHED'), kinds.join());
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
});

test('row 5: a verdict changed and every hash recomputed: verify-chain reports it', async () => {
  const { dir } = seeded();
  const { copy, raw } = copyOf(dir);
  try {
    assert.equal(raw.prepare("UPDATE records SET verdict = 'VERIFIED' WHERE seq = 2 AND verdict = 'FAILED'").run().changes, 1);
    rechain(raw);
    raw.close();
    const { code, kinds, seqs } = await verifyChain(copy);
    assert.equal(code, 1);
    // From the edited record on, every keyed link is off: the rewritten stretch.
    assert.deepEqual(kinds, ['REHASHED', 'REHASHED', 'REHASHED', 'REHASHED']);
    assert.deepEqual(seqs, [2, 3, 4, 5]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  }
});

test('row 5: audit events deleted, with or without renumbering: verify-chain reports it', async () => {
  const { dir } = seeded();
  for (const renumber of [false, true]) {
    const { copy, raw } = copyOf(dir);
    try {
      const before = (raw.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
      assert.ok(before >= 6);
      raw.prepare("DELETE FROM audit_events WHERE action = 'operator-disable'").run();
      if (renumber) {
        const rows = raw.prepare('SELECT seq FROM audit_events ORDER BY seq').all() as { seq: number }[];
        rows.forEach((r, i) => raw.prepare('UPDATE audit_events SET seq = ? WHERE seq = ?').run(-(i + 1), r.seq));
        raw.prepare('UPDATE audit_events SET seq = -seq').run();
      }
      raw.close();
      const { code, kinds } = await verifyChain(copy);
      assert.equal(code, 1, `renumber ${renumber}`);
      assert.ok(kinds.some((k) => k.startsWith('AUDIT_')), kinds.join());
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the store, enrolled with `registryUrl`; syncs once (records and signed head). */
/** Enrols the terminal of `store` with the registry and syncs once; the registry has nothing to flag yet. */
async function enrolAndSync(store: Store, registryStore: SqliteRegistryStore, registryUrl: string): Promise<string> {
  const { code } = await createEnrolmentCode(registryStore, new Date());
  const { terminalId } = await enrolTerminal(store.kv, registryUrl, code);
  await syncOnce(store);
  assert.deepEqual(await registryStore.listFlags(terminalId), []);
  return terminalId;
}

/** What a local writer can do unseen: drop a chain's rows after `keep` and point its head in meta at the last one left. */
function cutChainEnd(dir: string, table: 'records' | 'face_matches', headKey: 'chain_head' | 'face_match_head', keep: number): void {
  const raw = new Database(join(dir, 'records.db'));
  raw.prepare(`DELETE FROM ${table} WHERE seq > ?`).run(keep);
  const last = raw.prepare(`SELECT seq, hash FROM ${table} ORDER BY seq DESC LIMIT 1`).get() as { seq: number; hash: Uint8Array };
  raw.prepare('UPDATE meta SET value = ? WHERE key = ?').run(`${last.seq}:${toHex(last.hash).toLowerCase()}`, headKey);
  raw.close();
}

async function syncOnce(store: Store): Promise<void> {
  await syncWorkerFor(store)!.syncOnce();
}

test('row 5: the last records cut off and the head reset: the registry flags the head that went backwards; a fork is flagged too', async () => {
  const { dir } = seeded();
  const registryStore = new SqliteRegistryStore(':memory:');
  const registry = await start(registryStore);
  try {
    let store = openStore({ dataDir: dir });
    const terminalId = await enrolAndSync(store, registryStore, registry.url);
    store.close();

    // The attacker drops the last two records and points the head at the one before.
    cutChainEnd(dir, 'records', 'chain_head', 3);
    store = openStore({ dataDir: dir });
    assert.equal(store.verifyChain().ok, true, 'locally nothing shows');
    await syncOnce(store);
    assert.deepEqual((await registryStore.listFlags(terminalId)).map((f) => f.kind), ['HEAD_REGRESSION']);

    // Another history at the same length: a fork.
    const raw2 = new Database(join(dir, 'records.db'));
    raw2.pragma('foreign_keys = OFF');
    raw2.prepare("UPDATE records SET verdict = 'VERIFIED' WHERE seq = 2").run();
    rechain(raw2);
    raw2.close();
    store.close();
    store = openStore({ dataDir: dir });
    await syncOnce(store);
    assert.deepEqual((await registryStore.listFlags(terminalId)).map((f) => f.kind), ['HEAD_REGRESSION', 'HEAD_FORK']);
    store.close();
  } finally {
    await registry.close();
    await registryStore.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('row 5: the last face matches cut off and their head reset: the registry flags the face-match chain that went backwards', async () => {
  const { dir } = seeded();
  const registryStore = new SqliteRegistryStore(':memory:');
  const registry = await start(registryStore);
  try {
    let store = openStore({ dataDir: dir });
    const match = { outcome: 'DECIDED', decision: 'MATCH', score: 0.8, threshold: 0.62, model: 'human-3.3.6/faceres', activeCheck: 'PASSED', tellerDecision: 'MATCH', reason: null, teller: 'CONFIRMED' } as const;
    const ids = new Database(join(dir, 'records.db'), { readonly: true });
    for (const { id } of ids.prepare('SELECT id FROM records ORDER BY seq LIMIT 3').all() as { id: string }[]) store.faceMatches.record(id, 'Mai', match);
    ids.close();
    const terminalId = await enrolAndSync(store, registryStore, registry.url);
    store.close();

    // The attacker drops the last face match and points its head at the one before.
    cutChainEnd(dir, 'face_matches', 'face_match_head', 2);
    store = openStore({ dataDir: dir });
    assert.equal(store.verifyChain().ok, true, 'locally nothing shows');
    await syncOnce(store);
    const flags = await registryStore.listFlags(terminalId);
    assert.deepEqual(flags.map((f) => f.kind), ['HEAD_REGRESSION']);
    assert.match(flags[0]!.detail, /face-match chain ends at 2, reported 3/);
    store.close();
  } finally {
    await registry.close();
    await registryStore.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
