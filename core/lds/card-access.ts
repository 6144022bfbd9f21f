/**
 * EF.CardAccess (SET OF SecurityInfo, read before access control: tells which PACE variants the
 * chip offers) and EF.CardSecurity (the same infos signed in a CMS SignedData, eContentType
 * id-SecurityObject; core/trust verifies the signature).
 */
import { parseSignedData, type SignedData } from '../asn1/cms.ts';
import { OID } from '../asn1/oids.ts';
import { readTlv } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { MAX_FILE_BYTES } from './file-tlv.ts';
import { parseSecurityInfoSet, type SecurityInfo } from './security-infos.ts';

export type PaceInfo = Extract<SecurityInfo, { type: 'PACEInfo' }>;

export function parseCardAccess(bytes: Uint8Array): SecurityInfo[] {
  return parsing('CardAccess', () => {
    if (bytes.length > MAX_FILE_BYTES) throw ldsMalformed('CardAccess', 'file too large');
    return parseSecurityInfoSet(readTlv(bytes, 0), 'CardAccess');
  });
}

/** The PACEInfos of a SecurityInfos list: what PACE may be run with ({ oid, parameterId }). */
export function paceInfos(infos: readonly SecurityInfo[]): PaceInfo[] {
  return infos.filter((i): i is PaceInfo => i.type === 'PACEInfo');
}

export interface CardSecurity {
  readonly signedData: SignedData;
  readonly securityInfos: readonly SecurityInfo[];
}

export function parseCardSecurity(bytes: Uint8Array): CardSecurity {
  return parsing('CardSecurity', () => {
    if (bytes.length > MAX_FILE_BYTES) throw ldsMalformed('CardSecurity', 'file too large');
    const signedData = parseSignedData(bytes);
    if (signedData.eContentType !== OID.securityObject) throw ldsMalformed('CardSecurity', `eContentType ${signedData.eContentType} is not id-SecurityObject`);
    if (!signedData.eContent) throw ldsMalformed('CardSecurity', 'no SecurityInfos in the signed content');
    return { signedData, securityInfos: parseSecurityInfoSet(readTlv(signedData.eContent, 0), 'CardSecurity') };
  });
}
