/** Unit tests of the factory's parts: certificates as D's parser reads them, holders, MRZ, JPEG, DG2, dumps. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCertificate } from '../../../core/asn1/x509.ts';
import { equal } from '../../../core/bytes/bytes.ts';
import { demoAuthority, demoSigner, DS_SERIAL } from '../../../core/chip/factory/demo-pki.ts';
import { AC_VALUES, encodeFaceJpeg } from '../../../core/chip/factory/jpeg.ts';
import { ecKeyFromPrivate, explicitEcParameters, testKey } from '../../../core/chip/factory/keys.ts';
import { writeTd1 } from '../../../core/chip/factory/mrz-writer.ts';
import { mrzName, syntheticPerson } from '../../../core/chip/factory/people.ts';
import { buildDocument } from '../../../core/chip/factory/build-document.ts';
import { documentFromDump, dumpFileName } from '../../../core/chip/dump-document.ts';
import { parseMrz } from '../../../core/mrz/index.ts';
import { parseDg13Vn } from '../../../core/lds/dg13-vn.ts';
import { encodeDg2, parseDg2 } from '../../../core/lds/dg2.ts';
import { isEidError } from '../../../core/errors.ts';

test('CSCA and DS certificates carry the ICAO extensions, read back by core/asn1', () => {
  const vn = demoAuthority('VN');
  const csca = parseCertificate(vn.csca.der);
  assert.equal(csca.version, 3);
  assert.deepEqual(csca.basicConstraints, { ca: true, pathLength: 0 });
  assert.deepEqual(csca.keyUsage, { digitalSignature: false, keyCertSign: true, cRLSign: true });
  assert.ok(csca.privateKeyUsagePeriod?.notAfter);
  assert.ok(csca.subjectKeyIdentifier && csca.authorityKeyIdentifier && equal(csca.subjectKeyIdentifier, csca.authorityKeyIdentifier));
  const ds = parseCertificate(demoSigner({ authority: vn, key: { kind: 'ec', curve: 'P-256' }, kind: 'good' }).der);
  assert.equal(ds.serialNumber, DS_SERIAL.good);
  assert.deepEqual(ds.keyUsage, { digitalSignature: true, keyCertSign: false, cRLSign: false });
  assert.ok(ds.authorityKeyIdentifier && equal(ds.authorityKeyIdentifier, csca.subjectKeyIdentifier!));
  assert.equal(ds.issuer.text, csca.subject.text);
});

test('EC test keys are a pure function of curve and seed; brainpool SPKIs hold explicit parameters', () => {
  const a = testKey({ kind: 'ec', curve: 'brainpoolP256r1' }, 'seed-1');
  const b = testKey({ kind: 'ec', curve: 'brainpoolP256r1' }, 'seed-1');
  const c = testKey({ kind: 'ec', curve: 'brainpoolP256r1' }, 'seed-2');
  assert.deepEqual(a.spkiDer, b.spkiDer);
  assert.notDeepEqual(a.spkiDer, c.spkiDer);
  // Signatures are deterministic too, so fixtures are stable.
  assert.deepEqual(a.sign(Uint8Array.of(1, 2, 3), 'sha256'), b.sign(Uint8Array.of(1, 2, 3), 'sha256'));
  const params = explicitEcParameters('brainpoolP256r1');
  assert.ok(a.spkiDer.some((_, i) => equal(a.spkiDer.subarray(i, i + params.length), params)));
  const p256 = ecKeyFromPrivate('P-256', a.ecPrivateKey!.slice());
  assert.equal(p256.spec.kind === 'ec' && p256.spec.explicitParameters, false);
});

test('synthetic holders: deterministic, Vietnamese diacritics, residence > 127 UTF-8 bytes, valid 12-digit ID', () => {
  for (let i = 0; i < 25; i++) {
    const p = syntheticPerson(`seed-${i}`);
    assert.deepEqual(syntheticPerson(`seed-${i}`), p);
    assert.ok(Buffer.byteLength(p.placeOfResidence, 'utf8') > 127, p.placeOfResidence);
    assert.match(p.idNumber, /^\d{12}$/);
    assert.equal(p.idNumber.slice(4, 6), String(p.dateOfBirth.year % 100).padStart(2, '0'));
    assert.equal(Number(p.idNumber[3]) % 2, p.sex === 'F' ? 1 : 0);
  }
  assert.ok([...Array(10).keys()].some((i) => /[ăâđêôơưàảãáạ]/i.test(syntheticPerson(`d${i}`).fullName)));
  assert.equal(mrzName('Đặng Thị Ánh'), 'DANG<THI<ANH');
});

test('the CCCD MRZ carries the 9-digit document number and the 12-digit ID, and parses with core/mrz', () => {
  const p = syntheticPerson('mrz');
  const mrz = writeTd1({ documentCode: 'ID', issuingState: 'VNM', documentNumber: p.idNumber.slice(3), dateOfBirth: '900101', sex: 'M', dateOfExpiry: '300101', nationality: 'VNM', surname: 'NGUYEN', givenNames: 'VAN<AN' }, p.idNumber);
  const parsed = parseMrz(mrz);
  assert.equal(parsed.isVietnameseCccd, true);
  assert.equal(parsed.personalNumber, p.idNumber);
  assert.deepEqual(parsed.checkDigitErrors, []);
});

test('face JPEG: baseline markers, complete Huffman table, > 32 KiB when large', () => {
  const jpeg = encodeFaceJpeg({ seed: 'x' });
  assert.deepEqual([...jpeg.subarray(0, 2)], [0xff, 0xd8]);
  assert.deepEqual([...jpeg.subarray(-2)], [0xff, 0xd9]);
  assert.ok(jpeg.includes(0xc0), 'SOF0');
  // Every (run, size) symbol and EOB/ZRL has a code, so any block can be encoded.
  const symbols = new Set(AC_VALUES);
  assert.equal(symbols.size, 162);
  for (let run = 0; run < 16; run++) for (let size = 1; size <= 10; size++) assert.ok(symbols.has((run << 4) | size));
  assert.deepEqual(encodeFaceJpeg({ seed: 'x' }), jpeg);
  assert.notDeepEqual(encodeFaceJpeg({ seed: 'y' }), jpeg);
  const large = buildDocument('cccd-2021', null, { largeFace: true }).files.get('DG2')!;
  assert.ok(large.length > 32 * 1024);
});

test('the factory writes DG2 with the LDS encoder: one ISO 19794-5 face holding the generated JPEG', () => {
  const dg2 = buildDocument('cccd-2021', null, { seed: 'dg2' }).files.get('DG2')!;
  const faces = parseDg2(dg2).faces;
  assert.equal(faces.length, 1);
  const face = faces[0]!;
  assert.deepEqual([face.encoding, face.mimeType, face.width, face.height], ['ISO19794-5', 'image/jpeg', 96, 120]);
  assert.deepEqual(dg2, encodeDg2({ image: face.image, width: 96, height: 120 }));
});

test('DG13 of a CCCD parses with C\'s parser: long-form lengths and all fields', () => {
  const doc = buildDocument('cccd-2021');
  const dg13 = parseDg13Vn(doc.files.get('DG13')!);
  assert.equal(dg13.data.idNumber, doc.holder.idNumber);
  assert.equal(dg13.data.fullName, doc.holder.fullName);
  assert.equal(dg13.data.placeOfResidence, doc.holder.placeOfResidence);
  assert.equal(dg13.data.fatherName, doc.holder.fatherName);
  assert.equal(dg13.data.oldIdNumber, doc.holder.oldIdNumber);
});

test('dump folders: file names map to LDS files; no COM/DG1 or an oversized file is a typed error', () => {
  assert.equal(dumpFileName('DG2.bin'), 'DG2');
  assert.equal(dumpFileName('EF_COM.bin'), 'COM');
  assert.equal(dumpFileName('cardaccess'), 'CardAccess');
  assert.equal(dumpFileName('notes.txt'), undefined);
  const doc = buildDocument('cccd-2021');
  const dump = documentFromDump(new Map([['COM', doc.files.get('COM')!], ['DG1.bin', doc.files.get('DG1')!]]), doc.access.mrz);
  assert.equal(dump.access.mrzInformation, doc.access.mrzInformation);
  assert.throws(() => documentFromDump(new Map([['SOD', Uint8Array.of(1)]]), doc.access.mrz), (e) => isEidError(e, 'DUMP_INCOMPLETE'));
  assert.throws(() => documentFromDump(new Map([['DG1', new Uint8Array((1 << 20) + 1)]]), doc.access.mrz), (e) => isEidError(e, 'DUMP_FILE_TOO_LARGE'));
});
