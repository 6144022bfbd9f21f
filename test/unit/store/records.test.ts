import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openStore } from '../../../core/store/store.ts';
import { join } from 'node:path';
import { ALICE, BOB, Clock, tempDir, tempStore, vnResult } from './fixtures.ts';
import { isEidError } from '../../../core/errors.ts';
import type { ErrorCode } from '../../../core/messages/catalogue.ts';
import { validate as isUuid, version as uuidVersion } from 'uuid';

test('a written record reads back with verdict, every check and the profile fields only', () => {
  const t = tempStore();
  try {
    const ref = t.store.write({
      result: vnResult(ALICE),
      context: { operator: 'lan', protocol: { accessControl: 'BAC', chipAuthentication: 'CA-ECDH' }, dsId: 'DS-7', faceImage: new Uint8Array([1, 2, 3, 4]) },
    });
    assert.ok(isUuid(ref.id) && uuidVersion(ref.id) === 7, ref.id);
    assert.equal(ref.seq, 0, 'the first record is number 0, linked to the genesis hash');
    const r = t.store.records.get(ref.id);
    assert.equal(r.verdict, 'VERIFIED');
    assert.equal(r.operator, 'lan');
    assert.equal(r.purpose, 'bank');
    assert.equal(r.documentType, 'ID');
    assert.equal(r.issuingState, 'VNM');
    assert.equal(r.checks.dataGroupHashes.status, 'PASS');
    assert.equal(r.cscaId, 'CN=CSCA Test VN');
    assert.equal(r.dsId, 'DS-7');
    assert.deepEqual(r.protocol, { accessControl: 'BAC', chipAuthentication: 'CA-ECDH' });
    assert.equal(r.personal?.idNumber, ALICE.idNumber);
    assert.equal(r.personal?.fullName, ALICE.fullName);
    // The bank profile keeps neither face, MRZ nor family names.
    assert.equal(r.personal?.face, undefined);
    assert.equal(r.personal?.mrz, undefined);
    assert.equal(r.personal?.fatherName, undefined);
    assert.equal(r.terminalId, t.store.settings.get('terminalId'));
  } finally {
    t.cleanup();
  }
});

test('a custom profile that asks for the face and MRZ stores them, never sends them to the registry', () => {
  const t = tempStore();
  try {
    t.store.settings.set('purposeProfiles', JSON.stringify([
      { name: 'border', keep: ['idNumber', 'fullName', 'mrz', 'face'], sendToRegistry: ['idNumber'], retentionDays: 30 },
    ]));
    const ref = t.store.write({ result: vnResult(ALICE), context: { operator: 'lan', purpose: 'border', faceImage: new Uint8Array([9, 8, 7]) } });
    const r = t.store.records.get(ref.id);
    assert.equal(r.personal?.face, Buffer.from([9, 8, 7]).toString('base64'));
    assert.match(r.personal?.mrz ?? '', /^IDVNM/);
    const payload = JSON.parse(t.store.outbox.pending(10)[0]!.payload);
    assert.deepEqual(payload.personal, { idNumber: ALICE.idNumber });
    assert.throws(() => t.store.settings.set('purposeProfiles', JSON.stringify([
      { name: 'leaky', keep: ['face'], sendToRegistry: ['face'], retentionDays: 30 },
    ])), (e) => isEidError(e, 'SETTING_INVALID') || isEidError(e, 'PROFILE_INVALID'));
  } finally {
    t.cleanup();
  }
});

test('the database files hold no plaintext name, ID number, address or MRZ', () => {
  const t = tempStore();
  try {
    for (let i = 0; i < 20; i++) t.store.write({ result: vnResult(i % 2 ? ALICE : BOB), context: { operator: 'lan' } });
    t.store.outbox.pending(100);
    t.store.close();
    const files = readdirSync(t.dir).filter((f) => f.startsWith('records.db'));
    assert.ok(files.includes('records.db'));
    const needles = [ALICE.idNumber, BOB.idNumber, 'Dương', 'Đức', 'NGUYEN', 'DUONG', 'Phố Huế', ALICE.idNumber.slice(3)];
    for (const f of files) {
      const bytes = readFileSync(join(t.dir, f));
      for (const n of needles) {
        assert.equal(bytes.includes(Buffer.from(n, 'utf8')), false, `${n} in ${f}`);
        assert.equal(bytes.includes(Buffer.from(n, 'utf16le')), false, `${n} (UTF-16) in ${f}`);
      }
    }
    if (process.platform !== 'win32') for (const f of files) assert.equal(statSync(join(t.dir, f)).mode & 0o077, 0, `${f} is private`);
    // The key is not in the database files, but beside them with 0600.
    const key = readFileSync(join(t.dir, 'keys', 'store.key'), 'utf8').trim();
    for (const f of files) assert.equal(readFileSync(join(t.dir, f)).includes(Buffer.from(key)), false);
  } finally {
    t.cleanup();
  }
});

test('opening with another key is refused instead of writing unreadable records', () => {
  const t = tempStore();
  try {
    t.store.write({ result: vnResult(ALICE), context: { operator: 'lan' } });
    assert.throws(() => t.reopen({ keyProvider: { description: 'other', loadOrCreateKey: () => new Uint8Array(32).fill(7) } }), (e) => isEidError(e, 'RECORD_DECRYPT_FAILED'));
  } finally {
    t.cleanup();
  }
});

