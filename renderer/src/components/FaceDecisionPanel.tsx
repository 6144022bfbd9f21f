import type { CounterResult } from '../../../face/counter-check.ts';
import { t, type Lang } from '../text.ts';

const CLASS = { MATCH: 'ok', NO_MATCH: 'bad', UNCERTAIN: 'warn' } as const;

/** The machine's decision with its score and threshold, and the active check's result beside it, never hidden by it. */
export function FaceDecisionPanel({ lang, result }: { lang: Lang; result: CounterResult }) {
  const decision = result.decision ?? 'UNCERTAIN';
  const active = result.activeCheck.status;
  return (
    <div className={`face-decision ${CLASS[decision]}`} data-testid="face-decision" data-decision={decision}>
      <strong className="face-decision-word">{t(lang, `face.decision.${decision}`)}</strong>
      <span data-testid="face-score">{t(lang, 'face.score', { score: result.score.toFixed(3), threshold: result.threshold.toFixed(2) })}</span>
      <p className={active === 'PASSED' ? 'face-active ok' : 'face-active warn'} data-testid="face-active-check" data-status={active}>
        {t(lang, `face.active.${active}`)}
      </p>
      <small>{t(lang, 'face.model', { model: result.model })}</small>
    </div>
  );
}
