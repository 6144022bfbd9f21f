import { useCallback, useEffect, useState } from 'react';
import type { RecordSummary } from '../../../core/api/terminal-api.ts';
import type { Verdict } from '../../../core/api/verification.ts';
import { api } from '../api/client.ts';
import { errorText, t, type Lang } from '../text.ts';
import { PinPrompt } from '../components/PinPrompt.tsx';
import { RecordDetail } from '../components/RecordDetail.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { formatDateTime } from '../dates.ts';

const PAGE = 20;

function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

export function HistoryScreen({ lang }: { lang: Lang }) {
  const [search, setSearch] = useState('');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const [records, setRecords] = useState<RecordSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const [opened, setOpened] = useState<string | null>(null);

  // The filters on screen: the list shows them, and the export takes exactly the same records.
  const filters = {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(verdict ? { verdict } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const load = useCallback(async () => {
    try {
      const page = await api.listRecords({ ...filters, offset, limit: PAGE });
      setRecords(page.records);
      setTotal(page.total);
      setError(null);
    } catch (e) {
      setError(errorText(e, lang));
    }
  }, [search, verdict, from, to, offset, lang]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 200);
    return () => clearTimeout(timer);
  }, [load]);

  const runExport = async (operator: string, pin: string) => {
    if (!exporting) return;
    try {
      const file = await api.exportRecords({ operator, pin, format: exporting, language: lang, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, ...filters });
      download(file.fileName, file.content, exporting === 'csv' ? 'text/csv' : 'application/json');
      setExporting(null);
      setError(null);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  if (opened) {
    return (
      <section className="panel history" data-testid="history">
        <RecordDetail lang={lang} id={opened} onClose={() => setOpened(null)} />
      </section>
    );
  }
  return (
    <section className="panel history" data-testid="history">
      <div className="filters">
        <input aria-label={t(lang, 'history.search')} placeholder={t(lang, 'history.search')} value={search} onChange={(e) => { setSearch(e.target.value); setOffset(0); }} data-testid="history-search" />
        <select aria-label={t(lang, 'history.verdict')} value={verdict} onChange={(e) => { setVerdict(e.target.value as Verdict | ''); setOffset(0); }}>
          <option value="">{t(lang, 'history.allVerdicts')}</option>
          <option value="VERIFIED">{t(lang, 'verdict.VERIFIED')}</option>
          <option value="NOT_VERIFIED">{t(lang, 'verdict.NOT_VERIFIED')}</option>
          <option value="FAILED">{t(lang, 'verdict.FAILED')}</option>
        </select>
        <DateInput lang={lang} label={t(lang, 'history.from')} value={from} onChange={(iso) => { setFrom(iso); setOffset(0); }} />
        <DateInput lang={lang} label={t(lang, 'history.to')} value={to} onChange={(iso) => { setTo(iso); setOffset(0); }} />
        <button onClick={() => setExporting('csv')}>{t(lang, 'history.export')} CSV</button>
        <button onClick={() => setExporting('json')}>{t(lang, 'history.export')} JSON</button>
      </div>
      {exporting && <PinPrompt lang={lang} onSubmit={(o, p) => void runExport(o, p)} error={error} />}
      {error && !exporting && <p className="error" role="alert">{error}</p>}
      {records.length === 0 ? (
        <p className="hint">{t(lang, 'history.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'history.time')}</th>
              <th>{t(lang, 'history.name')}</th>
              <th>{t(lang, 'history.idNumber')}</th>
              <th>{t(lang, 'history.verdict')}</th>
              <th>{t(lang, 'history.operator')}</th>
              <th>{t(lang, 'history.sync')}</th>
              <th>{t(lang, 'history.details')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id} data-testid="history-row">
                <td>{formatDateTime(lang, r.time)}</td>
                <td>{r.name ?? '—'}</td>
                <td className="mono">{r.idNumber ?? '—'}</td>
                <td className={`verdict-cell verdict-${r.verdict}`}>{t(lang, `verdict.${r.verdict}`)}</td>
                <td>{r.operator}</td>
                <td>{r.synced ? t(lang, 'history.synced') : t(lang, 'history.pending')}</td>
                <td><button onClick={() => setOpened(r.id)} data-testid="history-open">{t(lang, 'history.details')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t(lang, 'history.previous')}</button>
        <span>{total === 0 ? 0 : offset + 1}–{Math.min(offset + PAGE, total)} / {total}</span>
        <button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t(lang, 'history.next')}</button>
      </div>
    </section>
  );
}
