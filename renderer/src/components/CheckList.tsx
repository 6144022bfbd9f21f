import type { Checks } from '../../../core/api/verification.ts';
import { t, tOr, type Lang } from '../text.ts';

const GOOD = new Set(['PASS', 'GOOD', 'VALID', 'NO_EXPIRY']);
const BAD = new Set(['FAIL', 'REVOKED', 'EXPIRED']);

function detail(check: string, value: Record<string, unknown>): string | null {
  if (check === 'accessControl' && value.protocol) return String(value.protocol);
  if (check === 'chipAuthentication' && value.method) return String(value.method);
  if (check === 'dataGroupHashes' && Array.isArray(value.failed) && value.failed.length) return value.failed.map((n) => `DG${n}`).join(', ');
  if (check === 'certificateChain' && value.csca) return String(value.csca);
  return null;
}

/** Every check with its status, folded: the banner already says which one decided. */
export function CheckList({ lang, checks }: { lang: Lang; checks: Checks }) {
  return (
    <details className="checks">
      <summary>{t(lang, 'result.checks')}</summary>
      <ul>
        {Object.entries(checks).map(([name, value]) => {
          const status = (value as { status: string }).status;
          const cls = GOOD.has(status) ? 'good' : BAD.has(status) ? 'bad' : 'neutral';
          const d = detail(name, value as Record<string, unknown>);
          return (
            <li key={name} className={cls} data-testid={`check-${name}`}>
              <span>{tOr(lang, `check.${name}`, name)}</span>
              <strong>{tOr(lang, `checkStatus.${status}`, status)}</strong>
              {d && <small>{d}</small>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
