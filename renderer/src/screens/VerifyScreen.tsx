import { useState, useSyncExternalStore } from 'react';
import type { AccessKey, SessionEvent, Status } from '../../../core/api/terminal-api.ts';
import { api, sessionBoard } from '../api/client.ts';
import { errorText, messageText, type Lang } from '../text.ts';
import { KeyEntry } from '../components/KeyEntry.tsx';
import { DemoCards } from '../components/DemoCards.tsx';
import { PlaceCard } from '../components/PlaceCard.tsx';
import { ReaderGuide } from '../components/ReaderGuide.tsx';
import { readerGuidance } from '../reader-guidance.ts';
import { useIdleCountdown } from '../idle-countdown.ts';
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

  // The ID number alone did not open this chip: the same form asks for the birth date, keeping the ID.
  const needBirthDate = event?.error?.code === 'BIRTH_DATE_NEEDED' ? messageText(lang, event.error) : null;
  // A result or an error left on screen clears itself: nothing of a customer stays for the next one (not while the face-match camera runs).
  const [faceCheck, setFaceCheck] = useState(false);
  const clearsIn = useIdleCountdown(status?.idle.resultClearSeconds ?? 60, !!(event?.outcome || (event?.error && !needBirthDate)) && !faceCheck, nextCustomer);
  const sessionView = (e: SessionEvent) => {
    if (e.state === 'waiting') return <PlaceCard lang={lang} onCancel={backToForm} />;
    if (e.outcome) return <ResultView key={e.sessionId} lang={lang} outcome={e.outcome} supervisor={status?.operatorRole === 'supervisor'} clearsIn={clearsIn} onNext={nextCustomer} onFaceCheck={setFaceCheck} />;
    if (e.error) return <SessionError lang={lang} error={e.error} clearsIn={clearsIn} onRetry={backToForm} onNext={nextCustomer} />;
    return <ReadingProgress lang={lang} event={e} onCancel={backToForm} />;
  };
  const guide = <ReaderGuide lang={lang} guidance={readerGuidance(status?.readers ?? [], event)} />;
  if (event && !needBirthDate) {
    return (
      <>
        {guide}
        {sessionView(event)}
      </>
    );
  }
  const virtual = status?.readers.some((r) => r.virtual) ?? false;
  return (
    <div className="verify-layout">
      <section className="panel">
        {guide}
        <KeyEntry lang={lang} onSubmit={(k) => void start(k)} prefill={lastKey ?? prefill} birthDateNeeded={needBirthDate} />
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
