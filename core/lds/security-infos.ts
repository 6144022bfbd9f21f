/**
 * SecurityInfos (ICAO 9303-11 §9.2, BSI TR-03110-3 A.1): the SET OF SecurityInfo that EF.CardAccess,
 * EF.CardSecurity and DG14 carry. Each SecurityInfo is { protocol OID, requiredData, optionalData };
 * the protocol OID says which of the typed infos below it is. Unknown protocols are kept raw.
 */
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from '../asn1/algorithms.ts';
import { OID } from '../asn1/oids.ts';
import { asn1Error, items, oidValue, smallInteger } from '../asn1/reader.ts';
import { integer, oid as derOid, sequence, setOf } from '../bytes/der.ts';
import { readTlv, type Tlv } from '../bytes/tlv.ts';
import { ldsMalformed } from './errors.ts';
import type { LdsFileName } from './files.ts';
import { parsePublicKeyInfo, type PublicKeyInfo } from './public-key.ts';

interface Base {
  readonly oid: string;
  /** The SecurityInfo as encoded. */
  readonly raw: Uint8Array;
}

export type SecurityInfo =
  | (Base & { readonly type: 'PACEInfo'; readonly version: number; readonly parameterId: number | null })
  | (Base & { readonly type: 'PACEDomainParameterInfo'; readonly domainParameter: AlgorithmIdentifier; readonly parameterId: number | null })
  | (Base & { readonly type: 'ChipAuthenticationInfo'; readonly version: number; readonly keyId: number | null })
  | (Base & { readonly type: 'ChipAuthenticationDomainParameterInfo'; readonly domainParameter: AlgorithmIdentifier; readonly keyId: number | null })
  | (Base & { readonly type: 'ChipAuthenticationPublicKeyInfo'; readonly publicKey: PublicKeyInfo; readonly keyId: number | null })
  | (Base & { readonly type: 'ActiveAuthenticationInfo'; readonly version: number; readonly signatureAlgorithm: string })
  | (Base & { readonly type: 'TerminalAuthenticationInfo'; readonly version: number })
  | (Base & { readonly type: 'Unknown' });

export type SecurityInfoType = SecurityInfo['type'];

/** OID arcs under id-PACE / id-CA: x.y where x = mapping/key agreement and y = cipher; x alone = domain parameters. */
function arcsUnder(oid: string, prefix: string): number[] | undefined {
  if (!oid.startsWith(prefix + '.')) return undefined;
  return oid.slice(prefix.length + 1).split('.').map(Number);
}

const MAX_INFOS = 64;

function optionalId(t: Tlv | undefined): number | null {
  return t === undefined ? null : smallInteger(t, 'parameter/key id');
}

function parseOne(t: Tlv): SecurityInfo {
  const [oidTlv, required, optional] = items(t, 'SecurityInfo');
  const oid = oidValue(oidTlv, 'SecurityInfo protocol');
  const raw = t.raw;
  const pace = arcsUnder(oid, OID.pace);
  if (pace?.length === 2) return { type: 'PACEInfo', oid, raw, version: smallInteger(required, 'PACEInfo version'), parameterId: optionalId(optional) };
  if (pace?.length === 1) return { type: 'PACEDomainParameterInfo', oid, raw, domainParameter: parseAlgorithmIdentifier(required, 'PACE domain parameters'), parameterId: optionalId(optional) };
  const ca = arcsUnder(oid, OID.ca);
  if (ca?.length === 2) return { type: 'ChipAuthenticationInfo', oid, raw, version: smallInteger(required, 'ChipAuthenticationInfo version'), keyId: optionalId(optional) };
  if (ca?.length === 1) return { type: 'ChipAuthenticationDomainParameterInfo', oid, raw, domainParameter: parseAlgorithmIdentifier(required, 'CA domain parameters'), keyId: optionalId(optional) };
  if (arcsUnder(oid, OID.pk)?.length === 1) {
    if (!required) throw asn1Error('ChipAuthenticationPublicKeyInfo without a key');
    return { type: 'ChipAuthenticationPublicKeyInfo', oid, raw, publicKey: parsePublicKeyInfo(required), keyId: optionalId(optional) };
  }
  if (oid === OID.activeAuthentication) return { type: 'ActiveAuthenticationInfo', oid, raw, version: smallInteger(required, 'ActiveAuthenticationInfo version'), signatureAlgorithm: oidValue(optional, 'AA signature algorithm') };
  if (oid === OID.ta) return { type: 'TerminalAuthenticationInfo', oid, raw, version: smallInteger(required, 'TerminalAuthenticationInfo version') };
  return { type: 'Unknown', oid, raw };
}

