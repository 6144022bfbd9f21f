/** The face match at the counter: the screen's report and the teller's conclusion, kept with the record. */
import { tellerChoice, type FaceMatchRecord } from '../api/face-match.ts';
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import type { Store } from '../store/store.ts';
import { storeError } from '../store/errors.ts';

export class FaceMatchApi implements Pick<TerminalApi, 'recordFaceMatch'> {
  constructor(
    private readonly store: Store,
    private readonly onDuty: () => string,
  ) {}

  /** FACE_OVERRIDE_REASON_MISSING when the teller goes against a MATCH or NO_MATCH without saying why. */
  async recordFaceMatch({ recordId, report }: ApiInput<'recordFaceMatch'>): Promise<ApiOutput<'recordFaceMatch'>> {
    const teller = tellerChoice(report);
    const reason = report.reason?.trim() || null;
    if (teller === 'OVERRIDDEN' && reason === null) throw storeError('FACE_OVERRIDE_REASON_MISSING');
    const match: FaceMatchRecord = { ...report, reason, teller };
    this.store.faceMatches.record(recordId, this.onDuty(), match);
    return { ok: true };
  }
}
