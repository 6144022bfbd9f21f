import type { Status } from '../../../core/api/terminal-api.ts';
import { t, type Lang } from '../i18n.ts';

export function StatusBar({ lang, status }: { lang: Lang; status: Status | null }) {
  if (!status) return <footer className="statusbar" role="status">…</footer>;
  const reader = status.readers[0];
  const readerText = reader
    ? `${reader.name} — ${reader.cardPresent ? t(lang, 'cardPresent') : t(lang, 'noCard')}`
    : t(lang, 'noReader');
  const network = !status.registryConfigured ? t(lang, 'notConfigured') : status.online ? t(lang, 'online') : t(lang, 'offline');
  const trustAge = status.trustListUpdatedAt ? new Date(status.trustListUpdatedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : t(lang, 'never');
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      <span data-testid="status-reader" className={reader ? 'ok' : 'warn'}>{readerText}</span>
      <span data-testid="status-network" className={status.online || !status.registryConfigured ? 'ok' : 'warn'}>
        {network} · <span data-testid="status-pending">{status.pendingRecords}</span> {t(lang, 'pendingRecords')}
      </span>
      <span data-testid="status-trust">{t(lang, 'trustAge')}: {trustAge}</span>
      <span>{status.terminalName}</span>
    </footer>
  );
}