/** Parses the SET OF SecurityInfo at the start of `bytes` (the whole of EF.CardAccess). */
export function parseSecurityInfoSet(set: Tlv, file: LdsFileName): SecurityInfo[] {
  if (set.tag !== 0x31) throw ldsMalformed(file, `SecurityInfos must be a SET (0x31), found 0x${set.tag.toString(16).toUpperCase()}`);
  const list = items(set, 'SecurityInfos', 0x31);
  if (list.length > MAX_INFOS) throw ldsMalformed(file, 'too many SecurityInfo entries');
  return list.map(parseOne);
}

export function parseSecurityInfosBytes(bytes: Uint8Array, file: LdsFileName): SecurityInfo[] {
  return parseSecurityInfoSet(readTlv(bytes, 0), file);
}

export type SecurityInfoInput =
  | { readonly type: 'PACEInfo'; readonly oid: string; readonly version?: number; readonly parameterId?: number }
  | { readonly type: 'PACEDomainParameterInfo'; readonly oid: string; readonly domainParameter: Uint8Array; readonly parameterId?: number }
  | { readonly type: 'ChipAuthenticationInfo'; readonly oid: string; readonly version?: number; readonly keyId?: number }
  | { readonly type: 'ChipAuthenticationDomainParameterInfo'; readonly oid: string; readonly domainParameter: Uint8Array; readonly keyId?: number }
  /** `subjectPublicKeyInfo`: the DER SubjectPublicKeyInfo of the chip's CA key. */
  | { readonly type: 'ChipAuthenticationPublicKeyInfo'; readonly oid: string; readonly subjectPublicKeyInfo: Uint8Array; readonly keyId?: number }
  | { readonly type: 'ActiveAuthenticationInfo'; readonly signatureAlgorithm: string; readonly version?: number }
  | { readonly type: 'TerminalAuthenticationInfo'; readonly version?: number }
  | { readonly type: 'Raw'; readonly raw: Uint8Array };

const opt = (n: number | undefined): Uint8Array[] => (n === undefined ? [] : [integer(n)]);

export function encodeSecurityInfo(info: SecurityInfoInput): Uint8Array {
  switch (info.type) {
    case 'PACEInfo': return sequence(derOid(info.oid), integer(info.version ?? 2), ...opt(info.parameterId));
    case 'PACEDomainParameterInfo': return sequence(derOid(info.oid), info.domainParameter, ...opt(info.parameterId));
    case 'ChipAuthenticationInfo': return sequence(derOid(info.oid), integer(info.version ?? 1), ...opt(info.keyId));
    case 'ChipAuthenticationDomainParameterInfo': return sequence(derOid(info.oid), info.domainParameter, ...opt(info.keyId));
    case 'ChipAuthenticationPublicKeyInfo': return sequence(derOid(info.oid), info.subjectPublicKeyInfo, ...opt(info.keyId));
    case 'ActiveAuthenticationInfo': return sequence(derOid(OID.activeAuthentication), integer(info.version ?? 1), derOid(info.signatureAlgorithm));
    case 'TerminalAuthenticationInfo': return sequence(derOid(OID.ta), integer(info.version ?? 1));
    case 'Raw': return info.raw;
  }
}

/** DER SET OF SecurityInfo (sorted, as DER requires): the content of EF.CardAccess as is. */
export function encodeSecurityInfos(infos: readonly SecurityInfoInput[]): Uint8Array {
  return setOf(...infos.map(encodeSecurityInfo));
}
