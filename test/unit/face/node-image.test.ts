/** Decoding for the Node runtime: any common colour layout to 8-bit RGB, large pictures shrunk, huge ones refused. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { decodeImage } from '../../../face/node-image.ts';
import { isEidError } from '../../../core/errors.ts';
import { faceBytes } from '../../../fixtures/index.ts';

const source = faceBytes('person-01/02.jpg');
const encode = async (image: sharp.Sharp): Promise<Uint8Array> => new Uint8Array(await image.toBuffer());

test('grey, 16-bit, RGBA and CMYK pictures all decode to 8-bit RGB of the same size', async () => {
  const { width, height } = await sharp(source).metadata();
  for (const bytes of [
    await encode(sharp(source).grayscale().jpeg()),
    await encode(sharp(source).toColourspace('rgb16').png()),
    await encode(sharp(source).ensureAlpha().png()),
    await encode(sharp(source).toColourspace('cmyk').jpeg()),
  ]) {
    const image = await decodeImage(bytes);
    assert.deepEqual([image.width, image.height, image.rgb.length], [width, height, width! * height! * 3]);
  }
});

test('large pictures are shrunk to 1280 px a side; beyond 50 megapixels they are refused', async () => {
  const blank = (w: number, h: number): sharp.Sharp => sharp({ create: { width: w, height: h, channels: 3, background: '#808080' } });
  const large = await decodeImage(await encode(blank(3000, 2000).jpeg()));
  assert.deepEqual([large.width, large.height], [1280, 853]);
  await assert.rejects(decodeImage(await encode(blank(8000, 7000).png({ compressionLevel: 9 }))), (e) => isEidError(e, 'IMAGE_UNREADABLE'));
});
