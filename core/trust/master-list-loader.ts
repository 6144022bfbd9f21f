/**
 * ICAO CSCA master lists (.ml): the CMS signature is checked and the signer's certificate must be
 * signed by a CSCA that is in the list itself or already trusted; the result says which.
 */
import { parseSignedData } from '../asn1/cms.ts';
import { OID } from '../asn1/oids.ts';
import { parseCscaMasterList } from '../asn1/master-list.ts';
import { parseCertificate, type Certificate } from '../asn1/x509.ts';
import { EidError } from '../errors.ts';
import { trustFileError } from './errors.ts';
import { render } from '../messages/render.ts';
import { embeddedCertificates, findSignerCertificate, verifySigner } from './signed-data.ts';
import { signedBy } from './signature.ts';
import type { TrustStore } from './store.ts';
import { equal } from '../bytes/bytes.ts';

export interface MasterList {
  readonly certificates: readonly Certificate[];
  /** Entries that did not parse (real lists contain oddities); counted, not fatal. */
  readonly unreadable: number;
  readonly signer: Certificate;
  /** The CSCA that signed the master list signer's certificate. */
  readonly signerAnchor: Certificate;
  /** Whether that CSCA was found in the list itself or was already trusted. */
  readonly signerAnchorFrom: 'list' | 'store';
}

function issuerIn(cert: Certificate, candidates: Iterable<Certificate>): Certificate | undefined {
  for (const c of candidates) {
    const sameKeyId = cert.authorityKeyIdentifier && c.subjectKeyIdentifier && equal(cert.authorityKeyIdentifier, c.subjectKeyIdentifier);
    if (!sameKeyId && c.subject.key !== cert.issuer.key) continue;
    if (signedBy(cert, c)) return c;
  }
  return undefined;
}

/**
 * Parses and verifies a master list. Throws TRUST_FILE_INVALID when the list cannot be trusted.
 * `signerValidAt` is the date its signer's certificate must be valid at; undefined when reloading
 * a list verified at import (signers are short-lived; the signature and chain are still checked).
 */
export function readMasterList(bytes: Uint8Array, store: TrustStore, signerValidAt: Date | undefined): MasterList {
  const sd = parseSignedData(bytes);
  if (sd.eContentType !== OID.cscaMasterList) throw trustFileError('the file is signed data but not an ICAO CSCA master list');
  if (!sd.eContent) throw trustFileError('the master list has no content');
  const signerInfo = sd.signerInfos[0];
  if (!signerInfo) throw trustFileError('the master list is not signed');
  const parsed = parseCscaMasterList(sd.eContent);
  const certificates: Certificate[] = [];
  let unreadable = 0;
  for (const der of parsed.certificates) {
    try {
      certificates.push(parseCertificate(der));
    } catch (e) {
      if (!(e instanceof EidError)) throw e;
      unreadable++;
    }
  }
  const embedded = embeddedCertificates(sd);
  const signer = findSignerCertificate(signerInfo, embedded);
  if (!signer) throw trustFileError('the master list signer certificate is missing');
  const check = verifySigner(sd, signerInfo, signer);
  if (!check.valid) throw trustFileError(`master list signature: ${render('en', check.reason)}`);
  if (signerValidAt && (signerValidAt < signer.notBefore || signerValidAt > signer.notAfter)) {
    // Named by the date it was judged at (`--at`, or today), so a verification "as of" a date says which.
    throw trustFileError(`the master list signer certificate is not valid at ${signerValidAt.toISOString().slice(0, 10)} (valid ${signer.notBefore.toISOString().slice(0, 10)} to ${signer.notAfter.toISOString().slice(0, 10)})`);
  }
  // The signer's issuer: among embedded CA certs, the list, or the store.
  const fromStore = store.issuerCandidates(signer).map((t) => t.certificate);
  const storeAnchor = issuerIn(signer, fromStore);
  if (storeAnchor) return { certificates, unreadable, signer, signerAnchor: storeAnchor, signerAnchorFrom: 'store' };
  const listAnchor = issuerIn(signer, certificates);
  if (listAnchor) return { certificates, unreadable, signer, signerAnchor: listAnchor, signerAnchorFrom: 'list' };
  throw trustFileError('the master list signer does not chain to a CSCA in the list or in the trust store');
}
