/**
 * What the engine keeps of one detected face: its descriptor, where it is, how sure the detector
 * was, and the head pose and eye openness the active check needs. Built from Human's result the
 * same way in Node and in the browser.
 */
import type { FaceResult } from '@vladmandic/human';
import { eyeOpenness } from './eyes.ts';

export interface FacePose {
  /** Degrees. Positive yaw: the face turns towards the left edge of the unmirrored camera image, i.e. to the subject's own right. */
  readonly yaw: number;
  readonly pitch: number;
  readonly roll: number;
  /** Eye aspect ratio (see eyes.ts); null without a full mesh. */
  readonly eyeOpenness: number | null;
}

export interface FaceObservation {
  /** Null when the face was found but too small or unclear to describe. */
  readonly descriptor: Float32Array | null;
  /** Pixels: x, y, width, height. */
  readonly box: readonly [number, number, number, number];
  readonly score: number;
  readonly pose: FacePose | null;
}

const degrees = (radians: number): number => (radians * 180) / Math.PI;

export function observeFace(face: FaceResult): FaceObservation {
  const angle = face.rotation?.angle;
  return {
    descriptor: face.embedding && face.embedding.length > 0 ? Float32Array.from(face.embedding) : null,
    box: [face.box[0], face.box[1], face.box[2], face.box[3]],
    score: face.score,
    pose: angle ? { yaw: degrees(angle.yaw), pitch: degrees(angle.pitch), roll: degrees(angle.roll), eyeOpenness: eyeOpenness(face.mesh) } : null,
  };
}
