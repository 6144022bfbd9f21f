import { useEffect, useRef, useState } from 'react';
import type { SessionOutcome } from '../../../core/api/terminal-api.ts';
import { api } from '../api/client.ts';
import { errorText, messageText, t, type Lang } from '../text.ts';
import { ChecksList } from './ChecksList.tsx';
import { HolderData } from './HolderData.tsx';
import { VerdictBanner } from './VerdictBanner.tsx';
import { ClearsIn } from './ClearsIn.tsx';
import { FaceMatch } from './FaceMatch.tsx';

/**
 * The result, compact enough that the banner, the photo beside it and "Next customer" stay in
 * view together (the head is pinned). A FAILED document's data and photo stay hidden until the
 * clerk shows them anyway, which the terminal records first.
 */
export function ResultView({ lang, outcome, supervisor, clearsIn, onNext, onFaceCheck }: { lang: Lang; outcome: SessionOutcome; supervisor: boolean; clearsIn: number | null; onNext: () => void; onFaceCheck: (running: boolean) => void }) {
  const { result } = outcome;
  const [revealed, setRevealed] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);
  const hidden = result.verdict === 'FAILED' && !revealed;
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);

  const reveal = async () => {
    try {
      if (outcome.recordId) await api.revealFailedData({ recordId: outcome.recordId });
      setRevealed(true);
    } catch (e) {
      setRevealError(errorText(e, lang));
    }
  };

  return (
    <section className="result" data-testid="result">
      <div className="result-head">
        <figure className="photo">
          {outcome.faceDataUrl && !hidden ? <img src={outcome.faceDataUrl} alt={t(lang, 'result.photo')} data-testid="face" /> : <div className="no-photo">—</div>}
        </figure>
        <VerdictBanner lang={lang} result={result} supervisor={supervisor} />
        <div className="next">
          <button ref={nextRef} className="primary big" onClick={onNext} data-testid="next-customer">
            {t(lang, 'verify.nextCustomer')}
          </button>
          {clearsIn !== null && <ClearsIn lang={lang} seconds={clearsIn} />}
        </div>
      </div>
      {outcome.faceMatch && outcome.faceDataUrl && outcome.recordId && <FaceMatch lang={lang} request={outcome.faceMatch} faceDataUrl={outcome.faceDataUrl} recordId={outcome.recordId} onLive={onFaceCheck} />}
      {hidden ? (
        <div className="result-body hidden-data" data-testid="hidden-data">
          <h2>{t(lang, 'result.hiddenTitle')}</h2>
          <p>{t(lang, 'result.hiddenWhy')}</p>
          <button onClick={() => void reveal()}>{t(lang, 'result.showAnyway')}</button>
          {revealError && <p className="error" role="alert">{revealError}</p>}
        </div>
      ) : (
        <HolderData lang={lang} document={result.document} shown={outcome.displayFields} untrustworthy={result.verdict === 'FAILED'} />
      )}
      {result.warnings.length > 0 && (
        <div className="warnings" data-testid="warnings">
          <h3>{t(lang, 'result.warnings')}</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{messageText(lang, w)}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome.accessNote && <p className="hint">{messageText(lang, outcome.accessNote)}</p>}
      <details className="checks">
        <summary>{t(lang, 'result.checks')}</summary>
        <ChecksList lang={lang} checks={result.checks} />
      </details>
    </section>
  );
}
