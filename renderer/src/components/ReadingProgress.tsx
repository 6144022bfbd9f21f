import type { SessionEvent } from '../../../core/api/terminal-api.ts';
import { t, tOr, type Lang } from '../text.ts';

export function ReadingProgress({ lang, event, onCancel }: { lang: Lang; event: SessionEvent | null; onCancel: () => void }) {
  const p = event?.progress ?? null;
  const step = p ? tOr(lang, `step.${p.step}`, p.step) : t(lang, 'reading.title');
  const file = p?.file ? tOr(lang, `file.${p.file}`, p.file) : null;
  const kb = (n: number) => Math.max(1, Math.round(n / 1024));
  const amount = p && p.bytesTotal ? ` ${t(lang, 'reading.amount', { read: kb(p.bytesRead), total: kb(p.bytesTotal) })}` : '';
  const percent = p && p.bytesTotal ? Math.min(100, Math.round((100 * p.bytesRead) / p.bytesTotal)) : null;
  return (
    <section className="panel reading" aria-busy="true" data-testid="reading">
      <h2>{t(lang, 'reading.title')}</h2>
      <p className="step" aria-live="polite" data-testid="reading-step">
        {step}
        {file ? ` — ${file}` : ''}
        {amount}
      </p>
      <progress max={100} value={percent ?? undefined} aria-label={step} />
      <p className="hint">{t(lang, 'reading.keepCard')}</p>
      <button onClick={onCancel}>{t(lang, 'verify.cancel')}</button>
    </section>
  );
}
