/**
 * PACE, card side, for the virtual chip: answers MSE:Set AT and the four GENERAL AUTHENTICATE
 * steps for every mapping (GM, IM, CAM), key agreement (ECDH, DH), cipher and parameter id the
 * card offers, with the same group, mapping, KDF and token code as the terminal
 * (core/emrtd/pace). Randomness is injected: the nonce s, then the mapping key (GM/CAM), then
 * the ephemeral key, in that order.
 */
import { bigIntToBytes } from '../bytes/bytes.ts';
import { timingSafeEqual } from '../crypto/node-crypto.ts';
import { readTlvList, tlv, type Tlv } from '../bytes/tlv.ts';
import { decodeOid } from '../bytes/oid.ts';
import { systemRandom, type RandomSource } from '../crypto/ec/index.ts';
import { modInverse } from '../crypto/dh.ts';
import type { ParsedCommand } from '../emrtd/apdu/apdu.ts';
import { SW } from '../emrtd/apdu/status-words.ts';
import type { SessionKeys } from '../emrtd/sm/sm-channel.ts';
import { paceAlgorithm, type PaceAlgorithm } from '../emrtd/pace/pace-algorithm.ts';
import { paceGroup } from '../emrtd/pace/pace-parameters.ts';
import type { PaceGroup, PaceKeyPair } from '../emrtd/pace/pace-group.ts';
import type { PaceInfoInput } from '../emrtd/pace/pace-types.ts';
import {
  authenticationToken, encryptCamData, encryptNonce, imNonceLength, nonceLength, paceSessionKeys, passwordKeyFromText, tokenInput,
} from '../emrtd/pace/pace-crypto.ts';
import { genericMapping, integratedMapping } from '../emrtd/pace/pace-mapping.ts';
import { PACE_TAG, parseDynamicAuthenticationData, requireObject } from '../emrtd/pace/pace-messages.ts';

export const INS_MSE = 0x22;
export const INS_GENERAL_AUTHENTICATE = 0x86;

export interface PaceCardConfig {
  /** The PACEInfos the card offers (its EF.CardAccess). */
  readonly protocols: readonly PaceInfoInput[];
  /** MRZ_information (password reference 1); absent = the card has no MRZ password. */
  readonly mrzInformation?: string;
  /** Card Access Number (password reference 2). */
  readonly can?: string;
  /** Static Chip Authentication private key for PACE-CAM, on the PACE curve. */
  readonly camPrivateKey?: bigint;
  readonly random?: RandomSource;
  /** Draw keys until a coordinate of the chip's public keys, or of the shared secret, starts with a zero byte. */
  readonly leadingZero?: 'public-key' | 'shared-secret';
}

export interface PaceCardAnswer {
  readonly data: Uint8Array;
  readonly sw: number;
  /** Present when mutual authentication succeeded: the card starts SM with these keys. */
  readonly sessionKeys?: SessionKeys;
}

interface Session {
  readonly algorithm: PaceAlgorithm;
  readonly group: PaceGroup;
  readonly kPi: Uint8Array;
  step: 1 | 2 | 3 | 4;
  s?: Uint8Array;
  mapping?: PaceKeyPair<unknown>;
  generator?: unknown;
  ephemeral?: PaceKeyPair<unknown>;
  terminalPublic?: Uint8Array;
  chipPublic?: Uint8Array;
  sessionKeys?: SessionKeys;
}

const none = new Uint8Array(0);
/** An answer with no data: the success of MSE:Set AT, or any refusal. */
const statusOnly = (sw: number): PaceCardAnswer => ({ data: none, sw });

export class PaceCard {
  private session: Session | undefined;
  private readonly random: RandomSource;

  constructor(private readonly config: PaceCardConfig) {
    this.random = config.random ?? systemRandom;
  }

  /** Whether this object answers the command: MSE:Set AT for authentication, or GENERAL AUTHENTICATE. */
  static handles(cmd: ParsedCommand): boolean {
    const cla = cmd.cla & ~0x10;
    if (cla !== 0x00) return false;
    return (cmd.ins === INS_MSE && cmd.p1 === 0xc1 && cmd.p2 === 0xa4) || cmd.ins === INS_GENERAL_AUTHENTICATE;
  }

