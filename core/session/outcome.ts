/**
 * What one verification yields, from the chip to the recorder, the UI and the CLI: the result
 * plus everything else the read found out. The session carries exactly this one object.
 */
import type { Note } from '../messages/message.ts';
import type { VerificationResult } from '../api/verification.ts';
import type { DisplayableFace } from '../lds/face-display.ts';

export interface VerificationOutcome {
  readonly result: VerificationResult;
  /** Every file as read, raw: the dump `--out` writes and `verify --dump` accepts. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly face: DisplayableFace | null;
  /** Which key assumption opened the chip, when several were tried (CCCD without printed expiry). */
  readonly accessNote: Note | null;
  readonly protocols: { readonly accessControl: string; readonly chipAuthentication: string | null };
  readonly cscaFingerprint: string | null;
  readonly documentSigner: string | null;
}
