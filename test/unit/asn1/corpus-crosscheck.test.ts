/**
 * The hand-written X.509 / CMS / CRL parsers (core/asn1) against a well-kept second parser
 * (@peculiar/asn1-*), on every certificate, CRL and signed object of the real-world corpus
 * (fixtures/corpus) and of fixtures/realdata: same names, serial, validity, key, algorithms,
 * signature, signed attributes, content type and digest algorithms.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier, BasicConstraints, Certificate as PCertificate, CertificateList, Name, PrivateKeyUsagePeriod, SubjectKeyIdentifier,
  type AlgorithmIdentifier as PAlgorithm,
} from '@peculiar/asn1-x509';
import { ContentInfo, SignedData as PSignedData } from '@peculiar/asn1-cms';
import { parseCertificate } from '../../../core/asn1/x509.ts';
import { parseSignedData } from '../../../core/asn1/cms.ts';
import { parseCrl } from '../../../core/asn1/crl.ts';
import { parseCscaMasterList } from '../../../core/asn1/master-list.ts';
import type { AlgorithmIdentifier } from '../../../core/asn1/algorithms.ts';
import type { X500Name } from '../../../core/asn1/name.ts';
import { fixtureFiles } from '../../../fixtures/index.ts';

const bytes = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const der = (value: object): Uint8Array => bytes(AsnConvert.serialize(value));

function signedBigInt(b: ArrayBuffer): bigint {
  const u = bytes(b);
  let n = 0n;
  for (const x of u) n = (n << 8n) | BigInt(x);
  return u.length > 0 && u[0]! & 0x80 ? n - (1n << BigInt(u.length * 8)) : n;
}

/** Content of an ICAO EF.SOD (application tag 0x77); other files as they are. */
function withoutIcaoTag(file: Uint8Array): Uint8Array {
  if (file[0] !== 0x77) return file;
  const first = file[1]!;
  const lengthBytes = first & 0x80 ? first & 0x7f : 0;
  return file.subarray(2 + lengthBytes);
}

function assertName(ours: X500Name, theirs: Name, what: string): void {
  assert.deepEqual(ours.raw, der(theirs), `${what}: encoded name`);
  const attribute = (oid: string): string | undefined => theirs.flatMap((rdn) => [...rdn]).find((a) => a.type === oid)?.value.toString();
  assert.equal(ours.commonName, attribute('2.5.4.3'), `${what}: commonName`);
  assert.equal(ours.country, attribute('2.5.4.6')?.toUpperCase(), `${what}: country`);
}

const NULL = new Uint8Array([0x05, 0x00]);

function assertAlgorithm(ours: AlgorithmIdentifier, theirs: PAlgorithm, what: string): void {
  assert.equal(ours.oid, theirs.algorithm, `${what}: OID`);
  // @peculiar gives NULL parameters as null, absent ones as undefined.
  const parameters = theirs.parameters === null ? NULL : theirs.parameters ? bytes(theirs.parameters) : undefined;
  assert.deepEqual(ours.parameters, parameters, `${what}: parameters`);
}

function extensionValue<T>(cert: PCertificate, oid: string, type: new () => T): T | undefined {
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === oid);
  return ext ? AsnConvert.parse(ext.extnValue, type) : undefined;
}

function crossCheckCertificate(raw: Uint8Array, what: string): void {
  const ours = parseCertificate(raw);
  const theirs = AsnConvert.parse(raw, PCertificate);
  const tbs = theirs.tbsCertificate;
  assert.equal(ours.version, tbs.version + 1, `${what}: version`);
  assert.equal(ours.serialNumber, signedBigInt(tbs.serialNumber), `${what}: serial number`);
  assertName(ours.issuer, tbs.issuer, `${what}: issuer`);
  assertName(ours.subject, tbs.subject, `${what}: subject`);
  assert.equal(ours.notBefore.getTime(), tbs.validity.notBefore.getTime().getTime(), `${what}: notBefore`);
  assert.equal(ours.notAfter.getTime(), tbs.validity.notAfter.getTime().getTime(), `${what}: notAfter`);
  assert.deepEqual(ours.subjectPublicKeyInfo.raw, der(tbs.subjectPublicKeyInfo), `${what}: subjectPublicKeyInfo`);
  assert.deepEqual(ours.subjectPublicKeyInfo.publicKey, bytes(tbs.subjectPublicKeyInfo.subjectPublicKey), `${what}: public key`);
  assertAlgorithm(ours.signatureAlgorithm, theirs.signatureAlgorithm, `${what}: signature algorithm`);
  assert.deepEqual(ours.signature, bytes(theirs.signatureValue), `${what}: signature`);
  assert.deepEqual(ours.tbsRaw, der(tbs), `${what}: tbsCertificate`);
  assert.deepEqual(ours.extensions.map((e) => e.oid), Array.from(tbs.extensions ?? [], (e) => e.extnID), `${what}: extensions`);
  const ski = extensionValue(theirs, '2.5.29.14', SubjectKeyIdentifier);
  assert.deepEqual(ours.subjectKeyIdentifier, ski ? bytes(ski.buffer) : undefined, `${what}: subjectKeyIdentifier`);
  const aki = extensionValue(theirs, '2.5.29.35', AuthorityKeyIdentifier)?.keyIdentifier;
  assert.deepEqual(ours.authorityKeyIdentifier, aki ? bytes(aki.buffer) : undefined, `${what}: authorityKeyIdentifier`);
  const bc = extensionValue(theirs, '2.5.29.19', BasicConstraints);
  assert.deepEqual(ours.basicConstraints, bc ? { ca: bc.cA, pathLength: bc.pathLenConstraint } : undefined, `${what}: basicConstraints`);
  const pkup = extensionValue(theirs, '2.5.29.16', PrivateKeyUsagePeriod);
  assert.deepEqual(
    ours.privateKeyUsagePeriod,
    pkup ? { notBefore: pkup.notBefore, notAfter: pkup.notAfter } : undefined,
    `${what}: privateKeyUsagePeriod`,
  );
}

