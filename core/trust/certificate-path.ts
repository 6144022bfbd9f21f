/**
 * Document Signer -> CSCA path validation, ICAO style: the DS is signed by a CSCA key found in the
 * trust store, possibly through a link certificate (a CSCA certificate signed by the previous CSCA
 * key). No path-length counting (ICAO link certificates break OpenSSL's, e.g. Singapore's).
 *
 * Dates follow the chain model (docs/reference/trust.md "Time of signing"): each certificate must
 * have been valid when it was used — the DS when it signed the SOD (its signingTime), each issuer
 * when it issued the certificate below it (that certificate's notBefore), inside the issuer's
 * private key usage period. The verification date plays no part: a certificate that merely expired
 * since is no evidence of forgery.
 */
import type { Certificate } from '../asn1/x509.ts';
import { equal } from '../bytes/bytes.ts';
import { reason, type Reason } from '../messages/message.ts';
import { signedBy } from './signature.ts';
import type { TrustStore, TrustedCertificate } from './store.ts';
import { isSelfIssued } from './store.ts';

export type ChainStatus = 'PASS' | 'FAIL' | 'UNKNOWN_CSCA';

export interface ChainResult {
  readonly status: ChainStatus;
  /** The trusted certificate that anchors the path (the CSCA whose key signed, or the root behind a link). */
  readonly csca: TrustedCertificate | undefined;
  /** The trusted certificate whose key signed the DS (issuer of the DS). */
  readonly issuer: TrustedCertificate | undefined;
  /** Why the chain is not PASS (null when it is). */
  readonly reason: Reason | null;
}

/** A calendar day (UTC) for reason parameters: certificate and signing dates, never a holder's. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface PathOptions {
  /** When the DS signed: the SOD's signingTime, undefined when the SOD carries none. */
  readonly signedAt: Date | undefined;
  /** Certificates shipped with the document (SOD certificates) that may be link certificates. */
  readonly intermediates?: readonly Certificate[];
}

const MAX_DEPTH = 4;

function within(cert: Pick<Certificate, 'notBefore' | 'notAfter'>, at: Date): boolean {
  return cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();
}

/** May this certificate sign certificates? (extensions absent = not restricted, as ICAO CSCAs vary). */
function canSignCertificates(cert: Certificate): boolean {
  if (cert.basicConstraints && !cert.basicConstraints.ca) return false;
  if (cert.keyUsage && !cert.keyUsage.keyCertSign) return false;
  return true;
}

function fail(why: Reason, issuer?: TrustedCertificate): ChainResult {
  return { status: 'FAIL', csca: issuer, issuer, reason: why };
}

const UNKNOWN: ChainResult = { status: 'UNKNOWN_CSCA', csca: undefined, issuer: undefined, reason: reason('UNKNOWN_CSCA') };

export function validateDocumentSigner(ds: Certificate, store: TrustStore, options: PathOptions): ChainResult {
  if (ds.keyUsage && !ds.keyUsage.digitalSignature) return fail(reason('DS_NOT_FOR_SIGNING', { rule: 'keyUsage' }));
  if (ds.basicConstraints?.ca) return fail(reason('DS_NOT_FOR_SIGNING', { rule: 'basicConstraints' }));
  // The dates of a certificate no trusted key vouches for prove nothing: find the issuer first.
  const path = findTrustedIssuer(ds, store, options.intermediates ?? [], 0);
  if (path.status !== 'PASS') return path;
  const whenSigned = signedWhileValid(ds, options.signedAt);
  return whenSigned ? fail(whenSigned, path.issuer) : path;
}

/**
 * The DS must have been valid when it signed. With a signingTime that is checked; without one the
 * signature cannot be dated (an issue date in DG12/DG13 is written by the same hand as the data,
 * so it proves nothing), and only a DS whose private key usage period lies wholly outside its own
 * validity is refused: such a key can never have signed while its certificate was valid.
 */
