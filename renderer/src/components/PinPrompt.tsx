import { useState, type FormEvent } from 'react';
import { t, type Lang, type UiKey } from '../text.ts';

/** Asks for an operator name and PIN; used wherever a supervisor must authorise an action. */
export function PinPrompt({ lang, onSubmit, error, title = 'pin.supervisorTitle', action = 'pin.unlock' }: { lang: Lang; onSubmit: (operator: string, pin: string) => void; error: string | null; title?: UiKey; action?: UiKey }) {
  const [operator, setOperator] = useState('');
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(operator.trim(), pin);
    setPin('');
  };
  return (
    <form className="pin-prompt" onSubmit={submit} aria-label={t(lang, title)}>
      <p>{t(lang, title)}</p>
      <label className="field">
        <span>{t(lang, 'pin.operator')}</span>
        <input name="operator" value={operator} onChange={(e) => setOperator(e.target.value)} autoComplete="off" autoFocus />
      </label>
      <label className="field">
        <span>{t(lang, 'pin.pin')}</span>
        <input name="pin" type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        {t(lang, action)}
      </button>
    </form>
  );
}
