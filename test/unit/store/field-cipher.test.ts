import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameWords, normaliseIdNumber } from '../../../core/store/field-cipher.ts';

test('name words drop Vietnamese diacritics and đ; ID numbers drop separators', () => {
  assert.deepEqual(nameWords('Nguyễn Văn Đức'), ['NGUYEN', 'VAN', 'DUC']);
  assert.deepEqual(nameWords('NGUYEN<<VAN<DUC'), ['NGUYEN', 'VAN', 'DUC']);
  assert.deepEqual(nameWords('Trần  trần-Thị'), ['TRAN', 'THI']);
  assert.equal(normaliseIdNumber(' 079 203-001234 '), '079203001234');
});
