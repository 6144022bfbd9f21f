import type { SessionEvent } from '../../../core/api/terminal-api.ts';
import { t, type Lang } from '../i18n.ts';

const STEP_LABELS: Record<string, { vi: string; en: string }> = {
  waiting: { vi: 'Đang chờ thẻ', en: 'Waiting for the card' },
  connect: { vi: 'Đang kết nối thẻ', en: 'Connecting to the card' },
  'access-control': { vi: 'Đang mở chip', en: 'Opening the chip' },
  'read-file': { vi: 'Đang đọc dữ liệu', en: 'Reading data' },
  'chip-authentication': { vi: 'Đang kiểm tra chip thật', en: 'Checking the chip is genuine' },
  'passive-authentication': { vi: 'Đang kiểm tra chữ ký số', en: 'Verifying the signature' },
  store: { vi: 'Đang lưu kết quả', en: 'Saving the result' },
};

const FILE_LABELS: Record<string, { vi: string; en: string }> = {
  DG2: { vi: 'ảnh chân dung', en: 'the photo' },
  DG1: { vi: 'dải MRZ', en: 'the MRZ' },
  DG13: { vi: 'thông tin cá nhân', en: 'personal data' },
  SOD: { vi: 'chữ ký dữ liệu', en: 'the data signature' },
};

export function ReadingProgress({ lang, event, onCancel }: { lang: Lang; event: SessionEvent | null; onCancel: () => void }) {
  const p = event?.progress ?? null;
  const step = p ? (STEP_LABELS[p.step]?.[lang] ?? p.step) : t(lang, 'reading');
  const file = p?.file ? (FILE_LABELS[p.file]?.[lang] ?? p.file) : null;
  const kb = (n: number) => Math.max(1, Math.round(n / 1024));
  const amount = p && p.bytesTotal ? ` ${kb(p.bytesRead)}/${kb(p.bytesTotal)} KB` : '';
  const percent = p && p.bytesTotal ? Math.min(100, Math.round((100 * p.bytesRead) / p.bytesTotal)) : null;
  return (
    <section className="panel reading" aria-busy="true" data-testid="reading">
      <h2>{t(lang, 'reading')}</h2>
      <p className="step" aria-live="polite" data-testid="reading-step">
        {step}
        {file ? ` — ${file}` : ''}
        {amount}
      </p>
      <progress max={100} value={percent ?? undefined} aria-label={step} />
      <p className="hint">{t(lang, 'keepCard')}</p>
      <button onClick={onCancel}>{t(lang, 'cancel')}</button>
    </section>
  );
}
