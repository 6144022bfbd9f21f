import { useRef, useState } from 'react';
import { t, type Lang } from '../text.ts';

export interface NewSecret {
  readonly id: string;
  readonly name: string;
  readonly secret: string;
}

/** A new application's credentials, shown this once with a warning; gone from the screen once the supervisor is done. */
export function IntegrationSecret({ lang, secret, onDone }: { lang: Lang; secret: NewSecret; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.secret);
      setCopied('yes');
    } catch {
      // No clipboard permission (a kiosk shell may refuse it): leave the secret selected to copy by hand.
      field.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="secret-once" data-testid="integration-secret">
      <h3>{secret.name}</h3>
      <p className="error" role="alert">{t(lang, 'integration.secretWarning')}</p>
      <label className="field">
        <span>{t(lang, 'integration.clientId')}</span>
        <input name="integrationClientId" readOnly value={secret.id} />
      </label>
      <label className="field">
        <span>{t(lang, 'integration.secret')}</span>
        <input name="integrationSecret" ref={field} readOnly value={secret.secret} onFocus={(e) => e.target.select()} autoComplete="off" spellCheck={false} />
      </label>
      <div className="actions">
        <button className="primary" onClick={() => void copy()}>{t(lang, 'integration.copy')}</button>
        <button onClick={onDone}>{t(lang, 'integration.secretDone')}</button>
      </div>
      {copied && <p className="hint" role="status">{t(lang, copied === 'yes' ? 'integration.copied' : 'integration.copyFailed')}</p>}
    </div>
  );
}
