import { useState } from 'react';
import type { ListedIntegrationClient } from '../../../core/api/integration-clients.ts';
import { formatDateTime } from '../dates.ts';
import { t, type Lang } from '../text.ts';

/** The registered applications, revoked ones too; a revocation asks for confirmation first. */
export function IntegrationClientList({ lang, clients, onRevoke }: { lang: Lang; clients: ListedIntegrationClient[]; onRevoke: (id: string) => Promise<boolean> }) {
  const [asking, setAsking] = useState<string | null>(null);
  if (clients.length === 0) return <p className="hint">{t(lang, 'integration.none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>{t(lang, 'integration.name')}</th>
          <th>{t(lang, 'integration.origins')}</th>
          <th>{t(lang, 'integration.scopes')}</th>
          <th>{t(lang, 'integration.created')}</th>
          <th>{t(lang, 'integration.lastUsed')}</th>
          <th>{t(lang, 'integration.state')}</th>
        </tr>
      </thead>
      <tbody>
        {clients.map((c) => (
          <tr key={c.id} data-testid="integration-client" data-name={c.name} data-revoked={c.revokedAt !== null}>
            <td>{c.name}<br /><small>{c.id}</small></td>
            <td>{c.origins.length > 0 ? c.origins.map((o) => <div key={o}>{o}</div>) : <small>{t(lang, 'integration.nativeApp')}</small>}</td>
            <td>{c.scopes.join(', ')}</td>
            <td>{formatDateTime(lang, c.createdAt)}</td>
            <td>{c.lastUsedAt ? formatDateTime(lang, c.lastUsedAt) : t(lang, 'integration.never')}</td>
            <td>
              {c.revokedAt ? t(lang, 'integration.revokedAt', { time: formatDateTime(lang, c.revokedAt) }) : t(lang, 'integration.active')}
              {!c.revokedAt && asking !== c.id && <button onClick={() => setAsking(c.id)}>{t(lang, 'integration.revoke')}</button>}
              {asking === c.id && (
                <div role="alertdialog" aria-label={t(lang, 'integration.revoke')} className="confirm">
                  <p>{t(lang, 'integration.confirmRevoke', { name: c.name })}</p>
                  <button className="danger" onClick={() => void onRevoke(c.id).then(() => setAsking(null))}>{t(lang, 'integration.revokeNow')}</button>
                  <button onClick={() => setAsking(null)}>{t(lang, 'integration.keep')}</button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
