import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMrz } from '../../../core/mrz/index.ts';
import { checkConsistency, mrzComparableName } from '../../../core/trust/consistency.ts';
import { documentExpiryStatus } from '../../../core/trust/document-expiry.ts';
import type { VnData } from '../../../core/api/verification.ts';

const TODAY = new Date('2026-06-01T00:00:00Z');
const cccd = parseMrz('IDVNM1957863205001195786320<<6\n9509229F3509227VNM<<<<<<<<<<<4\nNGO<<MY<THAO<<<<<<<<<<<<<<<<<<', { strict: false, today: TODAY });

const vn: VnData = {
  idNumber: '001195786320', fullName: 'Ngô Mỹ Thảo', dateOfBirth: '1995-09-22', sex: 'Nữ', nationality: 'Việt Nam', ethnicity: null,
  religion: null, placeOfOrigin: null, placeOfResidence: null, identifyingMarks: null, dateOfIssue: null, dateOfExpiry: '2035-09-22',
  fatherName: null, motherName: null, spouseName: null, oldIdNumber: null,
};

test('Vietnamese names compare without diacritics, đ as D', () => {
  assert.equal(mrzComparableName('Nguyễn Văn Đức'), 'NGUYENVANDUC');
  assert.equal(mrzComparableName('NGO<<MY<THAO'), 'NGOMYTHAO');
});

test('DG1 and DG13 agree: PASS with each comparison named', () => {
  const r = checkConsistency(cccd, vn);
  assert.equal(r.status, 'PASS');
  assert.ok(r.compared.length >= 4);
});

test('a different ID number, birth date or name in DG13: FAIL naming the field', () => {
  assert.deepEqual(checkConsistency(cccd, { ...vn, idNumber: '001195786321' }).mismatches, ['DG13 idNumber vs DG1', 'DG13 idNumber vs DG1 documentNumber']);
  assert.deepEqual(checkConsistency(cccd, { ...vn, dateOfBirth: '1995-09-23' }).mismatches, ['DG13 dateOfBirth vs DG1']);
  assert.deepEqual(checkConsistency(cccd, { ...vn, fullName: 'Ngô Mỹ Thanh' }).mismatches, ['DG13 fullName vs DG1']);
});

test('nothing to compare: SKIPPED; access key compared when given', () => {
  assert.equal(checkConsistency(cccd, null).status, 'SKIPPED');
  const key = { documentNumber: '195786320', dateOfBirth: '950922', dateOfExpiry: '350922' };
  assert.equal(checkConsistency(cccd, null, key).status, 'PASS');
  assert.equal(checkConsistency(cccd, null, { ...key, dateOfExpiry: '991231' }).status, 'FAIL');
});

test('a DG13 on the card that gives nothing to compare: SKIPPED with the reason, never PASS on the access key alone', () => {
  const key = { documentNumber: '195786320', dateOfBirth: '950922', dateOfExpiry: '350922' };
  for (const problem of ['unreadable', 'empty'] as const) {
    const r = checkConsistency(cccd, null, key, problem);
    assert.equal(r.status, 'SKIPPED');
    assert.equal(r.reason, problem);
    assert.equal(checkConsistency(cccd, null, { ...key, dateOfBirth: '000101' }, problem).status, 'FAIL');
  }
  const none = { ...vn, idNumber: null, fullName: null, dateOfBirth: null };
  const r = checkConsistency(cccd, none, key);
  assert.equal(r.status, 'SKIPPED');
  assert.equal(r.reason, 'nothing-comparable');
});

test('document expiry by calendar day; 991231 and DG13 "no expiry" are NO_EXPIRY', () => {
  assert.equal(documentExpiryStatus(cccd, false, TODAY), 'VALID');
  assert.equal(documentExpiryStatus(cccd, false, new Date('2035-09-22T23:59:00Z')), 'VALID');
  assert.equal(documentExpiryStatus(cccd, false, new Date('2035-09-23T00:00:00Z')), 'EXPIRED');
  assert.equal(documentExpiryStatus(cccd, true, new Date('2040-01-01T00:00:00Z')), 'NO_EXPIRY');
});
