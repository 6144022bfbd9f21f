/**
 * Which group a PACE run uses: ICAO 9303-11 standardised domain parameter ids (0-2 RFC 5114 DH
 * groups, 8-18 NIST and brainpool curves; 3-7 reserved), or explicit parameters from a
 * PACEDomainParameterInfo for proprietary ids (32-63).
 */
import { curveByName, curveFromParams, type EcDomainParameters, type NamedCurveName } from '../../crypto/ec/index.ts';
import { RFC5114_1024_160, RFC5114_2048_224, RFC5114_2048_256, type DhGroup } from '../../crypto/dh.ts';
import { dhPaceGroup, ecPaceGroup, type PaceGroup } from './pace-group.ts';
import { paceUnsupported } from './pace-errors.ts';
import type { PaceAgreement } from './pace-algorithm.ts';

const DH_IDS: Record<number, DhGroup> = { 0: RFC5114_1024_160, 1: RFC5114_2048_224, 2: RFC5114_2048_256 };

const EC_IDS: Record<number, NamedCurveName> = {
  8: 'P-192',
  9: 'brainpoolP192r1',
  10: 'P-224',
  11: 'brainpoolP224r1',
  12: 'P-256',
  13: 'brainpoolP256r1',
  14: 'brainpoolP320r1',
  15: 'P-384',
  16: 'brainpoolP384r1',
  17: 'brainpoolP512r1',
  18: 'P-521',
};

/** Every standardised parameter id, for tests and the card side. */
export const STANDARD_PARAMETER_IDS: readonly number[] = [0, 1, 2, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18];

/** Explicit domain parameters, as a PACEDomainParameterInfo carries them. */
export type PaceDomainParameters = { readonly agreement: 'ECDH'; readonly ec: EcDomainParameters } | { readonly agreement: 'DH'; readonly dh: DhGroup };

/** The group for a parameter id (or explicit parameters) and the OID's key agreement. */
export function paceGroup(agreement: PaceAgreement, parameterId: number | undefined, explicit?: PaceDomainParameters): PaceGroup {
  if (explicit !== undefined) {
    if (explicit.agreement !== agreement) throw paceUnsupported(`domain parameters are ${explicit.agreement}, protocol is ${agreement}`);
    return explicit.agreement === 'ECDH' ? ecPaceGroup(curveFromParams(explicit.ec)) : dhPaceGroup(explicit.dh);
  }
  if (parameterId === undefined) throw paceUnsupported('no domain parameter id');
  if (agreement === 'DH') {
    const group = DH_IDS[parameterId];
    if (group === undefined) throw paceUnsupported(`DH parameter id ${parameterId}`);
    return dhPaceGroup(group);
  }
  const name = EC_IDS[parameterId];
  if (name === undefined) throw paceUnsupported(`ECDH parameter id ${parameterId}`);
  return ecPaceGroup(curveByName(name));
}

/** Key agreement of a standardised parameter id (0-2 DH, 8-18 ECDH). */
export function agreementOfParameterId(parameterId: number): PaceAgreement | undefined {
  if (DH_IDS[parameterId] !== undefined) return 'DH';
  if (EC_IDS[parameterId] !== undefined) return 'ECDH';
  return undefined;
}
