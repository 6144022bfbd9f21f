import type { ProtocolDetails, RecordContext } from '../store/record-types.ts';
import type { ReadDocumentOutcome } from './read-document.ts';

/** What the record keeps about a read besides the result: protocols, issuer ids, the face for profiles that keep it. */
export function recordContext(outcome: ReadDocumentOutcome | undefined, operator: string, extra: ProtocolDetails = {}): RecordContext {
  return {
    operator,
    protocol: { ...extra, accessControl: outcome?.protocols.accessControl ?? null, chipAuthentication: outcome?.protocols.chipAuthentication ?? null },
    cscaId: outcome?.cscaFingerprint ?? null,
    dsId: outcome?.documentSigner ?? null,
    ...(outcome?.face && { faceImage: outcome.face.bytes }),
  };
}
