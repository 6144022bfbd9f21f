/**
 * Active Authentication, terminal side (ICAO 9303-11 §6.1): INTERNAL AUTHENTICATE with a fresh
 * 8-byte challenge, then the signature checked against DG15. A result exists only when the chip
 * answered; a chip error or lost card throws, so nobody can mistake "no answer" for a proof.
 * Le is the signature length the DG15 key gives: AU passports cut the signature short at Le 00,
 * CN passports answer nothing at Le 0000 (NFCPassportReader#194, #223). Long answers arriving
 * as 61xx are collected by the APDU layer.
 */
import { systemRandom, type RandomSource } from '../../crypto/ec/index.ts';
import { parseDg15 } from '../../lds/dg15.ts';
import type { PublicKeyInfo } from '../../lds/public-key.ts';
import type { Transport } from '../apdu/transport.ts';
import { sendExpectingOk } from '../apdu/exchange.ts';
import { SHORT_MAX_NE } from '../apdu/apdu.ts';
import { ecCurveOfKey, rsaModulusLength, verifyActiveAuthSignature, type ActiveAuthResult } from './active-auth-verify.ts';

export type { ActiveAuthResult } from './active-auth-verify.ts';
export { verifyActiveAuthSignature } from './active-auth-verify.ts';

export const AA_CHALLENGE_LENGTH = 8;

export interface ActiveAuthOptions {
  /** Source of the challenge (injected so tests replay). */
  readonly random?: RandomSource;
  /** DG14 ActiveAuthenticationInfo signatureAlgorithm; required for EC keys. */
  readonly signatureAlgorithmOid?: string;
}

/**
 * The signature length the key gives, sent as Le: the modulus length for RSA (above 2048 bits
 * that needs extended length), r||s for ECDSA. A DER-encoded ECDSA answer is longer: the chip then
 * names its length (6Cxx) and the command goes again.
 */
export function signatureLength(key: PublicKeyInfo): number {
  if (key.keyType === 'RSA') return rsaModulusLength(key);
  if (key.keyType === 'EC') return 2 * ecCurveOfKey(key).orderLength;
  return SHORT_MAX_NE; // not checkable anyway (AA_UNSUPPORTED after the answer)
}

/** Runs AA with the DG15 file bytes (or its parsed key) over an open (secure messaging) channel. */
export async function performActiveAuthentication(transport: Transport, dg15: Uint8Array | PublicKeyInfo, options: ActiveAuthOptions = {}): Promise<ActiveAuthResult> {
  const key = dg15 instanceof Uint8Array ? parseDg15(dg15).publicKey : dg15;
  const challenge = (options.random ?? systemRandom)(AA_CHALLENGE_LENGTH);
  const signature = await sendExpectingOk(transport, { cla: 0x00, ins: 0x88, p1: 0, p2: 0, data: challenge, ne: signatureLength(key) }, 'INTERNAL AUTHENTICATE');
  return verifyActiveAuthSignature(key, challenge, signature, options.signatureAlgorithmOid);
}
