import type { DocumentData } from '../../../core/api/verification.ts';
import { t, type Lang } from '../text.ts';

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

function rowsOf(doc: DocumentData, lang: Lang): [string, string][] {
  const rows: [string, string][] = [];
  if (doc.vn) {
    for (const f of VN_FIELDS) {
      const v = doc.vn[f];
      if (v) rows.push([t(lang, `field.${f}`), /Date|date/.test(f) ? formatDate(v, lang) : v]);
    }
  } else {
    for (const f of ICAO_FIELDS) {
      const v = doc[f];
      if (v) rows.push([t(lang, `field.${f}`), f.startsWith('date') ? formatDate(v, lang) : v]);
    }
  }
  return rows;
}

/** The holder's fields; from a document that failed verification, marked untrustworthy. */
export function HolderData({ lang, document, untrustworthy }: { lang: Lang; document: DocumentData | null; untrustworthy: boolean }) {
  return (
    <div className={untrustworthy ? 'result-body untrustworthy' : 'result-body'}>
      {untrustworthy && <p className="untrustworthy-mark" data-testid="untrustworthy">{t(lang, 'result.untrustworthy')}</p>}
      <dl className="holder" data-testid="holder">
        {(document ? rowsOf(document, lang) : []).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
