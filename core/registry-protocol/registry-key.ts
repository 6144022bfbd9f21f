/**
 * How the registry's trust-list key is named. The key id (first 8 bytes of the SHA-256 of the
 * key's SubjectPublicKeyInfo, hex) is the JWS `kid`; the fingerprint is what people compare, in
 * SSH's form: `SHA256:` and the unpadded base64 of the SHA-256 of the SPKI. The administrator reads
 * it from `eid-terminal registry key`; the counter checks it at enrolment (`--expect-fingerprint`).
 */
import { hash } from '../crypto/node-crypto.ts';
import { toBase64 } from '../bytes/base64.ts';
import { toHex } from '../bytes/hex.ts';

const PREFIX = 'SHA256:';

export function registryKeyId(spkiDer: Uint8Array): string {
  return toHex(hash('sha256', spkiDer).subarray(0, 8)).toLowerCase();
}

export function registryKeyFingerprint(spkiDer: Uint8Array): string {
  return PREFIX + toBase64(hash('sha256', spkiDer)).replace(/=+$/, '');
}

/** Whether a fingerprint as typed (with or without the prefix, surrounding space, padding) names this key. */
export function fingerprintMatches(typed: string, spkiDer: Uint8Array): boolean {
  const t = typed.trim().replace(/=+$/, '');
  return (t.startsWith(PREFIX) ? t : PREFIX + t) === registryKeyFingerprint(spkiDer);
}
