import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALICE, BOB, Clock, tempStore, vnResult, type Person } from './fixtures.ts';
import { isEidError } from '../../../core/errors.ts';
import { looksLikeIdNumber } from '../../../core/store/record-query.ts';

const CAROL: Person = { idNumber: '048301009999', fullName: 'Lê Văn Dương', mrzName: ['LE', 'VAN DUONG'] };

function seeded() {
  const clock = new Clock(Date.parse('2026-05-01T08:00:00Z'));
  const t = tempStore({ now: clock.now });
  const people = [ALICE, BOB, CAROL, ALICE, BOB, CAROL, ALICE];
  const verdicts = ['VERIFIED', 'FAILED', 'VERIFIED', 'NOT_VERIFIED', 'VERIFIED', 'VERIFIED', 'FAILED'] as const;
  const ids: string[] = [];
  people.forEach((p, i) => {
    ids.push(t.store.write({ result: vnResult(p, verdicts[i]), context: { operator: i % 2 ? 'lan' : 'minh' } }).id);
    clock.advanceDays(1);
  });
  return { t, ids };
}

test('recent records come newest first with keyset paging', () => {
  const { t, ids } = seeded();
  try {
    const p1 = t.store.records.list({ limit: 3 });
    assert.deepEqual(p1.records.map((r) => r.id), [ids[6], ids[5], ids[4]]);
    assert.equal(p1.nextBeforeSeq, 4);
    const p2 = t.store.records.list({ limit: 3, beforeSeq: p1.nextBeforeSeq! });
    assert.deepEqual(p2.records.map((r) => r.id), [ids[3], ids[2], ids[1]]);
    const p3 = t.store.records.list({ limit: 3, beforeSeq: p2.nextBeforeSeq! });
    assert.deepEqual(p3.records.map((r) => r.id), [ids[0]]);
    assert.equal(p3.nextBeforeSeq, null);
    assert.deepEqual(t.store.records.list({ limit: 2, offset: 5 }).records.map((r) => r.id), [ids[1], ids[0]]);
  } finally {
    t.cleanup();
  }
});

test('search by ID number matches exactly, with or without spaces', () => {
  const { t, ids } = seeded();
  try {
    assert.deepEqual(t.store.records.list({ search: ALICE.idNumber }).records.map((r) => r.id), [ids[6], ids[3], ids[0]]);
    assert.equal(t.store.records.list({ search: '079 203 001 234' }).records.length, 3);
    assert.equal(t.store.records.list({ idNumber: ALICE.idNumber.slice(0, 11) }).records.length, 0);
    assert.equal(t.store.records.count({ idNumber: BOB.idNumber }), 2);
  } finally {
    t.cleanup();
  }
});

test('search by the last 4 to 6 digits of the ID number', () => {
  const { t, ids } = seeded();
  try {
    const found = (search: string) => t.store.records.list({ search }).records.map((r) => r.id);
    for (const tail of ['1234', '01234', '001234']) assert.deepEqual(found(tail), [ids[6], ids[3], ids[0]], tail);
    assert.deepEqual(found('4321'), [ids[4], ids[1]]);
    assert.deepEqual(found('99999'), [], 'the last five of CAROL are 09999');
    assert.equal(t.store.records.count({ search: '9999' }), 2);
  } finally {
    t.cleanup();
  }
});

test('search by name ignores diacritics, case and word order; every word must match', () => {
  const { t, ids } = seeded();
  try {
    assert.deepEqual(t.store.records.list({ search: 'duong' }).records.map((r) => r.id), [ids[6], ids[5], ids[3], ids[2], ids[0]]);
    assert.deepEqual(t.store.records.list({ search: 'Dương Lê' }).records.map((r) => r.id), [ids[5], ids[2]]);
    assert.deepEqual(t.store.records.list({ name: 'NGUYEN VAN DUC' }).records.map((r) => r.id), [ids[4], ids[1]]);
    assert.equal(t.store.records.list({ search: 'đức' }).records.length, 2);
    assert.equal(t.store.records.list({ search: 'Pham' }).records.length, 0);
    // Paging through a name search.
    const first = t.store.records.list({ search: 'duong', limit: 2 });
    assert.deepEqual(first.records.map((r) => r.id), [ids[6], ids[5]]);
    const rest = t.store.records.list({ search: 'duong', limit: 5, beforeSeq: first.nextBeforeSeq! });
    assert.deepEqual(rest.records.map((r) => r.id), [ids[3], ids[2], ids[0]]);
    assert.equal(rest.nextBeforeSeq, null);
  } finally {
    t.cleanup();
  }
});

test('verdict and date range filters combine with search', () => {
  const { t, ids } = seeded();
  try {
    assert.deepEqual(t.store.records.list({ verdict: 'FAILED' }).records.map((r) => r.id), [ids[6], ids[1]]);
    assert.deepEqual(t.store.records.list({ from: '2026-05-02', to: '2026-05-04' }).records.map((r) => r.id), [ids[3], ids[2], ids[1]]);
    assert.deepEqual(t.store.records.list({ search: 'duong', verdict: 'VERIFIED', to: '2026-05-03' }).records.map((r) => r.id), [ids[2], ids[0]]);
    assert.equal(t.store.records.count({ from: '2026-05-07T08:00:00Z' }), 1);
  } finally {
    t.cleanup();
  }
});

test('nonsense queries are typed errors', () => {
  const { t } = seeded();
  try {
    for (const q of [{ limit: 0 }, { limit: 1001 }, { verdict: 'OK' }, { from: 'yesterday' }, { to: '2026-13-45' }, { search: 'x'.repeat(500) }, { name: '---' }]) {
      assert.throws(() => t.store.records.list(q as never), (e) => isEidError(e, 'QUERY_INVALID'), JSON.stringify(q).slice(0, 40));
    }
    assert.throws(() => t.store.records.get('01900000-0000-7000-8000-000000000000'), (e) => isEidError(e, 'RECORD_NOT_FOUND'));
  } finally {
    t.cleanup();
  }
});

test('ID-like text is told apart from names', () => {
  assert.equal(looksLikeIdNumber('079203001234'), true);
  assert.equal(looksLikeIdNumber('C1234567'), true);
  assert.equal(looksLikeIdNumber('Nguyen'), false);
  assert.equal(looksLikeIdNumber('12'), false);
});

test('iterate walks every match oldest first', () => {
  const { t, ids } = seeded();
  try {
    assert.deepEqual([...t.store.records.iterate()].map((r) => r.id), ids);
    assert.deepEqual([...t.store.records.iterate({ search: 'duc' })].map((r) => r.id), [ids[1], ids[4]]);
  } finally {
    t.cleanup();
  }
});
