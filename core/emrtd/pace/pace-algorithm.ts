/**
 * PACE algorithms and their protocol OIDs (ICAO 9303-11 §9.2.x, BSI TR-03110-3): under id-PACE
 * (asn1/oids.ts) the key agreement + mapping arc, then the cipher suite. CAM exists only with AES.
 */
import { OID } from '../../asn1/oids.ts';
import type { KdfCipher } from '../../crypto/kdf.ts';

export type PaceMapping = 'GM' | 'IM' | 'CAM';
export type PaceAgreement = 'DH' | 'ECDH';
export type PaceCipher = '3DES' | 'AES';
export type PaceKeyBits = 128 | 192 | 256;

export interface PaceAlgorithm {
  readonly oid: string;
  readonly agreement: PaceAgreement;
  readonly mapping: PaceMapping;
  readonly cipher: PaceCipher & KdfCipher;
  /** Session key length (3DES: 128 = two-key 3DES). */
  readonly keyBits: PaceKeyBits;
}

const ARCS: Record<number, { agreement: PaceAgreement; mapping: PaceMapping }> = {
  1: { agreement: 'DH', mapping: 'GM' },
  2: { agreement: 'ECDH', mapping: 'GM' },
  3: { agreement: 'DH', mapping: 'IM' },
  4: { agreement: 'ECDH', mapping: 'IM' },
  6: { agreement: 'ECDH', mapping: 'CAM' },
};

const SUITES: Record<number, { cipher: PaceCipher; keyBits: PaceKeyBits }> = {
  1: { cipher: '3DES', keyBits: 128 },
  2: { cipher: 'AES', keyBits: 128 },
  3: { cipher: 'AES', keyBits: 192 },
  4: { cipher: 'AES', keyBits: 256 },
};

/** The algorithm an OID names, or undefined for anything that is not a PACE protocol we know. */
export function paceAlgorithm(oid: string): PaceAlgorithm | undefined {
  if (!oid.startsWith(OID.pace + '.')) return undefined;
  const rest = oid.slice(OID.pace.length + 1).split('.');
  if (rest.length !== 2) return undefined;
  const arc = ARCS[Number(rest[0])];
  const suite = SUITES[Number(rest[1])];
  if (arc === undefined || suite === undefined) return undefined;
  if (arc.mapping === 'CAM' && suite.cipher === '3DES') return undefined;
  return { oid, ...arc, ...suite };
}

/** The OID of an algorithm (inverse of paceAlgorithm; used by the card side and tests). */
export function paceOid(agreement: PaceAgreement, mapping: PaceMapping, cipher: PaceCipher, keyBits: PaceKeyBits): string {
  const arc = Object.entries(ARCS).find(([, v]) => v.agreement === agreement && v.mapping === mapping)?.[0];
  const suite = Object.entries(SUITES).find(([, v]) => v.cipher === cipher && (cipher === '3DES' || v.keyBits === keyBits))?.[0];
  if (arc === undefined || suite === undefined) throw new RangeError(`no PACE OID for ${agreement}-${mapping}-${cipher}-${keyBits}`);
  return `${OID.pace}.${arc}.${suite}`;
}

/**
 * 'PACE-ECDH-GM-AES-128'; with the password that opened the chip, 'PACE-CAN ECDH-GM-AES-128', as
 * the accessControl check shows it.
 */
export function paceAlgorithmLabel(a: PaceAlgorithm, password?: 'MRZ' | 'CAN'): string {
  return `PACE-${password ? `${password} ` : ''}${a.agreement}-${a.mapping}-${a.cipher === '3DES' ? '3DES' : `AES-${a.keyBits}`}`;
}
