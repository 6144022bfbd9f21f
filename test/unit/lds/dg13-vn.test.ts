import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dg13IsEmpty, parseDg13Vn } from '../../../core/lds/dg13-vn.ts';
import { encodeDg13Vn, type Dg13VnInput } from '../../../core/lds/dg13-vn-encode.ts';
import { VnDataSchema } from '../../../core/api/verification.ts';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { tlv } from '../../../core/bytes/tlv.ts';
import { integer, printableString, sequence, utf8String } from '../../../core/bytes/der.ts';
import { isEidError } from '../../../core/errors.ts';

// Fictitious holder.
const holder: Dg13VnInput = {
  idNumber: '001090012345',
  fullName: 'Nguyễn Văn A',
  dateOfBirth: '1990-01-01',
  sex: 'Nam',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Đông Hội, Huyện Đông Anh, Hà Nội',
  // Longer than 127 bytes: the field SEQUENCE needs a long-form length.
  placeOfResidence: 'Số 1 ngõ 2 phố Tràng Tiền, Phường Tràng Tiền, Quận Hoàn Kiếm, Thành phố Hà Nội, Việt Nam — địa chỉ dài để kiểm tra độ dài dạng dài',
  identifyingMarks: 'Nốt ruồi C:1cm trên trước mép phải',
  dateOfIssue: '2021-04-15',
  dateOfExpiry: '2030-01-01',
  fatherName: 'Nguyễn Văn B',
  motherName: 'Trần Thị C',
  spouseName: null,
  oldIdNumber: '123456789',
  field16: '0123456789ABCDEF',
};

const { noExpiry: _n, field16: _f, ...expected } = holder;

