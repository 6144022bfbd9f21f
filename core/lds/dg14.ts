/** DG14 (tag 6E): SecurityInfos for Chip Authentication (and PACE/TA/AA infos some chips add). */
import { tlv } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { childrenOf, openFile } from './file-tlv.ts';
import { encodeSecurityInfos, parseSecurityInfoSet, type SecurityInfo, type SecurityInfoInput } from './security-infos.ts';

export interface Dg14 {
  readonly securityInfos: readonly SecurityInfo[];
}

export function parseDg14(bytes: Uint8Array): Dg14 {
  return parsing('DG14', () => {
    const inner = childrenOf(openFile(bytes, 'DG14'), 'DG14');
    if (inner.length !== 1) throw ldsMalformed('DG14', 'must hold exactly one SET OF SecurityInfo');
    return { securityInfos: parseSecurityInfoSet(inner[0]!, 'DG14') };
  });
}

export function encodeDg14(infos: readonly SecurityInfoInput[]): Uint8Array {
  return tlv(0x6e, encodeSecurityInfos(infos));
}