test('record ids are lowercase UUIDv7s that sort in the order the records were written, even when the clock steps back', () => {
  const clock = new Clock(Date.parse('2026-03-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const ids = Array.from({ length: 40 }, (_, i) => {
      if (i === 20) clock.advanceDays(-30);
      return t.store.write({ result: vnResult(ALICE), context: { operator: 'lan' } }).id;
    });
    for (const id of ids) assert.ok(isUuid(id) && uuidVersion(id) === 7 && id === id.toLowerCase(), id);
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  } finally {
    t.cleanup();
  }
});

test('bad input is a typed error and stores nothing', () => {
  const t = tempStore();
  try {
    const good = vnResult(ALICE);
    const cases: [unknown, ErrorCode][] = [
      [{ result: good, context: { operator: '  ' } }, 'RECORD_INVALID'],
      [{ result: { ...good, verdict: 'MAYBE' }, context: { operator: 'lan' } }, 'RECORD_INVALID'],
      [{ result: good, context: { operator: 'lan', id: 'not-a-uuid' } }, 'RECORD_INVALID'],
      [{ result: good, context: { operator: 'lan', id: '0190F1D2-7C3A-7B4E-8A1F-3C2D1E0F9A8B' } }, 'RECORD_INVALID'],
      [{ result: good, context: { operator: 'lan', id: '3b241101-e2bb-4255-8caf-4136c566a962' } }, 'RECORD_INVALID'],
      [{ result: good, context: { operator: 'lan', purpose: 'casino' } }, 'PROFILE_UNKNOWN'],
    ];
    for (const [input, code] of cases) {
      assert.throws(() => t.store.write(input as never), (e) => isEidError(e, code), code);
    }
    assert.equal(t.store.records.count(), 0);
    assert.equal(t.store.outbox.pendingCount(), 0);
  } finally {
    t.cleanup();
  }
});

test('once operators exist a record must name an active one', () => {
  const t = tempStore();
  try {
    const sup = t.store.operators.add('Mai', 'supervisor', '1234', null);
    t.store.write({ result: vnResult(ALICE), context: { operator: 'Mai' } });
    assert.throws(() => t.store.write({ result: vnResult(ALICE), context: { operator: 'ghost' } }), (e) => isEidError(e, 'RECORD_INVALID'));
    t.store.operators.add('Lan', 'clerk', '5678', sup);
    t.store.operators.setDisabled(sup, 'Lan', true);
    assert.throws(() => t.store.write({ result: vnResult(ALICE), context: { operator: 'Lan' } }), (e) => isEidError(e, 'RECORD_INVALID'));
  } finally {
    t.cleanup();
  }
});

test('writeMany stores all records in one transaction with consecutive sequence numbers', () => {
  const clock = new Clock(Date.parse('2026-01-01T00:00:00Z'));
  const t = tempStore({ now: clock.now });
  try {
    const refs = t.store.writeMany([ALICE, BOB, ALICE].map((p) => ({ result: vnResult(p), context: { operator: 'lan' } })));
    assert.deepEqual(refs.map((r) => r.seq), [0, 1, 2]);
    assert.equal(new Set(refs.map((r) => r.id)).size, 3);
    // One bad input rolls back the batch.
    assert.throws(() => t.store.writeMany([{ result: vnResult(BOB), context: { operator: 'lan' } }, { result: vnResult(BOB), context: { operator: '' } }]));
    assert.equal(t.store.records.count(), 3);
    assert.ok(t.store.verifyChain().ok);
  } finally {
    t.cleanup();
  }
});

test('records survive closing and reopening', () => {
  const t = tempStore();
  try {
    const ref = t.store.write({ result: vnResult(BOB), context: { operator: 'lan' } });
    const again = t.reopen();
    assert.equal(again.records.get(ref.id).personal?.fullName, BOB.fullName);
    assert.equal(again.write({ result: vnResult(ALICE), context: { operator: 'lan' } }).seq, 1);
  } finally {
    t.cleanup();
  }
});

test('a file that is not a database is a typed error, not a crash', () => {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'records.db'), Buffer.alloc(8192, 0x41));
    assert.throws(() => openStore({ dataDir: dir }), (e) => isEidError(e, 'STORE_OPEN_FAILED'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged row is reported as RECORD_CORRUPT when read', () => {
  const t = tempStore();
  try {
    const a = t.store.write({ result: vnResult(ALICE), context: { operator: 'lan' } });
    const b = t.store.write({ result: vnResult(BOB), context: { operator: 'lan' } });
    const raw = new Database(t.store.path);
    raw.prepare("UPDATE records SET details = '{not json' WHERE seq = 0").run();
    raw.prepare("UPDATE records SET verdict = 'PROBABLY' WHERE seq = 1").run();
    raw.close();
    assert.throws(() => t.store.records.get(a.id), (e) => isEidError(e, 'RECORD_CORRUPT'));
    assert.throws(() => t.store.records.get(b.id), (e) => isEidError(e, 'RECORD_CORRUPT'));
    assert.equal(t.store.verifyChain().problems.length, 2);
  } finally {
    t.cleanup();
  }
});