  reset(): void {
    this.session = undefined;
  }

  answer(cmd: ParsedCommand): PaceCardAnswer {
    let result: PaceCardAnswer;
    try {
      result = cmd.ins === INS_MSE ? this.setAuthenticationTemplate(cmd) : this.generalAuthenticate(cmd);
    } catch {
      // Malformed data or an invalid key from the terminal.
      result = statusOnly(SW.WRONG_DATA);
    }
    // Any refusal ends the run, as on a real chip: the terminal starts again with MSE:Set AT.
    if (result.sw !== SW.OK) this.session = undefined;
    return result;
  }

  private setAuthenticationTemplate(cmd: ParsedCommand): PaceCardAnswer {
    this.session = undefined;
    if (cmd.cla !== 0x00) return statusOnly(SW.CONDITIONS_NOT_SATISFIED);
    const objects = readTlvList(cmd.data);
    const oidTlv = objects.find((o) => o.tag === 0x80);
    const refTlv = objects.find((o) => o.tag === 0x83);
    const idTlv = objects.find((o) => o.tag === 0x84);
    if (oidTlv === undefined || refTlv === undefined || refTlv.value.length !== 1) return statusOnly(SW.WRONG_DATA);
    const oid = decodeOid(oidTlv.value);
    const parameterId = idTlv === undefined ? undefined : oneByte(idTlv);
    const info = this.config.protocols.find((p) => p.oid === oid && (parameterId === undefined || p.parameterId === parameterId));
    const algorithm = paceAlgorithm(oid);
    if (info === undefined || algorithm === undefined) return statusOnly(SW.WRONG_DATA);
    const reference = refTlv.value[0];
    const password = reference === 1 ? this.config.mrzInformation : reference === 2 ? this.config.can : undefined;
    if (password === undefined) return statusOnly(SW.REFERENCED_DATA_NOT_FOUND);
    if (algorithm.mapping === 'CAM' && this.config.camPrivateKey === undefined) return statusOnly(SW.WRONG_DATA);
    const group = paceGroup(algorithm.agreement, info.parameterId, info.domainParameters);
    const kPi = passwordKeyFromText(reference === 1 ? 'MRZ' : 'CAN', password, algorithm);
    this.session = { algorithm, group, kPi, step: 1 };
    return statusOnly(SW.OK);
  }

