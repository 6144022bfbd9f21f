/**
 * Decodes a picture for the Node runtime: JPEG, PNG, WebP (sharp, with the EXIF orientation
 * applied) and JPEG 2000 (DG2 faces; converted by core/lds's pure-JS decoder first, since sharp's
 * prebuilt libvips has no JPEG 2000). Pictures are shrunk to at most MAX_SIDE pixels: the detector
 * works at 256 px and the descriptor at 224 px, so more only costs time. sharp's cache is off so
 * decoded pixels do not outlive the call.
 */
import sharp from 'sharp';
import { imageInfo } from '../core/lds/image-info.ts';
import { jpeg2000ToPng } from '../core/lds/face-display.ts';
import { imageUnreadable } from './errors.ts';

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** width * height * 3 bytes, rows top to bottom. */
  readonly rgb: Uint8Array;
}

const MAX_SIDE = 1280;
/** Refuse before decoding: a camera frame or a DG2 face is far below this. */
const MAX_INPUT_PIXELS = 50_000_000;

sharp.cache(false);

export async function decodeImage(bytes: Uint8Array): Promise<RgbImage> {
  let input = bytes;
  if (imageInfo(bytes).mimeType === 'image/jp2') {
    const png = await jpeg2000ToPng(bytes);
    if (!png) throw imageUnreadable('JPEG 2000 data that the decoder cannot read');
    input = png.png;
  }
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`${info.channels} channels after conversion`);
    return { width: info.width, height: info.height, rgb: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  } catch (e) {
    throw imageUnreadable(e instanceof Error ? e.message : String(e));
  }
}
