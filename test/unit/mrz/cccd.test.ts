import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MrzError, canKey, cccdDocumentNumber, cccdExpiryCandidates, cccdKeyCandidates, cccdQrKeyCandidates, mrzInformation, mrzInformationFromMrz,
  parseCccdQr, parseMrz,
} from '../../../core/mrz/index.ts';
import { isEidError } from '../../../core/errors.ts';
import { hash } from '../../../core/crypto/node-crypto.ts';
import { ascii } from '../../../core/bytes/bytes.ts';
import { toHex } from '../../../core/bytes/hex.ts';

const today = new Date(Date.UTC(2026, 10, 27));
// Synthetic sample of docs/design/vn-cccd.md §2.1 (fictitious person).
const CCCD_MRZ = 'IDVNM0900123450001090012345<<1\n9001011M3001019VNM<<<<<<<<<<<2\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<';
const kseed = (mrzInfo: string): string => toHex(hash('sha1', ascii(mrzInfo)).subarray(0, 16));

test('CCCD TD1: 12-digit ID with its own check digit, document number = last 9 digits', () => {
  const m = parseMrz(CCCD_MRZ, { today });
  assert.equal(m.isVietnameseCccd, true);
  assert.equal(m.personalNumber, '001090012345');
  assert.equal(m.documentNumber, '090012345');
  assert.equal(m.documentCode, 'ID');
  assert.equal(m.surname, 'NGUYEN');
  assert.equal(m.givenNames, 'VAN A');
  assert.equal(m.dateOfBirthIso, '1990-01-01');
  assert.equal(m.dateOfExpiryIso, '2030-01-01');
  const info = mrzInformationFromMrz(m);
  assert.equal(info.value, '090012345090010113001019');
  assert.equal(kseed(info.value), '90EB37B41B9B64E97BB79581E13AD301');
});

test('CCCD TD1: a wrong ID check digit at position 30 is MRZ_INVALID idNumber', () => {
  const bad = CCCD_MRZ.replace('<<1\n', '<<2\n');
  assert.throws(() => parseMrz(bad, { today }), (e) => e instanceof MrzError && e.field === 'idNumber');
});

test('using all 12 digits gives the documented wrong key; the CCCD helpers use the last 9', () => {
  assert.equal(kseed(mrzInformation('001090012345', '900101', '300101').value), '88218ED60CC530313A1D4FB9FB85438E');
  assert.equal(cccdDocumentNumber('001090012345'), '090012345');
  const [only, ...rest] = cccdKeyCandidates('001090012345', '01/01/1990', '01/01/2030', today);
  assert.equal(rest.length, 0);
  assert.equal(only!.mrz.value, '090012345090010113001019');
  assert.throws(() => cccdDocumentNumber('09001234'), (e) => isEidError(e, 'MRZ_INVALID'));
});

test('no-expiry cards use 991231 (check digit 5)', () => {
  const [k] = cccdKeyCandidates('001090012345', '1960-05-05', 'Không thời hạn', today);
  assert.equal(k!.mrz.dateOfExpiry, '991231');
  assert.ok(k!.mrz.value.endsWith('9912315'));
  assert.equal(k!.expiry.iso, null);
});

