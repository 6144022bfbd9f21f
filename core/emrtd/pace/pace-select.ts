/**
 * From EF.CardAccess to PACE runs: which PACEInfos this terminal can run, best first, with
 * explicit domain parameters resolved from PACEDomainParameterInfo for proprietary ids (>= 32);
 * and a runner that moves to the next candidate only when the chip refuses one at MSE:Set AT.
 * A wrong access key stops at once: retrying would only count against the chip's retry counter.
 */
import { isEidError } from '../../errors.ts';
import { items, integerValue, readWhole } from '../../asn1/reader.ts';
import { OID } from '../../asn1/oids.ts';
import { parseEcKeyParameters } from '../../asn1/ec-parameters.ts';
import type { SecurityInfo } from '../../lds/security-infos.ts';
import type { AccessKey } from '../../mrz/index.ts';
import type { Transport } from '../apdu/transport.ts';
import { paceAlgorithm, type PaceAlgorithm } from './pace-algorithm.ts';
import { paceGroup, type PaceDomainParameters } from './pace-parameters.ts';
import { performPace, type PaceOptions } from './pace-terminal.ts';
import { paceUnsupported } from './pace-errors.ts';
import type { PaceInfoInput, PaceResult } from './pace-types.ts';

type DomainInfo = Extract<SecurityInfo, { type: 'PACEDomainParameterInfo' }>;

/** Explicit parameters of a PACEDomainParameterInfo, or a standardised id it names. */
function domainParameters(info: DomainInfo): { explicit?: PaceDomainParameters; parameterId?: number } | undefined {
  const { oid, parameters } = info.domainParameter;
  try {
    if (oid === OID.standardizedDomainParameters && parameters) return { parameterId: Number(integerValue(readWhole(parameters, 'parameter id'), 'parameter id')) };
    if (oid === OID.ecPublicKey) {
      const ec = parseEcKeyParameters(parameters);
      return ec.kind === 'explicit' ? { explicit: { agreement: 'ECDH', ec: ec.params } } : undefined;
    }
    if (oid === OID.dhPublicNumber && parameters) {
      const [p, g, q] = items(readWhole(parameters, 'DH parameters'), 'DH parameters');
      const dh = { name: 'DH', p: integerValue(p, 'p'), g: integerValue(g, 'g') };
      return { explicit: { agreement: 'DH', dh: q === undefined ? dh : { ...dh, q: integerValue(q, 'q') } } };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function preference(a: PaceAlgorithm): number {
  const mapping = { CAM: 300, GM: 200, IM: 100 }[a.mapping];
  return mapping + (a.agreement === 'ECDH' ? 50 : 0) + (a.cipher === 'AES' ? a.keyBits / 8 : 0);
}

/**
 * The PACEInfos this terminal can run, best first: CAM (it also authenticates the chip) before
 * GM before IM, ECDH before DH, stronger ciphers first. Entries whose group or mapping is not
 * supported are left out.
 */
export function paceCandidates(infos: readonly SecurityInfo[]): PaceInfoInput[] {
  const domains = infos.filter((i): i is DomainInfo => i.type === 'PACEDomainParameterInfo');
  const out: { input: PaceInfoInput; rank: number }[] = [];
  for (const info of infos) {
    if (info.type !== 'PACEInfo') continue;
    const algorithm = paceAlgorithm(info.oid);
    if (algorithm === undefined) continue;
    let input: PaceInfoInput | undefined;
    if (info.parameterId !== null && info.parameterId < 32) {
      input = { oid: info.oid, parameterId: info.parameterId };
    } else {
      // Proprietary id (or none): the PACEDomainParameterInfo with the same id (or the only one).
      const domain = domains.find((d) => d.parameterId === info.parameterId) ?? (domains.length === 1 ? domains[0] : undefined);
      const resolved = domain === undefined ? undefined : domainParameters(domain);
      if (resolved?.explicit !== undefined) {
        input = info.parameterId === null ? { oid: info.oid, domainParameters: resolved.explicit } : { oid: info.oid, parameterId: info.parameterId, domainParameters: resolved.explicit };
      } else if (resolved?.parameterId !== undefined) {
        input = { oid: info.oid, parameterId: resolved.parameterId };
      }
    }
    if (input === undefined) continue;
    try {
      const group = paceGroup(algorithm.agreement, input.parameterId, input.domainParameters);
      if (algorithm.mapping === 'IM' && !group.supportsIntegratedMapping) continue;
    } catch {
      continue;
    }
    out.push({ input, rank: preference(algorithm) });
  }
  return out.sort((a, b) => b.rank - a.rank).map((c) => c.input);
}

/**
 * Runs PACE with the best candidate the chip accepts. PACE_UNSUPPORTED when there is none or
 * the chip refuses all; ACCESS_DENIED and PACE_FAILED end the attempt at once.
 */
export async function performPaceWithCardAccess(transport: Transport, infos: readonly SecurityInfo[], key: AccessKey, options: PaceOptions = {}): Promise<PaceResult> {
  const candidates = paceCandidates(infos);
  if (candidates.length === 0) throw paceUnsupported('EF.CardAccess lists no PACE variant this terminal supports');
  let last: unknown;
  for (const candidate of candidates) {
    try {
      return await performPace(transport, candidate, key, options);
    } catch (e) {
      if (!isEidError(e, 'PACE_UNSUPPORTED')) throw e;
      last = e;
    }
  }
  throw last;
}
