/**
 * Chip Authentication inputs from DG14 (or EF.CardSecurity): each ChipAuthenticationPublicKeyInfo
 * paired with its ChipAuthenticationInfo by keyId, and the group its domain parameters describe.
 * A key without a ChipAuthenticationInfo gets the 3DES protocol, the default of older documents
 * (BSI TR-03110 v1.11 / ICAO 9303-11 §6.2).
 */
import { EidError } from '../../errors.ts';
import { OID } from '../../asn1/oids.ts';
import { readTlv } from '../../bytes/tlv.ts';
import { curveByOid, curveFromParams } from '../../crypto/ec/index.ts';
import { findDhGroup, type DhGroup } from '../../crypto/dh.ts';
import type { PublicKeyInfo } from '../../lds/public-key.ts';
import type { SecurityInfo } from '../../lds/security-infos.ts';
import { dhPaceGroup, ecPaceGroup, type PaceGroup } from '../pace/pace-group.ts';
import { paceGroup } from '../pace/pace-parameters.ts';

export interface ChipAuthenticationAlgorithm {
  readonly oid: string;
  readonly agreement: 'DH' | 'ECDH';
  readonly cipher: '3DES' | 'AES';
  readonly keyBits: 128 | 192 | 256;
}

/** id-CA-{DH,ECDH}-{3DES-CBC-CBC, AES-CBC-CMAC-128/192/256}. */
export function chipAuthenticationAlgorithm(oid: string): ChipAuthenticationAlgorithm | undefined {
  if (!oid.startsWith(OID.ca + '.')) return undefined;
  const [agreementArc, suiteArc, ...rest] = oid.slice(OID.ca.length + 1).split('.').map(Number);
  if (rest.length !== 0) return undefined;
  const agreement = agreementArc === 1 ? 'DH' : agreementArc === 2 ? 'ECDH' : undefined;
  const suite = ({ 1: ['3DES', 128], 2: ['AES', 128], 3: ['AES', 192], 4: ['AES', 256] } as const)[suiteArc as 1 | 2 | 3 | 4];
  if (agreement === undefined || suite === undefined) return undefined;
  return { oid, agreement, cipher: suite[0], keyBits: suite[1] };
}

export function chipAuthenticationOid(agreement: 'DH' | 'ECDH', cipher: '3DES' | 'AES', keyBits: 128 | 192 | 256): string {
  return `${OID.ca}.${agreement === 'DH' ? 1 : 2}.${cipher === '3DES' ? 1 : keyBits / 64}`;
}

/** One key the chip can prove it holds: protocol OID, optional keyId and the DG14 public key. */
export interface ChipAuthenticationKey {
  readonly oid: string;
  readonly keyId?: number;
  readonly publicKey: PublicKeyInfo;
}

function caKeyError(detail: string): EidError {
  return new EidError('CA_KEY_UNSUPPORTED', { detail });
}

/**
 * Pairs keys with protocols by keyId (an absent keyId matches when the document has one
 * protocol). Keys with a ChipAuthenticationInfo come first: a key without one is often the
 * PACE-CAM key (German ID cards list it with keyId = PACE parameter id), tried last with the
 * 3DES default.
 */
export function chipAuthenticationKeys(infos: readonly SecurityInfo[]): ChipAuthenticationKey[] {
  const protocols = infos.filter((i) => i.type === 'ChipAuthenticationInfo');
  const keys = infos.filter((i) => i.type === 'ChipAuthenticationPublicKeyInfo');
  const paired = keys.map((key) => {
    const byId = protocols.find((p) => p.keyId !== null && p.keyId === key.keyId);
    const sole = protocols.length === 1 && (key.keyId === null || protocols[0]!.keyId === null) ? protocols[0] : undefined;
    const info = byId ?? sole;
    const oid = info?.oid ?? chipAuthenticationOid(key.publicKey.keyType === 'DH' ? 'DH' : 'ECDH', '3DES', 128);
    const entry: ChipAuthenticationKey = key.keyId === null ? { oid, publicKey: key.publicKey } : { oid, keyId: key.keyId, publicKey: key.publicKey };
    return { entry, declared: info !== undefined };
  });
  return [...paired.filter((p) => p.declared), ...paired.filter((p) => !p.declared)].map((p) => p.entry);
}

/** The group of a chip's static key and the key itself as a group element. */
export function chipAuthenticationGroup(publicKey: PublicKeyInfo): { group: PaceGroup; staticKey: unknown } {
  const params = publicKey.parameters;
  let group: PaceGroup;
  let encoded = publicKey.publicKey;
  if (params.kind === 'ec') {
    if (params.ec.kind === 'implicit') throw caKeyError('implicit EC parameters');
    group = ecPaceGroup(params.ec.kind === 'named' ? curveByOid(params.ec.curveOid) : curveFromParams(params.ec.params));
  } else if (params.kind === 'standardized') {
    group = paceGroup(publicKey.keyType === 'DH' ? 'DH' : 'ECDH', params.parameterId);
  } else if (params.kind === 'dh') {
    const explicit: DhGroup = params.q === null ? { name: 'DH', p: params.p, g: params.g } : { name: 'DH', p: params.p, g: params.g, q: params.q };
    group = dhPaceGroup(findDhGroup(params.p, params.g) ?? explicit);
  } else {
    throw caKeyError(`key type ${publicKey.keyType}`);
  }
  // A DH key is a DER INTEGER inside the BIT STRING; an EC key is the point itself.
  if (group.agreement === 'DH') {
    const int = readTlv(encoded);
    if (int.tag !== 0x02 || int.end !== encoded.length) throw caKeyError('DH public key is not an INTEGER');
    encoded = int.value[0] === 0 ? int.value.subarray(1) : int.value;
  }
  return { group, staticKey: group.decodePublicKey(encoded) };
}
