import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDigit, isValidCheckDigit, parseMrz, mrzInformationFromMrz, MrzError } from '../../../core/mrz/index.ts';
import { isEidError } from '../../../core/errors.ts';
import { hash } from '../../../core/crypto/node-crypto.ts';
import { ascii } from '../../../core/bytes/bytes.ts';
import { toHex } from '../../../core/bytes/hex.ts';
import { vector } from '../../../fixtures/index.ts';

interface Sample {
  id: string;
  type: 'TD1' | 'TD2' | 'TD3';
  lines: string[];
  fields: Record<string, string>;
  mrz_information: string;
  kseed?: string;
  composite_recomputed?: string;
}
const vectors = vector<{ samples: Sample[] }>('mrz_checkdigit_td1_td2_td3.json');
const today = new Date(Date.UTC(2026, 10, 27));

test('check digit 7-3-1 on known fields', () => {
  assert.equal(checkDigit('L898902C3'), 6);
  assert.equal(checkDigit('740812'), 2);
  assert.equal(checkDigit('991231'), 5);
  assert.ok(isValidCheckDigit('<<<<<<<<<<<<<<', '<'));
  assert.ok(isValidCheckDigit('<<<<<<<<<<<<<<', '0'));
  assert.ok(!isValidCheckDigit('ZE184226B', '<'));
});

for (const s of vectors.samples) {
  test(`vector ${s.id}: fields, check digits and MRZ_information`, () => {
    const anomalous = s.composite_recomputed !== undefined;
    if (anomalous) {
      // The printed composite does not match: strict parsing names the failing check digit.
      assert.throws(() => parseMrz(s.lines.join('\n'), { today }), (e) => e instanceof MrzError && e.field === 'composite');
    }
    const m = parseMrz(s.lines.join('\n'), { today, strict: !anomalous });
    assert.equal(m.format, s.type);
    assert.deepEqual(m.checkDigitErrors, anomalous ? ['composite'] : []);
    const f = s.fields;
    if (f.document_number) assert.equal(m.documentNumber, f.document_number);
    if (f.document_number_cd) assert.equal(m.documentNumberCheckDigit, f.document_number_cd);
    if (f.date_of_birth) assert.equal(m.dateOfBirth, f.date_of_birth);
    if (f.date_of_expiry) assert.equal(m.dateOfExpiry, f.date_of_expiry);
    if (f.sex) assert.equal(m.sex, f.sex);
    if (f.issuing_state) assert.equal(m.issuingState, f.issuing_state);
    if (f.nationality) assert.equal(m.nationality, f.nationality);
    if (f.primary) assert.equal(m.surname, f.primary);
    if (f.secondary) assert.equal(m.givenNames, f.secondary);
    assert.equal(mrzInformationFromMrz(m).value, s.mrz_information);
    // Joined without line breaks (as DG1 stores it) parses the same.
    assert.equal(parseMrz(s.lines.join(''), { today, strict: !anomalous }).documentNumber, m.documentNumber);
    if (s.kseed) assert.equal(toHex(hash('sha1', ascii(s.mrz_information)).subarray(0, 16)), s.kseed);
  });
}

test('TD3 specimen: dates to ISO with the century rules, personal number', () => {
  const m = parseMrz('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10', { today });
  assert.equal(m.dateOfBirthIso, '1974-08-12');
  assert.equal(m.dateOfExpiryIso, '2012-04-15');
  assert.equal(m.personalNumber, 'ZE184226B');
  assert.equal(m.isVietnameseCccd, false);
});

test('long document number (App. D.2) in TD1 keeps the overflow out of the optional data', () => {
  const m = parseMrz('I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<', { today });
  assert.equal(m.documentNumber, 'D23145890734');
  assert.equal(m.optionalData, '');
  assert.equal(m.dateOfBirthIso, '1934-07-12');
  assert.equal(m.dateOfExpiryIso, '1995-07-12');
});

test('a mistyped character is MRZ_INVALID naming the field', () => {
  const lines = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408132F1204159ZE184226B<<<<<10'];
  assert.throws(() => parseMrz(lines.join('\n'), { today }), (e) => e instanceof MrzError && e.code === 'MRZ_INVALID' && e.field === 'dateOfBirth');
  const lenient = parseMrz(lines.join('\n'), { today, strict: false });
  assert.deepEqual(lenient.checkDigitErrors, ['dateOfBirth', 'composite']);
});

test('wrong shapes and characters are typed errors', () => {
  for (const bad of ['', 'P<UTO', 'x'.repeat(88), 'é'.repeat(90), '<'.repeat(1000), 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<1']) {
    assert.throws(() => parseMrz(bad, { today }), (e) => isEidError(e, 'MRZ_INVALID'), JSON.stringify(bad.slice(0, 20)));
  }
  // Invalid calendar date with correct check digits.
  const dob = '741312';
  const line2 = `L898902C36UTO${dob}${checkDigit(dob)}F1204159ZE184226B<<<<<1`;
  const composite = checkDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
  assert.throws(() => parseMrz(`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n${line2}${composite}`, { today }), (e) => e instanceof MrzError && e.field === 'dateOfBirth');
});

test('unknown birth-date parts (fillers) parse, and the key keeps the printed field', () => {
  const dob = '74<<<<';
  const line2 = `L898902C36UTO${dob}${checkDigit(dob)}F1204159ZE184226B<<<<<1`;
  const composite = checkDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
  const m = parseMrz(`P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n${line2}${composite}`, { today });
  assert.equal(m.dateOfBirthIso, null);
  assert.equal(mrzInformationFromMrz(m).value, `L898902C3674<<<<${checkDigit(dob)}1204159`);
});
