/**
 * Basic Access Control, terminal side (ICAO 9303-11 §4.3): GET CHALLENGE, EXTERNAL AUTHENTICATE
 * (mutual), session keys, and a SecureMessaging transport over the given one. The random source
 * is injected so the ICAO Appendix D example replays byte for byte.
 */
import { EidError, isEidError } from '../../errors.ts';
import { concat, equal } from '../../bytes/bytes.ts';
import { systemRandom, type RandomSource } from '../../crypto/ec/index.ts';
import type { Transport } from '../apdu/transport.ts';
import { sendCommand, sendExpectingOk } from '../apdu/exchange.ts';
import { SW, chipStatusError } from '../apdu/status-words.ts';
import { SecureMessaging } from '../sm/secure-messaging.ts';
import type { SessionKeys } from '../sm/sm-channel.ts';
import {
  BAC_CRYPTOGRAM_LENGTH, BAC_KEY_MATERIAL_LENGTH, BAC_NONCE_LENGTH,
  bacKeysFromMrzInformation, bacSessionKeys, openBacCryptogram, sealBacCryptogram,
} from './bac-crypto.ts';

export interface BacOptions {
  /** Source of RND.IFD (first call, 8 bytes) and K.IFD (second call, 16 bytes). */
  readonly random?: RandomSource;
}

export interface BacResult {
  readonly protocol: 'BAC';
  readonly sessionKeys: SessionKeys;
  /** Plain APDUs in, protected on the wire. */
  readonly secureMessaging: SecureMessaging;
}

export function accessDenied(): EidError {
  return new EidError('ACCESS_DENIED');
}

function bacResponseInvalid(detail: string): EidError {
  return new EidError('BAC_RESPONSE_INVALID', { detail });
}

/** GET CHALLENGE: the chip's 8-byte nonce (also used by Active Authentication tests). */
export async function getChallenge(transport: Transport): Promise<Uint8Array> {
  const rnd = await sendExpectingOk(transport, { cla: 0x00, ins: 0x84, p1: 0, p2: 0, ne: BAC_NONCE_LENGTH }, 'GET CHALLENGE');
  if (rnd.length !== BAC_NONCE_LENGTH) throw bacResponseInvalid('challenge length');
  return rnd;
}

/**
 * Runs BAC with MRZ_information (docNo+cd+dob+cd+expiry+cd, from core/mrz `mrzInformation`).
 * ACCESS_DENIED means the chip rejected the key (wrong MRZ data); transport errors propagate.
 */
export async function performBac(transport: Transport, mrzInformation: string, options: BacOptions = {}): Promise<BacResult> {
  const random = options.random ?? systemRandom;
  const keys = bacKeysFromMrzInformation(mrzInformation);
  const rndIc = await getChallenge(transport);
  const rndIfd = random(BAC_NONCE_LENGTH);
  const kIfd = random(BAC_KEY_MATERIAL_LENGTH);
  const cryptogram = sealBacCryptogram(keys, concat(rndIfd, rndIc, kIfd));
  const response = await sendCommand(transport, { cla: 0x00, ins: 0x82, p1: 0, p2: 0, data: cryptogram, ne: BAC_CRYPTOGRAM_LENGTH });
  if (response.sw === SW.AUTHENTICATION_FAILED || response.sw === SW.SECURITY_STATUS_NOT_SATISFIED) throw accessDenied();
  if (response.sw !== SW.OK) throw chipStatusError(response.sw, 'EXTERNAL AUTHENTICATE');
  const r = openBacCryptogram(keys, response.data);
  if (!r) throw bacResponseInvalid(response.data.length === BAC_CRYPTOGRAM_LENGTH ? 'checksum wrong' : 'length');
  if (!equal(r.subarray(0, 8), rndIc) || !equal(r.subarray(8, 16), rndIfd)) throw bacResponseInvalid('nonces do not match');
  const sessionKeys = bacSessionKeys(kIfd, r.subarray(16, 32), rndIc, rndIfd);
  return { protocol: 'BAC', sessionKeys, secureMessaging: new SecureMessaging(transport, sessionKeys) };
}

/** Whether an error from performBac means "wrong key" rather than a broken link or chip. */
export function isAccessDenied(e: unknown): boolean {
  return isEidError(e, 'ACCESS_DENIED');
}
