/**
 * The check at the counter, over the camera's frames as they come: what to tell the customer,
 * the active check (face/liveness.ts) on the same frames, and the match decision on the frames of
 * that sequence that face the camera (yaw below the turn the active check asks for), the lowest
 * score counting (so a photo swapped in between the turns cannot lift it). Pure logic over observations; the page measures the frames and keeps no image.
 */
import type { FaceComparison, FaceEngine } from './engine.ts';
import { DEFAULT_ACTIVE_CHECK, evaluateActiveCheck, frameSignal, type ActiveChallenge, type ActiveCheckOptions, type ActiveCheckResult, type FrameSignal } from './liveness.ts';
import type { FaceObservation } from './observation.ts';

export type FaceGuidance = 'LOOK_AT_CAMERA' | 'MORE_LIGHT' | 'ONE_FACE_ONLY' | 'TURN_LEFT' | 'TURN_RIGHT';

export interface CounterFrame {
  readonly atMillis: number;
  readonly faces: readonly FaceObservation[];
  /** Mean luminance of the frame, 0-255 (meanLuminance). */
  readonly luminance: number;
}

export interface CounterProgress {
  readonly guidance: FaceGuidance;
  readonly activeCheck: ActiveCheckResult;
  readonly finished: boolean;
}

export interface CounterResult extends Omit<FaceComparison, 'decision'> {
  /** Null when no face ever faced the camera: the teller compares by eye. */
  readonly decision: FaceComparison['decision'] | null;
  readonly activeCheck: ActiveCheckResult;
  /** Frames compared (those facing the camera). */
  readonly frames: number;
}

export interface CounterCheckOptions {
  readonly reference: Float32Array;
  readonly challenge: Exclude<ActiveChallenge, 'BLINK'>;
  /** The engine whose comparison, threshold and model name count. */
  readonly engine: Pick<FaceEngine<unknown>, 'compare' | 'model' | 'policy'>;
  readonly active?: ActiveCheckOptions;
}

/** Below this mean luminance the camera sees too little to find a face reliably. */
const DARK = 50;
/** How long to wait for the customer's face before giving up (no decision). */
const WAIT_MILLIS = 30_000;

/** Mean luminance (ITU-R BT.601 weights) of RGBA pixels; 0 for none. */
export function meanLuminance(rgba: ArrayLike<number>): number {
  const pixels = Math.floor(rgba.length / 4);
  if (pixels === 0) return 0;
  let sum = 0;
  for (let i = 0; i < pixels * 4; i += 4) sum += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  return sum / pixels;
}

export class CounterCheck {
  readonly #options: CounterCheckOptions;
  readonly #active: ActiveCheckOptions;
  readonly #signals: FrameSignal[] = [];
  #firstFrame: number | null = null;
  #lowest: FaceComparison | null = null;
  #compared = 0;
  #activeCheck: ActiveCheckResult;
  #finished = false;

  constructor(options: CounterCheckOptions) {
    this.#options = options;
    this.#active = options.active ?? DEFAULT_ACTIVE_CHECK;
    this.#activeCheck = evaluateActiveCheck(options.challenge, [], this.#active);
  }

  add(frame: CounterFrame): CounterProgress {
    if (this.#finished) return this.#progress('LOOK_AT_CAMERA');
    this.#firstFrame ??= frame.atMillis;
    const one = frame.faces.length === 1 ? frame.faces[0]! : null;
    // The sequence starts with the customer's first appearance: waiting for them is not a failure.
    if (this.#signals.length > 0 || one) {
      this.#signals.push(frameSignal(frame.atMillis, frame.faces));
      this.#activeCheck = evaluateActiveCheck(this.#options.challenge, this.#signals, this.#active);
      // Compared: every frame not counted as a turn (a customer facing the camera a few degrees off is still compared).
      if (one?.descriptor && one.pose && Math.abs(one.pose.yaw) < this.#active.turnDegrees) this.#compare(one.descriptor);
      if (this.#activeCheck.status !== 'INCOMPLETE') this.#finished = true;
    } else if (frame.atMillis - this.#firstFrame >= WAIT_MILLIS) {
      this.#finished = true;
    }
    return this.#progress(this.#guidance(frame));
  }

  /** The outcome so far (final once `finished`); null before any frame. */
  result(): CounterResult | null {
    if (this.#firstFrame === null) return null;
    const comparison = this.#lowest;
    return {
      decision: comparison?.decision ?? null,
      score: comparison?.score ?? 0,
      threshold: this.#options.engine.policy.threshold,
      model: this.#options.engine.model,
      activeCheck: this.#activeCheck,
      frames: this.#compared,
    };
  }

  #compare(probe: Float32Array): void {
    const comparison = this.#options.engine.compare(this.#options.reference, probe);
    this.#compared++;
    if (!this.#lowest || comparison.score < this.#lowest.score) this.#lowest = comparison;
  }

  #guidance(frame: CounterFrame): FaceGuidance {
    if (frame.faces.length > 1) return 'ONE_FACE_ONLY';
    if (frame.luminance < DARK) return 'MORE_LIGHT';
    if (frame.faces.length === 0 || this.#activeCheck.done === 0) return 'LOOK_AT_CAMERA';
    const leftFirst = this.#options.challenge === 'TURN_LEFT_THEN_RIGHT';
    return (this.#activeCheck.done === 1) === leftFirst ? 'TURN_LEFT' : 'TURN_RIGHT';
  }

  #progress(guidance: FaceGuidance): CounterProgress {
    return { guidance, activeCheck: this.#activeCheck, finished: this.#finished };
  }
}
