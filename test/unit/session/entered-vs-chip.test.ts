/**
 * What the clerk gave (QR code, typed fields, typed MRZ) against what the chip holds: one warning
 * per field that differs, naming the field and the source, never the values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareEnteredWithChip } from '../../../core/session/entered-vs-chip.ts';
import { ALICE, vnResult } from '../../../fixtures/verification-results.ts';
import type { AccessKey } from '../../../core/api/terminal-api.ts';

const chip = vnResult(ALICE).document!;
const qr = (fields: Partial<Record<'id' | 'name' | 'dob' | 'sex', string>>): AccessKey => ({
  kind: 'qr',
  text: [fields.id ?? ALICE.idNumber, '123456789', fields.name ?? ALICE.fullName, fields.dob ?? '03021990', fields.sex ?? 'Nữ', 'Số 1 Phố Huế, Hà Nội', '01042021'].join('|'),
});
const fieldsOf = (key: AccessKey) => compareEnteredWithChip(key, chip).map((w) => `${w.params.source}:${w.params.field}`);

test('a QR code of the same person agrees with the chip', () => {
  assert.deepEqual(compareEnteredWithChip(qr({}), chip), []);
  assert.deepEqual(fieldsOf(qr({ name: '  trần thị ánh  dương ' })), [], 'case and spacing are not differences');
});

test('a QR code of another person is named field by field', () => {
  const warnings = compareEnteredWithChip(qr({ name: 'Trần Văn Ánh', sex: 'Nam' }), chip);
  assert.deepEqual(warnings.map((w) => w.code), ['ENTERED_DATA_MISMATCH', 'ENTERED_DATA_MISMATCH']);
  assert.deepEqual(fieldsOf(qr({ name: 'Trần Văn Ánh', sex: 'Nam' })), ['qr:name', 'qr:sex']);
  assert.deepEqual(fieldsOf(qr({ name: 'Trần Thị Ánh Dưong' })), ['qr:name'], 'a diacritic is a difference');
  assert.deepEqual(fieldsOf(qr({ dob: '03021991' })), ['qr:dateOfBirth']);
  assert.deepEqual(fieldsOf(qr({ id: `001${ALICE.idNumber.slice(3)}` })), ['qr:number']);
  assert.ok(!JSON.stringify(warnings).includes('Trần'), 'no personal data in the warning');
});

test('typed fields: an ID number with another province code than the chip is named', () => {
  assert.deepEqual(fieldsOf({ kind: 'cccd', idNumber: ALICE.idNumber, dateOfBirth: '900203' }), []);
  assert.deepEqual(fieldsOf({ kind: 'cccd', idNumber: `001${ALICE.idNumber.slice(3)}`, dateOfBirth: '900203' }), ['typed:number']);
  assert.deepEqual(fieldsOf({ kind: 'document', documentNumber: ALICE.idNumber.slice(3), dateOfBirth: '900203', dateOfExpiry: '400203' }), []);
});

test('a typed MRZ is compared in full: name, sex, birth date, number', () => {
  const typed = chip.mrz.split('\n').map((line) => line.padEnd(30, '<')).join('\n');
  assert.deepEqual(fieldsOf({ kind: 'mrz', mrz: typed }), []);
  const other = typed.replace('TRAN<<THI<ANH<DUONG', 'TRAN<<THI<ANH<DUANG').replace('1F4', '1M4');
  assert.deepEqual(fieldsOf({ kind: 'mrz', mrz: other }), ['typed:name', 'typed:sex']);
});

test('a CAN carries no holder data: nothing to compare', () => {
  assert.deepEqual(compareEnteredWithChip({ kind: 'can', can: '123456' }, chip), []);
  assert.deepEqual(compareEnteredWithChip(qr({ name: 'Khác' }), null), []);
});
