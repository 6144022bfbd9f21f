import { useState, useSyncExternalStore } from 'react';
import type { AccessKey, Status } from '../../../core/api/terminal-api.ts';
import { api, sessionBoard } from '../api/client.ts';
import { errorText, t, type Lang } from '../text.ts';
import { KeyEntry } from '../components/KeyEntry.tsx';
import { DemoCards } from '../components/DemoCards.tsx';
import { PlaceCard } from '../components/PlaceCard.tsx';
import { ReadingProgress } from '../components/ReadingProgress.tsx';
import { ResultView } from '../components/ResultView.tsx';
import { SessionError } from '../components/SessionError.tsx';

/**
 * The form, or the terminal's current session (the session board's: also one started on another
 * screen, or before a reload) until the clerk is done with it. Every state has its way back.
 */
export function VerifyScreen({ lang, status }: { lang: Lang; status: Status | null }) {
  const event = useSyncExternalStore(sessionBoard.subscribe, sessionBoard.current);
  const [startError, setStartError] = useState<string | null>(null);
  const [lastKey, setLastKey] = useState<AccessKey | null>(null);
  const [prefill, setPrefill] = useState<AccessKey | null>(null);

  const start = async (key: AccessKey) => {
    setStartError(null);
    setLastKey(key);
    try {
      await api.startVerification({ reader: null, key });
    } catch (e) {
      setStartError(errorText(e, lang));
    }
  };

  /** Back to the form, the key kept: Cancel, Try again. */
  const backToForm = () => event && sessionBoard.dismiss(event.sessionId);
  const nextCustomer = () => {
    backToForm();
    setLastKey(null);
    setPrefill(null);
    setStartError(null);
  };

  if (event?.state === 'waiting') return <PlaceCard lang={lang} onCancel={backToForm} />;
  if (event && !event.outcome && !event.error) return <ReadingProgress lang={lang} event={event} onCancel={backToForm} />;
  if (event?.outcome) {
    return <ResultView key={event.sessionId} lang={lang} outcome={event.outcome} supervisor={status?.operatorRole === 'supervisor'} onNext={nextCustomer} />;
  }
  if (event?.error) return <SessionError lang={lang} error={event.error} onRetry={backToForm} onNext={nextCustomer} />;
  const virtual = status?.readers.some((r) => r.virtual) ?? false;
  return (
    <div className="verify-layout">
      <section className="panel">
        <p className="hint big">{t(lang, 'verify.placeCard')}</p>
        <KeyEntry lang={lang} onSubmit={(k) => void start(k)} prefill={lastKey ?? prefill} />
        {startError && (
          <p className="error" role="alert">
            {startError}
          </p>
        )}
      </section>
      {virtual && (
        <DemoCards
          lang={lang}
          onInserted={(key) => {
            setLastKey(null);
            setPrefill(key);
          }}
        />
      )}
    </div>
  );
}
