/**
 * The active check: the customer follows a prompt (turn the head to one side then the other, or
 * blink) and the face mesh of the camera frames must show it, in order, within a time limit,
 * with exactly one face throughout. Pure logic over per-frame numbers; the runtime measures them.
 *
 * What it stops: a still picture held up to the camera, printed or on a screen, cannot turn or
 * blink. What it does not stop: a video of the customer that does what is asked (a replay or a
 * live deepfake on a screen), a 3-D mask with moving eyes, an accomplice whose face swaps in for a
 * still frame. See docs/reference/face-match.md.
 */
import type { FaceObservation } from './observation.ts';

export type ActiveChallenge = 'TURN_LEFT_THEN_RIGHT' | 'TURN_RIGHT_THEN_LEFT' | 'BLINK';
export type ActiveCheckStatus = 'PASSED' | 'FAILED' | 'INCOMPLETE';
export type ActiveCheckFailure = 'TIMEOUT' | 'FACE_MULTIPLE' | 'FACE_LOST';

/** What the check needs of one camera frame. */
export interface FrameSignal {
  readonly atMillis: number;
  readonly faces: number;
  /** Degrees, of the one face; positive = the subject's own right (see FacePose). */
  readonly yaw: number | null;
  readonly eyeOpenness: number | null;
}

export interface ActiveCheckOptions {
  /** Yaw to reach on each side, degrees. */
  readonly turnDegrees: number;
  /** The sequence must start with the head at most this far from frontal, degrees. */
  readonly frontalDegrees: number;
  /** Eyes count as closed below this share of the customer's own open value... */
  readonly closedRatio: number;
  /** ...and as open again above this share. */
  readonly reopenRatio: number;
  readonly timeoutMillis: number;
  /** Longest time without a face before the check fails. */
  readonly maxGapMillis: number;
}

export const DEFAULT_ACTIVE_CHECK: ActiveCheckOptions = {
  turnDegrees: 15,
  frontalDegrees: 8,
  closedRatio: 0.6,
  reopenRatio: 0.85,
  timeoutMillis: 10_000,
  maxGapMillis: 1_000,
};

export interface ActiveCheckResult {
  readonly challenge: ActiveChallenge;
  readonly status: ActiveCheckStatus;
  readonly failure?: ActiveCheckFailure;
  /** Steps done of `steps` (for the guidance on screen). */
  readonly done: number;
  readonly steps: number;
}

type Step = (frame: FrameSignal, baseline: number | null) => boolean;

/** Frames whose eyes set the customer's open value before the blink. */
const BASELINE_FRAMES = 3;

function stepsOf(challenge: ActiveChallenge, o: ActiveCheckOptions): Step[] {
  const frontal: Step = (f) => f.yaw !== null && Math.abs(f.yaw) <= o.frontalDegrees;
  const right: Step = (f) => f.yaw !== null && f.yaw >= o.turnDegrees;
  const left: Step = (f) => f.yaw !== null && f.yaw <= -o.turnDegrees;
  const closed: Step = (f, base) => frontal(f, base) && base !== null && f.eyeOpenness !== null && f.eyeOpenness < base * o.closedRatio;
  const reopened: Step = (f, base) => frontal(f, base) && base !== null && f.eyeOpenness !== null && f.eyeOpenness >= base * o.reopenRatio;
  switch (challenge) {
    case 'TURN_LEFT_THEN_RIGHT': return [frontal, left, right];
    case 'TURN_RIGHT_THEN_LEFT': return [frontal, right, left];
    case 'BLINK': return [frontal, closed, reopened];
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function evaluateActiveCheck(challenge: ActiveChallenge, frames: readonly FrameSignal[], options: ActiveCheckOptions = DEFAULT_ACTIVE_CHECK): ActiveCheckResult {
  const steps = stepsOf(challenge, options);
  const result = (status: ActiveCheckStatus, done: number, failure?: ActiveCheckFailure): ActiveCheckResult =>
    failure ? { challenge, status, failure, done, steps: steps.length } : { challenge, status, done, steps: steps.length };
  const ordered = [...frames].sort((a, b) => a.atMillis - b.atMillis);
  const start = ordered[0]?.atMillis ?? 0;
  let done = 0;
  let lastFace = start;
  const openValues: number[] = [];
  for (const frame of ordered) {
    if (frame.faces > 1) return result('FAILED', done, 'FACE_MULTIPLE');
    if (frame.faces === 0) {
      if (frame.atMillis - lastFace > options.maxGapMillis) return result('FAILED', done, 'FACE_LOST');
      continue;
    }
    lastFace = frame.atMillis;
    if (frame.atMillis - start > options.timeoutMillis) return result('FAILED', done, 'TIMEOUT');
    // The open value is learnt from frontal frames before the eyes close, so a closed-eye start cannot lower it.
    if (done === 1 && openValues.length < BASELINE_FRAMES && frame.eyeOpenness !== null && steps[0]!(frame, null)) openValues.push(frame.eyeOpenness);
    const baseline = openValues.length >= BASELINE_FRAMES ? median(openValues) : null;
    if (steps[done]!(frame, baseline)) done++;
    if (done === steps.length) return result('PASSED', done);
  }
  const last = ordered.at(-1)?.atMillis ?? start;
  return last - start > options.timeoutMillis ? result('FAILED', done, 'TIMEOUT') : result('INCOMPLETE', done);
}

/** The check's view of one frame's faces: the pose of the face when there is exactly one. */
export function frameSignal(atMillis: number, faces: readonly FaceObservation[]): FrameSignal {
  const pose = faces.length === 1 ? faces[0]!.pose : null;
  return { atMillis, faces: faces.length, yaw: pose?.yaw ?? null, eyeOpenness: pose?.eyeOpenness ?? null };
}
