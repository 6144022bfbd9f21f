/**
 * Verification of one signed security object (EF.SOD or EF.CardSecurity): the CMS signature with
 * the Document Signer certificate, the DS -> CSCA path at the time of signing and the DS
 * revocation status. Each part is reported separately; nothing that did not run is reported as passed.
 */
import { reason, type Reason } from '../messages/message.ts';
import { parseSignedData, signedSigningTime, type SignedData, type SignerInfo } from '../asn1/cms.ts';
import type { Certificate } from '../asn1/x509.ts';
import { toHex } from '../bytes/hex.ts';
import { isEidError } from '../errors.ts';
import { validateDocumentSigner, type ChainStatus } from './certificate-path.ts';
import { checkRevocation, REVOCATION_NOT_CHECKED, type RevocationResult } from './revocation.ts';
import { embeddedCertificates, findSignerCertificate, verifySigner } from './signed-data.ts';
import type { TrustStore, TrustedCertificate } from './store.ts';

export interface SignedObjectResult {
  readonly signedData: SignedData | undefined;
  readonly signature: { readonly status: 'PASS' | 'FAIL'; readonly reason: Reason | null };
  readonly chain: {
    readonly status: ChainStatus;
    readonly csca: TrustedCertificate | undefined;
    readonly reason: Reason | null;
    /** The path holds, and the DS or the certificate that issued it has expired by the verification date since. */
    readonly expiredSinceSigning: boolean;
  };
  readonly revocation: RevocationResult;
  readonly documentSigner: Certificate | undefined;
  /**
   * Set when no certificate matched the SignerInfo's identifier and the one certificate the object
   * carries was used because the signature verifies with it: what the SignerInfo named, and what the
   * certificate is (state authorities' names and serial numbers).
   */
  readonly signerIdMismatch: { readonly named: string; readonly carried: string } | undefined;
}

export function verifySignedObject(bytes: Uint8Array, store: TrustStore, now: Date): SignedObjectResult {
  let sd: SignedData;
  try {
    sd = parseSignedData(bytes);
  } catch (e) {
    if (!isEidError(e)) throw e;
    return broken(undefined, reason('SOD_MALFORMED', { detail: e.code }));
  }
  const signer = sd.signerInfos[0];
  if (!signer || sd.signerInfos.length !== 1) return broken(sd, reason('SOD_MALFORMED', { detail: 'not exactly one signerInfo' }));
  const carried = embeddedCertificates(sd);
  // A SOD without the DS certificate: one from a PKD LDIF in the trust store may fill the gap.
  let ds = findSignerCertificate(signer, [...carried, ...store.documentSignersFor(signer.sid)]);
  let signature = ds ? checkSignature(sd, signer, ds) : undefined;
  let signerIdMismatch: SignedObjectResult['signerIdMismatch'];
  if (!ds && carried.length === 1) {
    // The only certificate it carries is the signer iff the signature verifies with it.
    const only = carried[0]!;
    const check = checkSignature(sd, signer, only);
    if (check.status === 'PASS') {
      ds = only;
      signature = check;
      signerIdMismatch = { named: describeSignerId(signer), carried: `issuer "${only.issuer.text}", serial ${hexSerial(only.serialNumber)}` };
    }
  }
  if (!ds || !signature) return broken(sd, reason('SIGNER_CERTIFICATE_MISSING'));
  const path = validateDocumentSigner(ds, store, { signedAt: signedSigningTime(signer), intermediates: carried.filter((c) => c !== ds) });
  const revocation = path.status === 'PASS' && path.issuer ? checkRevocation(ds, path.issuer, store, now) : REVOCATION_NOT_CHECKED;
  const expired = (c: Certificate | undefined): boolean => c !== undefined && c.notAfter.getTime() < now.getTime();
  return {
    signedData: sd,
    signature,
    chain: { status: path.status, csca: path.csca, reason: path.reason, expiredSinceSigning: path.status === 'PASS' && (expired(ds) || expired(path.issuer?.certificate)) },
    revocation,
    documentSigner: ds,
    signerIdMismatch,
  };
}

function checkSignature(sd: SignedData, signer: SignerInfo, cert: Certificate): SignedObjectResult['signature'] {
  try {
    const check = verifySigner(sd, signer, cert);
    return check.valid ? { status: 'PASS', reason: null } : { status: 'FAIL', reason: check.reason };
  } catch (e) {
    if (!isEidError(e)) throw e;
    return { status: 'FAIL', reason: e.code === 'UNSUPPORTED_ALGORITHM' ? reason('ALGORITHM_NOT_SUPPORTED') : reason('SOD_MALFORMED', { detail: e.code }) };
  }
}

function hexSerial(serial: bigint): string {
  return `0x${serial.toString(16)}`;
}

function describeSignerId(signer: SignerInfo): string {
  const sid = signer.sid;
  return sid.kind === 'subjectKeyIdentifier'
    ? `subject key identifier ${toHex(sid.keyIdentifier).toLowerCase()}`
    : `issuer "${sid.issuer.text}", serial ${hexSerial(sid.serialNumber)}`;
}

function broken(sd: SignedData | undefined, why: Reason): SignedObjectResult {
  return {
    signedData: sd,
    signature: { status: 'FAIL', reason: why },
    chain: { status: 'UNKNOWN_CSCA', csca: undefined, reason: reason('UNKNOWN_CSCA'), expiredSinceSigning: false },
    revocation: REVOCATION_NOT_CHECKED,
    documentSigner: undefined,
    signerIdMismatch: undefined,
  };
}
