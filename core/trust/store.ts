/**
 * The CSCA trust store in memory: CSCA and link certificates plus CRLs, indexed by subject key
 * identifier and by subject name (lookups never scan; names compare as RFC 5280 does, through
 * X500Name.key). Document Signer certificates from a PKD LDIF are kept apart: they are never
 * anchors, only the certificate a SOD without one names (docs/reference/trust.md).
 * Loaders (trust-files.ts) fill it from PEM/DER, ICAO master lists, PKD LDIF and CRL files;
 * persistence lives in store-folder.ts.
 */
import type { SignerIdentifier } from '../asn1/cms.ts';
import type { X500Name } from '../asn1/name.ts';
import type { Certificate } from '../asn1/x509.ts';
import type { Crl } from '../asn1/crl.ts';
import { equal } from '../bytes/bytes.ts';
import { toHex } from '../bytes/hex.ts';
import { hash } from '../crypto/node-crypto.ts';
import { knownCscaName } from './known-cscas.ts';

export interface TrustedCertificate {
  readonly certificate: Certificate;
  /** SHA-256 of the DER, lower-case hex: the id users see and remove by. */
  readonly fingerprint: string;
  /** Where it came from, e.g. "master list DE_ML_2026.ml (signer verified against ...)". */
  readonly source: string;
  /** A name for certificates the terminal recognises (e.g. the Vietnamese CCCD CSCA). */
  readonly knownAs: string | undefined;
  /** True for a self-signed CSCA root; false for a link certificate (signed by the previous key). */
  readonly selfIssued: boolean;
}

export interface TrustedCrl {
  readonly crl: Crl;
  readonly source: string;
  readonly fingerprint: string;
}

export function fingerprintOf(der: Uint8Array): string {
  return toHex(hash('sha256', der)).toLowerCase();
}

/** Self-issued root: same name on both sides and (when the ids are there) the same key id. */
export function isSelfIssued(cert: Certificate): boolean {
  if (cert.issuer.key !== cert.subject.key) return false;
  const { authorityKeyIdentifier: aki, subjectKeyIdentifier: ski } = cert;
  return aki === undefined || ski === undefined || equal(aki, ski);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function drop<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) return;
  const rest = list.filter((v) => v !== value);
  if (rest.length) map.set(key, rest);
  else map.delete(key);
}

export class TrustStore {
  private readonly byFingerprint = new Map<string, TrustedCertificate>();
  private readonly bySki = new Map<string, TrustedCertificate[]>();
  private readonly bySubject = new Map<string, TrustedCertificate[]>();
  private readonly crlsByIssuer = new Map<string, TrustedCrl[]>();
  private readonly crlFingerprints = new Set<string>();
  /** Document Signers by issuer name + serial number and by subject key identifier. */
  private readonly signersById = new Map<string, Certificate[]>();
  private readonly signerFingerprints = new Set<string>();

  /** Adds a certificate (no verification here: loaders decide what to trust). Duplicates are kept once. */
  addCertificate(certificate: Certificate, source: string): TrustedCertificate {
    const fingerprint = fingerprintOf(certificate.raw);
    const existing = this.byFingerprint.get(fingerprint);
    if (existing) return existing;
    const entry: TrustedCertificate = { certificate, fingerprint, source, knownAs: knownCscaName(fingerprint), selfIssued: isSelfIssued(certificate) };
    this.byFingerprint.set(fingerprint, entry);
    if (certificate.subjectKeyIdentifier) push(this.bySki, toHex(certificate.subjectKeyIdentifier), entry);
    push(this.bySubject, certificate.subject.key, entry);
    return entry;
  }

  /** Adds a Document Signer certificate (from a PKD LDIF); returns false when it was there already. */
  addDocumentSigner(certificate: Certificate): boolean {
    const fingerprint = fingerprintOf(certificate.raw);
    if (this.signerFingerprints.has(fingerprint)) return false;
    this.signerFingerprints.add(fingerprint);
    push(this.signersById, issuerSerialKey(certificate.issuer, certificate.serialNumber), certificate);
    if (certificate.subjectKeyIdentifier) push(this.signersById, `ski:${toHex(certificate.subjectKeyIdentifier)}`, certificate);
    return true;
  }

