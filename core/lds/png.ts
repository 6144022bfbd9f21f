/** Minimal PNG encoder (8-bit gray, RGB or RGBA, no filtering) for faces decoded from JPEG 2000. */
import { deflateSync } from 'node:zlib';
import { ascii, concat, uintBytes } from '../bytes/bytes.ts';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(...parts: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (const b of p) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const t = ascii(type);
  return concat(uintBytes(data.length, 4), t, data, uintBytes(crc32(t, data), 4));
}

const COLOR_TYPE: Record<number, number> = { 1: 0, 3: 2, 4: 6 };

/** `pixels`: rows top to bottom, `channels` interleaved bytes per pixel (1 gray, 3 RGB, 4 RGBA). */
export function encodePng(width: number, height: number, channels: 1 | 3 | 4, pixels: Uint8Array): Uint8Array {
  if (pixels.length !== width * height * channels) throw new RangeError('pixel buffer does not match the image size');
  const stride = width * channels;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = concat(uintBytes(width, 4), uintBytes(height, 4), Uint8Array.of(8, COLOR_TYPE[channels]!, 0, 0, 0));
  return concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0)));
}
