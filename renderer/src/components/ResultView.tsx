import { useEffect, useRef } from 'react';
import type { SessionOutcome } from '../../../core/api/terminal-api.ts';
import { messageText, t, type Lang } from '../text.ts';
import { shows } from '../../../core/api/display-fields.ts';
import { ageOn } from '../age.ts';
import { ChecksList } from './ChecksList.tsx';
import { FieldList } from './FieldList.tsx';
import { formatDate } from '../dates.ts';

const VN_FIELDS = [
  'fullName', 'idNumber', 'dateOfBirth', 'sex', 'nationality', 'ethnicity', 'religion', 'placeOfOrigin',
  'placeOfResidence', 'identifyingMarks', 'dateOfIssue', 'dateOfExpiry', 'fatherName', 'motherName', 'spouseName', 'oldIdNumber',
] as const;
const ICAO_FIELDS = ['surname', 'givenNames', 'documentNumber', 'documentCode', 'issuingState', 'nationality', 'dateOfBirth', 'sex', 'dateOfExpiry'] as const;

export function ResultView({ lang, outcome, onNext }: { lang: Lang; outcome: SessionOutcome; onNext: () => void }) {
  const { result } = outcome;
  const doc = result.document;
  const warnings = result.warnings;
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => nextRef.current?.focus(), []);
  const rows: [string, string][] = [];
  const shown = outcome.displayFields;
  if (doc?.vn) {
    for (const f of VN_FIELDS) {
      const v = doc.vn[f];
      if (v && shows(shown, f, true)) rows.push([t(lang, `field.${f}`), /Date|date/.test(f) ? formatDate(lang, v) : v]);
    }
  } else if (doc) {
    for (const f of ICAO_FIELDS) {
      const v = doc[f];
      if (v && shows(shown, f, false)) rows.push([t(lang, `field.${f}`), f.startsWith('date') ? formatDate(lang, v) : v]);
    }
  }
  const age = shown.includes('age') && doc ? ageOn(doc.vn?.dateOfBirth ?? doc.dateOfBirth, new Date()) : null;
  if (age !== null) rows.push([t(lang, 'field.age'), t(lang, 'field.ageYears', { years: age })]);
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
        <FieldList rows={rows} testId="holder" />
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
        <ChecksList lang={lang} checks={result.checks} />
      </details>
      <button ref={nextRef} className="primary big" onClick={onNext} data-testid="next-customer">
        {t(lang, 'verify.nextCustomer')}
      </button>
    </section>
  );
}
