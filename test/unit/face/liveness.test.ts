/** The active check's logic on synthetic frame sequences (yaw in degrees, eye aspect ratio). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateActiveCheck, frameSignal, type FrameSignal } from '../../../face/liveness.ts';
import type { FaceObservation } from '../../../face/observation.ts';

/** One frame every 100 ms with one face. */
const frames = (values: readonly { yaw: number; eyes?: number; faces?: number }[], stepMillis = 100): FrameSignal[] =>
  values.map((v, i) => ({ atMillis: i * stepMillis, faces: v.faces ?? 1, yaw: v.yaw, eyeOpenness: v.eyes ?? 0.3 }));

const sweep = (from: number, to: number, n: number): { yaw: number }[] => Array.from({ length: n }, (_, i) => ({ yaw: from + ((to - from) * i) / (n - 1) }));

test('turn left then right: passes when the head goes frontal, left, right in that order', () => {
  const seq = frames([...sweep(0, -25, 6), ...sweep(-25, 25, 10), ...sweep(25, 0, 4)]);
  assert.deepEqual(evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', seq), { challenge: 'TURN_LEFT_THEN_RIGHT', status: 'PASSED', done: 3, steps: 3 });
});

test('turn left then right: the wrong order does not pass', () => {
  const seq = frames([...sweep(0, 25, 6), ...sweep(25, -25, 10)]);
  const r = evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', seq);
  assert.equal(r.status, 'INCOMPLETE');
  assert.equal(r.done, 2);
  assert.equal(evaluateActiveCheck('TURN_RIGHT_THEN_LEFT', seq).status, 'PASSED');
});

test('a still picture held up (small hand shake) never passes and fails once the time is up', () => {
  const shake = Array.from({ length: 40 }, (_, i) => ({ yaw: 3 * Math.sin(i), eyes: 0.28 + 0.01 * Math.cos(i) }));
  const within = evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', frames(shake));
  assert.deepEqual([within.status, within.done], ['INCOMPLETE', 1]);
  assert.equal(evaluateActiveCheck('BLINK', frames(shake)).status, 'INCOMPLETE');
  const late = evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', frames(shake, 300));
  assert.deepEqual([late.status, late.failure], ['FAILED', 'TIMEOUT']);
});

test('a sequence that starts already turned must come back to frontal first', () => {
  const r = evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', frames([...sweep(-25, -20, 3), ...sweep(-20, 25, 8)]));
  assert.notEqual(r.status, 'PASSED');
});

test('a second face in any frame fails the check', () => {
  const seq = frames([...sweep(0, -25, 6), { yaw: 0, faces: 2 }, ...sweep(-25, 25, 10)]);
  assert.deepEqual(evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', seq), { challenge: 'TURN_LEFT_THEN_RIGHT', status: 'FAILED', failure: 'FACE_MULTIPLE', done: 2, steps: 3 });
});

test('losing the face for longer than a second fails; a short gap is tolerated', () => {
  const gap = (n: number) => Array.from({ length: n }, () => ({ yaw: 0, faces: 0 }));
  const long = frames([...sweep(0, -25, 6), ...gap(12), ...sweep(-25, 25, 10)]);
  assert.deepEqual([evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', long).status, evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', long).failure], ['FAILED', 'FACE_LOST']);
  const short = frames([...sweep(0, -25, 6), ...gap(3), ...sweep(-25, 25, 10)]);
  assert.equal(evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', short).status, 'PASSED');
});

test('blink: open, closed, open again against the customer\'s own open value', () => {
  const seq = frames([0.3, 0.31, 0.29, 0.3, 0.3, 0.12, 0.08, 0.15, 0.29, 0.3].map((eyes) => ({ yaw: 1, eyes })));
  assert.equal(evaluateActiveCheck('BLINK', seq).status, 'PASSED');
  const narrowEyes = frames([0.2, 0.2, 0.21, 0.2, 0.1, 0.19].map((eyes) => ({ yaw: 0, eyes })));
  assert.equal(evaluateActiveCheck('BLINK', narrowEyes).status, 'PASSED');
});

test('blink: eyes that never close, a closed-eye photo, or a blink with the head turned do not pass', () => {
  const open = frames(Array.from({ length: 20 }, () => ({ yaw: 0, eyes: 0.3 })));
  assert.equal(evaluateActiveCheck('BLINK', open).status, 'INCOMPLETE');
  const closedPhoto = frames(Array.from({ length: 20 }, () => ({ yaw: 0, eyes: 0.08 })));
  assert.equal(evaluateActiveCheck('BLINK', closedPhoto).status, 'INCOMPLETE');
  const turned = frames([...[0.3, 0.3, 0.3, 0.3].map((eyes) => ({ yaw: 0, eyes })), { yaw: 30, eyes: 0.05 }, { yaw: 30, eyes: 0.3 }]);
  assert.equal(evaluateActiveCheck('BLINK', turned).status, 'INCOMPLETE');
});

test('frames are taken in time order whatever order they arrive in', () => {
  const seq = frames([...sweep(0, -25, 6), ...sweep(-25, 25, 10)]);
  assert.equal(evaluateActiveCheck('TURN_LEFT_THEN_RIGHT', [...seq].reverse()).status, 'PASSED');
});

test('frameSignal: the pose of the one face; no pose when there are none or several', () => {
  const face = (yaw: number): FaceObservation => ({ descriptor: null, box: [0, 0, 10, 10], score: 1, pose: { yaw, pitch: 0, roll: 0, eyeOpenness: 0.3 } });
  assert.deepEqual(frameSignal(5, [face(12)]), { atMillis: 5, faces: 1, yaw: 12, eyeOpenness: 0.3 });
  assert.deepEqual(frameSignal(5, [face(12), face(3)]), { atMillis: 5, faces: 2, yaw: null, eyeOpenness: null });
  assert.deepEqual(frameSignal(5, []), { atMillis: 5, faces: 0, yaw: null, eyeOpenness: null });
});
