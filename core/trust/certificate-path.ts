/**
 * Document Signer -> CSCA path validation, ICAO style: the DS is signed by a CSCA key found in the
 * trust store, possibly through a link certificate (a CSCA certificate signed by the previous CSCA
 * key). No path-length counting (ICAO link certificates break OpenSSL's, e.g. Singapore's).
 */
import type { Certificate } from '../asn1/x509.ts';
import { equal } from '../bytes/bytes.ts';
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
  /** Why the chain is not PASS; English, no personal data. */
  readonly reason: string | undefined;
}

export interface PathOptions {
  readonly now: Date;
  /** Certificates shipped with the document (SOD certificates) that may be link certificates. */
  readonly intermediates?: readonly Certificate[];
}

const MAX_DEPTH = 4;

function within(cert: Certificate, now: Date): boolean {
  return cert.notBefore.getTime() <= now.getTime() && now.getTime() <= cert.notAfter.getTime();
}

/** May this certificate sign certificates? (extensions absent = not restricted, as ICAO CSCAs vary). */
function canSignCertificates(cert: Certificate): boolean {
  if (cert.basicConstraints && !cert.basicConstraints.ca) return false;
  if (cert.keyUsage && !cert.keyUsage.keyCertSign) return false;
  return true;
}

function fail(reason: string, issuer?: TrustedCertificate): ChainResult {
  return { status: 'FAIL', csca: issuer, issuer, reason };
}

export function validateDocumentSigner(ds: Certificate, store: TrustStore, options: PathOptions): ChainResult {
  if (!within(ds, options.now)) return fail(`document signer certificate is not valid at ${options.now.toISOString().slice(0, 10)}`);
  if (ds.keyUsage && !ds.keyUsage.digitalSignature) return fail('document signer certificate is not allowed to sign');
  if (ds.basicConstraints?.ca) return fail('document signer certificate is a CA certificate');
  return findTrustedIssuer(ds, store, options, 0);
}

function findTrustedIssuer(cert: Certificate, store: TrustStore, options: PathOptions, depth: number): ChainResult {
  const candidates = store.issuerCandidates(cert);
  // Prefer self-signed CSCAs, then link certificates carrying the same key.
  candidates.sort((a, b) => Number(b.selfIssued) - Number(a.selfIssued));
  let keyIdMatched = false;
  for (const candidate of candidates) {
    const aki = cert.authorityKeyIdentifier;
    const ski = candidate.certificate.subjectKeyIdentifier;
    if (aki && ski && equal(aki, ski)) keyIdMatched = true;
    if (!signedBy(cert, candidate.certificate)) continue;
    if (!canSignCertificates(candidate.certificate)) return fail('issuing certificate is not a CA certificate', candidate);
    if (!within(candidate.certificate, options.now)) return fail('country signing CA certificate is not valid at the verification date', candidate);
    return { status: 'PASS', csca: rootBehind(candidate, store), issuer: candidate, reason: undefined };
  }
  if (depth < MAX_DEPTH) {
    for (const link of options.intermediates ?? []) {
      if (!equal(link.subject.raw, cert.issuer.raw) || link === cert || !signedBy(cert, link) || !canSignCertificates(link)) continue;
      const up = findTrustedIssuer(link, store, options, depth + 1);
      if (up.status === 'PASS') return up;
    }
  }
  if (keyIdMatched) return fail('the signature of the certificate does not verify with the CSCA key it names');
  return { status: 'UNKNOWN_CSCA', csca: undefined, issuer: undefined, reason: 'no trusted CSCA certificate for this document signer' };
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
