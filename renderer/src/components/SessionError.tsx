import type { ApiError } from '../../../core/api/messages.ts';
import { messageText, t, type Lang } from '../text.ts';
import { ClearsIn } from './ClearsIn.tsx';

/** A verification that ended in an error: the sentence, the code in the details, and the ways on. */
export function SessionError({ lang, error, clearsIn, onRetry, onNext }: { lang: Lang; error: ApiError; clearsIn: number | null; onRetry: () => void; onNext: () => void }) {
  return (
    <section className="panel error-panel" role="alert" data-testid="session-error" data-code={error.code}>
      <h2>{messageText(lang, error)}</h2>
      <details className="code">
        <summary>{t(lang, 'error.details')}</summary>
        {t(lang, 'error.code')}: {error.code}
        {error.params.detail !== undefined && ` — ${error.params.detail}`}
      </details>
      <div className="actions">
        <button className="primary" onClick={onRetry}>
          {t(lang, 'verify.retry')}
        </button>
        <button onClick={onNext}>{t(lang, 'verify.nextCustomer')}</button>
      </div>
      {clearsIn !== null && <ClearsIn lang={lang} seconds={clearsIn} />}
    </section>
  );
}
