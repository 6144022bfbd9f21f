/**
 * A FaceRuntime on a started Human, the same in Node and in the browser: each runtime only says
 * how its own kind of input becomes something Human detects on (a tensor decoded from bytes, a
 * video frame), and what to release afterwards.
 */
import type { Human, Input } from '@vladmandic/human';
import type { FaceRuntime } from './engine.ts';
import { faceEngineUnavailable } from './errors.ts';
import { faceModelName, FACE_MODELS } from './human-config.ts';
import { observeFace, type FaceObservation } from './observation.ts';

/** What Human detects on, and how to free it after. */
export interface PreparedInput {
  readonly input: Input;
  release(): void;
}

/** Fails FACE_ENGINE_UNAVAILABLE unless Human runs on WASM with every model the engine needs. */
export function requireStarted(human: Human, modelsFrom: string): void {
  const loaded = human.models.loaded();
  const missing = Object.values(FACE_MODELS).filter((m) => !loaded.includes(m));
  if (human.tf.getBackend() !== 'wasm') throw faceEngineUnavailable('the WASM backend did not start');
  if (missing.length > 0) throw faceEngineUnavailable(`models not loaded from ${modelsFrom}: ${missing.join(', ')}`);
}

export class HumanFaceRuntime<I> implements FaceRuntime<I> {
  readonly model: string;
  readonly #human: Human;
  readonly #prepare: (input: I) => Promise<PreparedInput>;
  /** Human is not re-entrant: one detection at a time. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(human: Human, prepare: (input: I) => Promise<PreparedInput>) {
    this.#human = human;
    this.#prepare = prepare;
    this.model = faceModelName(human.version);
  }

  detect(input: I): Promise<FaceObservation[]> {
    const run = this.#queue.then(() => this.#detect(input));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #detect(input: I): Promise<FaceObservation[]> {
    const prepared = await this.#prepare(input);
    try {
      const result = await this.#human.detect(prepared.input);
      if (result.error) throw faceEngineUnavailable(`detection failed: ${result.error}`);
      return result.face.map(observeFace);
    } finally {
      prepared.release();
    }
  }
}
