/** PACE (ICAO 9303-11 §4.4), terminal side and the pieces the card side reuses. */
export { performPace, type PaceOptions } from './pace-terminal.ts';
export type { PaceCamData, PaceInfoInput, PaceResult } from './pace-types.ts';
export { ID_PACE, paceAlgorithm, paceAlgorithmLabel, paceOid } from './pace-oids.ts';
export type { PaceAgreement, PaceAlgorithm, PaceCipher, PaceKeyBits, PaceMapping } from './pace-oids.ts';
export { STANDARD_PARAMETER_IDS, agreementOfParameterId, paceGroup, type PaceDomainParameters } from './pace-parameters.ts';
export { dhPaceGroup, ecPaceGroup, type PaceGroup, type PaceKeyPair } from './pace-group.ts';
export { paceCandidates, performPaceWithCardAccess } from './pace-select.ts';
