/**
 * Revocation of a Document Signer from the CSCA's CRLs in the trust store: GOOD only with a fresh
 * CRL whose signature verifies under the issuing CSCA key; REVOKED when any valid CRL lists the
 * serial; UNKNOWN when there is no CRL or only stale ones (nextUpdate passed).
 */
import { reason, type Reason } from '../messages/message.ts';
import type { Certificate } from '../asn1/x509.ts';
import type { Crl } from '../asn1/crl.ts';
import { equal } from '../bytes/bytes.ts';
import { signedBy } from './signature.ts';
import type { TrustStore, TrustedCertificate } from './store.ts';

export type RevocationStatus = 'GOOD' | 'REVOKED' | 'UNKNOWN';

export interface RevocationResult {
  readonly status: RevocationStatus;
  /** NO_CRL, CRL_STALE, NOT_CHECKED or REVOKED; null for GOOD. */
  readonly reason: Reason | null;
}

/** Revocation when the path to a CSCA was not established: nothing to ask a CRL about. */
export const REVOCATION_NOT_CHECKED: RevocationResult = { status: 'UNKNOWN', reason: reason('NOT_CHECKED') };

/** CRL signature results per (CRL, issuer key): a CSCA's CRL is checked once, not per document. */
const verifiedCrls = new WeakMap<Crl, Map<Certificate, boolean>>();

export function crlSignedBy(crl: Crl, issuer: Certificate): boolean {
  let perIssuer = verifiedCrls.get(crl);
  if (!perIssuer) verifiedCrls.set(crl, (perIssuer = new Map()));
  let ok = perIssuer.get(issuer);
  if (ok === undefined) {
    const ski = issuer.subjectKeyIdentifier;
    if (crl.authorityKeyIdentifier && ski && !equal(crl.authorityKeyIdentifier, ski)) ok = false;
    else ok = signedBy(crl, issuer);
    perIssuer.set(issuer, ok);
  }
  return ok;
}

export function checkRevocation(cert: Certificate, issuer: TrustedCertificate, store: TrustStore, now: Date): RevocationResult {
  const crls = store.crlsIssuedBy(cert.issuer).map((c) => c.crl).filter((crl) => crlSignedBy(crl, issuer.certificate));
  if (crls.length === 0) return { status: 'UNKNOWN', reason: reason('NO_CRL') };
  if (crls.some((crl) => crl.revoked.some((r) => r.serialNumber === cert.serialNumber))) return { status: 'REVOKED', reason: reason('REVOKED') };
  const fresh = crls.some((crl) => crl.thisUpdate.getTime() <= now.getTime() && crl.nextUpdate !== undefined && now.getTime() <= crl.nextUpdate.getTime());
  if (!fresh) return { status: 'UNKNOWN', reason: reason('CRL_STALE') };
  return { status: 'GOOD', reason: null };
}
