/**
 * Active Authentication, card side, for the virtual chip: signs the terminal's challenge as a
 * real chip does. RSA: ISO/IEC 9796-2 scheme 1 with partial recovery (M1 random, M2 = the
 * challenge), raw RSA by BigInt. ECDSA: plain r||s over Hash(challenge).
 */
import { bigIntToBytes, bytesToBigInt } from '../bytes/bytes.ts';
import { hash, rsaPrivateComponents, type HashAlgorithm } from '../crypto/node-crypto.ts';
import { modPow } from '../crypto/dh.ts';
import { ecdsaSign, systemRandom, type EcCurve, type RandomSource } from '../crypto/ec/index.ts';
import { encodeIso9796Scheme1, iso9796Capacity } from '../crypto/iso9796-2.ts';
import type { ParsedCommand } from '../emrtd/apdu/apdu.ts';
import { SW } from '../emrtd/apdu/status-words.ts';

export const INS_INTERNAL_AUTHENTICATE = 0x88;

export type AaCardKey =
  /** PKCS#8 DER RSA key; SHA-1 with the implicit trailer unless `hash` says otherwise. */
  | { readonly kind: 'RSA'; readonly privateKeyDer: Uint8Array; readonly hash?: HashAlgorithm }
  | { readonly kind: 'EC'; readonly curve: EcCurve; readonly privateKey: bigint; readonly hash: HashAlgorithm };

export function signActiveAuthChallenge(key: AaCardKey, challenge: Uint8Array, random: RandomSource = systemRandom): Uint8Array {
  if (key.kind === 'EC') return ecdsaSign(key.curve, key.privateKey, hash(key.hash, challenge), random);
  const { n, d } = rsaPrivateComponents(key.privateKeyDer);
  const hashAlg = key.hash ?? 'sha1';
  const k = Math.ceil(n.toString(2).length / 8);
  // F's top byte is 0x6A, below any modulus whose top byte is 0x80 or more; smaller moduli
  // (bit length not a multiple of 8) get one byte less of representative.
  const length = (n >> BigInt((k - 1) * 8)) > 0x6an ? k : k - 1;
  const m1 = random(iso9796Capacity(length, hashAlg, hashAlg === 'sha1'));
  const f = encodeIso9796Scheme1(m1, challenge, length, hashAlg);
  return bigIntToBytes(modPow(bytesToBigInt(f), d, n), k);
}

/** Answers INTERNAL AUTHENTICATE (00 88 00 00 08 challenge Le). */
export function answerInternalAuthenticate(key: AaCardKey, cmd: ParsedCommand, random: RandomSource = systemRandom): { data: Uint8Array; sw: number } {
  const none = new Uint8Array(0);
  if (cmd.p1 !== 0 || cmd.p2 !== 0) return { data: none, sw: SW.INCORRECT_P1P2 };
  if (cmd.data.length !== 8) return { data: none, sw: SW.WRONG_DATA };
  const signature = signActiveAuthChallenge(key, cmd.data, random);
  if (cmd.ne !== undefined && cmd.ne < signature.length) {
    return { data: none, sw: signature.length <= 256 ? 0x6c00 | (signature.length & 0xff) : SW.WRONG_LENGTH };
  }
  return { data: signature, sw: SW.OK };
}
