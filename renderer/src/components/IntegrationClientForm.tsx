import { useState, type FormEvent } from 'react';
import { INTEGRATION_SCOPES, type IntegrationScope, type NewIntegrationClient } from '../../../core/api/integration-clients.ts';
import { t, type Lang } from '../text.ts';

/** A new application: its name, the web origins its pages come from, its scopes. */
export function IntegrationClientForm({ lang, onAdd }: { lang: Lang; onAdd: (client: NewIntegrationClient) => Promise<boolean> }) {
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [scopes, setScopes] = useState<IntegrationScope[]>(['results']);
  const toggle = (s: IntegrationScope, on: boolean) => setScopes(INTEGRATION_SCOPES.filter((x) => (x === s ? on : scopes.includes(x))));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = origins.split(/\s+/).filter((o) => o !== '');
    void onAdd({ name: name.trim(), origins: list, scopes }).then((ok) => {
      if (!ok) return;
      setName('');
      setOrigins('');
      setScopes(['results']);
    });
  };
  return (
    <form className="fields" onSubmit={submit} aria-label={t(lang, 'integration.add')} data-testid="integration-add">
      <label className="field">
        <span>{t(lang, 'integration.name')}</span>
        <input name="integrationName" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={64} />
      </label>
      <label className="field wide">
        <span>{t(lang, 'integration.originsInput')}</span>
        <textarea name="integrationOrigins" rows={2} value={origins} onChange={(e) => setOrigins(e.target.value)} aria-describedby="integration-origins-hint" spellCheck={false} />
        <small className="hint" id="integration-origins-hint">{t(lang, 'integration.originsHint')}</small>
      </label>
      <fieldset className="display-fields">
        <legend>{t(lang, 'integration.scopes')}</legend>
        {INTEGRATION_SCOPES.map((s) => (
          <label key={s}>
            <input type="checkbox" name={`scope-${s}`} checked={scopes.includes(s)} onChange={(e) => toggle(s, e.target.checked)} /> {t(lang, `integration.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={!name.trim() || scopes.length === 0}>{t(lang, 'integration.add')}</button>
    </form>
  );
}
