/**
 * Verification of one signed security object (EF.SOD or EF.CardSecurity): the CMS signature with
 * the embedded Document Signer certificate, the DS -> CSCA path and the DS revocation status.
 * Each part is reported separately; nothing that did not run is reported as passed.
 */
import { parseSignedData, type SignedData } from '../asn1/cms.ts';
import type { Certificate } from '../asn1/x509.ts';
import { EidError } from '../errors.ts';
import { validateDocumentSigner, type ChainStatus } from './certificate-path.ts';
import { checkRevocation, type RevocationResult } from './revocation.ts';
import { embeddedCertificates, findSignerCertificate, verifySigner } from './signed-data.ts';
import type { TrustStore, TrustedCertificate } from './store.ts';

export interface SignedObjectResult {
  readonly signedData: SignedData | undefined;
  readonly signature: { readonly status: 'PASS' | 'FAIL'; readonly reason: string | undefined };
  readonly chain: { readonly status: ChainStatus; readonly csca: TrustedCertificate | undefined; readonly reason: string | undefined };
  readonly revocation: RevocationResult;
  readonly documentSigner: Certificate | undefined;
}

export function verifySignedObject(bytes: Uint8Array, store: TrustStore, now: Date): SignedObjectResult {
  let sd: SignedData;
  try {
    sd = parseSignedData(bytes);
  } catch (e) {
    if (!(e instanceof EidError)) throw e;
    return broken(undefined, `the security object is malformed (${e.code})`);
  }
  const signer = sd.signerInfos[0];
  if (!signer || sd.signerInfos.length !== 1) return broken(sd, 'the security object must have exactly one signer');
  const certificates = embeddedCertificates(sd);
  const ds = findSignerCertificate(signer, certificates);
  if (!ds) return broken(sd, 'the document signer certificate is not in the security object');
  let signature: SignedObjectResult['signature'];
  try {
    const check = verifySigner(sd, signer, ds);
    signature = { status: check.valid ? 'PASS' : 'FAIL', reason: check.reason };
  } catch (e) {
    if (!(e instanceof EidError)) throw e;
    signature = { status: 'FAIL', reason: e.message };
  }
  const path = validateDocumentSigner(ds, store, { now, intermediates: certificates.filter((c) => c !== ds) });
  const revocation = path.status === 'PASS' && path.issuer
    ? checkRevocation(ds, path.issuer, store, now)
    : { status: 'UNKNOWN' as const, gap: 'no-certificate-path' as const };
  return { signedData: sd, signature, chain: { status: path.status, csca: path.csca, reason: path.reason }, revocation, documentSigner: ds };
}

function broken(sd: SignedData | undefined, reason: string): SignedObjectResult {
  return {
    signedData: sd,
    signature: { status: 'FAIL', reason },
    chain: { status: 'UNKNOWN_CSCA', csca: undefined, reason: 'no document signer certificate to check' },
    revocation: { status: 'UNKNOWN', gap: 'no-document-signer' },
    documentSigner: undefined,
  };
}
