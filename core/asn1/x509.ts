/**
 * X.509 certificate structure (RFC 5280) for CSCA, link and Document Signer certificates. No
 * crypto here: `tbsRaw` and `signature` are what core/trust verifies. Real-world quirks accepted:
 * negative serial numbers, NULL or absent algorithm parameters, explicit EC parameters.
 */
import type { Tlv } from '../bytes/tlv.ts';
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from './algorithms.ts';
import { parseName, type X500Name } from './name.ts';
import { OID } from './oids.ts';
import {
  asn1Error, bitFlags, bitStringBytes, booleanValue, guard, integerValue, items, octetStringValue, oidValue, readWhole, smallInteger, timeValue,
} from './reader.ts';
import { children } from '../bytes/tlv.ts';
import { BER } from './reader.ts';

export interface SubjectPublicKeyInfo {
  /** The whole SPKI as encoded (node:crypto's createPublicKey takes this for RSA). */
  readonly raw: Uint8Array;
  readonly algorithm: AlgorithmIdentifier;
  /** subjectPublicKey BIT STRING contents (EC point, or RSAPublicKey DER). */
  readonly publicKey: Uint8Array;
}

export interface KeyUsage {
  readonly digitalSignature: boolean;
  readonly keyCertSign: boolean;
  readonly cRLSign: boolean;
}

export interface Extension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

export interface Certificate {
  /** The whole certificate as read (fingerprints hash this). */
  readonly raw: Uint8Array;
  /** TBSCertificate as read: what the issuer signed. */
  readonly tbsRaw: Uint8Array;
  readonly version: number;
  readonly serialNumber: bigint;
  readonly issuer: X500Name;
  readonly subject: X500Name;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly subjectPublicKeyInfo: SubjectPublicKeyInfo;
  readonly extensions: readonly Extension[];
  readonly subjectKeyIdentifier: Uint8Array | undefined;
  readonly authorityKeyIdentifier: Uint8Array | undefined;
  /** basicConstraints; undefined when the extension is absent. */
  readonly basicConstraints: { readonly ca: boolean; readonly pathLength: number | undefined } | undefined;
  readonly keyUsage: KeyUsage | undefined;
  readonly privateKeyUsagePeriod: { readonly notBefore: Date | undefined; readonly notAfter: Date | undefined } | undefined;
  readonly crlDistributionPoints: readonly string[];
  /** Algorithm in the outer Certificate (the one the issuer used). */
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
}

const MAX_EXTENSIONS = 64;

export function parseCertificate(der: Uint8Array): Certificate {
  return guard('X.509 certificate', () => parseCertificateTlv(readWhole(der, 'Certificate')));
}

/** Parses a certificate element found inside a larger structure (CMS, master list). */
export function parseCertificateTlv(t: Tlv): Certificate {
  return guard('X.509 certificate', () => {
    const [tbs, sigAlg, sigValue] = items(t, 'Certificate');
    const f = items(tbs, 'TBSCertificate');
    let i = 0;
    let version = 1;
    if (f[i]?.tag === 0xa0) version = smallInteger(items(f[i++], 'version', 0xa0)[0], 'version') + 1;
    const serialNumber = integerValue(f[i++], 'serial number');
    i++; // inner signature AlgorithmIdentifier: the outer one is authoritative for verification
    const issuer = parseName(f[i++], 'issuer');
    const [nb, na] = items(f[i++], 'validity');
    const subject = parseName(f[i++], 'subject');
    const spkiTlv = f[i++];
    const [keyAlg, keyBits] = items(spkiTlv, 'SubjectPublicKeyInfo');
    const subjectPublicKeyInfo: SubjectPublicKeyInfo = {
      raw: spkiTlv!.raw,
      algorithm: parseAlgorithmIdentifier(keyAlg, 'public key algorithm'),
      publicKey: bitStringBytes(keyBits, 'public key'),
    };
    let extensions: Extension[] = [];
    for (; i < f.length; i++) {
      if (f[i]!.tag === 0xa3) extensions = parseExtensions(items(f[i], 'extensions', 0xa3)[0]);
    }
    return {
      raw: t.raw,
      tbsRaw: tbs!.raw,
      version,
      serialNumber,
      issuer,
      subject,
      notBefore: timeValue(nb, 'notBefore'),
      notAfter: timeValue(na, 'notAfter'),
      subjectPublicKeyInfo,
      extensions,
      ...interpretExtensions(extensions),
      signatureAlgorithm: parseAlgorithmIdentifier(sigAlg, 'signature algorithm'),
      signature: bitStringBytes(sigValue, 'signature'),
    };
  });
}

