import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { encodeDg2, parseDg2 } from '../../../core/lds/dg2.ts';
import { displayableFace, jpeg2000ToPng } from '../../../core/lds/face-display.ts';
import { imageInfo } from '../../../core/lds/image-info.ts';
import { crc32 } from '../../../core/lds/png.ts';
import { fromHex, toHex } from '../../../core/bytes/hex.ts';
import { isEidError } from '../../../core/errors.ts';
import { syntheticFace } from '../../../fixtures/index.ts';
import { skipUnlessCi } from '../../../fixtures/setup-skip.ts';

// The decoder is an optional npm package; without it faces stay image/jp2 (tested below either way).
const decoder = { skip: skipUnlessCi(existsSync(resolve(process.cwd(), 'node_modules/jpeg2000/package.json')) ? undefined : { suite: 'JPEG 2000 faces', missing: 'the npm package jpeg2000 is not installed', enable: 'npm ci' }) };

// Synthetic 24x32 picture (no real person) as JPEG, lossless JPEG 2000 and the PPM it came from.
const jpeg = syntheticFace('face-24x32.jpg');
const jp2 = syntheticFace('face-24x32-lossless.jp2');
const ppmPixels = (() => {
  const ppm = syntheticFace('face-24x32.ppm');
  return ppm.subarray(ppm.length - 24 * 32 * 3);
})();

test('image signatures and sizes: JPEG SOF, JP2 ihdr', () => {
  assert.deepEqual(imageInfo(jpeg), { mimeType: 'image/jpeg', width: 24, height: 32 });
  assert.deepEqual(imageInfo(jp2), { mimeType: 'image/jp2', width: 24, height: 32 });
  assert.deepEqual(imageInfo(Uint8Array.of(1, 2, 3)), { mimeType: 'application/octet-stream', width: null, height: null });
});

for (const encoding of ['ISO19794-5', 'ISO39794-5'] as const) {
  test(`DG2 ${encoding}: encode → parse gives the same JPEG, MIME type and size`, () => {
    const dg2 = parseDg2(encodeDg2({ image: jpeg, encoding }));
    assert.equal(dg2.faces.length, 1);
    const face = dg2.faces[0]!;
    assert.equal(face.encoding, encoding);
    assert.equal(face.mimeType, 'image/jpeg');
    assert.equal(face.width, 24);
    assert.equal(face.height, 32);
    assert.equal(toHex(face.image), toHex(jpeg));
  });
}

test('DG2 19794-5 layout: FAC header, record length, image data type', () => {
  const dg2 = encodeDg2({ image: jp2 });
  const fac = dg2.indexOf(0x46);
  assert.equal(toHex(dg2.subarray(fac, fac + 8)), '4641430030313000');
  assert.equal(parseDg2(dg2).faces[0]!.mimeType, 'image/jp2');
});

test('JPEG 2000 face decodes to a PNG with the exact pixels (lossless fixture)', decoder, async () => {
  const out = await jpeg2000ToPng(jp2);
  assert.ok(out, 'decoder available and the image decodes');
  assert.equal(out.width, 24);
  assert.equal(out.height, 32);
  assert.deepEqual(imageInfo(out.png), { mimeType: 'image/png', width: 24, height: 32 });
  // Read back the IDAT: filter byte 0 then RGB rows; must equal the source PPM.
  const idatLen = new DataView(out.png.buffer, out.png.byteOffset + 33).getUint32(0);
  const idat = out.png.subarray(41, 41 + idatLen);
  assert.equal(new DataView(out.png.buffer, out.png.byteOffset + 41 + idatLen).getUint32(0), crc32(out.png.subarray(37, 41 + idatLen)));
  const raw = inflateSync(idat);
  const rows: number[] = [];
  for (let y = 0; y < 32; y++) rows.push(...raw.subarray(y * 73 + 1, y * 73 + 73));
  assert.deepEqual(Uint8Array.from(rows), ppmPixels);
  const shown = await displayableFace(parseDg2(encodeDg2({ image: jp2 })).faces[0]!);
  assert.equal(shown.mimeType, 'image/png');
  assert.equal(shown.converted, true);
  const jpegShown = await displayableFace(parseDg2(encodeDg2({ image: jpeg })).faces[0]!);
  assert.equal(jpegShown.converted, false);
  assert.equal(jpegShown.mimeType, 'image/jpeg');
});

/** RGB pixels of a PNG written by encodePng (one IDAT, filter 0 rows). */
function pngPixels(png: Uint8Array, width: number, height: number): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset);
  const idatLen = view.getUint32(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLen));
  const stride = width * 3;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) out.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  return out;
}

test('raw JPEG 2000 codestream (J2K) is recognised and decodes exactly', decoder, async () => {
  const j2k = syntheticFace('face-24x32.j2k');
  assert.deepEqual(imageInfo(j2k), { mimeType: 'image/jp2', width: 24, height: 32 });
  const out = await jpeg2000ToPng(j2k);
  assert.ok(out);
  assert.deepEqual(pngPixels(out.png, 24, 32), ppmPixels);
});

test('lossy (9/7 irreversible) JPEG 2000, as passports use, decodes like OpenJPEG does', decoder, async () => {
  const out = await jpeg2000ToPng(syntheticFace('face-24x32-lossy.jp2'));
  assert.ok(out);
  const pixels = pngPixels(out.png, 24, 32);
  // Reference: the same file decoded by OpenJPEG's opj_decompress (fixtures/synthetic-faces/*.openjpeg.ppm).
  const reference = syntheticFace('face-24x32-lossy.openjpeg.ppm').subarray(-24 * 32 * 3);
  let worst = 0;
  for (let i = 0; i < pixels.length; i++) worst = Math.max(worst, Math.abs(pixels[i]! - reference[i]!));
  assert.ok(worst <= 2, `largest difference to OpenJPEG ${worst}`);
  assert.notDeepEqual(pixels, ppmPixels, 'lossy really is lossy: the comparison is of decoded pixels');
});

test('corrupt JPEG 2000 is kept as image/jp2, not an error', async () => {
  const broken = jp2.slice(0, 120);
  assert.equal(await jpeg2000ToPng(broken), undefined);
  const shown = await displayableFace({ image: broken, mimeType: 'image/jp2', width: 24, height: 32, encoding: 'ISO19794-5' });
  assert.deepEqual({ mimeType: shown.mimeType, converted: shown.converted, same: shown.bytes === broken }, { mimeType: 'image/jp2', converted: false, same: true });
});

test('DG2 with a lying face count, a truncated FAC record or no data block is LDS_MALFORMED', () => {
  const good = encodeDg2({ image: jpeg });
  const lying = good.slice();
  lying[lying.indexOf(0x02) + 2] = 2; // count says 2 templates
  assert.throws(() => parseDg2(lying), (e) => isEidError(e, 'LDS_MALFORMED'));
  const facAt = good.indexOf(0x46);
  const badLength = good.slice();
  badLength.set([0x7f, 0xff, 0xff, 0xff], facAt + 8);
  assert.throws(() => parseDg2(badLength), (e) => isEidError(e, 'LDS_MALFORMED'));
  assert.throws(() => parseDg2(fromHex('750C7F6109020101 7F6004A1028101'.replace(/ /g, ''))), (e) => isEidError(e, 'LDS_MALFORMED'));
});
