/**
 * A face a browser can show. Browsers (Chromium, Electron) do not decode JPEG 2000, which many
 * passports use in DG2, so JP2 faces are decoded with the pure-JS `jpeg2000` package (pdf.js's
 * JPX decoder) and re-encoded as PNG. When the decoder is not installed or fails on the data,
 * the JP2 bytes are returned unchanged with `converted: false`, never an error: the picture is a
 * convenience for the clerk, the verdict does not depend on it.
 */
import { Buffer } from 'node:buffer';
import type { FaceImage } from './dg2.ts';
import { imageInfo } from './image-info.ts';
import { encodePng } from './png.ts';

export interface DisplayableFace {
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  readonly width: number | null;
  readonly height: number | null;
  /** True when the bytes were converted from JPEG 2000. */
  readonly converted: boolean;
}

/** Faces above this many pixels are not decoded (a DG2 face is ~ 0.2 MP; this bounds memory and time). */
const MAX_PIXELS = 4096 * 4096;

interface JpxTile { left: number; top: number; width: number; height: number; items: ArrayLike<number> }
interface JpxImageLike { parse(data: Uint8Array): void; width: number; height: number; componentsCount: number; tiles: JpxTile[] }

async function loadDecoder(): Promise<(new () => JpxImageLike) | undefined> {
  try {
    // A variable specifier: the package is optional, so neither tsc nor the bundler must require it.
    const specifier = 'jpeg2000';
    const mod = (await import(specifier)) as { JpxImage?: new () => JpxImageLike; default?: { JpxImage?: new () => JpxImageLike } };
    return mod.JpxImage ?? mod.default?.JpxImage;
  } catch {
    return undefined;
  }
}

/** Decodes a JPEG 2000 image (JP2 file or codestream) to PNG; undefined when not possible. */
export async function jpeg2000ToPng(jp2: Uint8Array): Promise<{ png: Uint8Array; width: number; height: number } | undefined> {
  const declared = imageInfo(jp2);
  if (declared.mimeType !== 'image/jp2' || (declared.width ?? 0) * (declared.height ?? 0) > MAX_PIXELS) return undefined;
  const JpxImage = await loadDecoder();
  if (!JpxImage) return undefined;
  try {
    const img = new JpxImage();
    // The decoder reads with Buffer methods (readUInt16BE), so it needs a Buffer view.
    img.parse(Buffer.from(jp2.buffer, jp2.byteOffset, jp2.length));
    const { width, height, componentsCount: c } = img;
    if (width <= 0 || height <= 0 || width * height > MAX_PIXELS || (c !== 1 && c !== 3 && c !== 4)) return undefined;
    const pixels = new Uint8Array(width * height * c);
    const left0 = Math.min(...img.tiles.map((t) => t.left));
    const top0 = Math.min(...img.tiles.map((t) => t.top));
    for (const tile of img.tiles) {
      for (let y = 0; y < tile.height; y++) {
        const dy = tile.top - top0 + y;
        if (dy >= height) break;
        for (let x = 0; x < tile.width * c; x++) {
          const dx = (tile.left - left0) * c + x;
          if (dx < width * c) pixels[dy * width * c + dx] = tile.items[y * tile.width * c + x]!;
        }
      }
    }
    return { png: encodePng(width, height, c, pixels), width, height };
  } catch {
    return undefined;
  }
}

export async function displayableFace(face: FaceImage): Promise<DisplayableFace> {
  if (face.mimeType === 'image/jp2') {
    const decoded = await jpeg2000ToPng(face.image);
    if (decoded) return { mimeType: 'image/png', bytes: decoded.png, width: decoded.width, height: decoded.height, converted: true };
  }
  return { mimeType: face.mimeType, bytes: face.image, width: face.width, height: face.height, converted: false };
}
