import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { ALICE, tempDir, vnResult } from './fixtures.ts';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../core/store/migrations.ts';
import { FieldCipher } from '../../../core/store/field-cipher.ts';
import { GENESIS_MAC, personalHash, recordHash } from '../../../core/store/chain.ts';
import { GENESIS_HASH } from '../../../core/registry-protocol/record-chain.ts';
import { DATABASE_FILE, openStore } from '../../../core/store/store.ts';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';

const KEY = new Uint8Array(32).fill(0x5a);
const keyProvider = { description: 'test key', loadOrCreateKey: () => KEY };
const cipher = new FieldCipher(KEY);
const OLD_ID = '01890000-0000-7000-8000-000000000001';

/** A record as a version-1 terminal wrote it: only the columns version 1 had (and its keyed link from version 7 on). */
function insertVersion1Record(db: Database.Database, version: number): void {
  const result = vnResult(ALICE);
  const personal = { idNumber: ALICE.idNumber, fullName: ALICE.fullName };
  const sealed = cipher.seal(OLD_ID, personal);
  const row = {
    seq: 0, id: OLD_ID, created_at: '2025-06-01T09:00:00.000Z', terminal_id: 'T-OLD', operator: 'lan', purpose: 'hospital',
    document_type: 'ID', issuing_state: 'VNM', verdict: 'VERIFIED',
    details: JSON.stringify({ warnings: [], checks: result.checks, protocol: { accessControl: 'BAC' }, stats: null }),
    csca_id: 'CN=CSCA Test VN', ds_id: null, retain_until: '2099-01-01T00:00:00.000Z', personal_hash: personalHash(sealed),
  };
  const genesis = fromHex(GENESIS_HASH);
  const hash = recordHash(genesis, row);
  db.prepare(`INSERT INTO records (seq, id, created_at, terminal_id, operator, purpose, document_type, issuing_state, verdict, details,
    csca_id, ds_id, retain_until, personal_hash, personal, id_hash, prev_hash, hash) VALUES (@seq, @id, @created_at, @terminal_id, @operator,
    @purpose, @document_type, @issuing_state, @verdict, @details, @csca_id, @ds_id, @retain_until, @personal_hash, @personal, @id_hash, @prev_hash, @hash)`)
    .run({ ...row, personal: sealed, id_hash: cipher.idHash(ALICE.idNumber), prev_hash: genesis, hash });
  if (version >= 7) db.prepare('UPDATE records SET mac = ? WHERE seq = 0').run(cipher.recordMac(GENESIS_MAC, hash));
  db.prepare("INSERT INTO meta (key, value) VALUES ('chain_head', ?)").run(`0:${toHex(hash).toLowerCase()}`);
  db.prepare("INSERT INTO meta (key, value) VALUES ('key_check', ?)").run(cipher.keyCheck);
}

test('the migration list is numbered 1..N without gaps', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
});

for (let from = 0; from <= LATEST_VERSION; from++) {
  test(`a database at version ${from} upgrades to ${LATEST_VERSION} and keeps its records usable`, () => {
    const dir = tempDir();
    try {
      const db = new Database(join(dir, DATABASE_FILE));
      assert.deepEqual(migrate(db, { cipher }, from), Array.from({ length: from }, (_, i) => i + 1));
      assert.equal(schemaVersion(db), from);
      if (from >= 1) insertVersion1Record(db, from);
      db.close();

      const store = openStore({ dataDir: dir, keyProvider });
      try {
        const raw = new Database(store.path, { readonly: true });
        assert.equal(schemaVersion(raw), LATEST_VERSION);
        raw.close();
        if (from >= 1) {
          const old = store.records.get(OLD_ID);
          assert.equal(old.personal?.fullName, ALICE.fullName);
          assert.equal(old.syncedAt, null);
          // Filled by later migrations: the outbox entry (v3) and the name tokens (v4).
          const pending = store.outbox.pending(10);
          assert.deepEqual(pending.map((e) => e.id), from < 3 ? [OLD_ID] : []);
          if (from < 3) assert.deepEqual(JSON.parse(pending[0]!.payload).personal, { idNumber: ALICE.idNumber, fullName: ALICE.fullName });
          if (from < 4) assert.deepEqual(store.records.list({ search: 'anh duong' }).records.map((r) => r.id), [OLD_ID]);
          assert.deepEqual(store.records.list({ search: ALICE.idNumber }).records.map((r) => r.id), [OLD_ID]);
        }
        const ref = store.write({ result: vnResult(ALICE), context: { operator: 'lan' } });
        assert.equal(ref.seq, from >= 1 ? 1 : 0);
        store.operators.add('Mai', 'supervisor', '1234', null);
        const report = store.verifyChain();
        assert.equal(report.ok, true, JSON.stringify(report.problems));
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a failing migration step leaves the database at the previous version', () => {
  const dir = tempDir();
  try {
    const db = new Database(join(dir, DATABASE_FILE));
    migrate(db, { cipher }, 2);
    db.exec('CREATE TABLE outbox (x INTEGER)'); // a stray table that step 3 cannot create
    assert.throws(() => migrate(db, { cipher }), (e) => isEidError(e, 'STORE_MIGRATION_FAILED'));
    assert.equal(schemaVersion(db), 2);
    const cols = db.prepare("SELECT name FROM pragma_table_info('records')").all() as { name: string }[];
    assert.equal(cols.some((c) => c.name === 'synced_at'), false, 'the ALTER TABLE of step 3 was rolled back');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an old database opened with the wrong key says so before trying to upgrade', () => {
  const dir = tempDir();
  try {
    const db = new Database(join(dir, DATABASE_FILE));
    migrate(db, { cipher }, 2);
    insertVersion1Record(db, 2);
    db.close();
    const wrong = { description: 'wrong', loadOrCreateKey: () => new Uint8Array(32).fill(1) };
    assert.throws(() => openStore({ dataDir: dir, keyProvider: wrong }), (e) => isEidError(e, 'RECORD_DECRYPT_FAILED'));
    const check = new Database(join(dir, DATABASE_FILE), { readonly: true });
    assert.equal(schemaVersion(check), 2, 'nothing was migrated');
    check.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database from a newer version is refused, not downgraded', () => {
  const dir = tempDir();
  try {
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    assert.throws(() => openStore({ dataDir: dir, keyProvider }), (e) => isEidError(e, 'STORE_SCHEMA_TOO_NEW'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
