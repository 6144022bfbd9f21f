/**
 * The mapping step: from the nonce s (and, per mapping, an ECDH/DH exchange or a second nonce t)
 * to the ephemeral generator G~ both sides continue with.
 */
import { bytesToBigInt } from '../../bytes/bytes.ts';
import type { PaceGroup } from './pace-group.ts';
import type { PaceAlgorithm } from './pace-algorithm.ts';
import { pseudoRandomMapping } from './pace-crypto.ts';
import { paceUnsupported } from './pace-errors.ts';

/** Generic mapping (GM and CAM): G~ = s·G + H (EC) or g^s·H (DH), H the mapping shared element. */
export function genericMapping<E>(group: PaceGroup<E>, s: Uint8Array, sharedElement: E): E {
  return group.combine(group.multiply(group.generator, bytesToBigInt(s)), sharedElement);
}

/** Integrated mapping: G~ = f_G(R_p(s, t)) (EC point encoding, or Rp^((p-1)/q) for DH). */
export function integratedMapping<E>(group: PaceGroup<E>, algorithm: PaceAlgorithm, s: Uint8Array, t: Uint8Array): E {
  if (!group.supportsIntegratedMapping) throw paceUnsupported(`integrated mapping on ${group.label}`);
  return group.integratedMap(pseudoRandomMapping(algorithm, s, t, group.fieldPrime));
}