function parseExtensions(t: Tlv | undefined): Extension[] {
  const list = items(t, 'extensions');
  if (list.length > MAX_EXTENSIONS) throw asn1Error('too many extensions');
  return list.map((e) => {
    const parts = items(e, 'extension');
    const oid = oidValue(parts[0], 'extension id');
    const critical = parts.length === 3 ? booleanValue(parts[1], 'critical') : false;
    return { oid, critical, value: octetStringValue(parts[parts.length - 1], `extension ${oid}`) };
  });
}

type Interpreted = Pick<Certificate, 'subjectKeyIdentifier' | 'authorityKeyIdentifier' | 'basicConstraints' | 'keyUsage' | 'privateKeyUsagePeriod' | 'crlDistributionPoints'>;

function interpretExtensions(extensions: readonly Extension[]): Interpreted {
  const value = (oid: string): Uint8Array | undefined => extensions.find((e) => e.oid === oid)?.value;
  const ski = value(OID.subjectKeyIdentifier);
  const aki = value(OID.authorityKeyIdentifier);
  const bc = value(OID.basicConstraints);
  const ku = value(OID.keyUsage);
  const pkup = value(OID.privateKeyUsagePeriod);
  const dp = value(OID.crlDistributionPoints);
  return {
    subjectKeyIdentifier: ski ? octetStringValue(readWhole(ski, 'SKI'), 'SKI') : undefined,
    authorityKeyIdentifier: aki ? items(readWhole(aki, 'AKI'), 'AKI').find((c) => c.tag === 0x80)?.value : undefined,
    basicConstraints: bc ? parseBasicConstraints(bc) : undefined,
    keyUsage: ku ? parseKeyUsage(ku) : undefined,
    privateKeyUsagePeriod: pkup ? parsePrivateKeyUsagePeriod(pkup) : undefined,
    crlDistributionPoints: dp ? parseCrlDistributionPoints(dp) : [],
  };
}

function parseBasicConstraints(v: Uint8Array): Certificate['basicConstraints'] {
  const parts = items(readWhole(v, 'basicConstraints'), 'basicConstraints');
  let ca = false;
  let pathLength: number | undefined;
  for (const p of parts) {
    if (p.tag === 0x01) ca = booleanValue(p, 'cA');
    else if (p.tag === 0x02) pathLength = smallInteger(p, 'pathLenConstraint');
  }
  return { ca, pathLength };
}

function parseKeyUsage(v: Uint8Array): KeyUsage {
  const flags = bitFlags(readWhole(v, 'keyUsage'), 'keyUsage');
  return { digitalSignature: flags[0] === true, keyCertSign: flags[5] === true, cRLSign: flags[6] === true };
}

function parsePrivateKeyUsagePeriod(v: Uint8Array): Certificate['privateKeyUsagePeriod'] {
  const parts = items(readWhole(v, 'privateKeyUsagePeriod'), 'privateKeyUsagePeriod');
  const at = (tag: number): Date | undefined => {
    const t = parts.find((p) => p.tag === tag);
    return t ? timeValue({ ...t, tag: 0x18 }, 'privateKeyUsagePeriod') : undefined;
  };
  return { notBefore: at(0x80), notAfter: at(0x81) };
}

/** URIs of the CRL distribution points (fullName uniformResourceIdentifier [6]). */
function parseCrlDistributionPoints(v: Uint8Array): string[] {
  const out: string[] = [];
  for (const dp of items(readWhole(v, 'CRL distribution points'), 'CRL distribution points')) {
    const name = children(dp, BER).find((c) => c.tag === 0xa0);
    if (!name) continue;
    const full = children(name, BER).find((c) => c.tag === 0xa0);
    if (!full) continue;
    for (const g of children(full, BER)) if (g.tag === 0x86) out.push(String.fromCharCode(...g.value));
  }
  return out;
}
