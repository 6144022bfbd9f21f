/**
 * Chip Authentication v1 (ICAO 9303-11 §6.2), terminal side: an ephemeral key on the domain of
 * the chip's static DG14 key, sent with MSE:Set KAT (3DES) or MSE:Set AT + GENERAL AUTHENTICATE
 * (AES) over the running secure messaging; both sides derive new session keys from the static-
 * ephemeral secret and secure messaging restarts on them. The proof is the next response: only
 * a chip holding the static private key can MAC it under the new keys. Never PASS without it.
 */
import { isEidError } from '../../errors.ts';
import { bigIntToBytes, concat } from '../../bytes/bytes.ts';
import { tlv } from '../../bytes/tlv.ts';
import { encodeOidValue } from '../../bytes/oid.ts';
import { systemRandom, type RandomSource } from '../../crypto/ec/index.ts';
import type { CommandApdu } from '../apdu/apdu.ts';
import { sendCommand } from '../apdu/exchange.ts';
import { SW, swHex } from '../apdu/status-words.ts';
import { deriveSessionKeys } from '../sm/sm-channel.ts';
import type { SecureMessaging } from '../sm/secure-messaging.ts';
import {
  chipAuthenticationAlgorithm, chipAuthenticationGroup, type ChipAuthenticationAlgorithm, type ChipAuthenticationKey,
} from './chip-auth-keys.ts';
import type { PaceGroup } from '../pace/pace-group.ts';

export type ChipAuthenticationStatus = 'PASS' | 'FAIL' | 'NOT_SUPPORTED';

export interface ChipAuthenticationResult {
  readonly status: ChipAuthenticationStatus;
  readonly method: 'CA' | 'CAM';
  /** e.g. 'CA-ECDH-AES-128 brainpoolP256r1' when a protocol ran. */
  readonly protocol?: string;
  readonly keyId?: number;
  /** Why it is not PASS, in words for the log (never personal data). */
  readonly detail?: string;
}

export interface ChipAuthenticationOptions {
  readonly random?: RandomSource;
  /**
   * The command whose protected answer proves the new keys (default SELECT EF.COM, present on
   * every eMRTD). It must answer 9000: a plain error status carries no MAC and proves nothing.
   */
  readonly proofCommand?: CommandApdu;
}

export const SELECT_EF_COM: CommandApdu = { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(0x01, 0x1e) };

export function chipAuthenticationLabel(algorithm: ChipAuthenticationAlgorithm, group: PaceGroup): string {
  return `CA-${algorithm.agreement}-${algorithm.cipher === '3DES' ? '3DES' : `AES-${algorithm.keyBits}`} ${group.label}`;
}

/** The key agreement commands: MSE:Set KAT for 3DES, MSE:Set AT + GA for AES. */
export function chipAuthenticationCommands(algorithm: ChipAuthenticationAlgorithm, ephemeralPublic: Uint8Array, keyId: number | undefined): CommandApdu[] {
  const keyRef = keyId === undefined ? [] : [tlv(0x84, bigIntToBytes(BigInt(keyId)))];
  if (algorithm.cipher === '3DES') {
    return [{ cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xa6, data: concat(tlv(0x91, ephemeralPublic), ...keyRef) }];
  }
  return [
    { cla: 0x00, ins: 0x22, p1: 0x41, p2: 0xa4, data: concat(tlv(0x80, encodeOidValue(algorithm.oid)), ...keyRef) },
    { cla: 0x00, ins: 0x86, p1: 0x00, p2: 0x00, data: tlv(0x7c, tlv(0x80, ephemeralPublic)), ne: 256 },
  ];
}

interface Usable {
  readonly key: ChipAuthenticationKey;
  readonly algorithm: ChipAuthenticationAlgorithm;
  readonly group: PaceGroup;
  readonly staticKey: unknown;
}

function usable(key: ChipAuthenticationKey): Usable | string {
  const algorithm = chipAuthenticationAlgorithm(key.oid);
  if (algorithm === undefined) return `unknown protocol ${key.oid}`;
  try {
    const { group, staticKey } = chipAuthenticationGroup(key.publicKey);
    if (group.agreement !== algorithm.agreement) return `${key.oid} does not match a ${group.agreement} key`;
    return { key, algorithm, group, staticKey };
  } catch (e) {
    return isEidError(e) ? e.message : 'key not readable';
  }
}

/**
 * Runs Chip Authentication over `sm` (the BAC or PACE session) with the first DG14 key the chip
 * accepts, then restarts `sm` on the new keys and sends the proof command.
 * NOT_SUPPORTED: no key, or none this terminal can use. FAIL: the chip refused every key it
 * publishes, or its answer under the new keys did not verify (a cloned chip cannot produce it).
 */
export async function performChipAuthentication(
  sm: SecureMessaging,
  keys: readonly ChipAuthenticationKey[],
  options: ChipAuthenticationOptions = {},
): Promise<ChipAuthenticationResult> {
  if (keys.length === 0) return { status: 'NOT_SUPPORTED', method: 'CA', detail: 'the document has no Chip Authentication key' };
  const candidates = keys.map(usable);
  const runnable = candidates.filter((c): c is Usable => typeof c !== 'string');
  if (runnable.length === 0) return { status: 'NOT_SUPPORTED', method: 'CA', detail: candidates.join('; ') };
  const random = options.random ?? systemRandom;
  const refusals: string[] = [];
  for (const candidate of runnable) {
    const { algorithm, group, key } = candidate;
    const label = chipAuthenticationLabel(algorithm, group);
    const ids = key.keyId === undefined ? {} : { keyId: key.keyId };
    const ephemeral = group.generateKeyPair(random, group.generator);
    let refused: number | undefined;
    for (const command of chipAuthenticationCommands(algorithm, group.encodePublicKey(ephemeral.publicKey), key.keyId)) {
      const response = await sendCommand(sm, command);
      if (response.sw !== SW.OK) {
        refused = response.sw;
        break;
      }
    }
    if (refused !== undefined) {
      // The old session still stands after a protected refusal: try the next key.
      refusals.push(`${label}: ${swHex(refused)}`);
      continue;
    }
    const secret = group.secretBytes(group.multiply(candidate.staticKey, ephemeral.privateKey));
    sm.restart(deriveSessionKeys(algorithm.cipher, secret, algorithm.keyBits));
    try {
      const proof = await sendCommand(sm, options.proofCommand ?? SELECT_EF_COM);
      if (proof.sw === SW.OK) return { status: 'PASS', method: 'CA', protocol: label, ...ids };
      return { status: 'FAIL', method: 'CA', protocol: label, ...ids, detail: `no protected answer under the new keys (${swHex(proof.sw)})` };
    } catch (e) {
      if (!isEidError(e)) throw e;
      // A MAC failure or an SM rejection here is what a cloned chip without the key produces.
      // A reset or lost card is no such evidence: the session is opened again and CA runs anew.
      if (e.code === 'CARD_REMOVED' || e.code === 'CARD_RESET' || e.code === 'READER_UNAVAILABLE' || e.code === 'TRANSPORT_TIMEOUT') throw e;
      return { status: 'FAIL', method: 'CA', protocol: label, ...ids, detail: `answer under the new keys did not verify (${e.code})` };
    }
  }
  return { status: 'FAIL', method: 'CA', detail: `the chip refused its own Chip Authentication keys (${refusals.join('; ')})` };
}
