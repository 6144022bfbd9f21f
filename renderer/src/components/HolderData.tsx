import type { DisplayField } from '../../../core/api/display-fields.ts';
import type { DocumentData } from '../../../core/api/verification.ts';
import { shows } from '../../../core/api/display-fields.ts';
import { ageOn } from '../age.ts';
import { formatDate } from '../dates.ts';
import { t, type Lang } from '../text.ts';
import { FieldList } from './FieldList.tsx';

const VN_FIELDS = [
  'fullName', 'idNumber', 'dateOfBirth', 'sex', 'nationality', 'ethnicity', 'religion', 'placeOfOrigin',
  'placeOfResidence', 'identifyingMarks', 'dateOfIssue', 'dateOfExpiry', 'fatherName', 'motherName', 'spouseName', 'oldIdNumber',
] as const;
const ICAO_FIELDS = ['surname', 'givenNames', 'documentNumber', 'documentCode', 'issuingState', 'nationality', 'dateOfBirth', 'sex', 'dateOfExpiry'] as const;

/** The rows the purpose profile shows (the terminal has already blanked the others). */
function rowsOf(doc: DocumentData, shown: readonly DisplayField[], lang: Lang): [string, string][] {
  const rows: [string, string][] = [];
  if (doc.vn) {
    for (const f of VN_FIELDS) {
      const v = doc.vn[f];
      if (v && shows(shown, f, true)) rows.push([t(lang, `field.${f}`), /Date|date/.test(f) ? formatDate(lang, v) : v]);
    }
  } else {
    for (const f of ICAO_FIELDS) {
      const v = doc[f];
      if (v && shows(shown, f, false)) rows.push([t(lang, `field.${f}`), f.startsWith('date') ? formatDate(lang, v) : v]);
    }
  }
  const age = shown.includes('age') ? ageOn(doc.vn?.dateOfBirth ?? doc.dateOfBirth, new Date()) : null;
  if (age !== null) rows.push([t(lang, 'field.age'), t(lang, 'field.ageYears', { years: age })]);
  return rows;
}

/** The holder's fields; from a document that failed verification, marked untrustworthy. */
export function HolderData({ lang, document, shown, untrustworthy }: { lang: Lang; document: DocumentData | null; shown: readonly DisplayField[]; untrustworthy: boolean }) {
  return (
    <div className={untrustworthy ? 'result-body untrustworthy' : 'result-body'}>
      {untrustworthy && <p className="untrustworthy-mark" data-testid="untrustworthy">{t(lang, 'result.untrustworthy')}</p>}
      <FieldList rows={document ? rowsOf(document, shown, lang) : []} testId="holder" />
    </div>
  );
}
