import { useEffect, useRef } from 'react';
import type { SessionOutcome } from '../../../core/api/terminal-api.ts';
import { messageText, t, tOr, type Lang } from '../text.ts';

const GOOD = new Set(['PASS', 'GOOD', 'VALID', 'NO_EXPIRY']);
const BAD = new Set(['FAIL', 'REVOKED', 'EXPIRED']);

const VN_FIELDS = [
  'fullName', 'idNumber', 'dateOfBirth', 'sex', 'nationality', 'ethnicity', 'religion', 'placeOfOrigin',
  'placeOfResidence', 'identifyingMarks', 'dateOfIssue', 'dateOfExpiry', 'fatherName', 'motherName', 'spouseName', 'oldIdNumber',
] as const;
const ICAO_FIELDS = ['surname', 'givenNames', 'documentNumber', 'documentCode', 'issuingState', 'nationality', 'dateOfBirth', 'sex', 'dateOfExpiry'] as const;

function formatDate(value: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[3]}.${m[2]}.${m[1]}`;
}

function detail(check: string, value: Record<string, unknown>): string | null {
  if (check === 'accessControl' && value.protocol) return String(value.protocol);
  if (check === 'chipAuthentication' && value.method) return String(value.method);
  if (check === 'dataGroupHashes' && Array.isArray(value.failed) && value.failed.length) return value.failed.map((n) => `DG${n}`).join(', ');
  if (check === 'certificateChain' && value.csca) return String(value.csca);
  return null;
}

export function ResultView({ lang, outcome, onNext }: { lang: Lang; outcome: SessionOutcome; onNext: () => void }) {
  const { result } = outcome;
  const doc = result.document;
  const warnings = result.warnings;
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);
  const rows: [string, string][] = [];
  if (doc?.vn) {
    for (const f of VN_FIELDS) {
      const v = doc.vn[f];
      if (v) rows.push([t(lang, `field.${f}`), /Date|date/.test(f) ? formatDate(v, lang) : v]);
    }
  } else if (doc) {
    for (const f of ICAO_FIELDS) {
      const v = doc[f];
      if (v) rows.push([t(lang, `field.${f}`), f.startsWith('date') ? formatDate(v, lang) : v]);
    }
  }
  return (
    <section className="result" data-testid="result">
      <div className={`banner verdict-${result.verdict}`} role="alert" data-testid="verdict">
        <strong>{t(lang, `verdict.${result.verdict}`)}</strong>
        <span>{t(lang, `verdict.${result.verdict}.reason`)}</span>
      </div>
      <div className="result-body">
        <figure className="photo">
          {outcome.faceDataUrl ? <img src={outcome.faceDataUrl} alt={t(lang, 'result.photo')} data-testid="face" /> : <div className="no-photo">—</div>}
        </figure>
        <dl className="holder" data-testid="holder">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </div>
      {warnings.length > 0 && (
        <div className="warnings" data-testid="warnings">
          <h3>{t(lang, 'result.warnings')}</h3>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{messageText(lang, w)}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome.accessNote && <p className="hint">{messageText(lang, outcome.accessNote)}</p>}
      <details className="checks">
        <summary>{t(lang, 'result.checks')}</summary>
        <ul>
          {Object.entries(result.checks).map(([name, value]) => {
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
      <button ref={nextRef} className="primary big" onClick={onNext} data-testid="next-customer">
        {t(lang, 'verify.nextCustomer')}
      </button>
    </section>
  );
}
