/**
 * The group PACE runs in, as one interface over elliptic curves and finite-field DH, so the
 * protocol steps (terminal and card side) are written once. Elements are EC points or BigInts;
 * the interface is generic over them and the protocol code holds them opaquely.
 */
import {
  decodePoint, encodeFieldElement, encodePoint, icaoPointEncode, pointAdd, randomScalar, scalarMultiply, supportsPointEncoding,
  type EcCurve, type EcPoint, type RandomSource,
} from '../../crypto/ec/index.ts';
import { decodeDhPublic, encodeDhValue, modPow, randomDhExponent, type DhGroup } from '../../crypto/dh.ts';
import { paceFailed } from './pace-errors.ts';

export interface PaceKeyPair<E> {
  readonly privateKey: bigint;
  readonly publicKey: E;
}

// Method syntax on purpose: it keeps PaceGroup<EcPoint> usable where PaceGroup<unknown> is expected.
export interface PaceGroup<E = unknown> {
  readonly agreement: 'ECDH' | 'DH';
  /** 'brainpoolP256r1', 'RFC5114-1024-160', ... */
  readonly label: string;
  readonly generator: E;
  /** Prime of the field: the integrated mapping draws log2(p)+64 pseudo-random bits. */
  readonly fieldPrime: bigint;
  /** Order of the generator (n, or q for DH; p-1 when a DH group has no q). */
  readonly order: bigint;
  /** Bytes of a scalar modulo the order (CAM's CA_IC is sent at this length). */
  readonly scalarLength: number;
  /** Tag of the public key inside the 7F49 token input: 86 (EC point) or 84 (DH value). */
  readonly publicKeyTag: 0x86 | 0x84;
  /** Whether the integrated mapping can run in this group. */
  readonly supportsIntegratedMapping: boolean;
  generateKeyPair(random: RandomSource, generator: E): PaceKeyPair<E>;
  encodePublicKey(element: E): Uint8Array;
  /** Validated decoding of the peer's public key (on the curve / in the subgroup). */
  decodePublicKey(bytes: Uint8Array): E;
  /** k·P (EC) or P^k (DH). */
  multiply(element: E, k: bigint): E;
  /** P + Q (EC) or P·Q mod p (DH). */
  combine(a: E, b: E): E;
  equals(a: E, b: E): boolean;
  /** The shared secret bytes K from an agreed element: x-coordinate or the value, left-padded. */
  secretBytes(element: E): Uint8Array;
  /** Integrated mapping f_G(Rp). */
  integratedMap(rp: bigint): E;
}

export function ecPaceGroup(curve: EcCurve): PaceGroup<EcPoint> {
  return {
    agreement: 'ECDH',
    label: curve.name,
    generator: curve.Point.BASE,
    fieldPrime: curve.params.p,
    order: curve.params.n,
    scalarLength: curve.orderLength,
    publicKeyTag: 0x86,
    supportsIntegratedMapping: supportsPointEncoding(curve),
    generateKeyPair(random, generator) {
      const privateKey = randomScalar(curve, random);
      return { privateKey, publicKey: scalarMultiply(curve, generator, privateKey) };
    },
    encodePublicKey: (point) => encodePoint(curve, point),
    decodePublicKey: (bytes) => decodePoint(curve, bytes),
    multiply: (point, k) => scalarMultiply(curve, point, k),
    combine: (a, b) => pointAdd(a, b),
    equals: (a, b) => a.equals(b),
    secretBytes: (point) => encodeFieldElement(curve, point.x),
    integratedMap: (rp) => icaoPointEncode(curve, rp),
  };
}

export function dhPaceGroup(group: DhGroup): PaceGroup<bigint> {
  const { p } = group;
  return {
    agreement: 'DH',
    label: group.name,
    generator: group.g,
    fieldPrime: p,
    order: group.q ?? p - 1n,
    scalarLength: Math.ceil((group.q ?? p - 1n).toString(2).length / 8),
    publicKeyTag: 0x84,
    supportsIntegratedMapping: group.q !== undefined,
    generateKeyPair(random, generator) {
      const privateKey = randomDhExponent(group, random);
      return { privateKey, publicKey: modPow(generator, privateKey, p) };
    },
    encodePublicKey: (y) => encodeDhValue(group, y),
    decodePublicKey: (bytes) => decodeDhPublic(group, bytes),
    multiply(y, k) {
      const r = modPow(y, k, p);
      if (r <= 1n) throw paceFailed('degenerate group element');
      return r;
    },
    combine(a, b) {
      const r = (a * b) % p;
      if (r <= 1n) throw paceFailed('degenerate group element');
      return r;
    },
    equals: (a, b) => a === b,
    secretBytes: (y) => encodeDhValue(group, y),
    integratedMap(rp) {
      // G~ = Rp^((p-1)/q): lands in the order-q subgroup; 1 would be a useless generator.
      if (group.q === undefined) throw paceFailed('integrated mapping needs the subgroup order q');
      const g = modPow(rp, (p - 1n) / group.q, p);
      if (g <= 1n) throw paceFailed('integrated mapping produced the identity');
      return g;
    },
  };
}
