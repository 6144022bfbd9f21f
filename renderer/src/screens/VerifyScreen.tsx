import { useState, useSyncExternalStore } from 'react';
import type { AccessKey, SessionEvent, Status } from '../../../core/api/terminal-api.ts';
import { api, sessionBoard } from '../api/client.ts';
import { errorText, messageText, t, type Lang } from '../text.ts';
import { KeyEntry } from '../components/KeyEntry.tsx';
import { DemoCards } from '../components/DemoCards.tsx';
import { ReadingProgress } from '../components/ReadingProgress.tsx';
import { ResultView } from '../components/ResultView.tsx';

/** The session this screen shows survives a reload of the page, until the next customer. */
const SHOWN_SESSION = 'eid-shown-session';
const FINAL: readonly SessionEvent['state'][] = ['done', 'error', 'cancelled'];

export function VerifyScreen({ lang, status }: { lang: Lang; status: Status | null }) {
  const [shown, setShown] = useState<string | null>(() => sessionStorage.getItem(SHOWN_SESSION));
  const [startError, setStartError] = useState<string | null>(null);
  const [lastKey, setLastKey] = useState<AccessKey | null>(null);
  const [prefill, setPrefill] = useState<AccessKey | null>(null);
  // Whatever order the id and the session's events arrive in, the board has kept the events.
  const event = useSyncExternalStore(sessionBoard.subscribe, () => (shown ? sessionBoard.session(shown) : undefined));

  const show = (sessionId: string | null) => {
    if (sessionId) sessionStorage.setItem(SHOWN_SESSION, sessionId);
    else sessionStorage.removeItem(SHOWN_SESSION);
    setShown(sessionId);
  };

  const start = async (key: AccessKey) => {
    setStartError(null);
    setLastKey(key);
    try {
      show((await api.startVerification({ reader: null, key })).sessionId);
    } catch (e) {
      setStartError(errorText(e, lang));
    }
  };

  const nextCustomer = () => {
    show(null);
    setLastKey(null);
    setPrefill(null);
    setStartError(null);
  };

  if (shown && (!event || !FINAL.includes(event.state))) {
    return <ReadingProgress lang={lang} event={event ?? null} onCancel={() => void api.cancelVerification({ sessionId: shown })} />;
  }
  if (shown && event && event.state !== 'cancelled') {
    const ev = event;
    if (ev.outcome) return <ResultView lang={lang} outcome={ev.outcome} onNext={nextCustomer} />;
    return (
      <section className="panel error-panel" role="alert" data-testid="session-error">
        <h2>{ev.error ? messageText(lang, ev.error) : '—'}</h2>
        {ev.error && (
          <details className="code">
            <summary>{t(lang, 'error.details')}</summary>
            {t(lang, 'error.code')}: {ev.error.code}
            {ev.error.params.detail !== undefined && ` — ${ev.error.params.detail}`}
          </details>
        )}
        <div className="actions">
          <button className="primary" onClick={() => show(null)}>
            {t(lang, 'verify.retry')}
          </button>
          <button onClick={nextCustomer}>{t(lang, 'verify.nextCustomer')}</button>
        </div>
      </section>
    );
  }
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
