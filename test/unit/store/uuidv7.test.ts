import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUuidv7, uuidv7, uuidv7Millis } from '../../../core/store/uuidv7.ts';
import { nameWords, normaliseIdNumber } from '../../../core/store/field-cipher.ts';

test('UUIDv7 carries the time, has version 7 and variant bits, and sorts in creation order', () => {
  const t = Date.parse('2026-04-30T12:34:56.789Z');
  const ids = Array.from({ length: 5000 }, () => uuidv7(t));
  for (const id of ids.slice(0, 10)) {
    assert.ok(isUuidv7(id), id);
    assert.equal(uuidv7Millis(id), t);
  }
  assert.deepEqual([...ids].sort(), ids, 'ids within one millisecond still sort in order');
  assert.equal(new Set(ids).size, ids.length);
  const later = uuidv7(t + 1000);
  assert.ok(later > ids[ids.length - 1]!);
  // A clock that steps back does not produce ids that sort before earlier ones.
  assert.ok(uuidv7(t - 60_000) > later);
});

test('name words drop Vietnamese diacritics and đ; ID numbers drop separators', () => {
  assert.deepEqual(nameWords('Nguyễn Văn Đức'), ['NGUYEN', 'VAN', 'DUC']);
  assert.deepEqual(nameWords('NGUYEN<<VAN<DUC'), ['NGUYEN', 'VAN', 'DUC']);
  assert.deepEqual(nameWords('Trần  trần-Thị'), ['TRAN', 'THI']);
  assert.equal(normaliseIdNumber(' 079 203-001234 '), '079203001234');
});