function crossCheckCrl(raw: Uint8Array, what: string): void {
  const ours = parseCrl(raw);
  const theirs = AsnConvert.parse(raw, CertificateList);
  const tbs = theirs.tbsCertList;
  assertName(ours.issuer, tbs.issuer, `${what}: issuer`);
  assert.equal(ours.thisUpdate.getTime(), tbs.thisUpdate.getTime().getTime(), `${what}: thisUpdate`);
  assert.equal(ours.nextUpdate?.getTime(), tbs.nextUpdate?.getTime().getTime(), `${what}: nextUpdate`);
  assert.deepEqual(
    ours.revoked.map((r) => [r.serialNumber, r.revocationDate.getTime()]),
    Array.from(tbs.revokedCertificates ?? [], (r) => [signedBigInt(r.userCertificate), r.revocationDate.getTime().getTime()]),
    `${what}: revoked certificates`,
  );
  assertAlgorithm(ours.signatureAlgorithm, theirs.signatureAlgorithm, `${what}: signature algorithm`);
  assert.deepEqual(ours.signature, bytes(theirs.signature), `${what}: signature`);
  assert.deepEqual(ours.tbsRaw, der(tbs), `${what}: tbsCertList`);
}

/** Cross-checks a SOD, EF.CardSecurity or master list; returns the certificates it carries (and lists). */
function crossCheckSignedData(file: Uint8Array, what: string): Uint8Array[] {
  const ours = parseSignedData(file);
  // A master list holds hundreds of certificates: above asn1js's default limit of 10,000 nodes.
  const large = { berOptions: { maxNodes: 10_000_000 } };
  const theirs = AsnConvert.parse(AsnConvert.parse(withoutIcaoTag(file), ContentInfo, large).content, PSignedData, large);
  assert.equal(ours.version, theirs.version, `${what}: version`);
  assert.deepEqual(ours.digestAlgorithms.map((a) => a.oid), Array.from(theirs.digestAlgorithms, (a) => a.algorithm), `${what}: digest algorithms`);
  assert.equal(ours.eContentType, theirs.encapContentInfo.eContentType, `${what}: eContentType`);
  const content = theirs.encapContentInfo.eContent;
  const eContent = content?.single ? bytes(content.single.buffer) : content?.any ? bytes(AsnConvert.parse(content.any, OctetString).buffer) : undefined;
  assert.deepEqual(ours.eContent, eContent, `${what}: eContent`);
  const certificates = Array.from(theirs.certificates ?? [], (c) => der(c.certificate!));
  assert.deepEqual(ours.certificates, certificates, `${what}: certificates`);
  assert.equal(ours.signerInfos.length, theirs.signerInfos.length, `${what}: signer count`);
  ours.signerInfos.forEach((signer, i) => {
    const other = theirs.signerInfos[i]!;
    const at = `${what}: signer ${i}`;
    assert.equal(signer.version, other.version, `${at} version`);
    const sid = other.sid;
    if (signer.sid.kind === 'subjectKeyIdentifier') {
      assert.deepEqual(signer.sid.keyIdentifier, bytes(sid.subjectKeyIdentifier!.buffer), `${at} subjectKeyIdentifier`);
    } else {
      assert.ok(sid.issuerAndSerialNumber, `${at}: the other parser sees no issuerAndSerialNumber`);
      assertName(signer.sid.issuer, sid.issuerAndSerialNumber.issuer, `${at} issuer`);
      assert.equal(signer.sid.serialNumber, signedBigInt(sid.issuerAndSerialNumber.serialNumber), `${at} serial number`);
    }
    assertAlgorithm(signer.digestAlgorithm, other.digestAlgorithm, `${at} digest algorithm`);
    assertAlgorithm(signer.signatureAlgorithm, other.signatureAlgorithm, `${at} signature algorithm`);
    assert.deepEqual(signer.signature, bytes(other.signature.buffer), `${at} signature`);
    assert.deepEqual(
      signer.signedAttrs.map((a) => [a.oid, a.values]),
      Array.from(other.signedAttrs ?? [], (a) => [a.attrType, Array.from(a.attrValues, (v) => bytes(v))]),
      `${at} signed attributes`,
    );
  });
  if (ours.eContentType !== '2.23.136.1.1.2') return certificates;
  return [...certificates, ...parseCscaMasterList(ours.eContent!).certificates];
}

