/**
 * Chip Authentication v1, card side, for the virtual chip: MSE:Set KAT (3DES) or MSE:Set AT +
 * GENERAL AUTHENTICATE (AES) with the terminal's ephemeral key; the answer is still protected
 * under the current keys, after which the card switches to the returned session keys.
 * The card's router sends GENERAL AUTHENTICATE here while `awaitingKeyAgreement` is true (after
 * an MSE:Set AT for CA), and to PACE otherwise.
 */
import { readTlvList } from '../bytes/tlv.ts';
import { decodeOid } from '../bytes/oid.ts';
import type { ParsedCommand } from '../emrtd/apdu/apdu.ts';
import { SW } from '../emrtd/apdu/status-words.ts';
import { deriveSessionKeys, type SessionKeys } from '../emrtd/sm/sm-channel.ts';
import { chipAuthenticationAlgorithm, type ChipAuthenticationAlgorithm } from '../emrtd/chip-auth/chip-auth-keys.ts';
import type { PaceGroup } from '../emrtd/pace/pace-group.ts';
import { parseDynamicAuthenticationData, requireObject } from '../emrtd/pace/pace-messages.ts';

export interface CaCardKey {
  /** ChipAuthenticationInfo protocol OID the key is used with. */
  readonly oid: string;
  readonly keyId?: number;
  /** The domain of the key (same object the terminal derives from DG14). */
  readonly group: PaceGroup;
  readonly privateKey: bigint;
}

export interface CaCardAnswer {
  readonly data: Uint8Array;
  readonly sw: number;
  /** Present when key agreement succeeded: protect this answer with the old keys, then switch. */
  readonly sessionKeys?: SessionKeys;
}

const none = new Uint8Array(0);
const answer = (sw: number): CaCardAnswer => ({ data: none, sw });

export class CaCard {
  private selected: { key: CaCardKey; algorithm: ChipAuthenticationAlgorithm } | undefined;

  constructor(private readonly keys: readonly CaCardKey[]) {}

  /** MSE:Set KAT (41 A6) or MSE:Set AT for CA (41 A4). */
  static handles(cmd: ParsedCommand): boolean {
    return cmd.cla === 0x00 && cmd.ins === 0x22 && cmd.p1 === 0x41 && (cmd.p2 === 0xa6 || cmd.p2 === 0xa4);
  }

  get awaitingKeyAgreement(): boolean {
    return this.selected !== undefined;
  }

  reset(): void {
    this.selected = undefined;
  }

  answer(cmd: ParsedCommand): CaCardAnswer {
    try {
      if (cmd.ins === 0x22 && cmd.p2 === 0xa6) return this.setKeyAgreementTemplate(cmd);
      if (cmd.ins === 0x22 && cmd.p2 === 0xa4) return this.setAuthenticationTemplate(cmd);
      if (cmd.ins === 0x86) return this.generalAuthenticate(cmd);
      return answer(SW.INS_NOT_SUPPORTED);
    } catch {
      this.selected = undefined;
      return answer(SW.WRONG_DATA);
    }
  }

  private findKey(keyIdBytes: Uint8Array | undefined, want: (a: ChipAuthenticationAlgorithm) => boolean, oid?: string): CaCardKey | undefined {
    const keyId = keyIdBytes === undefined ? undefined : keyIdBytes.reduce((n, b) => n * 256 + b, 0);
    return this.keys.find((k) => {
      const algorithm = chipAuthenticationAlgorithm(k.oid);
      if (algorithm === undefined || !want(algorithm) || (oid !== undefined && k.oid !== oid)) return false;
      return keyId === undefined ? this.keys.length === 1 || k.keyId === undefined : k.keyId === keyId;
    });
  }

  /** 3DES: the ephemeral key (91) arrives with the MSE command itself. */
  private setKeyAgreementTemplate(cmd: ParsedCommand): CaCardAnswer {
    this.selected = undefined;
    const objects = readTlvList(cmd.data);
    const ephemeral = objects.find((o) => o.tag === 0x91)?.value;
    const key = this.findKey(objects.find((o) => o.tag === 0x84)?.value, (a) => a.cipher === '3DES');
    if (ephemeral === undefined) return answer(SW.WRONG_DATA);
    if (key === undefined) return answer(SW.REFERENCED_DATA_NOT_FOUND);
    return this.agree(key, chipAuthenticationAlgorithm(key.oid)!, ephemeral, none);
  }

  private setAuthenticationTemplate(cmd: ParsedCommand): CaCardAnswer {
    this.selected = undefined;
    const objects = readTlvList(cmd.data);
    const oidValue = objects.find((o) => o.tag === 0x80)?.value;
    if (oidValue === undefined) return answer(SW.WRONG_DATA);
    const oid = decodeOid(oidValue);
    const key = this.findKey(objects.find((o) => o.tag === 0x84)?.value, (a) => a.cipher === 'AES', oid);
    if (key === undefined) return answer(SW.REFERENCED_DATA_NOT_FOUND);
    this.selected = { key, algorithm: chipAuthenticationAlgorithm(key.oid)! };
    return answer(SW.OK);
  }

  private generalAuthenticate(cmd: ParsedCommand): CaCardAnswer {
    const selected = this.selected;
    this.selected = undefined;
    if (selected === undefined || cmd.cla !== 0x00) return answer(SW.CONDITIONS_NOT_SATISFIED);
    const ephemeral = requireObject(parseDynamicAuthenticationData(cmd.data), 0x80, 'ephemeral public key');
    return this.agree(selected.key, selected.algorithm, ephemeral, Uint8Array.of(0x7c, 0x00));
  }

  private agree(key: CaCardKey, algorithm: ChipAuthenticationAlgorithm, ephemeralBytes: Uint8Array, data: Uint8Array): CaCardAnswer {
    const ephemeral = key.group.decodePublicKey(ephemeralBytes);
    const secret = key.group.secretBytes(key.group.multiply(ephemeral, key.privateKey));
    return { data, sw: SW.OK, sessionKeys: deriveSessionKeys(algorithm.cipher, secret, algorithm.keyBits) };
  }
}
