/** The verification session's states, progress, events and the ports it is given. */
import type { EidError } from '../errors.ts';
import type { VerificationOutcome } from './outcome.ts';

/**
 * waiting-for-card -> key-needed -> reading -> verifying -> done | error; cancelled from any
 * non-final state. `error` may go back to key-needed (retry with another key). `closed`: the clerk
 * is done with it (next customer, cancel, idle), and its outcome has left memory.
 */
export type SessionState = 'waiting-for-card' | 'key-needed' | 'reading' | 'verifying' | 'done' | 'error' | 'cancelled' | 'closed';

export const FINAL_STATES: readonly SessionState[] = ['done', 'error', 'cancelled', 'closed'];

export type ReadStep = 'access-control' | 'read-file' | 'chip-authentication' | 'passive-authentication';

export interface ReadProgress {
  /** 'reading' while files come off the chip, 'verifying' for the checks after. */
  readonly phase: 'reading' | 'verifying';
  readonly step: ReadStep;
  /** File being read, e.g. 'DG2'. */
  readonly file?: string;
  readonly bytesRead: number;
  /** Total bytes expected when known (from the file lengths), else null. */
  readonly bytesTotal: number | null;
}

/**
 * Reads and verifies the card with the given access key (MRZ data or CAN). Injected so the
 * session runs against PC/SC, the virtual chip or a test double alike (core/session/chip-reader.ts
 * is the one that talks to a chip). Must stop on `signal`.
 */
export type CardReader<K> = (key: K, progress: (p: ReadProgress) => void, signal: AbortSignal) => Promise<VerificationOutcome>;

/** Where a finished verification is stored (core/session/recorder.ts); returns once it is durable. */
export type SessionRecorder = (outcome: VerificationOutcome) => RecordedRef | Promise<RecordedRef>;

export interface RecordedRef {
  readonly id: string;
  readonly seq: number;
}

export interface SessionSnapshot {
  readonly sessionId: string;
  readonly reader: string;
  readonly state: SessionState;
  /** Grows with every change of any session in this process: of two snapshots, the larger is newer. */
  readonly seq: number;
  readonly progress: ReadProgress | null;
  /** Set when the card was read and verified (also when only storing the record failed). */
  readonly outcome: VerificationOutcome | null;
  readonly record: RecordedRef | null;
  /** The error as every transport carries it: `{ code, params, message }`. */
  readonly error: ReturnType<EidError['toJSON']> | null;
}

export interface SessionEvents extends Record<string, unknown> {
  state: { readonly state: SessionState; readonly previous: SessionState; readonly snapshot: SessionSnapshot };
  progress: ReadProgress;
  /** The outcome has been stored (or storing is off: record is null). */
  done: { readonly outcome: VerificationOutcome; readonly record: RecordedRef | null };
  /** `outcome` is set when the card was verified but storing the record failed. */
  error: { readonly error: EidError; readonly outcome: VerificationOutcome | null };
}