  /** Document Signer certificates a SignerInfo's identifier names. */
  documentSignersFor(sid: SignerIdentifier): readonly Certificate[] {
    const key = sid.kind === 'subjectKeyIdentifier' ? `ski:${toHex(sid.keyIdentifier)}` : issuerSerialKey(sid.issuer, sid.serialNumber);
    return this.signersById.get(key) ?? [];
  }

  get documentSignerCount(): number {
    return this.signerFingerprints.size;
  }

  addCrl(crl: Crl, source: string): TrustedCrl {
    const fingerprint = fingerprintOf(crl.raw);
    const entry: TrustedCrl = { crl, source, fingerprint };
    if (this.crlFingerprints.has(fingerprint)) return entry;
    this.crlFingerprints.add(fingerprint);
    push(this.crlsByIssuer, crl.issuer.key, entry);
    return entry;
  }

  /** Removes the certificate or CRL with this SHA-256 fingerprint (hex, colons allowed). */
  remove(fingerprint: string): boolean {
    const fp = normaliseFingerprint(fingerprint);
    const entry = this.byFingerprint.get(fp);
    if (entry) {
      this.byFingerprint.delete(fp);
      if (entry.certificate.subjectKeyIdentifier) drop(this.bySki, toHex(entry.certificate.subjectKeyIdentifier), entry);
      drop(this.bySubject, entry.certificate.subject.key, entry);
      return true;
    }
    if (!this.crlFingerprints.has(fp)) return false;
    this.crlFingerprints.delete(fp);
    for (const [key, list] of this.crlsByIssuer) {
      const found = list.find((c) => c.fingerprint === fp);
      if (found) drop(this.crlsByIssuer, key, found);
    }
    return true;
  }

  get(fingerprint: string): TrustedCertificate | undefined {
    return this.byFingerprint.get(normaliseFingerprint(fingerprint));
  }

  hasCrl(fingerprint: string): boolean {
    return this.crlFingerprints.has(normaliseFingerprint(fingerprint));
  }

  findBySubjectKeyIdentifier(ski: Uint8Array): readonly TrustedCertificate[] {
    return this.bySki.get(toHex(ski)) ?? [];
  }

  findBySubject(name: X500Name): readonly TrustedCertificate[] {
    return this.bySubject.get(name.key) ?? [];
  }

  /**
   * Certificates whose key may have signed `cert`: by authority key id, plus same-named ones
   * without a conflicting key id (some CSCAs carry no SKI, some DSs no AKI).
   */
  issuerCandidates(cert: Pick<Certificate, 'issuer' | 'authorityKeyIdentifier'>): TrustedCertificate[] {
    const aki = cert.authorityKeyIdentifier;
    const out = aki ? [...this.findBySubjectKeyIdentifier(aki)] : [];
    for (const c of this.findBySubject(cert.issuer)) {
      const ski = c.certificate.subjectKeyIdentifier;
      if (out.includes(c)) continue;
      if (aki === undefined || ski === undefined || equal(aki, ski)) out.push(c);
    }
    return out;
  }

  crlsIssuedBy(name: X500Name): readonly TrustedCrl[] {
    return this.crlsByIssuer.get(name.key) ?? [];
  }

  certificates(): TrustedCertificate[] {
    return [...this.byFingerprint.values()];
  }

  crls(): TrustedCrl[] {
    return [...this.crlsByIssuer.values()].flat();
  }

  get size(): number {
    return this.byFingerprint.size;
  }

  /** Certificates grouped by issuing country (subject C=), countries sorted. */
  byCountry(): Map<string, TrustedCertificate[]> {
    const groups = new Map<string, TrustedCertificate[]>();
    for (const c of this.byFingerprint.values()) push(groups, c.certificate.subject.country ?? '??', c);
    return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** A copy to extend for one run (`verify --trust`) without touching the shared store. */
  clone(): TrustStore {
    const copy = new TrustStore();
    for (const c of this.byFingerprint.values()) copy.addCertificate(c.certificate, c.source);
    for (const c of this.crls()) copy.addCrl(c.crl, c.source);
    for (const list of this.signersById.values()) for (const c of list) copy.addDocumentSigner(c);
    return copy;
  }
}

function issuerSerialKey(issuer: X500Name, serial: bigint): string {
  return `${issuer.key}#${serial.toString(16)}`;
}

export function normaliseFingerprint(text: string): string {
  return text.replace(/[:\s]/g, '').toLowerCase();
}
