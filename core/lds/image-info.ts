/**
 * What an image in DG2 is, from its own bytes: JPEG, JPEG 2000 (JP2 file or raw codestream) or PNG,
 * and its size when the header says. Bounded scans only; unknown data gives mime
 * application/octet-stream rather than an error (the picture is then simply not shown).
 */
import { u16, u32 } from './uint.ts';

export type FaceMimeType = 'image/jpeg' | 'image/jp2' | 'image/png' | 'application/octet-stream';

export interface ImageInfo {
  readonly mimeType: FaceMimeType;
  readonly width: number | null;
  readonly height: number | null;
}


const startsWith = (b: Uint8Array, prefix: readonly number[]): boolean => b.length >= prefix.length && prefix.every((x, i) => b[i] === x);

const JPEG = [0xff, 0xd8, 0xff];
const JP2 = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const J2K = [0xff, 0x4f, 0xff, 0x51];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Scan JPEG markers up to the first SOFn: its height and width. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  for (let markers = 0; markers < 512 && i + 9 < b.length; markers++) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: u16(b, i + 5), width: u16(b, i + 7) };
    if (marker === 0xd9 || marker === 0xda) return null;
    i += 2 + u16(b, i + 2);
  }
  return null;
}

/** JP2 boxes: find jp2h → ihdr (height, width), bounded by box count. */
function jp2Size(b: Uint8Array): { width: number; height: number } | null {
  const scan = (start: number, end: number, depth: number): { width: number; height: number } | null => {
    let i = start;
    for (let boxes = 0; boxes < 64 && i + 8 <= end; boxes++) {
      let len = u32(b, i);
      const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
      if (len === 0) len = end - i;
      if (len < 8 || i + len > end) return null;
      if (type === 'ihdr' && len >= 16) return { height: u32(b, i + 8), width: u32(b, i + 12) };
      if (type === 'jp2h' && depth === 0) return scan(i + 8, i + len, 1);
      i += len;
    }
    return null;
  };
  return scan(0, b.length, 0);
}

/** Raw JPEG 2000 codestream: SIZ marker right after SOC gives the image area. */
function j2kSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 24) return null;
  const xsiz = u32(b, 8), ysiz = u32(b, 12), xosiz = u32(b, 16), yosiz = u32(b, 20);
  return xsiz >= xosiz && ysiz >= yosiz ? { width: xsiz - xosiz, height: ysiz - yosiz } : null;
}

export function imageInfo(b: Uint8Array): ImageInfo {
  let mimeType: FaceMimeType = 'application/octet-stream';
  let size: { width: number; height: number } | null = null;
  if (startsWith(b, JPEG)) {
    mimeType = 'image/jpeg';
    size = jpegSize(b);
  } else if (startsWith(b, JP2)) {
    mimeType = 'image/jp2';
    size = jp2Size(b);
  } else if (startsWith(b, J2K)) {
    mimeType = 'image/jp2';
    size = j2kSize(b);
  } else if (startsWith(b, PNG) && b.length >= 24) {
    mimeType = 'image/png';
    size = { width: u32(b, 16), height: u32(b, 20) };
  }
  return { mimeType, width: size?.width ?? null, height: size?.height ?? null };
}
