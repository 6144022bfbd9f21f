import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCom, parseCom } from '../../../core/lds/com.ts';
import { encodeDg1, parseDg1 } from '../../../core/lds/dg1.ts';
import { encodeDg11, parseDg11 } from '../../../core/lds/dg11.ts';
import { encodeDg12, parseDg12 } from '../../../core/lds/dg12.ts';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { sample } from './samples.ts';

const isLdsError = (e: unknown): boolean => isEidError(e, 'LDS_MALFORMED') || isEidError(e, 'TLV_MALFORMED');

test('EF.COM sample (9303-10 A): versions and DG1, DG2', () => {
  const com = parseCom(sample('ef_com').bytes);
  assert.equal(com.ldsVersion, '1.6');
  assert.equal(com.unicodeVersion, '4.0.0');
  assert.deepEqual(com.dataGroups, [1, 2]);
  assert.deepEqual(com.unknownTags, []);
  assert.equal(toHex(encodeCom([1, 2], '0106', '040000')), sample('ef_com').element.hex);
});

test('EF.COM of a CCCD lists DG1, DG2, DG3, DG13, DG14, DG15', () => {
  const com = parseCom(encodeCom([1, 2, 3, 13, 14, 15]));
  assert.deepEqual(com.dataGroups, [1, 2, 3, 13, 14, 15]);
  assert.equal(com.ldsVersion, '1.7');
});

test('EF.COM with the wrong outer tag names the file', () => {
  const bytes = sample('ef_com').bytes.slice();
  bytes[0] = 0x61;
  assert.throws(() => parseCom(bytes), (e) => isEidError(e, 'LDS_MALFORMED') && /COM/.test((e as Error).message));
});

test('DG1 TD2 sample parses the MRZ', () => {
  const { bytes, element } = sample('dg1_td2');
  const dg1 = parseDg1(bytes);
  assert.equal(dg1.mrzText, element.ascii!['5F1F']);
  assert.equal(dg1.mrz.format, 'TD2');
  assert.equal(dg1.mrz.documentNumber, 'D23145890');
  assert.equal(dg1.mrz.surname, 'ERIKSSON');
  assert.equal(toHex(encodeDg1(dg1.mrzText)), element.hex);
});

test('DG1 keeps a wrong check digit as a reported error, not a refusal', () => {
  const bad = 'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<D231458907UTO7408122F1204159<<<<<<<5';
  assert.deepEqual(parseDg1(encodeDg1(bad)).mrz.checkDigitErrors, ['composite']);
  assert.throws(() => parseDg1(encodeDg1('NOT AN MRZ')), isLdsError);
});

test('DG11 sample (9303-10 A.5)', () => {
  const { bytes, element } = sample('dg11_9303_10_a5');
  const dg11 = parseDg11(bytes);
  assert.equal(dg11.fullName, element.ascii!['5F0E']);
  assert.equal(dg11.placeOfBirth, element.ascii!['5F11']);
  assert.equal(dg11.address, element.ascii!['5F42']);
  assert.equal(dg11.telephone, element.ascii!['5F12']);
  assert.equal(dg11.profession, element.ascii!['5F13']);
  assert.deepEqual(dg11.tagList, [0x5f0e, 0x5f11, 0x5f42, 0x5f12, 0x5f13]);
});

test('DG11 round trip with other names, full DOB and proof of citizenship', () => {
  const input = {
    fullName: 'NGUYEN<<VAN<A', otherNames: ['NGUYEN<<A', 'NGUYEN<<B'], personalNumber: '001090012345', fullDateOfBirth: '1990-01-01',
    placeOfBirth: 'Hà Nội', title: 'Dr', proofOfCitizenship: Uint8Array.of(0xff, 0xd8, 0xff), custodyInformation: 'none',
  };
  const dg11 = parseDg11(encodeDg11(input));
  assert.deepEqual({ ...dg11, tagList: undefined, unknown: undefined }, {
    ...input, tagList: undefined, unknown: undefined, address: null, telephone: null, profession: null, personalSummary: null, otherValidTravelDocuments: null,
  });
  // BCD full date of birth (some issuers) is read too.
  assert.equal(parseDg11(fromHex('6B0B5C025F2B5F2B0419900101')).fullDateOfBirth, '1990-01-01');
});

test('DG12 sample: personalisation time and device serial; round trip', () => {
  const dg12 = parseDg12(sample('dg12_nz_adapted').bytes);
  assert.equal(dg12.personalisationTime, '2016-11-15T01:36:12');
  assert.equal(dg12.personalisationDeviceSerial, 'N-4962');
  const input = { issuingAuthority: 'Cục Cảnh sát QLHC về TTXH', dateOfIssue: '2021-04-15', otherPersons: ['A<<B'], personalisationTime: '2021-04-15T10:11:12' };
  const back = parseDg12(encodeDg12(input));
  assert.equal(back.issuingAuthority, input.issuingAuthority);
  assert.equal(back.dateOfIssue, input.dateOfIssue);
  assert.deepEqual(back.otherPersons, input.otherPersons);
  assert.equal(back.personalisationTime, input.personalisationTime);
  assert.deepEqual(back.tagList, [0x5f19, 0x5f26, 0x5f1a, 0x5f55]);
});

test('DG11/DG12 without a tag list, or with a lying count, are malformed', () => {
  assert.throws(() => parseDg11(fromHex('6B045F0E0141')), isLdsError);
  assert.throws(() => parseDg12(fromHex('6C0E5C025F1AA008020102 5F1A0141'.replace(/ /g, ''))), isLdsError);
});

test('DG16 sample (9303-10 A.6): two persons to notify; round trip', async () => {
  const { parseDg16, encodeDg16 } = await import('../../../core/lds/dg16.ts');
  const { bytes, element } = sample('dg16_9303_10_a6');
  const dg16 = parseDg16(bytes);
  assert.deepEqual(dg16.persons[0], { dateRecorded: '2002-01-01', name: 'SMITH<<CHARLES<R', telephone: '19525551212', address: '123 MAPLE RD<ANYTOWN<MN<55100' });
  assert.equal(dg16.persons[1]!.name, 'BROWN<<MARY<J');
  assert.equal(toHex(encodeDg16(dg16.persons)), element.hex);
});