type Kind = 'certificate' | 'crl' | 'signed' | 'ldif';

/** What a fixture file holds, by its content (names vary: .cer, .crl, SOD, EF_SOD.bin, ef011D.bin ...). */
function kindOf(file: Uint8Array, path: string): Kind | undefined {
  if (path.endsWith('.ldif')) return 'ldif';
  if (file[0] === 0x77) return 'signed';
  if (file[0] !== 0x30) return undefined;
  // ContentInfo: SEQUENCE { OID 1.2.840.113549.1.7.2, [0] ... } (the OID right after the outer header).
  const SIGNED_DATA_OID = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
  const start = 2 + (file[1]! & 0x80 ? file[1]! & 0x7f : 0);
  if (SIGNED_DATA_OID.every((b, i) => file[start + i] === b)) return 'signed';
  return /\.crl$/i.test(path) ? 'crl' : /\.(cer|der|crt)$/i.test(path) ? 'certificate' : undefined;
}

function ldifCertificates(text: string): Uint8Array[] {
  const unfolded = text.replace(/\r?\n /g, '');
  return [...unfolded.matchAll(/^(?:userCertificate|cACertificate);binary:: (.+)$/gim)].map((m) => new Uint8Array(Buffer.from(m[1]!, 'base64')));
}

function pemCertificates(text: string): Uint8Array[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(Buffer.from(m[1]!, 'base64')));
}

function crossCheckFolders(...folders: string[]): { certificates: number; crls: number; signed: number } {
  const counts = { certificates: 0, crls: 0, signed: 0 };
  const seen = new Set<string>();
  const certificate = (raw: Uint8Array, what: string): void => {
    const key = Buffer.from(raw).toString('base64');
    if (seen.has(key)) return;
    seen.add(key);
    crossCheckCertificate(raw, what);
    counts.certificates++;
  };
  for (const { path, bytes: file } of folders.flatMap((folder) => fixtureFiles(folder))) {
    if (path.endsWith('.pem')) pemCertificates(Buffer.from(file).toString('latin1')).forEach((c, i) => certificate(c, `${path} #${i}`));
    const kind = kindOf(file, path);
    if (kind === 'certificate') certificate(file, path);
    if (kind === 'crl') {
      crossCheckCrl(file, path);
      counts.crls++;
    }
    if (kind === 'ldif') ldifCertificates(Buffer.from(file).toString('ascii')).forEach((c, i) => certificate(c, `${path} entry ${i}`));
    if (kind === 'signed') {
      crossCheckSignedData(file, path).forEach((c, i) => certificate(c, `${path} certificate ${i}`));
      counts.signed++;
    }
  }
  return counts;
}

test('core/asn1 agrees with @peculiar/asn1 on every certificate, CRL and signed object of the corpus', () => {
  const counts = crossCheckFolders('corpus/sources', 'corpus/trust', 'corpus/cases');
  // The corpus holds SODs of 15 states, their CSCAs and the constructed test PKI.
  assert.ok(counts.signed >= 90, `signed objects checked: ${counts.signed}`);
  assert.ok(counts.certificates >= 40, `certificates checked: ${counts.certificates}`);
  assert.ok(counts.crls >= 3, `CRLs checked: ${counts.crls}`);
});

test('core/asn1 agrees with @peculiar/asn1 on fixtures/realdata (master lists, CSCAs, SODs)', () => {
  const counts = crossCheckFolders('realdata');
  // The German and Dutch master lists alone carry several hundred distinct CSCA certificates.
  assert.ok(counts.certificates > 600, `distinct certificates checked: ${counts.certificates}`);
  // Ten SODs, two EF.CardSecurity files and two master lists.
  assert.ok(counts.signed >= 14, `signed objects checked: ${counts.signed}`);
});
