/**
 * The factory's test PKI: CSCAs (self-signed), link certificates (a new CSCA key certified by the
 * old one), Document Signers and CRLs. Keys come from keys.ts, so EC fixtures are stable.
 */
import type { HashAlgorithm } from '../../crypto/node-crypto.ts';
import { writeCrl, type RevokedEntry } from './crl-writer.ts';
import type { TestKey } from './keys.ts';
import { writeCertificate, type DistinguishedName } from './x509-writer.ts';

export interface IssuedCertificate {
  readonly der: Uint8Array;
  readonly key: TestKey;
  readonly name: DistinguishedName;
  readonly serial: bigint;
  readonly hash: HashAlgorithm;
}

export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** The hash that fits a key's strength (ICAO 9303-12 pairs P-384 with SHA-384 and so on). */
export function hashForKey(key: TestKey): HashAlgorithm {
  if (key.spec.kind === 'rsa') return key.spec.bits >= 3072 ? 'sha384' : 'sha256';
  const c = key.spec.curve;
  return c.endsWith('512r1') ? 'sha512' : c.endsWith('384r1') || c === 'P-384' ? 'sha384' : 'sha256';
}

export function createCsca(name: DistinguishedName, key: TestKey, serial: bigint, validity: Validity): IssuedCertificate {
  const hash = hashForKey(key);
  const der = writeCertificate({
    serial, issuer: name, subject: name, ...validity, subjectSpki: key.spkiDer, issuerKey: key, hash, ca: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
    // ICAO CSCAs stop signing long before their certificate expires (Vietnam's: 5 of 25 years).
    privateKeyUsage: { notBefore: validity.notBefore, notAfter: new Date(Date.UTC(validity.notBefore.getUTCFullYear() + 5, 0, 1)) },
  });
  return { der, key, name, serial, hash };
}

/** A link certificate: the new CSCA's name and key, issued and signed by the old CSCA. */
export function createLinkCertificate(oldCsca: IssuedCertificate, newCsca: IssuedCertificate, serial: bigint, validity: Validity): Uint8Array {
  return writeCertificate({
    serial, issuer: oldCsca.name, subject: newCsca.name, ...validity, subjectSpki: newCsca.key.spkiDer,
    issuerKey: oldCsca.key, hash: oldCsca.hash, ca: true, keyUsage: ['keyCertSign', 'cRLSign'],
  });
}

export function createDocumentSigner(csca: IssuedCertificate, name: DistinguishedName, key: TestKey, serial: bigint, validity: Validity): IssuedCertificate {
  const der = writeCertificate({
    serial, issuer: csca.name, subject: name, ...validity, subjectSpki: key.spkiDer, issuerKey: csca.key, hash: csca.hash,
    ca: false, keyUsage: ['digitalSignature'],
    privateKeyUsage: { notBefore: validity.notBefore, notAfter: new Date(Math.min(validity.notAfter.getTime(), validity.notBefore.getTime() + 90 * 86_400_000)) },
  });
  return { der, key, name, serial, hash: hashForKey(key) };
}

export function createCrl(csca: IssuedCertificate, revoked: readonly RevokedEntry[], validity: { thisUpdate: Date; nextUpdate: Date }, crlNumber = 1n): Uint8Array {
  return writeCrl({ issuer: csca.name, issuerKey: csca.key, hash: csca.hash, ...validity, crlNumber, revoked });
}
