import { useEffect, useState } from 'react';
import type { Settings, Status } from '../../../core/api/terminal-api.ts';
import { api } from '../api/client.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../core/messages/catalogue.ts';
import { errorText, t, tOr, type Lang } from '../text.ts';
import { PinPrompt } from '../components/PinPrompt.tsx';
import { TrustPanel } from '../components/TrustPanel.tsx';
import { IntegrationPanel } from '../components/IntegrationPanel.tsx';
import { OperatorsPanel } from '../components/OperatorsPanel.tsx';
import { FirstSupervisorSetup } from '../components/FirstSupervisorSetup.tsx';
import { DisplayFieldsPicker } from '../components/DisplayFieldsPicker.tsx';
import { FaceMatchSettings } from '../components/FaceMatchSettings.tsx';
import type { DisplayField } from '../../../core/api/display-fields.ts';

interface Credentials {
  operator: string;
  pin: string;
}

export function SettingsScreen({ lang, status, onLanguage }: { lang: Lang; status: Status | null; onLanguage: (l: Lang) => void }) {
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [error, setError] = useState<string | null>(null);

  const unlock = async (operator: string, pin: string) => {
    try {
      const { role } = await api.login({ operator, pin });
      if (role !== 'supervisor') {
        setError(t(lang, 'settings.supervisorRequired'));
        return;
      }
      setCredentials({ operator, pin });
      setError(null);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };

  if (!credentials && status && !status.signInRequired) {
    return (
      <section className="panel" data-testid="settings-setup">
        <FirstSupervisorSetup lang={lang} onDone={setCredentials} />
      </section>
    );
  }
  if (!credentials) {
    return (
      <section className="panel" data-testid="settings-locked">
        <PinPrompt lang={lang} onSubmit={(o, p) => void unlock(o, p)} error={error} />
      </section>
    );
  }
  return <SettingsForm lang={lang} credentials={credentials} readers={status?.readers.map((r) => r.name) ?? []} onLanguage={onLanguage} />;
}

function SettingsForm({ lang, credentials, readers, onLanguage }: { lang: Lang; credentials: Credentials; readers: string[]; onLanguage: (l: Lang) => void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [purposes, setPurposes] = useState<{ id: string; description: string; show: DisplayField[]; faceMatch: Settings['faceMatch'] }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [code, setCode] = useState('');

  useEffect(() => {
    void api.getSettings({}).then(setSettings);
    void api.listPurposes({}).then(setPurposes);
  }, []);

  if (!settings) return <section className="panel">…</section>;
  const update = (patch: Partial<Settings>) => setSettings({ ...settings, ...patch });
  const save = async () => {
    try {
      const saved = await api.updateSettings({ ...credentials, settings });
      setSettings(saved);
      onLanguage(saved.language);
      setMessage(t(lang, 'settings.saved'));
    } catch (e) {
      setMessage(errorText(e, lang));
    }
  };
  const enrol = async () => {
    if (!settings.registryUrl) return;
    try {
      const { terminalId } = await api.enrol({ ...credentials, url: settings.registryUrl, code: code.trim() });
      setMessage(t(lang, 'settings.enrolled', { terminalId }));
    } catch (e) {
      setMessage(errorText(e, lang));
    }
  };

  return (
    <section className="panel settings" data-testid="settings">
      <div className="fields">
        <label className="field">
          <span>{t(lang, 'settings.terminalName')}</span>
          <input name="terminalName" value={settings.terminalName} onChange={(e) => update({ terminalName: e.target.value })} />
        </label>
        <label className="field">
          <span>{t(lang, 'settings.purpose')}</span>
          <select name="purpose" value={settings.purpose} onChange={(e) => update({ purpose: e.target.value, displayFields: null, faceMatch: purposes.find((p) => p.id === e.target.value)?.faceMatch ?? null })}>
            {purposes.map((p) => (
              <option key={p.id} value={p.id}>{p.description || tOr(lang, `purpose.${p.id}`, p.id)}</option>
            ))}
          </select>
        </label>
        <DisplayFieldsPicker
          lang={lang}
          value={settings.displayFields ?? purposes.find((p) => p.id === settings.purpose)?.show ?? []}
          onChange={(displayFields) => update({ displayFields })}
          onDefault={() => update({ displayFields: null })}
        />
        {settings.faceMatch && (
          <FaceMatchSettings lang={lang} camera={settings.camera} faceMatch={settings.faceMatch} onCamera={(camera) => update({ camera })} onFaceMatch={(faceMatch) => update({ faceMatch })} />
        )}
        <label className="field">
          <span>{t(lang, 'settings.language')}</span>
          <select name="language" value={settings.language} onChange={(e) => update({ language: e.target.value as Lang })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>{LANGUAGE_NAMES[l]}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t(lang, 'settings.reader')}</span>
          <select name="reader" value={settings.reader ?? ''} onChange={(e) => update({ reader: e.target.value || null })}>
            <option value="">{t(lang, 'settings.anyReader')}</option>
            {[...new Set([...readers, ...(settings.reader ? [settings.reader] : [])])].map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t(lang, 'settings.resultClearSeconds')}</span>
          <input name="resultClearSeconds" type="number" value={settings.resultClearSeconds} onChange={(e) => update({ resultClearSeconds: Number(e.target.value) })} />
        </label>
        <label className="field">
          <span>{t(lang, 'settings.idleSignOutMinutes')}</span>
          <input name="idleSignOutMinutes" type="number" value={settings.idleSignOutMinutes} onChange={(e) => update({ idleSignOutMinutes: Number(e.target.value) })} />
        </label>
        <label className="field">
          <span>{t(lang, 'settings.registryUrl')}</span>
          <input name="registryUrl" value={settings.registryUrl ?? ''} onChange={(e) => update({ registryUrl: e.target.value || null })} />
        </label>
        <label className="field">
          <span>{t(lang, 'settings.enrolCode')}</span>
          <input name="enrolCode" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
        </label>
      </div>
      <div className="actions">
        <button className="primary" onClick={() => void save()} data-testid="settings-save">{t(lang, 'settings.save')}</button>
        <button onClick={() => void enrol()} disabled={!settings.registryUrl || code.trim().length < 4}>{t(lang, 'settings.enrol')}</button>
      </div>
      {message && <p className="hint" role="status" data-testid="settings-message">{message}</p>}
      <OperatorsPanel lang={lang} credentials={credentials} />
      <TrustPanel lang={lang} credentials={credentials} />
      <IntegrationPanel lang={lang} credentials={credentials} />
    </section>
  );
}
