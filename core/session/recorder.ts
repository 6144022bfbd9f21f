/**
 * The "record" step: the session's recorder that stores an outcome in the records store, with
 * what the record keeps besides the result (operator, protocols, issuer ids, the face for the
 * purpose profiles that keep it).
 */
import type { ProtocolDetails, RecordContext, RecordInput, RecordRef } from '../store/record-types.ts';
import type { VerificationOutcome } from './outcome.ts';
import type { SessionRecorder } from './types.ts';

/** The part of the store a session needs (core/store/store.ts Store satisfies it). */
export interface RecordWriterPort {
  write(input: RecordInput): RecordRef;
}

export function recordContext(outcome: VerificationOutcome, operator: string, extra: ProtocolDetails = {}): RecordContext {
  return {
    operator,
    protocol: { ...extra, accessControl: outcome.protocols.accessControl, chipAuthentication: outcome.protocols.chipAuthentication },
    cscaId: outcome.cscaFingerprint,
    dsId: outcome.documentSigner,
    ...(outcome.face && { faceImage: outcome.face.bytes }),
  };
}

/**
 * Stores each outcome under `operator`; `extra` protocol details (e.g. the reader) go into the
 * record. `purpose` names the purpose profile (a business application's request); the terminal's
 * setting when absent.
 */
export function storeRecorder(store: RecordWriterPort, operator: string, extra: ProtocolDetails = {}, purpose?: string): SessionRecorder {
  return (outcome) => store.write({ result: outcome.result, context: { ...recordContext(outcome, operator, extra), ...(purpose !== undefined && { purpose }) } });
}
