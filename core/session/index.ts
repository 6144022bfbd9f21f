/** Public API of core/session: the verification state machine, its per-reader registry and the store connection. */
export { VerificationSession, type SessionOptions } from './session.ts';
export { SessionRegistry } from './registry.ts';
export { storeRecorder, type RecordWriterPort } from './store-recorder.ts';
export { sessionError, type SessionErrorCode } from './errors.ts';
export type { CardReader, ReadProgress, RecordedRef, SessionEvents, SessionRecorder, SessionSnapshot, SessionState } from './types.ts';
export { FINAL_STATES } from './types.ts';
