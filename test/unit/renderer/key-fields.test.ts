/**
 * Input as printed (issue 14): a date is typed as the card prints it (dd/mm/yyyy), as ddmmyyyy
 * or as YYMMDD; anything else, or a date that does not exist, is an error that names the field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_FIELDS, keyFromFields, printedDate } from '../../../renderer/src/key-fields.ts';

test('a date as printed, as ddmmyyyy or as YYMMDD becomes YYMMDD', () => {
  assert.equal(printedDate('22/09/1995'), '950922');
  assert.equal(printedDate(' 22-09-1995 '), '950922');
  assert.equal(printedDate('22.09.1995'), '950922');
  assert.equal(printedDate('2/9/1995'), '950902');
  assert.equal(printedDate('22091995'), '950922');
  assert.equal(printedDate('950922'), '950922');
  assert.equal(printedDate('290228'), '290228');
});

test('a date that does not exist or is in no accepted form is refused', () => {
  for (const text of ['220995', '31/02/1995', '29/02/2023', '1995-09-22', '22/13/1995', '2209195', '', 'abc']) {
    assert.equal(printedDate(text), null, text);
  }
  assert.equal(printedDate('29/02/2024'), '240229');
});

test('each wrong field is named; a right key comes out in the API shape', () => {
  const wrong = keyFromFields('cccd', { ...EMPTY_FIELDS, idNumber: '12345', dateOfBirth: '220995' });
  assert.deepEqual(wrong, { errors: { idNumber: 'key.error.idNumber', dateOfBirth: 'key.error.dateOfBirth' } });
  const expiry = keyFromFields('document', { ...EMPTY_FIELDS, documentNumber: 'c01x00t47', dateOfBirth: '12/08/1974', dateOfExpiry: '2/13/2030' });
  assert.deepEqual(expiry, { errors: { dateOfExpiry: 'key.error.dateOfExpiry' } });
  assert.deepEqual(keyFromFields('cccd', { ...EMPTY_FIELDS, idNumber: ' 001195786320 ', dateOfBirth: '22/09/1995' }), {
    key: { kind: 'cccd', idNumber: '001195786320', dateOfBirth: '950922' },
  });
  assert.deepEqual(keyFromFields('document', { ...EMPTY_FIELDS, documentNumber: 'c01x00t47', dateOfBirth: '12081974', dateOfExpiry: '311230' }), {
    key: { kind: 'document', documentNumber: 'C01X00T47', dateOfBirth: '740812', dateOfExpiry: '311230' },
  });
  assert.deepEqual(keyFromFields('can', { ...EMPTY_FIELDS, can: '12' }), { errors: { can: 'key.error.can' } });
});
