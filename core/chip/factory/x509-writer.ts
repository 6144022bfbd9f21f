/**
 * X.509 v3 certificates for the test PKI (RFC 5280 with the ICAO 9303-12 profile): CSCA, link
 * and Document Signer certificates, written with core/bytes/der.ts so every byte is ours.
 */
import { bitString, boolean, explicit, integer, octetString, oid, printableString, sequence, set, time, utf8String } from '../../bytes/der.ts';
import { ascii } from '../../bytes/bytes.ts';
import { children, expectTlv, tlv } from '../../bytes/tlv.ts';
import { hash, type HashAlgorithm } from '../../crypto/node-crypto.ts';
import { NAME_ATTRIBUTES as ATTR, OID } from '../../asn1/oids.ts';
import type { TestKey } from './keys.ts';

export interface DistinguishedName {
  readonly country: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly serialNumber?: string;
  readonly commonName: string;
}

/** RDNSequence in the order C, O, OU, serialNumber, CN (as the Vietnamese CSCA has it). */
export function writeName(dn: DistinguishedName): Uint8Array {
  const rdn = (type: string, value: Uint8Array): Uint8Array => set(sequence(oid(type), value));
  const parts = [rdn(ATTR.country.oid, printableString(dn.country))];
  if (dn.organization) parts.push(rdn(ATTR.organization.oid, utf8String(dn.organization)));
  if (dn.organizationalUnit) parts.push(rdn(ATTR.organizationalUnit.oid, utf8String(dn.organizationalUnit)));
  if (dn.serialNumber) parts.push(rdn(ATTR.serialNumber.oid, printableString(dn.serialNumber)));
  parts.push(rdn(ATTR.commonName.oid, utf8String(dn.commonName)));
  return sequence(...parts);
}

/** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING contents. */
export function keyIdentifier(spkiDer: Uint8Array): Uint8Array {
  const [, keyBits] = children(expectTlv(spkiDer, 0x30));
  if (!keyBits) throw new RangeError('SPKI without subjectPublicKey');
  return hash('sha1', keyBits.value.subarray(1));
}

export type KeyUsage = 'digitalSignature' | 'keyCertSign' | 'cRLSign';
const KEY_USAGE_BIT: Record<KeyUsage, number> = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 };

/** keyUsage BIT STRING in DER: named bits, trailing zero bits dropped. */
function keyUsageBits(usages: readonly KeyUsage[]): Uint8Array {
  let value = 0;
  for (const u of usages) value |= 0x80 >> KEY_USAGE_BIT[u];
  let unused = 0;
  while (unused < 7 && ((value >> unused) & 1) === 0) unused++;
  return bitString(Uint8Array.of(value), unused);
}

function generalizedTime(date: Date): Uint8Array {
  const iso = date.toISOString();
  return ascii(`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`);
}

function extension(extnId: string, critical: boolean, value: Uint8Array): Uint8Array {
  return critical ? sequence(oid(extnId), boolean(true), octetString(value)) : sequence(oid(extnId), octetString(value));
}

export interface CertificateSpec {
  readonly serial: bigint;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The certified public key (SubjectPublicKeyInfo DER). */
  readonly subjectSpki: Uint8Array;
  /** The key that signs; for a self-signed CSCA, the subject's own key. */
  readonly issuerKey: TestKey;
  readonly hash: HashAlgorithm;
  /** CA certificates get basicConstraints cA=TRUE (pathLen 0, as ICAO CSCAs usually do). */
  readonly ca: boolean;
  readonly keyUsage: readonly KeyUsage[];
  readonly privateKeyUsage?: { readonly notBefore: Date; readonly notAfter: Date };
}

export function writeCertificate(spec: CertificateSpec): Uint8Array {
  const extensions = [
    extension(OID.authorityKeyIdentifier, false, sequence(tlv(0x80, keyIdentifier(spec.issuerKey.spkiDer)))),
    extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(spec.subjectSpki))),
    extension(OID.keyUsage, true, keyUsageBits(spec.keyUsage)),
  ];
  if (spec.privateKeyUsage) {
    extensions.push(extension(OID.privateKeyUsagePeriod, false, sequence(
      tlv(0x80, generalizedTime(spec.privateKeyUsage.notBefore)),
      tlv(0x81, generalizedTime(spec.privateKeyUsage.notAfter)),
    )));
  }
  if (spec.ca) extensions.push(extension(OID.basicConstraints, true, sequence(boolean(true), integer(0))));
  const signatureAlgorithm = spec.issuerKey.signatureAlgorithm(spec.hash);
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(spec.serial),
    signatureAlgorithm,
    writeName(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    writeName(spec.subject),
    spec.subjectSpki,
    explicit(3, sequence(...extensions)),
  );
  return sequence(tbs, signatureAlgorithm, bitString(spec.issuerKey.sign(tbs, spec.hash)));
}

/** PEM armour for certificates and CRLs written to disk. */
export function toPem(label: 'CERTIFICATE' | 'X509 CRL', der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
