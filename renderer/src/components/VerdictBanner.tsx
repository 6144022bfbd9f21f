import type { VerificationResult } from '../../../core/api/verification.ts';
import { t, type Lang } from '../text.ts';
import { verdictReason } from '../verdict-reason.ts';

/**
 * The verdict, the check that decided it and what the clerk does now; entered data that differs
 * from the chip with its own reason and action; an administrator's step for supervisors only.
 */
export function VerdictBanner({ lang, result, supervisor }: { lang: Lang; result: VerificationResult; supervisor: boolean }) {
  const { reason, action, supervisorAction, entered } = verdictReason(result);
  return (
    <div className={`banner verdict-${result.verdict}`} role="alert" data-testid="verdict">
      <strong>{t(lang, `verdict.${result.verdict}`)}</strong>
      <span data-testid="verdict-reason">{t(lang, reason)}</span>
      <span className="action" data-testid="verdict-action">{t(lang, action)}</span>
      {entered && (
        <span className="entered-mismatch" data-testid="verdict-entered">
          {t(lang, entered.reason)} <span className="action">{t(lang, entered.action)}</span>
        </span>
      )}
      {supervisor && supervisorAction && <span className="supervisor-action">{t(lang, supervisorAction)}</span>}
    </div>
  );
}
