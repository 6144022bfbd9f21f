/**
 * Loads trust material into a TrustStore from bytes, recognising the format: PEM (certificates,
 * CRLs), DER certificate, DER CRL, ICAO master list (.ml, signature verified), ICAO PKD LDIF
 * (certificates, CRLs, master lists). Each load reports what it added and why anything was not.
 */
import { parseCertificate, type Certificate } from '../asn1/x509.ts';
import { parseCrl } from '../asn1/crl.ts';
import { readTlv } from '../bytes/tlv.ts';
import { fromUtf8 } from '../bytes/bytes.ts';
import { EidError, wrapFailures } from '../errors.ts';
import { trustFileError } from './errors.ts';
import { parseLdif, looksLikeLdif } from './ldif.ts';
import { readMasterList } from './master-list-loader.ts';
import { isPem, parsePem } from './pem.ts';
import { signedBy } from './signature.ts';
import { isSelfIssued, type TrustStore } from './store.ts';

export type TrustFileKind = 'certificate' | 'crl' | 'master-list' | 'ldif' | 'pem' | 'trust-list';

export interface LoadReport {
  readonly source: string;
  readonly kind: TrustFileKind;
  readonly certificatesAdded: number;
  readonly crlsAdded: number;
  /** Document Signer certificates of a PKD LDIF, kept to fill a SOD that carries none (never anchors). */
  readonly documentSignersAdded: number;
  /** Items not added (a non-CA certificate outside an LDIF, unreadable entries ...). */
  readonly skipped: number;
  /** Human-readable notes, e.g. which CSCA verified a master list's signer. */
  readonly notes: readonly string[];
}

interface Tally {
  /** Date a master list signer must be valid at (undefined: reloading files verified at import). */
  signerValidAt: Date | undefined;
  certificatesAdded: number;
  crlsAdded: number;
  documentSignersAdded: number;
  skipped: number;
  notes: string[];
}

const isCa = (c: Certificate): boolean => c.basicConstraints?.ca === true || c.keyUsage?.keyCertSign === true;

/**
 * Adds one CSCA or link certificate. A self-signed one must verify under its own key; one that is
 * not a CA certificate is refused (a DS certificate is never a trust anchor).
 */
function addCa(store: TrustStore, cert: Certificate, source: string, tally: Tally, vouchedBySignedList = false): void {
  if (!isCa(cert)) {
    tally.skipped++;
    return;
  }
  // Master list members are vouched for by the list's verified signature; single files are checked here.
  if (isSelfIssued(cert) && !vouchedBySignedList && !signedBy(cert, cert)) {
    tally.skipped++;
    tally.notes.push(`self-signature does not verify: ${cert.subject.text}`);
    return;
  }
  const before = store.size;
  store.addCertificate(cert, source);
  if (store.size > before) tally.certificatesAdded++;
}

/** A PKD LDIF holds CSCAs (cACertificate) and Document Signers (userCertificate): each goes to its place. */
function addLdifCertificate(store: TrustStore, cert: Certificate, source: string, tally: Tally): void {
  if (isCa(cert)) addCa(store, cert, source, tally);
  else if (store.addDocumentSigner(cert)) tally.documentSignersAdded++;
}

function addDer(store: TrustStore, der: Uint8Array, source: string, now: Date, tally: Tally, hint?: 'certificate' | 'crl' | 'masterList'): TrustFileKind {
  if (hint === 'masterList' || (hint === undefined && looksLikeSignedData(der))) {
    const ml = readMasterList(der, store, tally.signerValidAt);
    const by = ml.signerAnchorFrom === 'store' ? 'a CSCA already trusted' : 'a CSCA in the list';
    tally.notes.push(`master list signed by "${ml.signer.subject.text}", whose certificate verifies against ${by}: "${ml.signerAnchor.subject.text}"`);
    for (const c of ml.certificates) addCa(store, c, `${source} (master list)`, tally, true);
    tally.skipped += ml.unreadable;
    return 'master-list';
  }
  if (hint === 'crl' || (hint === undefined && looksLikeCrl(der))) {
    store.addCrl(parseCrl(der), source);
    tally.crlsAdded++;
    return 'crl';
  }
  addCa(store, parseCertificate(der), source, tally);
  return 'certificate';
}

/** ContentInfo starts SEQUENCE { OID 1.2.840.113549.1.7.2 ... }. */
function looksLikeSignedData(der: Uint8Array): boolean {
  const head = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
  try {
    const outer = readTlv(der, 0, { allowIndefinite: true });
    return head.every((b, i) => outer.value[i] === b);
  } catch {
    return false;
  }
}

