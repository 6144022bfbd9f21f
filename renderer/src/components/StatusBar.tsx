import { useSyncExternalStore } from 'react';
import type { Status } from '../../../core/api/terminal-api.ts';
import { connection } from '../api/client.ts';
import { t, type Lang } from '../text.ts';
import { trustListText } from '../trust-list-text.ts';

export function StatusBar({ lang, status }: { lang: Lang; status: Status | null }) {
  const online = useSyncExternalStore(connection.subscribe, connection.online);
  if (!online) {
    // What the bar said before is no longer known: only this is true now.
    return (
      <footer className="statusbar" role="status" aria-live="assertive">
        <span data-testid="status-service" className="warn">{t(lang, 'status.serviceDown')}</span>
      </footer>
    );
  }
  if (!status) return <footer className="statusbar" role="status">…</footer>;
  const reader = status.readers[0];
  const readerText = reader
    ? `${reader.name} — ${reader.cardPresent ? t(lang, 'status.cardPresent') : t(lang, 'status.noCard')}`
    : t(lang, 'status.noReader');
  const network = !status.registryConfigured ? t(lang, 'status.noRegistry') : status.online ? t(lang, 'status.online') : t(lang, 'status.offline');
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      <span data-testid="status-reader" className={reader ? 'ok' : 'warn'}>{readerText}</span>
      <span data-testid="status-network" className={status.online || !status.registryConfigured ? 'ok' : 'warn'}>
        {network} · <span data-testid="status-pending">{status.pendingRecords}</span> {t(lang, 'status.pending')}
      </span>
      {status.purgeWaiting > 0 && <span data-testid="status-purge-waiting" className="warn">{t(lang, 'status.purgeWaiting', { count: status.purgeWaiting })}</span>}
      <span data-testid="status-trust">{trustListText(lang, status)}</span>
      <span>{status.terminalName}</span>
    </footer>
  );
}
