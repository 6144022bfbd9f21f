import { t, type Lang } from '../text.ts';

/** The countdown to the result clearing itself; not announced every second (no live region). */
export function ClearsIn({ lang, seconds }: { lang: Lang; seconds: number }) {
  return <p className="hint countdown" data-testid="clears-in">{t(lang, 'idle.clearsIn', { seconds })}</p>;
}