function signedWhileValid(ds: Certificate, signedAt: Date | undefined): Reason | null {
  const validity = { validFrom: day(ds.notBefore), validTo: day(ds.notAfter) };
  if (signedAt) return within(ds, signedAt) ? null : reason('DS_NOT_VALID_WHEN_SIGNED', { basis: 'signingTime', from: day(signedAt), to: day(signedAt), ...validity });
  const usage = ds.privateKeyUsagePeriod;
  const usageStart = usage?.notBefore ?? ds.notBefore;
  const usageEnd = usage?.notAfter ?? ds.notAfter;
  if (usageEnd < ds.notBefore || usageStart > ds.notAfter || usageStart > usageEnd) {
    return reason('DS_NOT_VALID_WHEN_SIGNED', { basis: 'privateKeyUsagePeriod', from: day(usageStart), to: day(usageEnd), ...validity });
  }
  return null;
}

/**
 * Was `issuer` valid when it issued `cert` (cert's notBefore)? For the DS's own issuer also: inside
 * its private key usage period. A link certificate is signed by the outgoing CSCA key at the
 * rollover, when that key's usage period ends: only its validity is asked there.
 */
function issuedWhileValid(issuer: Certificate, cert: Certificate, checkKeyUsage: boolean): Reason | null {
  const issuedAt = cert.notBefore;
  if (!within(issuer, issuedAt)) {
    return reason('CSCA_NOT_VALID_WHEN_DS_ISSUED', { issuedAt: day(issuedAt), validFrom: day(issuer.notBefore), validTo: day(issuer.notAfter) });
  }
  const usage = checkKeyUsage ? issuer.privateKeyUsagePeriod : undefined;
  if (usage && ((usage.notBefore && issuedAt < usage.notBefore) || (usage.notAfter && issuedAt > usage.notAfter))) {
    return reason('CSCA_KEY_USAGE_PERIOD', {
      issuedAt: day(issuedAt),
      usageFrom: usage.notBefore ? day(usage.notBefore) : '',
      usageTo: usage.notAfter ? day(usage.notAfter) : '',
    });
  }
  return null;
}

function findTrustedIssuer(cert: Certificate, store: TrustStore, intermediates: readonly Certificate[], depth: number): ChainResult {
  const candidates = store.issuerCandidates(cert);
  // Prefer self-signed CSCAs, then link certificates carrying the same key.
  candidates.sort((a, b) => Number(b.selfIssued) - Number(a.selfIssued));
  let keyIdMatched = false;
  // A key that signed but was not allowed to at the time: reported unless another candidate passes.
  let refused: ChainResult | undefined;
  for (const candidate of candidates) {
    const aki = cert.authorityKeyIdentifier;
    const ski = candidate.certificate.subjectKeyIdentifier;
    if (aki && ski && equal(aki, ski)) keyIdMatched = true;
    if (!signedBy(cert, candidate.certificate)) continue;
    const why = canSignCertificates(candidate.certificate) ? issuedWhileValid(candidate.certificate, cert, depth === 0) : reason('ISSUER_NOT_CA');
    if (!why) return { status: 'PASS', csca: rootBehind(candidate, store), issuer: candidate, reason: null };
    refused ??= fail(why, candidate);
  }
  if (depth < MAX_DEPTH) {
    for (const link of intermediates) {
      if (link.subject.key !== cert.issuer.key || link === cert || !signedBy(cert, link) || !canSignCertificates(link)) continue;
      const why = issuedWhileValid(link, cert, depth === 0);
      const up = why ? fail(why) : findTrustedIssuer(link, store, intermediates, depth + 1);
      if (up.status === 'PASS') return up;
      if (up.status === 'FAIL') refused ??= up;
    }
  }
  if (refused) return refused;
  if (keyIdMatched) return fail(reason('CHAIN_SIGNATURE_INVALID'));
  return UNKNOWN;
}

/**
 * For a link certificate in the store, the self-signed CSCA behind it (for display): the
 * self-signed certificate of the same key when there is one, else the previous CSCA that signed
 * the link, followed back through older links.
 */
function rootBehind(entry: TrustedCertificate, store: TrustStore): TrustedCertificate {
  let current = entry;
  for (let depth = 0; depth < MAX_DEPTH && !current.selfIssued; depth++) {
    const ski = current.certificate.subjectKeyIdentifier;
    const sameKey = ski ? store.findBySubjectKeyIdentifier(ski).find((c) => c.selfIssued && isSelfIssued(c.certificate)) : undefined;
    if (sameKey) return sameKey;
    const previous = store.issuerCandidates(current.certificate).find((c) => c !== current && signedBy(current.certificate, c.certificate));
    if (!previous) return current;
    current = previous;
  }
  return current;
}
