/**
 * From a similarity score to what the teller sees. A score at or above the threshold is MATCH;
 * a score within `uncertainMargin` below it is UNCERTAIN (the teller compares by eye); lower is
 * NO_MATCH. The band lies below the threshold so that it never weakens a MATCH: the false match
 * rate is set by the threshold alone. Defaults come from the measurements in
 * docs/reference/face-match.md (`npm run bench -- face`).
 */
import { DEFAULT_FACE_THRESHOLD, FACE_UNCERTAIN_MARGIN, type FACE_DECISIONS } from '../core/api/face-match.ts';

export type FaceDecision = (typeof FACE_DECISIONS)[number];

export interface MatchPolicy {
  readonly threshold: number;
  readonly uncertainMargin: number;
}

export const DEFAULT_MATCH_POLICY: MatchPolicy = { threshold: DEFAULT_FACE_THRESHOLD, uncertainMargin: FACE_UNCERTAIN_MARGIN };

/** The lowest score that is UNCERTAIN rather than NO_MATCH. */
export const uncertainFrom = (policy: MatchPolicy): number => Math.round((policy.threshold - policy.uncertainMargin) * 1000) / 1000;

export function decide(score: number, policy: MatchPolicy = DEFAULT_MATCH_POLICY): FaceDecision {
  if (score >= policy.threshold) return 'MATCH';
  return score >= uncertainFrom(policy) ? 'UNCERTAIN' : 'NO_MATCH';
}

/** A policy a supervisor may set: threshold within (0, 1), margin within [0, threshold). */
export function validatePolicy(policy: MatchPolicy): MatchPolicy {
  const { threshold, uncertainMargin } = policy;
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`threshold must be between 0 and 1, got ${threshold}`);
  if (!(uncertainMargin >= 0 && uncertainMargin < threshold)) throw new RangeError(`uncertain margin must be between 0 and the threshold, got ${uncertainMargin}`);
  return policy;
}
