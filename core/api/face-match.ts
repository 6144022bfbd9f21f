/**
 * Face match at the counter as the core and the screen share it: whether the purpose profile in
 * force asks for it and at which threshold (a supervisor's choice per profile, else the profile's
 * default), and what the screen reports back for the record. The default threshold is the one
 * chosen from the measured error rates (docs/reference/face-match.md); face/decision.ts uses it.
 */
import { z } from 'zod';

/** The measured default: false matches 0.19 % (5/2582), false non-matches 16.8 % (20/119) on the labelled set. */
export const DEFAULT_FACE_THRESHOLD = 0.62;
/** Scores this far below the threshold are UNCERTAIN (the teller compares by eye), lower ones NO_MATCH. */
export const FACE_UNCERTAIN_MARGIN = 0.12;

/** A supervisor may move the threshold within these bounds (it must stay above the UNCERTAIN band). */
export const FACE_THRESHOLD_LIMITS = { min: 0.3, max: 0.95 } as const;

export const FaceMatchSettingSchema = z.object({
  enabled: z.boolean(),
  threshold: z.number().min(FACE_THRESHOLD_LIMITS.min).max(FACE_THRESHOLD_LIMITS.max),
});
export type FaceMatchSetting = z.infer<typeof FaceMatchSettingSchema>;

/** What the screen needs to run the match after a VERIFIED read. */
export const FaceMatchRequestSchema = z.object({
  threshold: z.number(),
  uncertainMargin: z.number(),
});
export type FaceMatchRequest = z.infer<typeof FaceMatchRequestSchema>;

export const FACE_DECISIONS = ['MATCH', 'NO_MATCH', 'UNCERTAIN'] as const;
export const ACTIVE_CHECK_STATUSES = ['PASSED', 'FAILED', 'INCOMPLETE', 'NOT_PERFORMED'] as const;
/** How the match ended at the counter: the machine decided, or no camera / no face let it (the teller compared by eye). */
export const FACE_MATCH_OUTCOMES = ['DECIDED', 'NO_CAMERA', 'CAMERA_REFUSED', 'NO_FACE', 'ENGINE_UNAVAILABLE'] as const;
/** CONFIRMED / OVERRIDDEN: the teller agreed or disagreed with a MATCH or NO_MATCH; MANUAL: there was none to agree with (UNCERTAIN, no camera, no face). */
export const TELLER_CHOICES = ['CONFIRMED', 'OVERRIDDEN', 'MANUAL'] as const;
export type TellerChoice = (typeof TELLER_CHOICES)[number];

const reasonText = z.string().max(500).regex(/^[^\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u);

/**
 * What the screen reports of a face match for the record: numbers and words only, never an image,
 * a descriptor or a frame. `reason` is the teller's own words, required when they override.
 */
export const FaceMatchReportSchema = z.object({
  outcome: z.enum(FACE_MATCH_OUTCOMES),
  decision: z.enum(FACE_DECISIONS).nullable(),
  score: z.number().min(-1).max(1).nullable(),
  threshold: z.number().min(0).max(1),
  model: z.string().max(100),
  activeCheck: z.enum(ACTIVE_CHECK_STATUSES),
  /** The teller's own conclusion: the customer is (MATCH) or is not (NO_MATCH) the holder. */
  tellerDecision: z.enum(['MATCH', 'NO_MATCH']),
  reason: reasonText.nullable(),
});
export type FaceMatchReport = z.infer<typeof FaceMatchReportSchema>;

/** What the record keeps (and the registry receives): the report and how the teller's conclusion relates to the machine's. */
export interface FaceMatchRecord extends FaceMatchReport {
  readonly teller: TellerChoice;
}

export function tellerChoice(report: Pick<FaceMatchReport, 'decision' | 'tellerDecision'>): TellerChoice {
  if (report.decision !== 'MATCH' && report.decision !== 'NO_MATCH') return 'MANUAL';
  return report.decision === report.tellerDecision ? 'CONFIRMED' : 'OVERRIDDEN';
}

/** The face match as the history's detail shows it: the record's row without the teller's own words. */
export const FaceMatchSummarySchema = FaceMatchReportSchema.omit({ reason: true }).extend({ teller: z.enum(TELLER_CHOICES) });
export type FaceMatchSummary = z.infer<typeof FaceMatchSummarySchema>;
