import type { IntegrationApiState } from '../../../core/api/integration-clients.ts';
import { messageText, t, type Lang } from '../text.ts';

/** The integration API on or off, and where it listens (or why not, or that a restart is needed). */
export function IntegrationSwitch({ lang, state, onChange }: { lang: Lang; state: IntegrationApiState; onChange: (enabled: boolean) => void }) {
  let where: string;
  if (state.port === null) where = t(lang, 'integration.restartNeeded');
  else if (state.url) where = t(lang, 'integration.listening', { url: state.url });
  else if (state.enabled && state.error) where = messageText(lang, state.error);
  else where = t(lang, 'integration.offAtPort', { port: state.port });
  return (
    <div className="integration-switch">
      <label>
        <input type="checkbox" name="integrationApi" checked={state.enabled} onChange={(e) => onChange(e.target.checked)} /> {t(lang, 'integration.enabled')}
      </label>
      <p className={state.enabled && !state.url ? 'error' : 'hint'} data-testid="integration-where" data-url={state.url ?? ''}>{where}</p>
    </div>
  );
}
