/** Inputs and results of PACE, kept apart so callers can import the types alone. */
import type { SessionKeys } from '../sm/sm-channel.ts';
import type { SecureMessaging } from '../sm/secure-messaging.ts';
import type { PaceAlgorithm } from './pace-algorithm.ts';
import type { PaceGroup } from './pace-group.ts';
import type { PaceDomainParameters } from './pace-parameters.ts';

/**
 * One PACEInfo from EF.CardAccess, as much as PACE needs: the protocol OID and the standardised
 * parameter id, or explicit domain parameters (PACEDomainParameterInfo) for proprietary ids.
 */
export interface PaceInfoInput {
  readonly oid: string;
  readonly parameterId?: number;
  readonly domainParameters?: PaceDomainParameters;
}

/** What CAM leaves to check against the chip's static key (DG14 / EF.CardSecurity). */
export interface PaceCamData {
  /** CA_IC, decrypted from DO'8A'. */
  readonly chipAuthenticationData: Uint8Array;
  /** PK_Map,IC as the chip sent it in the mapping step. */
  readonly chipMappingPublicKey: Uint8Array;
  /** The PACE group, so the check runs on the same curve. */
  readonly group: PaceGroup;
}

export interface PaceResult {
  /** e.g. 'PACE-ECDH-GM-AES-128 brainpoolP256r1' — what the accessControl check shows. */
  readonly protocol: string;
  readonly algorithm: PaceAlgorithm;
  readonly groupLabel: string;
  readonly parameterId?: number;
  readonly sessionKeys: SessionKeys;
  /** Secure messaging over the original transport, started on sessionKeys (SSC 0). */
  readonly transport: SecureMessaging;
  /** PK_IC, the chip's ephemeral public key (Chip Authentication binds to nothing else). */
  readonly chipEphemeralPublicKey: Uint8Array;
  /** Certification authority references (DO 87/88) the chip may send for Terminal Authentication. */
  readonly certificationAuthorityReferences: readonly Uint8Array[];
  /** Present for PACE-CAM only; not a proof until checked against the chip's static key. */
  readonly cam?: PaceCamData;
}
