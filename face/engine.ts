/**
 * The face engine, platform-neutral: a runtime (Node or browser) finds faces in its own kind of
 * input; the engine insists on exactly one describable face, compares descriptors and turns the
 * score into a decision. Nothing here keeps an image: observations hold numbers only, and the
 * reference cache holds descriptors, never pictures.
 */
import { decide, DEFAULT_MATCH_POLICY, validatePolicy, type FaceDecision, type MatchPolicy } from './decision.ts';
import { faceMultiple, faceNotFound } from './errors.ts';
import type { FaceObservation } from './observation.ts';
import { ReferenceCache } from './reference-cache.ts';
import { cosineSimilarity } from './similarity.ts';

/** What a runtime provides: model loading is its business, detection returns every face found. */
export interface FaceRuntime<Input> {
  /** e.g. `human-3.3.6/faceres`; recorded with every decision. */
  readonly model: string;
  detect(input: Input): Promise<FaceObservation[]>;
}

/** A face that can be compared: exactly one in its image, with a descriptor. */
export interface DescribedFace extends FaceObservation {
  readonly descriptor: Float32Array;
}

export interface FaceComparison {
  readonly decision: FaceDecision;
  /** Cosine similarity, rounded to 3 decimals. */
  readonly score: number;
  readonly threshold: number;
  readonly model: string;
}

export function requireOneFace(faces: readonly FaceObservation[]): DescribedFace {
  if (faces.length > 1) throw faceMultiple(faces.length);
  const face = faces[0];
  if (!face?.descriptor) throw faceNotFound();
  return face as DescribedFace;
}

export class FaceEngine<Input> {
  readonly policy: MatchPolicy;
  readonly #runtime: FaceRuntime<Input>;
  readonly #references = new ReferenceCache();

  constructor(runtime: FaceRuntime<Input>, policy: MatchPolicy = DEFAULT_MATCH_POLICY) {
    this.#runtime = runtime;
    this.policy = validatePolicy(policy);
  }

  get model(): string {
    return this.#runtime.model;
  }

  /** Every face of an image or camera frame (the counter's check needs to see "none" and "several"). */
  observe(input: Input): Promise<FaceObservation[]> {
    return this.#runtime.detect(input);
  }

  /** The one face of an image; FACE_NOT_FOUND or FACE_MULTIPLE otherwise. */
  async describe(input: Input): Promise<DescribedFace> {
    return requireOneFace(await this.observe(input));
  }

  /**
   * The reference (chip photo) descriptor, computed once per distinct reference picture: the
   * kiosk compares many camera frames against the same DG2 face.
   */
  async reference(referenceBytes: Uint8Array, toInput: (bytes: Uint8Array) => Input): Promise<Float32Array> {
    return this.#references.get(referenceBytes, async () => (await this.describe(toInput(referenceBytes))).descriptor);
  }

  /** Drops every cached reference descriptor (end of a customer's session). */
  forgetReferences(): void {
    this.#references.clear();
  }

  compare(reference: Float32Array, probe: Float32Array): FaceComparison {
    const score = Math.round(cosineSimilarity(reference, probe) * 1000) / 1000;
    return { decision: decide(score, this.policy), score, threshold: this.policy.threshold, model: this.#runtime.model };
  }
}
