import { useEffect, useState } from 'react';
import type { FaceMatchReport, FaceMatchRequest } from '../../../core/api/face-match.ts';
import { api } from '../api/client.ts';
import { errorText, t, type Lang } from '../text.ts';
import { useCounterCheck, type CheckPhase } from '../face/use-counter-check.ts';
import { FaceDecisionPanel } from './FaceDecisionPanel.tsx';
import { FaceTellerForm } from './FaceTellerForm.tsx';
import { UNAVAILABLE_TEXT } from '../face/unavailable-text.ts';

/** What the record keeps of the check: numbers and words, no picture. */
function reportOf(phase: CheckPhase, request: FaceMatchRequest): Omit<FaceMatchReport, 'tellerDecision' | 'reason'> {
  if (phase.kind === 'done') {
    const { decision, score, threshold, model, activeCheck } = phase.result;
    return { outcome: 'DECIDED', decision, score, threshold, model, activeCheck: activeCheck.status };
  }
  return { outcome: phase.kind === 'unavailable' ? phase.why : 'ENGINE_UNAVAILABLE', decision: null, score: null, threshold: request.threshold, model: '', activeCheck: 'NOT_PERFORMED' };
}

/**
 * Face match at the counter: the chip photo beside the live camera, guidance to the customer,
 * the machine's decision with the head-turn check, and the teller's conclusion for the record.
 * Without a camera (or a face) it says so and the teller compares by eye, as before. Shown only
 * for a recorded verification: the conclusion belongs to its record. The privacy
 * notice is shown in Vietnamese and English whatever the screen's language: it is for the customer.
 */
export function FaceMatch({ lang, request, faceDataUrl, recordId, onLive }: { lang: Lang; request: FaceMatchRequest; faceDataUrl: string; recordId: string; onLive: (live: boolean) => void }) {
  const [cameraId, setCameraId] = useState<string | null | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [recorded, setRecorded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getSettings({}).then((s) => setCameraId(s.camera), () => setCameraId(null));
  }, []);
  const { phase, video } = useCounterCheck(request, faceDataUrl, cameraId, attempt);
  const live = phase.kind === 'starting' || phase.kind === 'running';
  // While the camera runs the customer is busy with it: the result must not clear itself meanwhile.
  useEffect(() => onLive(live), [live, onLive]);
  useEffect(() => () => onLive(false), [onLive]);

  const record = async (tellerDecision: FaceMatchReport['tellerDecision'], reason: string | null) => {
    setError(null);
    try {
      await api.recordFaceMatch({ recordId, report: { ...reportOf(phase, request), tellerDecision, reason } });
      setRecorded(true);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  return (
    <section className="face-match" data-testid="face-match" aria-labelledby="face-match-title">
      <h2 id="face-match-title">{t(lang, 'face.title')}</h2>
      <div className="face-views">
        <figure className="photo">
          <img src={faceDataUrl} alt={t(lang, 'face.chipPhoto')} />
          <figcaption>{t(lang, 'face.chipPhoto')}</figcaption>
        </figure>
        <figure className={live ? 'photo face-live' : 'photo face-live off'}>
          <video ref={video} muted playsInline data-testid="face-live" aria-label={t(lang, 'face.live')} />
          <figcaption>{t(lang, 'face.live')}</figcaption>
        </figure>
        <div className="face-state">
          {phase.kind === 'starting' && <p className="face-guide" role="status">{t(lang, 'face.starting')}</p>}
          {phase.kind === 'running' && <p className="face-guide big" role="status" data-testid="face-guide" data-guidance={phase.guidance}>{t(lang, `face.guide.${phase.guidance}`)}</p>}
          {phase.kind === 'done' && <FaceDecisionPanel lang={lang} result={phase.result} />}
          {phase.kind === 'unavailable' && (
            <p className="face-unavailable" role="status" data-testid="face-unavailable" data-why={phase.why}>{t(lang, UNAVAILABLE_TEXT[phase.why])}</p>
          )}
          {!live && !recorded && (
            <button onClick={() => setAttempt((a) => a + 1)} data-testid="face-retry">{t(lang, 'face.retry')}</button>
          )}
        </div>
      </div>
      {!live && !recorded && <FaceTellerForm lang={lang} decision={phase.kind === 'done' ? phase.result.decision : null} onRecord={record} />}
      {recorded && <p className="face-recorded" role="status" data-testid="face-recorded">{t(lang, 'face.recorded')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="face-privacy" data-testid="face-privacy">
        <p lang="vi">{t('vi', 'face.privacy')}</p>
        <p lang="en">{t('en', 'face.privacy')}</p>
      </div>
    </section>
  );
}