  private generalAuthenticate(cmd: ParsedCommand): PaceCardAnswer {
    const session = this.session;
    if (session === undefined || cmd.p1 !== 0 || cmd.p2 !== 0) return statusOnly(SW.CONDITIONS_NOT_SATISFIED);
    // Steps 1-3 are chained (CLA 10), the last is not.
    const chained = (cmd.cla & 0x10) !== 0;
    if (chained !== session.step < 4) return statusOnly(SW.CONDITIONS_NOT_SATISFIED);
    const objects = parseDynamicAuthenticationData(cmd.data);
    if (cmd.data.length === 0) return statusOnly(SW.WRONG_DATA);
    const { algorithm, group } = session;
    switch (session.step) {
      case 1: {
        if (objects.length !== 0) return statusOnly(SW.WRONG_DATA);
        session.s = this.random(nonceLength(algorithm));
        session.step = 2;
        return ok(tlv(PACE_TAG.ENCRYPTED_NONCE, encryptNonce(algorithm, session.kPi, session.s)));
      }
      case 2: {
        const value = requireObject(objects, PACE_TAG.MAPPING_TERMINAL, 'mapping data');
        session.step = 3;
        if (algorithm.mapping === 'IM') {
          if (value.length !== imNonceLength(algorithm)) return statusOnly(SW.WRONG_DATA);
          session.generator = integratedMapping(group, algorithm, session.s!, value);
          return ok();
        }
        const terminalMapping = group.decodePublicKey(value);
        session.mapping = this.keyPair(group, group.generator);
        if (group.equals(terminalMapping, session.mapping.publicKey)) return statusOnly(SW.WRONG_DATA);
        session.generator = genericMapping(group, session.s!, group.multiply(terminalMapping, session.mapping.privateKey));
        return ok(tlv(PACE_TAG.MAPPING_CHIP, group.encodePublicKey(session.mapping.publicKey)));
      }
      case 3: {
        session.terminalPublic = requireObject(objects, PACE_TAG.EPHEMERAL_TERMINAL, 'ephemeral key');
        const terminalKey = group.decodePublicKey(session.terminalPublic);
        session.ephemeral = this.keyPair(group, session.generator, terminalKey);
        if (group.equals(terminalKey, session.ephemeral.publicKey)) return statusOnly(SW.WRONG_DATA);
        session.chipPublic = group.encodePublicKey(session.ephemeral.publicKey);
        session.sessionKeys = paceSessionKeys(algorithm, group.secretBytes(group.multiply(terminalKey, session.ephemeral.privateKey)));
        session.step = 4;
        return ok(tlv(PACE_TAG.EPHEMERAL_CHIP, session.chipPublic));
      }
      case 4: {
        const keys = session.sessionKeys!;
        const token = requireObject(objects, PACE_TAG.TOKEN_TERMINAL, 'token');
        const expected = authenticationToken(algorithm, keys.kMac, tokenInput(algorithm, group, session.chipPublic!));
        // One token check per run, right or wrong.
        this.session = undefined;
        if (!timingSafeEqual(token, expected)) return statusOnly(SW.AUTHENTICATION_FAILED);
        const chipToken = tlv(PACE_TAG.TOKEN_CHIP, authenticationToken(algorithm, keys.kMac, tokenInput(algorithm, group, session.terminalPublic!)));
        if (algorithm.mapping !== 'CAM') return { ...ok(chipToken), sessionKeys: keys };
        return { ...ok(chipToken, tlv(PACE_TAG.CAM_DATA, encryptCamData(keys.kEnc, this.camData(group, session.mapping!)))), sessionKeys: keys };
      }
    }
  }

  /**
   * A fresh key pair on `generator`; with `leadingZero`, redrawn (boundedly) until the chosen
   * value has a zero first byte in one of its coordinates: the public key, or the secret shared
   * with `peer`.
   */
  private keyPair(group: PaceGroup, generator: unknown, peer?: unknown): PaceKeyPair<unknown> {
    const want = this.config.leadingZero;
    let pair = group.generateKeyPair(this.random, generator);
    for (let tries = 0; want && tries < 20_000; tries++) {
      if (want === 'public-key' && hasLeadingZero(group, group.encodePublicKey(pair.publicKey))) break;
      if (want === 'shared-secret' && (peer === undefined || group.secretBytes(group.multiply(peer, pair.privateKey))[0] === 0)) break;
      pair = group.generateKeyPair(this.random, generator);
    }
    return pair;
  }

  /** CA_IC = SK_Map,IC · SK_IC^-1 mod n, so that CA_IC · PK_IC = PK_Map,IC. */
  private camData(group: PaceGroup, mapping: PaceKeyPair<unknown>): Uint8Array {
    const skIc = this.config.camPrivateKey!;
    return bigIntToBytes((mapping.privateKey * modInverse(skIc, group.order)) % group.order, group.scalarLength);
  }
}

/** Whether an encoded public key has a coordinate (EC: x or y after the 04) or a value (DH) starting with 00. */
function hasLeadingZero(group: PaceGroup, encoded: Uint8Array): boolean {
  if (group.agreement === 'DH') return encoded[0] === 0;
  const half = (encoded.length - 1) / 2;
  return encoded[1] === 0 || encoded[1 + half] === 0;
}

function oneByte(t: Tlv): number {
  if (t.value.length !== 1) throw new RangeError('parameter id must be one byte');
  return t.value[0]!;
}

function ok(...objects: Uint8Array[]): PaceCardAnswer {
  return { data: tlv(0x7c, ...objects), sw: SW.OK };
}
