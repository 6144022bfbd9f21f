/**
 * Active Authentication, terminal side (ICAO 9303-11 §6.1): INTERNAL AUTHENTICATE with a fresh
 * 8-byte challenge, then the signature checked against DG15. A result exists only when the chip
 * answered; a chip error or lost card throws, so nobody can mistake "no answer" for a proof.
 */
import { systemRandom, type RandomSource } from '../../crypto/ec/index.ts';
import { parseDg15 } from '../../lds/dg15.ts';
import type { PublicKeyInfo } from '../../lds/public-key.ts';
import type { Transport } from '../apdu/transport.ts';
import { sendExpectingOk } from '../apdu/exchange.ts';
import { SHORT_MAX_NE, EXTENDED_MAX_NE } from '../apdu/apdu.ts';
import { rsaModulusLength, verifyActiveAuthSignature, type ActiveAuthResult } from './active-auth-verify.ts';

export type { ActiveAuthResult } from './active-auth-verify.ts';
export { verifyActiveAuthSignature } from './active-auth-verify.ts';

export const AA_CHALLENGE_LENGTH = 8;

export interface ActiveAuthOptions {
  /** Source of the challenge (injected so tests replay). */
  readonly random?: RandomSource;
  /** DG14 ActiveAuthenticationInfo signatureAlgorithm; required for EC keys. */
  readonly signatureAlgorithmOid?: string;
}

/** Le for the answer: RSA keys above 2048 bits need extended length. */
function expectedLength(key: PublicKeyInfo): number {
  if (key.keyType !== 'RSA') return SHORT_MAX_NE;
  const k = rsaModulusLength(key);
  return k <= SHORT_MAX_NE ? SHORT_MAX_NE : Math.min(k, EXTENDED_MAX_NE);
}

/** Runs AA with the DG15 file bytes (or its parsed key) over an open (secure messaging) channel. */
export async function performActiveAuthentication(transport: Transport, dg15: Uint8Array | PublicKeyInfo, options: ActiveAuthOptions = {}): Promise<ActiveAuthResult> {
  const key = dg15 instanceof Uint8Array ? parseDg15(dg15).publicKey : dg15;
  const challenge = (options.random ?? systemRandom)(AA_CHALLENGE_LENGTH);
  const signature = await sendExpectingOk(transport, { cla: 0x00, ins: 0x88, p1: 0, p2: 0, data: challenge, ne: expectedLength(key) }, 'INTERNAL AUTHENTICATE');
  return verifyActiveAuthSignature(key, challenge, signature, options.signatureAlgorithmOid);
}
