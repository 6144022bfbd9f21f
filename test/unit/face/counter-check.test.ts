/** The counter's sequence over camera frames: guidance, when it ends, and what it decides, on synthetic observations. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CounterCheck, meanLuminance, type CounterFrame } from '../../../face/counter-check.ts';
import type { FaceObservation } from '../../../face/observation.ts';
import { FaceEngine } from '../../../face/engine.ts';

const reference = Float32Array.from([1, 0, 0, 0]);
/** A descriptor at cosine `score` from the reference. */
const at = (score: number): Float32Array => Float32Array.from([score, Math.sqrt(1 - score * score), 0, 0]);
const face = (yaw: number, score = 0.9): FaceObservation => ({ descriptor: at(score), box: [0, 0, 100, 100], score: 0.9, pose: { yaw, pitch: 0, roll: 0, eyeOpenness: 0.3 } });
const frame = (atMillis: number, faces: FaceObservation[], luminance = 120): CounterFrame => ({ atMillis, faces, luminance });
/** The engine's own comparison, on a runtime that is never asked to detect. */
const engine = new FaceEngine({ model: 'test-model', detect: async () => [] }, { threshold: 0.62, uncertainMargin: 0.12 });
const check = (): CounterCheck => new CounterCheck({ reference, challenge: 'TURN_LEFT_THEN_RIGHT', engine });

test('guidance: no face asks to look at the camera, a dark frame for more light, two faces for one face only', () => {
  const c = check();
  assert.equal(c.add(frame(0, [])).guidance, 'LOOK_AT_CAMERA');
  assert.equal(c.add(frame(100, [], 20)).guidance, 'MORE_LIGHT');
  assert.equal(c.add(frame(200, [face(0), face(0)])).guidance, 'ONE_FACE_ONLY');
  assert.equal(c.add(frame(300, [face(0)])).guidance, 'TURN_LEFT');
  assert.equal(c.add(frame(400, [face(-20)])).guidance, 'TURN_RIGHT');
  const done = c.add(frame(500, [face(20)]));
  assert.equal(done.finished, true);
  assert.equal(c.result()?.activeCheck.status, 'PASSED');
});

test('a face turning as asked: MATCH on the lowest score of the frames facing the camera, active check passed', () => {
  const c = check();
  c.add(frame(0, [face(0, 0.8)]));
  c.add(frame(100, [face(-20, 0.1)])); // turned frames are not compared
  c.add(frame(150, [face(-12, 0.75)])); // a few degrees off is still facing the camera
  c.add(frame(200, [face(2, 0.7)]));
  c.add(frame(300, [face(20, 0.1)]));
  assert.deepEqual(c.result(), { decision: 'MATCH', score: 0.7, threshold: 0.62, model: 'test-model', activeCheck: { challenge: 'TURN_LEFT_THEN_RIGHT', status: 'PASSED', done: 3, steps: 3 }, frames: 3 });
});

test('a still picture: the decision is made, the active check fails when the time is up', () => {
  const c = check();
  let last;
  for (let t = 0; t <= 12_000; t += 200) last = c.add(frame(t, [face(1, 0.3)]));
  assert.equal(last?.finished, true);
  const r = c.result();
  assert.equal(r?.decision, 'NO_MATCH');
  assert.equal(r?.score, 0.3);
  assert.deepEqual([r?.activeCheck.status, r?.activeCheck.failure], ['FAILED', 'TIMEOUT']);
});

test('waiting for the customer does not count against the active check; nobody at all ends with no decision', () => {
  const c = check();
  for (let t = 0; t < 5_000; t += 200) assert.equal(c.add(frame(t, [])).finished, false);
  assert.equal(c.add(frame(5_000, [face(0)])).guidance, 'TURN_LEFT');
  const empty = check();
  let last;
  for (let t = 0; t <= 31_000; t += 500) last = empty.add(frame(t, []));
  assert.equal(last?.finished, true);
  assert.equal(empty.result()?.decision, null);
  assert.equal(empty.result()?.activeCheck.status, 'INCOMPLETE');
});

test('a second face during the sequence fails the active check', () => {
  const c = check();
  c.add(frame(0, [face(0)]));
  assert.equal(c.add(frame(100, [face(0), face(5)])).finished, true);
  assert.deepEqual([c.result()?.activeCheck.status, c.result()?.activeCheck.failure], ['FAILED', 'FACE_MULTIPLE']);
});

test('mean luminance of RGBA pixels (Rec. 601 weights)', () => {
  assert.equal(meanLuminance(Uint8ClampedArray.from([255, 255, 255, 255, 0, 0, 0, 255])), 127.5);
  assert.equal(Math.round(meanLuminance(Uint8ClampedArray.from([255, 0, 0, 255]))), 76);
  assert.equal(meanLuminance(new Uint8ClampedArray(0)), 0);
});
