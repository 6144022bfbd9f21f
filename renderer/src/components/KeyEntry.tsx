import { useEffect, useState, type FormEvent } from 'react';
import type { AccessKey } from '../../../core/api/terminal-api.ts';
import { t, type Lang, type UiKey } from '../text.ts';
import { EMPTY_FIELDS, fieldsOf, keyFromFields, type FieldErrors, type Fields } from '../key-fields.ts';

type Kind = AccessKey['kind'];
const KINDS: { kind: Kind; label: UiKey }[] = [
  { kind: 'cccd', label: 'key.cccd' },
  { kind: 'qr', label: 'key.qr' },
  { kind: 'mrz', label: 'key.mrz' },
  { kind: 'can', label: 'key.can' },
  { kind: 'document', label: 'key.document' },
];

interface InputOptions {
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  placeholder?: string;
  autoFocus?: boolean;
}

/**
 * The key form, typed as printed on the card; a wrong field says what is wrong with it. A
 * Vietnamese card opens with its ID number alone (PACE-CAN); the birth date (and the printed
 * expiry) is asked for only when the chip needed it: `birthDateNeeded` is then what the terminal
 * said, shown above the fields.
 */
export function KeyEntry({ lang, onSubmit, prefill, birthDateNeeded = null }: { lang: Lang; onSubmit: (key: AccessKey) => void; prefill: AccessKey | null; birthDateNeeded?: string | null }) {
  const [kind, setKind] = useState<Kind>(prefill?.kind ?? 'cccd');
  const [fields, setFields] = useState<Fields>(prefill ? fieldsOf(prefill) : EMPTY_FIELDS);
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (!prefill) return;
    setKind(prefill.kind);
    setFields(fieldsOf(prefill));
    setErrors({});
  }, [prefill]);

  // The birth date only when the chip needed it, or when it is already there (a key given again).
  const withBirthDate = birthDateNeeded !== null || fields.dateOfBirth !== '';
  const set = (name: keyof Fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const made = keyFromFields(kind, fields);
    setErrors('errors' in made ? made.errors : {});
    if ('key' in made) onSubmit(made.key);
  };
  const errorOf = (name: keyof Fields) => {
    const key = errors[name];
    return key ? <p className="error field-error" id={`${name}-error`} role="alert">{t(lang, key)}</p> : null;
  };
  const input = (name: keyof Fields, label: UiKey, opts: InputOptions = {}) => (
    <label className="field">
      <span>{t(lang, label)}</span>
      <input
        name={name}
        value={fields[name]}
        onChange={set(name)}
        inputMode={opts.inputMode ?? 'numeric'}
        maxLength={opts.maxLength}
        placeholder={opts.placeholder}
        autoFocus={opts.autoFocus}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
      />
      {errorOf(name)}
    </label>
  );
  const date = (name: 'dateOfBirth' | 'dateOfExpiry', opts: InputOptions = {}) =>
    input(name, name === 'dateOfBirth' ? 'key.dateOfBirth' : 'key.dateOfExpiry', { inputMode: 'text', maxLength: 10, placeholder: t(lang, 'key.datePlaceholder'), ...opts });

  return (
    <form className="key-entry" onSubmit={submit} aria-label={t(lang, 'key.title')} noValidate>
      <div className="segmented" role="tablist" aria-label={t(lang, 'key.title')}>
        {KINDS.map((k) => (
          <button type="button" role="tab" key={k.kind} aria-selected={kind === k.kind} className={kind === k.kind ? 'active' : ''} onClick={() => setKind(k.kind)}>
            {t(lang, k.label)}
          </button>
        ))}
      </div>
      {kind === 'cccd' && birthDateNeeded && (
        <p className="notice" role="status" data-testid="birth-date-needed">
          <strong>{t(lang, 'key.birthDateNeeded')}:</strong> {birthDateNeeded}
        </p>
      )}
      {kind === 'cccd' && (
        <div className="fields">
          {input('idNumber', 'key.idNumber', { maxLength: 12, autoFocus: !withBirthDate })}
          {withBirthDate && date('dateOfBirth', { autoFocus: true })}
          {withBirthDate && date('dateOfExpiry', { placeholder: t(lang, 'key.expiryDerived') })}
        </div>
      )}
      {kind === 'cccd' && !withBirthDate && <p className="hint">{t(lang, 'key.idNumberAlone')}</p>}
      {kind === 'document' && (
        <div className="fields">
          {input('documentNumber', 'key.documentNumber', { inputMode: 'text', maxLength: 20, autoFocus: true })}
          {date('dateOfBirth')}
          {date('dateOfExpiry')}
        </div>
      )}
      {kind === 'mrz' && (
        <label className="field wide">
          <span>{t(lang, 'key.mrzLabel')}</span>
          <textarea name="mrz" rows={3} value={fields.mrz} onChange={set('mrz')} spellCheck={false} autoFocus className="mono" aria-invalid={errors.mrz ? true : undefined} aria-describedby={errors.mrz ? 'mrz-error' : undefined} />
          {errorOf('mrz')}
        </label>
      )}
      {kind === 'qr' && <div className="fields">{input('qr', 'key.qrLabel', { inputMode: 'text', autoFocus: true })}</div>}
      {kind === 'can' && <div className="fields">{input('can', 'key.canLabel', { maxLength: 6, autoFocus: true })}</div>}
      <button type="submit" className="primary big">
        {t(lang, 'verify.start')}
      </button>
    </form>
  );
}
