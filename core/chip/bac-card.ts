/**
 * Basic Access Control, card side, for the virtual chip: answers GET CHALLENGE and EXTERNAL
 * AUTHENTICATE with the document's MRZ_information and an injected random source (RND.IC on
 * GET CHALLENGE, K.IC on authentication), so the ICAO Appendix D transcript replays exactly.
 */
import { concat, equal } from '../bytes/bytes.ts';
import { systemRandom, type RandomSource } from '../crypto/ec/index.ts';
import type { ParsedCommand } from '../emrtd/apdu/apdu.ts';
import { SW } from '../emrtd/apdu/status-words.ts';
import type { SessionKeys } from '../emrtd/sm/sm-channel.ts';
import {
  BAC_KEY_MATERIAL_LENGTH, BAC_NONCE_LENGTH,
  bacKeysFromMrzInformation, bacSessionKeys, openBacCryptogram, sealBacCryptogram, type BacKeys,
} from '../emrtd/bac/bac-crypto.ts';

export const INS_GET_CHALLENGE = 0x84;
export const INS_EXTERNAL_AUTHENTICATE = 0x82;

export interface BacCardAnswer {
  readonly data: Uint8Array;
  readonly sw: number;
  /** Present once mutual authentication succeeded: the card starts SM with these keys. */
  readonly sessionKeys?: SessionKeys;
}

export class BacCard {
  private readonly keys: BacKeys;
  private challenge: Uint8Array | undefined;

  constructor(mrzInformation: string, private readonly random: RandomSource = systemRandom) {
    this.keys = bacKeysFromMrzInformation(mrzInformation);
  }

  /** Whether this card object answers the command (GET CHALLENGE or EXTERNAL AUTHENTICATE). */
  static handles(cmd: ParsedCommand): boolean {
    return cmd.cla === 0x00 && (cmd.ins === INS_GET_CHALLENGE || cmd.ins === INS_EXTERNAL_AUTHENTICATE);
  }

  /** Forgets the outstanding challenge (reset, or another protocol started). */
  reset(): void {
    this.challenge = undefined;
  }

  answer(cmd: ParsedCommand): BacCardAnswer {
    const none = new Uint8Array(0);
    if (cmd.ins === INS_GET_CHALLENGE) {
      if (cmd.p1 !== 0 || cmd.p2 !== 0 || cmd.data.length !== 0) return { data: none, sw: SW.INCORRECT_P1P2 };
      if (cmd.ne !== BAC_NONCE_LENGTH) return { data: none, sw: SW.WRONG_LENGTH };
      this.challenge = this.random(BAC_NONCE_LENGTH);
      return { data: this.challenge.slice(), sw: SW.OK };
    }
    if (cmd.ins !== INS_EXTERNAL_AUTHENTICATE) return { data: none, sw: SW.INS_NOT_SUPPORTED };
    const rndIc = this.challenge;
    this.challenge = undefined; // one attempt per challenge
    if (!rndIc) return { data: none, sw: SW.CONDITIONS_NOT_SATISFIED };
    if (cmd.data.length !== 40) return { data: none, sw: SW.WRONG_LENGTH };
    const s = openBacCryptogram(this.keys, cmd.data);
    if (!s || !equal(s.subarray(8, 16), rndIc)) return { data: none, sw: SW.AUTHENTICATION_FAILED };
    const rndIfd = s.subarray(0, 8);
    const kIfd = s.subarray(16, 32);
    const kIc = this.random(BAC_KEY_MATERIAL_LENGTH);
    const data = sealBacCryptogram(this.keys, concat(rndIc, rndIfd, kIc));
    return { data, sw: SW.OK, sessionKeys: bacSessionKeys(kIfd, kIc, rndIc, rndIfd) };
  }
}
