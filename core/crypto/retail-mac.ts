/**
 * ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES, as ICAO 9303-11 uses for BAC and 3DES
 * secure messaging: single-DES CBC-MAC under Ka, then the last block decrypted under Kb and
 * encrypted again under Ka. The caller pads (method 2) where the protocol says so.
 */
import { encrypt } from './node-crypto.ts';
import { desDecryptBlock, desEncryptBlock, singleDesKey } from './des.ts';

export function retailMac(key16: Uint8Array, data: Uint8Array): Uint8Array {
  if (key16.length !== 16) throw new RangeError(`retail MAC key must be 16 bytes, got ${key16.length}`);
  if (data.length === 0 || data.length % 8 !== 0) throw new RangeError('retail MAC input must be padded to whole 8-byte blocks');
  const ka = key16.subarray(0, 8);
  const kb = key16.subarray(8, 16);
  const cbc = encrypt('3des', 'cbc', singleDesKey(ka), data);
  const h = cbc.subarray(cbc.length - 8);
  return desEncryptBlock(ka, desDecryptBlock(kb, h));
}
