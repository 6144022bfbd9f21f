import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { ALICE, BOB, Clock, tempStore, vnResult } from './fixtures.ts';
import type { ChainProblemKind } from '../../../core/store/chain-verify.ts';

/** A store with five records, and a raw connection to tamper with its file as an attacker would. */
function fiveRecords(): { t: ReturnType<typeof tempStore>; raw: Database.Database; kinds: () => ChainProblemKind[] } {
  const clock = new Clock(Date.parse('2026-03-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  for (let i = 0; i < 5; i++) {
    t.store.write({ result: vnResult(i % 2 ? BOB : ALICE, i === 3 ? 'FAILED' : 'VERIFIED'), context: { operator: 'lan' } });
    clock.advanceDays(1);
  }
  assert.ok(t.store.verifyChain().ok);
  const raw = new Database(t.store.path);
  raw.pragma('foreign_keys = OFF'); // an attacker editing the file is bound by no constraint
  return { t, raw, kinds: () => t.store.verifyChain().problems.map((p) => p.kind) };
}

test('an untouched chain verifies', () => {
  const { t, raw } = fiveRecords();
  try {
    const report = t.store.verifyChain();
    assert.deepEqual(report, { ok: true, records: 5, tombstones: 0, auditEvents: 0, faceMatches: 0, problems: [], truncated: false });
  } finally {
    raw.close();
    t.cleanup();
  }
});

test('an edited verdict is detected at that record', () => {
  const { t, raw, kinds } = fiveRecords();
  try {
    assert.equal(raw.prepare("UPDATE records SET verdict = 'VERIFIED' WHERE seq = 3 AND verdict = 'FAILED'").run().changes, 1);
    assert.deepEqual(kinds(), ['EDITED']);
    assert.equal(t.store.verifyChain().problems[0]!.seq, 3);
  } finally {
    raw.close();
    t.cleanup();
  }
});

test('edited checks, operator or time are detected', () => {
  for (const sql of [
    "UPDATE records SET details = replace(details, '\"FAIL\"', '\"PASS\"') WHERE seq = 3",
    "UPDATE records SET operator = 'someone-else' WHERE seq = 2",
    "UPDATE records SET created_at = '2020-01-01T00:00:00.000Z' WHERE seq = 1",
  ]) {
    const { t, raw, kinds } = fiveRecords();
    try {
      assert.equal(raw.prepare(sql).run().changes, 1, sql);
      assert.deepEqual(kinds(), ['EDITED'], sql);
    } finally {
      raw.close();
      t.cleanup();
    }
  }
});

test('a re-hashed edit still breaks the link of the next record', () => {
  const { t, raw, kinds } = fiveRecords();
  try {
    raw.prepare("UPDATE records SET operator = 'x', hash = randomblob(32) WHERE seq = 2").run();
    assert.deepEqual(kinds(), ['EDITED', 'BROKEN_LINK']);
  } finally {
    raw.close();
    t.cleanup();
  }
});

test('a deleted record in the middle is detected', () => {
  const { t, raw, kinds } = fiveRecords();
  try {
    raw.prepare('DELETE FROM records WHERE seq = 3').run();
    assert.deepEqual(kinds(), ['SEQUENCE_GAP', 'BROKEN_LINK']);
  } finally {
    raw.close();
    t.cleanup();
  }
});

test('a deleted last record is detected through the chain head', () => {
  const { t, raw, kinds } = fiveRecords();
  try {
    raw.prepare('DELETE FROM records WHERE seq = 4').run();
    assert.deepEqual(kinds(), ['HEAD_MISMATCH']);
  } finally {
    raw.close();
    t.cleanup();
  }
});

test('an inserted record is detected', () => {
  const { t, raw, kinds } = fiveRecords();
  try {
    // Copy record 2 as a new record between 2 and 3 by shifting later sequence numbers.
    raw.prepare('UPDATE records SET seq = seq + 100 WHERE seq >= 3').run();
    raw.prepare("INSERT INTO records SELECT 3, '01900000-0000-7000-8000-000000000000', created_at, terminal_id, operator, purpose, document_type, issuing_state, verdict, details, csca_id, ds_id, retain_until, personal_hash, NULL, NULL, purged_at, prev_hash, hash, synced_at, mac FROM records WHERE seq = 2").run();
    const found = kinds();
    assert.ok(found.includes('BROKEN_LINK'), found.join());
    assert.ok(found.includes('SEQUENCE_GAP'), found.join());
  } finally {
    raw.close();
    t.cleanup();
  }
});

test('encrypted personal fields swapped between records are detected', () => {
  const { t, raw, kinds } = fiveRecords();
  try {
    raw.prepare('UPDATE records SET personal = (SELECT personal FROM records WHERE seq = 2) WHERE seq = 1').run();
    assert.deepEqual(kinds(), ['PERSONAL_DATA_ALTERED']);
  } finally {
    raw.close();
    t.cleanup();
  }
});

test('a record whose personal data was wiped outside the retention purge is reported', () => {
  const { t, raw, kinds } = fiveRecords();
  try {
    raw.prepare("UPDATE records SET personal = NULL, purged_at = '2026-03-02T00:00:00.000Z' WHERE seq = 2").run();
    assert.deepEqual(kinds(), ['EARLY_PURGE']);
  } finally {
    raw.close();
    t.cleanup();
  }
});
