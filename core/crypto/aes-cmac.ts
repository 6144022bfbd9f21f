/**
 * AES-CMAC (NIST SP 800-38B, RFC 4493), over node's AES-ECB/CBC. Full 16-byte tag; eMRTD
 * protocols keep the first 8 bytes.
 */
import { encrypt } from './node-crypto.ts';

const RB = 0x87;

function shiftLeftOne(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((block[i]! << 1) | (i < 15 ? block[i + 1]! >> 7 : 0)) & 0xff;
  if (block[0]! & 0x80) out[15] = out[15]! ^ RB;
  return out;
}

function subkeys(key: Uint8Array): { k1: Uint8Array; k2: Uint8Array } {
  const l = encrypt('aes', 'ecb', key, new Uint8Array(16));
  const k1 = shiftLeftOne(l);
  return { k1, k2: shiftLeftOne(k1) };
}

export function aesCmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const { k1, k2 } = subkeys(key);
  const complete = data.length > 0 && data.length % 16 === 0;
  const blocks = complete ? data.length / 16 : Math.floor(data.length / 16) + 1;
  const message = new Uint8Array(blocks * 16);
  message.set(data);
  if (!complete) message[data.length] = 0x80;
  const sub = complete ? k1 : k2;
  const lastStart = (blocks - 1) * 16;
  for (let i = 0; i < 16; i++) message[lastStart + i] = message[lastStart + i]! ^ sub[i]!;
  const cbc = encrypt('aes', 'cbc', key, message);
  return cbc.slice(cbc.length - 16);
}
