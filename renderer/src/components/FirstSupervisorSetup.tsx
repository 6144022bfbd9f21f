import { useState, type FormEvent } from 'react';
import { api } from '../api/client.ts';
import { errorText, t, type Lang } from '../text.ts';
import { OperatorPinFields } from './PinPrompt.tsx';

/** First start: no account exists, so nobody could give a supervisor PIN; the first supervisor is made here. */
export function FirstSupervisorSetup({ lang, onDone }: { lang: Lang; onDone: (credentials: { operator: string; pin: string }) => void }) {
  const [operator, setOperator] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pin !== again) {
      setError(t(lang, 'setup.pinMismatch'));
      return;
    }
    try {
      await api.setupSupervisor({ operator: operator.trim(), pin });
      onDone({ operator: operator.trim(), pin });
    } catch (err) {
      setError(errorText(err, lang));
    }
  };
  return (
    <form className="pin-prompt" onSubmit={(e) => void submit(e)} aria-label={t(lang, 'setup.title')} data-testid="first-supervisor">
      <h2>{t(lang, 'setup.title')}</h2>
      <p className="hint">{t(lang, 'setup.hint')}</p>
      <OperatorPinFields lang={lang} operator={operator} pin={pin} onOperator={setOperator} onPin={setPin} pinLabel="operators.newPin" />
      <label className="field">
        <span>{t(lang, 'setup.pinAgain')}</span>
        <input name="pinAgain" type="password" inputMode="numeric" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="off" />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t(lang, 'setup.action')}</button>
    </form>
  );
}
