/** The engine's rules on a scripted runtime: exactly one describable face, and one computation per reference picture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaceEngine, type FaceRuntime } from '../../../face/engine.ts';
import type { FaceObservation } from '../../../face/observation.ts';
import { isEidError } from '../../../core/errors.ts';

const face = (descriptor: number[] | null): FaceObservation => ({ descriptor: descriptor && Float32Array.from(descriptor), box: [0, 0, 10, 10], score: 0.9, pose: null });

/** Input: the list of faces the "image" holds; counts detections. */
class ScriptedRuntime implements FaceRuntime<FaceObservation[]> {
  readonly model = 'scripted';
  calls = 0;
  async detect(faces: FaceObservation[]): Promise<FaceObservation[]> {
    this.calls++;
    return faces;
  }
}

test('describe: exactly one face with a descriptor, else FACE_NOT_FOUND or FACE_MULTIPLE', async () => {
  const engine = new FaceEngine(new ScriptedRuntime());
  assert.deepEqual([...(await engine.describe([face([1, 2])])).descriptor], [1, 2]);
  await assert.rejects(engine.describe([]), (e) => isEidError(e, 'FACE_NOT_FOUND'));
  await assert.rejects(engine.describe([face(null)]), (e) => isEidError(e, 'FACE_NOT_FOUND'));
  await assert.rejects(engine.describe([face([1]), face([2])]), (e) => isEidError(e, 'FACE_MULTIPLE') && /2 faces/.test((e as Error).message));
});

test('compare: rounded cosine score, the policy\'s decision and threshold, the runtime\'s model', () => {
  const engine = new FaceEngine(new ScriptedRuntime(), { threshold: 0.8, uncertainMargin: 0.1 });
  assert.deepEqual(engine.compare(Float32Array.of(1, 0), Float32Array.of(1, 0.2)), { decision: 'MATCH', score: 0.981, threshold: 0.8, model: 'scripted' });
  assert.equal(engine.compare(Float32Array.of(1, 0), Float32Array.of(1, 1)).decision, 'UNCERTAIN');
  assert.equal(engine.compare(Float32Array.of(1, 0), Float32Array.of(0, 1)).decision, 'NO_MATCH');
  assert.throws(() => new FaceEngine(new ScriptedRuntime(), { threshold: 2, uncertainMargin: 0 }), RangeError);
});

test('reference: one detection per distinct picture, shared by concurrent callers; failures and forget() drop it', async () => {
  const runtime = new ScriptedRuntime();
  const engine = new FaceEngine(runtime);
  const pictures = new Map<string, FaceObservation[]>([['A', [face([1, 0])]], ['B', [face([0, 1])]], ['none', []]]);
  const input = (bytes: Uint8Array): FaceObservation[] => pictures.get(new TextDecoder().decode(bytes))!;
  const a = new TextEncoder().encode('A');
  const [first, second] = await Promise.all([engine.reference(a, input), engine.reference(Uint8Array.from(a), input)]);
  assert.equal(first, second);
  assert.equal(runtime.calls, 1);
  await engine.reference(new TextEncoder().encode('B'), input);
  assert.equal(runtime.calls, 2);
  await assert.rejects(engine.reference(new TextEncoder().encode('none'), input), (e) => isEidError(e, 'FACE_NOT_FOUND'));
  await assert.rejects(engine.reference(new TextEncoder().encode('none'), input), (e) => isEidError(e, 'FACE_NOT_FOUND'));
  assert.equal(runtime.calls, 4);
  engine.forgetReferences();
  await engine.reference(a, input);
  assert.equal(runtime.calls, 5);
});

test('reference cache keeps the 4 most recently used pictures', async () => {
  const runtime = new ScriptedRuntime();
  const engine = new FaceEngine(runtime);
  const bytes = (name: string): Uint8Array => new TextEncoder().encode(name);
  const input = (): FaceObservation[] => [face([1, 1])];
  for (const name of ['1', '2', '3', '4']) await engine.reference(bytes(name), input);
  await engine.reference(bytes('1'), input);
  await engine.reference(bytes('5'), input);
  assert.equal(runtime.calls, 5);
  await engine.reference(bytes('1'), input);
  assert.equal(runtime.calls, 5);
  await engine.reference(bytes('2'), input);
  assert.equal(runtime.calls, 6);
});
