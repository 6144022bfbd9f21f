import { useEffect, useRef, useState } from 'react';
import type { AccessKey, SessionEvent, Status } from '../../../core/api/terminal-api.ts';
import { api, errorText } from '../api/client.ts';
import { t, type Lang } from '../i18n.ts';
import { KeyEntry } from '../components/KeyEntry.tsx';
import { DemoCards } from '../components/DemoCards.tsx';
import { ReadingProgress } from '../components/ReadingProgress.tsx';
import { ResultView } from '../components/ResultView.tsx';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; sessionId: string; event: SessionEvent | null }
  | { kind: 'finished'; event: SessionEvent };

export function VerifyScreen({ lang, status }: { lang: Lang; status: Status | null }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [startError, setStartError] = useState<string | null>(null);
  const [lastKey, setLastKey] = useState<AccessKey | null>(null);
  const [prefill, setPrefill] = useState<AccessKey | null>(null);
  const sessionRef = useRef<string | null>(null);

  useEffect(
    () =>
      api.subscribe((e) => {
        if (e.type !== 'session' || e.event.sessionId !== sessionRef.current) return;
        const ev = e.event;
        if (ev.state === 'done' || ev.state === 'error' || ev.state === 'cancelled') {
          sessionRef.current = null;
          setPhase(ev.state === 'cancelled' ? { kind: 'idle' } : { kind: 'finished', event: ev });
        } else {
          setPhase({ kind: 'running', sessionId: ev.sessionId, event: ev });
        }
      }),
    [],
  );

  const start = async (key: AccessKey) => {
    setStartError(null);
    setLastKey(key);
    try {
      const { sessionId } = await api.startVerification({ reader: null, key });
      sessionRef.current = sessionId;
      setPhase((p) => (p.kind === 'running' && p.sessionId === sessionId ? p : { kind: 'running', sessionId, event: null }));
    } catch (e) {
      setStartError(errorText(e, lang));
    }
  };

  const nextCustomer = () => {
    sessionRef.current = null;
    setLastKey(null);
    setPrefill(null);
    setStartError(null);
    setPhase({ kind: 'idle' });
  };

  if (phase.kind === 'running') {
    return (
      <ReadingProgress
        lang={lang}
        event={phase.event}
        onCancel={() => void api.cancelVerification({ sessionId: phase.sessionId })}
      />
    );
  }
  if (phase.kind === 'finished') {
    const ev = phase.event;
    if (ev.outcome) return <ResultView lang={lang} outcome={ev.outcome} onNext={nextCustomer} />;
    return (
      <section className="panel error-panel" role="alert" data-testid="session-error">
        <h2>{ev.error ? (lang === 'vi' ? ev.error.vi : ev.error.message) : '—'}</h2>
        <p className="code">{ev.error?.code}</p>
        <div className="actions">
          {lastKey && (
            <button className="primary" onClick={() => setPhase({ kind: 'idle' })}>
              {t(lang, 'retry')}
            </button>
          )}
          <button onClick={nextCustomer}>{t(lang, 'nextCustomer')}</button>
        </div>
      </section>
    );
  }
  const virtual = status?.readers.some((r) => r.virtual) ?? false;
  return (
    <div className="verify-layout">
      <section className="panel">
        <p className="hint big">{t(lang, 'placeCard')}</p>
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
