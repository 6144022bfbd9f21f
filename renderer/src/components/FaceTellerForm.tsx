import { useState } from 'react';
import { tellerChoice, type FaceMatchReport } from '../../../core/api/face-match.ts';
import { t, type Lang } from '../text.ts';

type Conclusion = FaceMatchReport['tellerDecision'];

/**
 * The teller's own conclusion, always asked: it confirms the machine's MATCH or NO MATCH, goes
 * against it with a reason, or (UNCERTAIN, no camera, no face) is the comparison by eye itself.
 */
export function FaceTellerForm({ lang, decision, onRecord }: { lang: Lang; decision: FaceMatchReport['decision']; onRecord: (conclusion: Conclusion, reason: string | null) => Promise<void> }) {
  const [conclusion, setConclusion] = useState<Conclusion | null>(decision === 'MATCH' || decision === 'NO_MATCH' ? decision : null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const overriding = conclusion !== null && tellerChoice({ decision, tellerDecision: conclusion }) === 'OVERRIDDEN';
  const ready = conclusion !== null && (!overriding || reason.trim().length > 0) && !busy;

  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    try {
      await onRecord(conclusion, reason.trim() || null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="face-teller" data-testid="face-teller">
      <legend>{t(lang, 'face.tellerQuestion')}</legend>
      {(['MATCH', 'NO_MATCH'] as const).map((c) => (
        <label key={c}>
          <input type="radio" name="face-conclusion" value={c} checked={conclusion === c} onChange={() => setConclusion(c)} />
          {t(lang, c === 'MATCH' ? 'face.tellerSame' : 'face.tellerDifferent')}
        </label>
      ))}
      {overriding && (
        <label className="face-reason">
          {t(lang, 'face.overrideReason')}
          <textarea name="face-reason" maxLength={500} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <button onClick={() => void submit()} disabled={!ready} data-testid="face-record">
        {t(lang, 'face.record')}
      </button>
    </fieldset>
  );
}
