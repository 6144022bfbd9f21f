/** DG15 (tag 6F): the Active Authentication public key, a SubjectPublicKeyInfo (RSA or EC). */
import { tlv } from '../bytes/tlv.ts';
import { ldsMalformed, parsing } from './errors.ts';
import { childrenOf, openFile } from './file-tlv.ts';
import { parsePublicKeyInfo, type PublicKeyInfo } from './public-key.ts';

export interface Dg15 {
  readonly publicKey: PublicKeyInfo;
}

export function parseDg15(bytes: Uint8Array): Dg15 {
  return parsing('DG15', () => {
    const inner = childrenOf(openFile(bytes, 'DG15'), 'DG15');
    if (inner.length !== 1) throw ldsMalformed('DG15', 'must hold exactly one SubjectPublicKeyInfo');
    const publicKey = parsePublicKeyInfo(inner[0]!);
    if (publicKey.keyType !== 'RSA' && publicKey.keyType !== 'EC') throw ldsMalformed('DG15', `key algorithm ${publicKey.algorithm.oid} is neither RSA nor EC`);
    return { publicKey };
  });
}

/** DG15 around a DER SubjectPublicKeyInfo. */
export function encodeDg15(subjectPublicKeyInfo: Uint8Array): Uint8Array {
  return tlv(0x6f, subjectPublicKeyInfo);
}
