/**
 * Connects a session to the records store: the recorder the session calls with its result. The
 * context (operator, purpose, protocol details, CSCA/DS ids, face) comes from the caller, which
 * knows who is logged in and what the read produced.
 */
import type { VerificationResult } from '../api/verification.ts';
import type { RecordContext, RecordInput, RecordRef } from '../store/record-types.ts';
import type { SessionRecorder } from './types.ts';

/** The part of the store a session needs (core/store/store.ts Store satisfies it). */
export interface RecordWriterPort {
  write(input: RecordInput): RecordRef;
}

export function storeRecorder(store: RecordWriterPort, context: RecordContext | ((result: VerificationResult) => RecordContext)): SessionRecorder {
  return (result) => store.write({ result, context: typeof context === 'function' ? context(result) : context });
}