test('expiry milestones with the 2-year rule (samples of docs/design/vn-cccd.md §4.3)', () => {
  assert.equal(cccdExpiryCandidates({ year: 1996, month: 7, day: 20 }, { year: 2021, month: 9, day: 19 })[0]!.iso, '2036-07-20');
  assert.equal(cccdExpiryCandidates({ year: 1993, month: 1, day: 5 }, { year: 2021, month: 7, day: 24 })[0]!.iso, '2033-01-05');
  // Issued at 23y6m: within 2 years before 25, so valid to 40; then 60, then no expiry.
  const c = cccdExpiryCandidates({ year: 2000, month: 3, day: 1 }, { year: 2023, month: 9, day: 1 });
  assert.deepEqual(c.map((x) => x.yymmdd), ['400301', '600301', '991231']);
  assert.equal(c[0]!.rule, 'milestone-two-year');
  // Under-14 card (2023 law) runs to the 14th birthday.
  assert.equal(cccdExpiryCandidates({ year: 2018, month: 6, day: 1 }, { year: 2024, month: 8, day: 1 })[0]!.iso, '2032-06-01');
  // Issued at 58 or later: no expiry only.
  assert.deepEqual(cccdExpiryCandidates({ year: 1960, month: 1, day: 1 }, { year: 2021, month: 1, day: 1 }).map((x) => x.yymmdd), ['991231']);
  // 29 February birthday: 28 February first, 1 March as an alternative.
  const leap = cccdExpiryCandidates({ year: 1988, month: 2, day: 29 }, { year: 2010, month: 1, day: 1 });
  assert.deepEqual(leap.slice(0, 2).map((x) => x.iso), ['2013-02-28', '2013-03-01']);
});

test('without issue date: next milestone first, later ones, no expiry, then the passed milestone', () => {
  const c = cccdKeyCandidates('001090012345', '1990-01-01', undefined, today);
  assert.deepEqual(c.map((k) => k.expiry.yymmdd), ['300101', '500101', '991231', '150101']);
  assert.equal(c[0]!.mrz.value, '090012345090010113001019');
});

test('CCCD 2021 QR: 7 fields, NFC, keys in order', () => {
  const qrText = '001090012345|123456789|Nguye\u0302\u0303n Văn A|01011990|Nam|Số 1, Hà Nội|15042021\r\n';
  const { qr, candidates } = cccdQrKeyCandidates(qrText);
  assert.equal(qr.kind, 'CCCD_2021');
  assert.equal(qr.fullName, 'Nguyễn Văn A');
  assert.equal(qr.fullName, qr.fullName.normalize('NFC'));
  assert.equal(qr.dateOfBirth, '1990-01-01');
  assert.equal(qr.dateOfIssue, '2021-04-15');
  assert.equal(qr.sex, 'M');
  assert.equal(qr.oldIdNumber, '123456789');
  assert.equal(candidates[0]!.mrz.value, '090012345090010113001019');
  assert.deepEqual(candidates.map((c) => c.expiry.yymmdd), ['300101', '500101', '991231']);
});

test('2024 QR with 10+ fields keeps the extra fields; empty old ID is null', () => {
  const qr = parseCccdQr('001090012345||Trần Thị B|05011993|Nữ|Hà Nội|24072024|a|b|c');
  assert.equal(qr.kind, 'CAN_CUOC_2024');
  assert.equal(qr.oldIdNumber, null);
  assert.equal(qr.sex, 'F');
  assert.deepEqual(qr.extraFields, ['a', 'b', 'c']);
});

test('bad QR text is QR_INVALID', () => {
  for (const bad of ['', 'a|b|c', '00109001234|x|N|01011990|Nam|A|15042021', '001090012345||N|31021990|Nam|A|15042021', '001090012345||N|01011990|Nam|A|2021', '|'.repeat(5000), '001090012345|12|N|01011990|Nam|A|15042021']) {
    assert.throws(() => parseCccdQr(bad), (e) => isEidError(e, 'QR_INVALID'), bad.slice(0, 30));
  }
});

test('a birth date in the future is MRZ_INVALID dateOfBirth', () => {
  assert.throws(() => cccdKeyCandidates('001090012345', '2030-01-01', undefined, today), (e) => e instanceof MrzError && e.field === 'dateOfBirth');
  assert.throws(() => cccdQrKeyCandidates('001090012345||A|01012030|Nam|X|15042031', today), (e) => e instanceof MrzError && e.field === 'dateOfBirth');
});

test('CAN is 6 digits', () => {
  assert.deepEqual(canKey(' 123456 '), { kind: 'CAN', can: '123456' });
  assert.throws(() => canKey('12345a'), (e) => isEidError(e, 'MRZ_INVALID'));
});
