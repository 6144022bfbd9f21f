/** A session's snapshot as the UI receives it: TerminalApi's SessionEvent. */
import type { SessionEvent, SessionState } from '../api/terminal-api.ts';
import type { SessionSnapshot } from '../session/types.ts';
import { toBase64 } from '../bytes/base64.ts';
import { displayedDocument, type DisplayField } from '../api/display-fields.ts';
import { FACE_UNCERTAIN_MARGIN, type FaceMatchSetting } from '../api/face-match.ts';

const STATE: Record<SessionSnapshot['state'], SessionState> = {
  'waiting-for-card': 'waiting', 'key-needed': 'key-needed', reading: 'reading', verifying: 'verifying', done: 'done', error: 'error', cancelled: 'cancelled', closed: 'closed',
};

/** What the purpose profile in force lets the screen have and do. */
export interface ScreenView {
  readonly displayFields: readonly DisplayField[];
  readonly faceMatch: FaceMatchSetting;
}

/**
 * The snapshot as the screen may have it: only the holder fields and face the purpose profile
 * shows, and the face-match request when the profile asks for it of a VERIFIED document whose
 * photo is shown (a photo from a document that failed proves nothing about the customer).
 */
export function sessionEvent(snapshot: SessionSnapshot, { displayFields, faceMatch }: ScreenView): SessionEvent {
  const { outcome, progress } = snapshot;
  const faceShown = !!outcome?.face && displayFields.includes('face');
  const cancelled = snapshot.state === 'cancelled' || snapshot.error?.code === 'SESSION_CANCELLED';
  return {
    sessionId: snapshot.sessionId,
    reader: snapshot.reader,
    seq: snapshot.seq,
    state: cancelled ? 'cancelled' : STATE[snapshot.state],
    progress: progress ? { step: progress.step, file: progress.file ?? null, bytesRead: progress.bytesRead, bytesTotal: progress.bytesTotal } : null,
    outcome: snapshot.state === 'done' && outcome
      ? {
          recordId: snapshot.record?.id ?? null,
          result: { ...outcome.result, document: outcome.result.document && displayedDocument(outcome.result.document, displayFields) },
          faceDataUrl: outcome.face && faceShown ? `data:${outcome.face.mimeType};base64,${toBase64(outcome.face.bytes)}` : null,
          accessNote: outcome.accessNote,
          displayFields: [...displayFields],
          faceMatch: faceMatch.enabled && faceShown && outcome.result.verdict === 'VERIFIED' ? { threshold: faceMatch.threshold, uncertainMargin: FACE_UNCERTAIN_MARGIN } : null,
        }
      : null,
    error: snapshot.error && !cancelled ? snapshot.error : null,
  };
}
