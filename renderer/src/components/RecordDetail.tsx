import { useEffect, useState } from 'react';
import type { RecordDetail as Detail } from '../../../core/api/terminal-api.ts';
import type { FaceMatchSummary } from '../../../core/api/face-match.ts';
import { api } from '../api/client.ts';
import { formatDateTime } from '../dates.ts';
import { errorText, messageText, t, tOr, type Lang } from '../text.ts';
import { ChecksList } from './ChecksList.tsx';
import { FieldList } from './FieldList.tsx';
import { UNAVAILABLE_TEXT } from '../face/unavailable-text.ts';

/** The face match in two rows: what the machine found (or why it could not), and the teller's conclusion. */
function faceMatchRows(lang: Lang, match: FaceMatchSummary | null): [string, string][] {
  if (!match) return [];
  const machine = match.outcome === 'DECIDED' && match.decision
    ? [t(lang, `face.decision.${match.decision}`), match.score === null ? '' : t(lang, 'face.score', { score: match.score.toFixed(3), threshold: match.threshold.toFixed(2) }), t(lang, `face.active.${match.activeCheck}`)].filter(Boolean).join(' · ')
    : t(lang, UNAVAILABLE_TEXT[match.outcome === 'DECIDED' ? 'ENGINE_UNAVAILABLE' : match.outcome]);
  const teller = `${t(lang, match.tellerDecision === 'MATCH' ? 'face.tellerSame' : 'face.tellerDifferent')} (${t(lang, `face.teller.${match.teller}`)})`;
  return [[t(lang, 'face.title'), machine], [t(lang, 'face.tellerQuestion'), teller]];
}

/** One record of the history in full: verdict, checks with their details, warnings, operator, purpose, sync state. */
export function RecordDetail({ lang, id, onClose }: { lang: Lang; id: string; onClose: () => void }) {
  const [record, setRecord] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.getRecord({ id }).then(setRecord, (e: unknown) => setError(errorText(e, lang)));
  }, [id, lang]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!record) return <p className="hint">…</p>;
  const rows: [string, string][] = [
    [t(lang, 'history.time'), formatDateTime(lang, record.time)],
    [t(lang, 'history.name'), record.name ?? '—'],
    [t(lang, 'history.idNumber'), record.idNumber ?? '—'],
    [t(lang, 'history.document'), `${record.documentType} ${record.issuingState}`.trim() || '—'],
    [t(lang, 'history.operator'), record.operator],
    [t(lang, 'settings.purpose'), tOr(lang, `purpose.${record.purpose}`, record.purpose)],
    [t(lang, 'history.sync'), record.syncedAt ? t(lang, 'history.syncedAt', { time: formatDateTime(lang, record.syncedAt) }) : t(lang, 'history.pending')],
    record.purgedAt
      ? [t(lang, 'history.retainUntil'), t(lang, 'history.purgedAt', { time: formatDateTime(lang, record.purgedAt) })]
      : [t(lang, 'history.retainUntil'), formatDateTime(lang, record.retainUntil)],
    ...faceMatchRows(lang, record.faceMatch),
  ];
  return (
    <section className="record-detail" aria-label={t(lang, 'history.detail')} data-testid="record-detail">
      <div className={`banner verdict-${record.verdict}`}>
        <strong>{t(lang, `verdict.${record.verdict}`)}</strong>
      </div>
      <FieldList rows={rows} />
      <h3>{t(lang, 'result.checks')}</h3>
      <ChecksList lang={lang} checks={record.checks} />
      {record.warnings.length > 0 && (
        <div className="warnings">
          <h3>{t(lang, 'result.warnings')}</h3>
          <ul>{record.warnings.map((w, i) => <li key={i}>{messageText(lang, w)}</li>)}</ul>
        </div>
      )}
      <button onClick={onClose} data-testid="record-detail-close">{t(lang, 'history.back')}</button>
    </section>
  );
}
