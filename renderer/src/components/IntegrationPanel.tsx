import { useEffect, useState } from 'react';
import type { IntegrationApiState, ListedIntegrationClient } from '../../../core/api/integration-clients.ts';
import { api } from '../api/client.ts';
import { errorText, t, type Lang } from '../text.ts';
import { IntegrationSwitch } from './IntegrationSwitch.tsx';
import { IntegrationClientList } from './IntegrationClientList.tsx';
import { IntegrationClientForm } from './IntegrationClientForm.tsx';
import { IntegrationSecret, type NewSecret } from './IntegrationSecret.tsx';

type Credentials = { operator: string; pin: string };

/**
 * The supervisor's section for business applications on the local integration API: the API on or
 * off (with its port), the registered applications, a new one added (its secret shown once) and
 * one revoked.
 */
export function IntegrationPanel({ lang, credentials }: { lang: Lang; credentials: Credentials }) {
  const [state, setState] = useState<IntegrationApiState | null>(null);
  const [clients, setClients] = useState<ListedIntegrationClient[]>([]);
  const [secret, setSecret] = useState<NewSecret | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const failed = (e: unknown): void => setMessage(errorText(e, lang));
  const refresh = (): void => {
    void api.getIntegrationApi(credentials).then(setState, failed);
    void api.listIntegrationClients(credentials).then(setClients, failed);
  };
  useEffect(refresh, [credentials]);

  /** Runs a change, says how it went and reloads; true when it succeeded. */
  const act = async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await work();
      setMessage(done);
      return true;
    } catch (e) {
      failed(e);
      return false;
    } finally {
      refresh();
    }
  };

  return (
    <div className="integration" data-testid="integration">
      <h2>{t(lang, 'integration.title')}</h2>
      <p className="hint">{t(lang, 'integration.hint')}</p>
      {state && <IntegrationSwitch lang={lang} state={state} onChange={(enabled) => void act(() => api.setIntegrationApi({ ...credentials, enabled }), t(lang, 'settings.saved'))} />}
      <IntegrationClientList lang={lang} clients={clients} onRevoke={(id) => act(() => api.revokeIntegrationClient({ ...credentials, id }), t(lang, 'integration.revoked'))} />
      {secret
        ? <IntegrationSecret lang={lang} secret={secret} onDone={() => setSecret(null)} />
        : <IntegrationClientForm lang={lang} onAdd={(client) => act(async () => {
          const added = await api.addIntegrationClient({ ...credentials, client });
          setSecret({ id: added.client.id, name: added.client.name, secret: added.secret });
        }, t(lang, 'integration.added'))} />}
      {message && <p className="hint" role="status" data-testid="integration-message">{message}</p>}
    </div>
  );
}