/** A CRL's TBS has no [0] version/serial pair: its second element is an AlgorithmIdentifier, then a Name. */
function looksLikeCrl(der: Uint8Array): boolean {
  try {
    const outer = readTlv(der);
    const tbs = readTlv(outer.value);
    let p = 0;
    const first = readTlv(tbs.value, p);
    if (first.tag === 0xa0) return false; // certificates (v3) start with [0] version
    if (first.tag === 0x02) {
      // v2 CRL: INTEGER 1 then AlgorithmIdentifier; v1 certificate: INTEGER serial then AlgorithmIdentifier then Name then Validity
      p = first.end;
      const alg = readTlv(tbs.value, p);
      const name = readTlv(tbs.value, alg.end);
      const next = readTlv(tbs.value, name.end);
      return next.tag === 0x17 || next.tag === 0x18;
    }
    return false;
  } catch {
    return false;
  }
}

export interface LoadOptions {
  /**
   * 'verified-before' when reloading the persistent store: a master list's signer certificate may
   * have expired since it was imported. Default 'now': it must be valid at `now`.
   */
  readonly listSigner?: 'now' | 'verified-before';
}

/** Loads one file's bytes. Throws TRUST_FILE_INVALID (or ASN1_MALFORMED) when nothing usable is in it. */
export function loadTrustBytes(store: TrustStore, bytes: Uint8Array, source: string, now: Date = new Date(), options: LoadOptions = {}): LoadReport {
  const tally: Tally = { signerValidAt: options.listSigner === 'verified-before' ? undefined : now, certificatesAdded: 0, crlsAdded: 0, documentSignersAdded: 0, skipped: 0, notes: [] };
  const head = fromUtf8(bytes.subarray(0, 4096));
  const kind = wrapFailures(undefined, trustFileError, (): TrustFileKind => {
    if (isPem(head)) {
      const blocks = parsePem(fromUtf8(bytes));
      if (blocks.length === 0) throw trustFileError('no PEM block found');
      for (const b of blocks) {
        if (b.label === 'X509 CRL') addDer(store, b.der, source, now, tally, 'crl');
        else if (b.label === 'CERTIFICATE' || b.label === 'TRUSTED CERTIFICATE') addDer(store, b.der, source, now, tally, 'certificate');
        else if (b.label === 'CMS' || b.label === 'PKCS7') addDer(store, b.der, source, now, tally, 'masterList');
        else tally.skipped++;
      }
      return 'pem';
    }
    if (looksLikeLdif(head)) {
      for (const item of parseLdif(fromUtf8(bytes))) {
        try {
          if (item.kind === 'crl') addDer(store, item.der, source, now, tally, 'crl');
          else if (item.kind === 'masterList') addDer(store, item.der, source, now, tally, 'masterList');
          else addLdifCertificate(store, parseCertificate(item.der), source, tally);
        } catch (e) {
          if (!(e instanceof EidError)) throw e;
          tally.skipped++;
          tally.notes.push(`${item.dn.slice(0, 100)}: ${e.message}`);
        }
      }
      return 'ldif';
    }
    return addDer(store, bytes, source, now, tally);
  });
  if (tally.certificatesAdded === 0 && tally.crlsAdded === 0 && tally.skipped > 0 && kind !== 'ldif') {
    throw trustFileError(`no CSCA certificate or CRL in ${source}${tally.notes.length ? `: ${tally.notes.join('; ')}` : ''}`);
  }
  const { signerValidAt: _, ...counts } = tally;
  return { source, kind, ...counts };
}

/**
 * Adds the certificates and CRLs of a registry trust list (core/sync, already signature-checked
 * as a bundle) to `store`; each certificate still has to be a CA whose self-signature verifies.
 */
export function loadTrustList(store: TrustStore, list: { readonly cscas: readonly Uint8Array[]; readonly crls: readonly Uint8Array[] }, source: string, now: Date = new Date()): LoadReport {
  const tally: Tally = { signerValidAt: now, certificatesAdded: 0, crlsAdded: 0, documentSignersAdded: 0, skipped: 0, notes: [] };
  const entries = [...list.cscas.map((der) => [der, 'certificate'] as const), ...list.crls.map((der) => [der, 'crl'] as const)];
  for (const [der, kind] of entries) {
    try {
      addDer(store, der, source, now, tally, kind);
    } catch (e) {
      if (!(e instanceof EidError)) throw e;
      tally.skipped++;
    }
  }
  const { signerValidAt: _, ...counts } = tally;
  return { source, kind: 'trust-list', ...counts };
}