test('DG13 encode → parse round-trips every field in the real layout: wrapper version 1, UTF-8 OID, long-form lengths', () => {
  const bytes = encodeDg13Vn(holder);
  const dg13 = parseDg13Vn(bytes);
  assert.deepEqual(dg13.data, expected);
  assert.deepEqual(VnDataSchema.parse(dg13.data), dg13.data);
  assert.deepEqual([dg13.layout, dg13.version, dg13.charset], ['wrapped', 1, '1.0.10646.1.0.8']);
  assert.equal(dg13.field16, '0123456789ABCDEF');
  assert.equal(dg13.noExpiry, false);
  assert.deepEqual(dg13.fields.map((f) => f.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  assert.ok(dg13.fields.find((f) => f.number === 9)!.raw[1]! === 0x81, 'field 9 uses a long-form length');
  assert.deepEqual(dg13.unknown, []);
  // The header of docs/design/vn-cccd.md §3.1: 6D 82 LLLL, 30 82 LLLL, INTEGER 1, the OID, 31 82 LLLL.
  assert.equal(toHex(bytes.subarray(0, 2)), '6D82');
  assert.equal(toHex(bytes.subarray(4, 6)), '3082');
  assert.equal(toHex(bytes.subarray(8, 21)), '020101060628D31601000831'.concat('82'));
});

test('DG13 built byte by byte as the chip lays it out: the ID sits at offset 30 and every field is found', () => {
  // Independent of the encoder: the wrapper and the fields spelled out as on a card.
  const fields = [
    fromHex('301102010113 0C 303031303930303132333435'.replace(/ /g, '')),
    sequence(integer(2), utf8String('Nguyễn Văn A')),
    fromHex('300F020103130A 30312F30312F31393930'.replace(/ /g, '')),
    fromHex('30080201040C034E616D'),
    sequence(integer(9), utf8String(holder.placeOfResidence!)),
    sequence(integer(13), sequence(utf8String('Nguyễn Văn B')), sequence(utf8String('Trần Thị C'))),
    fromHex('300302010E'),
    fromHex('300E02010F1309 313233343536373839'.replace(/ /g, '')),
  ];
  const set = tlv(0x31, ...fields);
  const wrapper = sequence(fromHex('020101'), fromHex('060628D316010008'), set);
  const bytes = tlv(0x6d, wrapper);
  assert.equal(bytes[1], 0x82, 'long-form outer length');
  assert.equal(new TextDecoder().decode(bytes.subarray(30, 42)), '001090012345', 'the ID at byte offset 30, as khoa288/id-chip-reader reads it');
  const dg13 = parseDg13Vn(bytes);
  assert.equal(dg13.data.idNumber, '001090012345', 'the wrapper is not taken for field 1');
  assert.equal(dg13.data.fullName, 'Nguyễn Văn A');
  assert.equal(dg13.data.dateOfBirth, '1990-01-01');
  assert.equal(dg13.data.sex, 'Nam');
  assert.equal(dg13.data.placeOfResidence, holder.placeOfResidence);
  assert.equal(dg13.data.fatherName, 'Nguyễn Văn B');
  assert.equal(dg13.data.motherName, 'Trần Thị C');
  assert.equal(dg13.data.spouseName, null);
  assert.equal(dg13.data.oldIdNumber, '123456789');
  assert.deepEqual([dg13.layout, dg13.version, dg13.charset], ['wrapped', 1, '1.0.10646.1.0.8']);
  assert.ok(dg13.fields.some((f) => f.number === 14 && toHex(f.raw) === '300302010E'), 'the empty spouse field is kept');
});

test('DG13 in the flat form (fields directly under 6D) reads the same, without version or OID', () => {
  const dg13 = parseDg13Vn(encodeDg13Vn({ ...holder, layout: 'flat' }));
  assert.deepEqual(dg13.data, expected);
  assert.deepEqual([dg13.layout, dg13.version, dg13.charset], ['flat', null, null]);
});

test('DG13 parents as SEQ{father}, SEQ{mother} and as SEQ{father, mother} give the same names; a missing parent is null', () => {
  for (const layout of ['wrapped', 'flat'] as const) {
    const separate = parseDg13Vn(encodeDg13Vn({ ...holder, layout, parents: 'separate' }));
    const together = parseDg13Vn(encodeDg13Vn({ ...holder, layout, parents: 'together' }));
    assert.deepEqual([together.data.fatherName, together.data.motherName], ['Nguyễn Văn B', 'Trần Thị C']);
    assert.deepEqual(together.data, separate.data);
    assert.notDeepEqual(together.fields.find((f) => f.number === 13)!.raw, separate.fields.find((f) => f.number === 13)!.raw);
  }
  const noMother = parseDg13Vn(encodeDg13Vn({ ...holder, motherName: null }));
  assert.deepEqual([noMother.data.fatherName, noMother.data.motherName], ['Nguyễn Văn B', null]);
  const noFather = parseDg13Vn(encodeDg13Vn({ ...holder, fatherName: null }));
  assert.deepEqual([noFather.data.fatherName, noFather.data.motherName], [null, 'Trần Thị C']);
});

test('DG13 fields above 16 are kept raw beside field 16', () => {
  const dg13 = parseDg13Vn(encodeDg13Vn({ ...holder, extraFields: [{ number: 17, value: 'X17' }, { number: 20, value: 'X20' }] }));
  assert.equal(dg13.field16, '0123456789ABCDEF');
  assert.deepEqual(dg13.unknown.map((f) => [f.number, f.texts[0]]), [[17, 'X17'], [20, 'X20']]);
  assert.deepEqual(dg13.unknown[0]!.raw, sequence(integer(17), printableString('X17')));
  assert.deepEqual(dg13.data, expected);
});

test('a DG13 that yields no fields is recognisably empty', () => {
  assert.equal(dg13IsEmpty(parseDg13Vn(tlv(0x6d))), true);
  assert.equal(dg13IsEmpty(parseDg13Vn(tlv(0x6d, sequence(integer(1), fromHex('060628D316010008'), tlv(0x31))))), true);
  assert.equal(dg13IsEmpty(parseDg13Vn(tlv(0x6d, sequence(integer(99), printableString('?'))))), true);
  assert.equal(dg13IsEmpty(parseDg13Vn(encodeDg13Vn(holder))), false);
});

test('DG13 "Không thời hạn" expiry is null with noExpiry; missing mother and spouse', () => {
  const dg13 = parseDg13Vn(encodeDg13Vn({ ...holder, dateOfExpiry: null, noExpiry: true, motherName: null, spouseName: 'Lê Thị D' }));
  assert.equal(dg13.data.dateOfExpiry, null);
  assert.equal(dg13.noExpiry, true);
  assert.equal(dg13.data.motherName, null);
  assert.equal(dg13.data.fatherName, 'Nguyễn Văn B');
  assert.equal(dg13.data.spouseName, 'Lê Thị D');
});

test('DG13 sketch bytes of docs/design/vn-cccd.md §3.4, out of order, unknown field 17 kept raw, NFD normalised', () => {
  const nfdName = 'Nguyễn'.normalize('NFD');
  const bytes = tlv(0x6d,
    fromHex('30080201040C034E616D'),
    fromHex('301102010113 0C 303031303930303132333435'.replace(/ /g, '')),
    fromHex('3003 02010E'.replace(/ /g, '')),
    sequence(integer(2), utf8String(nfdName)),
    sequence(integer(17), printableString('X')),
    sequence(integer(3), printableString('31/02/1990')),
  );
  const dg13 = parseDg13Vn(bytes);
  assert.equal(dg13.data.idNumber, '001090012345');
  assert.equal(dg13.data.sex, 'Nam');
  assert.equal(dg13.data.spouseName, null);
  assert.equal(dg13.data.fullName, 'Nguyễn'.normalize('NFC'));
  assert.equal(dg13.data.dateOfBirth, null, 'an impossible date is not invented');
  assert.deepEqual(dg13.unknown.map((f) => f.number), [17]);
  assert.deepEqual(dg13.unknown[0]!.texts, ['X']);
});

test('DG13 hostile input: wrong tag, truncation, deep nesting are LDS_MALFORMED', () => {
  const ok = encodeDg13Vn(holder);
  assert.throws(() => parseDg13Vn(Uint8Array.of(0x6c, ...ok.subarray(1))), (e) => isEidError(e, 'LDS_MALFORMED'));
  assert.throws(() => parseDg13Vn(ok.subarray(0, ok.length - 10)), (e) => isEidError(e, 'LDS_MALFORMED'));
  let deep = sequence(integer(1), printableString('1'));
  for (let i = 0; i < 40; i++) deep = sequence(sequence(deep));
  assert.throws(() => parseDg13Vn(tlv(0x6d, sequence(integer(2), deep))), (e) => isEidError(e, 'LDS_MALFORMED') && /deep/.test((e as Error).message));
});

test('documentData: CCCD DG1 + DG13 + face size fit the result DocumentSchema', async () => {
  const { documentData } = await import('../../../core/lds/document.ts');
  const { parseDg1, encodeDg1 } = await import('../../../core/lds/dg1.ts');
  const { DocumentSchema } = await import('../../../core/api/verification.ts');
  const dg1 = parseDg1(encodeDg1('IDVNM0900123450001090012345<<19001011M3001019VNM<<<<<<<<<<<2NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<'), new Date(Date.UTC(2026, 0, 1)));
  const dg13 = parseDg13Vn(encodeDg13Vn(holder));
  const doc = documentData(dg1, { dg13, face: { image: new Uint8Array(1234), mimeType: 'image/jpeg', width: 1, height: 1, encoding: 'ISO19794-5' } });
  assert.deepEqual(DocumentSchema.parse(doc), doc);
  assert.equal(doc.personalNumber, '001090012345');
  assert.equal(doc.documentNumber, '090012345');
  assert.equal(doc.dateOfBirth, '1990-01-01');
  assert.equal(doc.dateOfExpiry, '2030-01-01');
  assert.deepEqual(doc.face, { mimeType: 'image/jpeg', bytes: 1234 });
  assert.equal(doc.vn?.fullName, 'Nguyễn Văn A');
});
