/**
 * Face matches are chained like the audit log: each row's hash over the row as stored (the
 * teller's sealed words through their hash), a keyed link over the previous one, and a head in
 * meta. verify-chain finds one edited, deleted from the middle or cut off the end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { ALICE, tempStore, vnResult } from './fixtures.ts';
import type { FaceMatchRecord } from '../../../core/api/face-match.ts';
import { faceMatchHash, type FaceMatchColumns } from '../../../core/store/chain.ts';

const match = (reason: string | null): FaceMatchRecord => ({
  outcome: 'DECIDED', decision: 'NO_MATCH', score: 0.4, threshold: 0.62, model: 'human-3.3.6/faceres', activeCheck: 'PASSED',
  tellerDecision: 'MATCH', reason, teller: 'OVERRIDDEN',
});

function threeMatches() {
  const t = tempStore();
  for (let i = 0; i < 4; i++) {
    const rec = t.store.write({ result: vnResult(ALICE), context: { operator: 'lan' } });
    if (i < 3) t.store.faceMatches.record(rec.id, 'lan', match(`reason ${i}`));
  }
  const raw = new Database(t.store.path);
  raw.pragma('foreign_keys = OFF');
  const kinds = () => t.store.verifyChain().problems.map((p) => p.kind);
  const done = () => { raw.close(); t.cleanup(); };
  return { t, raw, kinds, done };
}

test('face matches are part of the verified chain', () => {
  const { t, done } = threeMatches();
  try {
    const report = t.store.verifyChain();
    assert.equal(report.ok, true);
    assert.equal(report.faceMatches, 3);
  } finally {
    done();
  }
});

test('an edited face match is found, and so are replaced words', () => {
  for (const sql of [
    `UPDATE face_matches SET details = replace(details, '"OVERRIDDEN"', '"CONFIRMED"') WHERE seq = 2`,
    `UPDATE face_matches SET operator = 'someone-else' WHERE seq = 1`,
    `UPDATE face_matches SET reason = (SELECT reason FROM face_matches WHERE seq = 3) WHERE seq = 2`,
  ]) {
    const { raw, kinds, done } = threeMatches();
    try {
      assert.equal(raw.prepare(sql).run().changes, 1, sql);
      assert.deepEqual(kinds(), ['FACE_MATCH_EDITED'], sql);
    } finally {
      done();
    }
  }
});

test('an edited face match whose plain hash was recomputed without the data key is found by its keyed link', () => {
  const { raw, kinds, done } = threeMatches();
  try {
    const rows = raw.prepare('SELECT seq, record_id, created_at, operator, details, reason_hash, hash FROM face_matches ORDER BY seq').all() as (FaceMatchColumns & { hash: Uint8Array })[];
    const edited = { ...rows[1]!, details: rows[1]!.details.replace('"OVERRIDDEN"', '"CONFIRMED"') };
    raw.prepare('UPDATE face_matches SET details = ?, hash = ? WHERE seq = 2').run(edited.details, faceMatchHash(rows[0]!.hash, edited));
    // The edited one by its keyed link, the next one because it no longer links to it.
    assert.deepEqual(kinds(), ['FACE_MATCH_EDITED', 'FACE_MATCH_EDITED']);
  } finally {
    done();
  }
});

test('a face match deleted from the middle or cut off the end is found', () => {
  const middle = threeMatches();
  try {
    middle.raw.prepare('DELETE FROM face_matches WHERE seq = 2').run();
    assert.deepEqual(middle.kinds(), ['FACE_MATCH_GAP']);
  } finally {
    middle.done();
  }
  const end = threeMatches();
  try {
    end.raw.prepare('DELETE FROM face_matches WHERE seq = 3').run();
    assert.deepEqual(end.kinds(), ['FACE_MATCH_HEAD_MISMATCH']);
  } finally {
    end.done();
  }
});

test('face matches kept before schema 11 are chained and queued by the upgrade', () => {
  const t = tempStore();
  const rec = t.store.write({ result: vnResult(ALICE), context: { operator: 'lan' } });
  const path = t.store.path;
  t.store.close();
  // Back to schema 10 as a terminal of that version left it, with one face match.
  const raw = new Database(path);
  raw.exec(`DROP TABLE face_matches; CREATE TABLE face_matches (record_id TEXT PRIMARY KEY REFERENCES records(id), created_at TEXT NOT NULL,
    operator TEXT NOT NULL, details TEXT NOT NULL, reason BLOB) STRICT; PRAGMA user_version = 10;`);
  const { reason: _r, ...details } = match(null);
  raw.prepare('INSERT INTO face_matches VALUES (?, ?, ?, ?, NULL)').run(rec.id, '2026-01-01T00:00:00.000Z', 'lan', JSON.stringify(details));
  raw.close();
  const store = t.reopen();
  assert.equal(store.verifyChain().ok, true);
  assert.equal(store.verifyChain().faceMatches, 1);
  assert.equal(store.faceMatchOutbox.pendingCount(), 1);
  assert.equal(store.faceMatches.get(rec.id)?.teller, 'OVERRIDDEN');
  t.cleanup();
});
