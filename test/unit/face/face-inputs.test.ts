/**
 * The Node runtime on awkward inputs, with the real models: no face, two faces, data that is no
 * picture, EXIF rotation, a JPEG 2000 DG2 reference, the sign of the measured yaw, and a printed
 * photo held up to the camera (simulated: fixtures/faces/README.md) through the active check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createNodeFaceEngine } from '../../../face/node-runtime.ts';
import { decodeImage } from '../../../face/node-image.ts';
import { dg2ReferenceImage } from '../../../face/dg2-reference.ts';
import { evaluateActiveCheck, frameSignal } from '../../../face/liveness.ts';
import { cosineSimilarity } from '../../../face/similarity.ts';
import { encodeDg2 } from '../../../core/lds/dg2.ts';
import { isEidError } from '../../../core/errors.ts';
import { faceBytes, facePhotos, otherPhoto, spoofPhotos } from '../../../fixtures/index.ts';

const engine = await createNodeFaceEngine();
const describe = async (bytes: Uint8Array) => engine.describe(bytes);
const jpeg = async (image: sharp.Sharp): Promise<Uint8Array> => new Uint8Array(await image.jpeg({ quality: 90 }).toBuffer());

test('no face, two faces and data that is no picture each give their own error', async () => {
  await assert.rejects(describe(faceBytes(otherPhoto('no-face'))), (e) => isEidError(e, 'FACE_NOT_FOUND'));
  await assert.rejects(describe(faceBytes(otherPhoto('two-faces'))), (e) => isEidError(e, 'FACE_MULTIPLE'));
  const photo = faceBytes('person-01/01.jpg');
  const jp2Signature = Uint8Array.of(0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a, 1, 2, 3);
  for (const garbage of [new TextEncoder().encode('not a picture at all'), new Uint8Array(0), photo.slice(0, 600), jp2Signature]) {
    await assert.rejects(describe(garbage), (e) => isEidError(e, 'IMAGE_UNREADABLE'), `${garbage.length} bytes`);
  }
});

test('EXIF orientation is applied: a sideways-stored photo with orientation 6 is the upright face', async () => {
  const upright = faceBytes('person-01/02.jpg');
  const sideways = await jpeg(sharp(upright).rotate(270).withMetadata({ orientation: 6 }));
  const meta = await sharp(upright).metadata();
  const decoded = await decodeImage(sideways);
  assert.deepEqual([decoded.width, decoded.height], [meta.width, meta.height]);
  const score = cosineSimilarity((await describe(upright)).descriptor, (await describe(sideways)).descriptor);
  assert.ok(score > 0.9, `score ${score}`);
});

test('a JPEG 2000 face in DG2 is a reference like its JPEG source', async () => {
  const dg2 = encodeDg2({ image: faceBytes(otherPhoto('jpeg2000')) });
  const reference = await engine.reference(dg2ReferenceImage(dg2), (b) => b);
  const score = cosineSimilarity(reference, (await describe(faceBytes('person-01/03.jpg'))).descriptor);
  assert.ok(score > 0.9, `score ${score}`);
});

test('yaw: positive for a face turned to the left of the picture, negative once mirrored', async () => {
  const turned = faceBytes('person-04/02.jpg');
  const yaw = (await describe(turned)).pose!.yaw;
  const mirrored = (await describe(await jpeg(sharp(turned).flop()))).pose!.yaw;
  assert.ok(yaw > 10 && mirrored < -10, `yaw ${yaw}, mirrored ${mirrored}`);
});

test('a printed photo held up passes the matcher but never the active check', async () => {
  const spoof = spoofPhotos().find((s) => s.kind === 'print')!;
  const still = faceBytes(spoof.file);
  const genuine = facePhotos().filter((p) => p.person === spoof.person && p.file !== spoof.from);
  const spoofDescriptor = (await describe(still)).descriptor;
  const best = Math.max(...(await Promise.all(genuine.map(async (p) => cosineSimilarity(spoofDescriptor, (await describe(faceBytes(p.file))).descriptor)))));
  assert.ok(best >= engine.policy.threshold, `best score ${best}`);
  // The hand that holds the photo shakes: small rotations and shifts, a frame every 200 ms.
  const frames = [];
  for (const [i, angle] of [0, 2, -2, 3, -1, 1].entries()) {
    const frame = await jpeg(sharp(still).rotate(angle, { background: '#ffffff' }).extend({ top: 4 * i, left: 6 * i, background: '#ffffff' }));
    frames.push(frameSignal(i * 200, [await describe(frame)]));
  }
  const turn = evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', frames);
  assert.deepEqual([turn.status, turn.done], ['INCOMPLETE', 1]);
  assert.equal(evaluateActiveCheck('BLINK', frames).status, 'INCOMPLETE');
});
