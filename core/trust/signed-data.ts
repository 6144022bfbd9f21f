/**
 * CMS SignedData signature verification (RFC 5652 5.4-5.6) for SOD, CardSecurity and master
 * lists: with signed attributes, contentType must equal eContentType and messageDigest must equal
 * the hash of eContent; the digest and signature algorithms come from the SignerInfo, never from
 * the certificate.
 */
import { hashByOid } from '../asn1/algorithms.ts';
import { signedContentType, signedMessageDigest, type SignedData, type SignerInfo } from '../asn1/cms.ts';
import { parseCertificate, type Certificate } from '../asn1/x509.ts';
import { equal } from '../bytes/bytes.ts';
import { hash } from '../crypto/node-crypto.ts';
import { reason, type Reason } from '../messages/message.ts';
import { unsupportedAlgorithm } from './errors.ts';
import { verifySignature } from './signature.ts';

/** Why a signature did not verify: SIGNED_ATTRIBUTES_MISMATCH, SIGNATURE_INVALID or SOD_MALFORMED (no content). */
export type SignerCheck = { readonly valid: true } | { readonly valid: false; readonly reason: Reason };

/**
 * Does this certificate match the SignerInfo's sid: subject key identifier, or issuer and serial
 * number with the issuer compared as RFC 5280 compares names (X500Name.key)?
 */
export function matchesSignerId(signer: SignerInfo, cert: Certificate): boolean {
  const sid = signer.sid;
  if (sid.kind === 'subjectKeyIdentifier') return cert.subjectKeyIdentifier !== undefined && equal(cert.subjectKeyIdentifier, sid.keyIdentifier);
  return cert.serialNumber === sid.serialNumber && cert.issuer.key === sid.issuer.key;
}

/** The parsed certificates carried in the SignedData. Unparseable ones are skipped, not fatal. */
export function embeddedCertificates(sd: SignedData): Certificate[] {
  const out: Certificate[] = [];
  for (const der of sd.certificates) {
    try {
      out.push(parseCertificate(der));
    } catch {
      // A broken extra certificate cannot be the signer; the signer lookup reports its absence.
    }
  }
  return out;
}

export function findSignerCertificate(signer: SignerInfo, candidates: readonly Certificate[]): Certificate | undefined {
  return candidates.find((c) => matchesSignerId(signer, c));
}

/** Verifies one SignerInfo over the SignedData's eContent with the signer's certificate. */
export function verifySigner(sd: SignedData, signer: SignerInfo, cert: Certificate): SignerCheck {
  const digest = hashByOid(signer.digestAlgorithm.oid);
  if (!digest) throw unsupportedAlgorithm(`digest ${signer.digestAlgorithm.oid}`);
  if (!sd.eContent) return { valid: false, reason: reason('SOD_MALFORMED', { detail: 'no eContent' }) };
  let signedBytes = sd.eContent;
  if (signer.signedAttrsForVerification) {
    if (signedContentType(signer) !== sd.eContentType) return { valid: false, reason: reason('SIGNED_ATTRIBUTES_MISMATCH', { attribute: 'contentType' }) };
    const messageDigest = signedMessageDigest(signer);
    if (!messageDigest || !equal(messageDigest, hash(digest, sd.eContent))) return { valid: false, reason: reason('SIGNED_ATTRIBUTES_MISMATCH', { attribute: 'messageDigest' }) };
    signedBytes = signer.signedAttrsForVerification;
  }
  const ok = verifySignature(cert.subjectPublicKeyInfo, signer.signatureAlgorithm, signedBytes, signer.signature, digest);
  return ok ? { valid: true } : { valid: false, reason: reason('SIGNATURE_DOES_NOT_VERIFY') };
}
