import { useEffect, useState, type FormEvent } from 'react';
import { AccessKeySchema, type AccessKey } from '../../../core/api/terminal-api.ts';
import { t, type Lang, type UiKey } from '../text.ts';

type Kind = AccessKey['kind'];
const KINDS: { kind: Kind; label: UiKey }[] = [
  { kind: 'cccd', label: 'key.cccd' },
  { kind: 'qr', label: 'key.qr' },
  { kind: 'mrz', label: 'key.mrz' },
  { kind: 'can', label: 'key.can' },
  { kind: 'document', label: 'key.document' },
];

interface Fields {
  idNumber: string;
  documentNumber: string;
  dateOfBirth: string;
  dateOfExpiry: string;
  mrz: string;
  qr: string;
  can: string;
}

const EMPTY: Fields = { idNumber: '', documentNumber: '', dateOfBirth: '', dateOfExpiry: '', mrz: '', qr: '', can: '' };

function fieldsOf(key: AccessKey): Fields {
  switch (key.kind) {
    case 'cccd':
      return { ...EMPTY, idNumber: key.idNumber, dateOfBirth: key.dateOfBirth, dateOfExpiry: key.dateOfExpiry ?? '' };
    case 'document':
      return { ...EMPTY, documentNumber: key.documentNumber, dateOfBirth: key.dateOfBirth, dateOfExpiry: key.dateOfExpiry };
    case 'mrz':
      return { ...EMPTY, mrz: key.mrz };
    case 'qr':
      return { ...EMPTY, qr: key.text };
    case 'can':
      return { ...EMPTY, can: key.can };
  }
}

function keyOf(kind: Kind, f: Fields): unknown {
  switch (kind) {
    case 'cccd':
      return { kind, idNumber: f.idNumber.trim(), dateOfBirth: f.dateOfBirth.trim(), ...(f.dateOfExpiry.trim() ? { dateOfExpiry: f.dateOfExpiry.trim() } : {}) };
    case 'document':
      return { kind, documentNumber: f.documentNumber.trim().toUpperCase(), dateOfBirth: f.dateOfBirth.trim(), dateOfExpiry: f.dateOfExpiry.trim() };
    case 'mrz':
      return { kind, mrz: f.mrz.toUpperCase().replace(/[^A-Z0-9<\n]/g, '') };
    case 'qr':
      return { kind, text: f.qr.trim() };
    case 'can':
      return { kind, can: f.can.trim() };
  }
}

export function KeyEntry({ lang, onSubmit, prefill }: { lang: Lang; onSubmit: (key: AccessKey) => void; prefill: AccessKey | null }) {
  const [kind, setKind] = useState<Kind>(prefill?.kind ?? 'cccd');
  const [fields, setFields] = useState<Fields>(prefill ? fieldsOf(prefill) : EMPTY);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    if (!prefill) return;
    setKind(prefill.kind);
    setFields(fieldsOf(prefill));
  }, [prefill]);

  const set = (name: keyof Fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = AccessKeySchema.safeParse(keyOf(kind, fields));
    setInvalid(!parsed.success);
    if (parsed.success) onSubmit(parsed.data);
  };
  const input = (name: keyof Fields, label: UiKey, opts: { pattern?: string; inputMode?: 'numeric' | 'text'; maxLength?: number; placeholder?: string; autoFocus?: boolean } = {}) => (
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
      />
    </label>
  );

  return (
    <form className="key-entry" onSubmit={submit} aria-label={t(lang, 'key.title')}>
      <div className="segmented" role="tablist" aria-label={t(lang, 'key.title')}>
        {KINDS.map((k) => (
          <button type="button" role="tab" key={k.kind} aria-selected={kind === k.kind} className={kind === k.kind ? 'active' : ''} onClick={() => setKind(k.kind)}>
            {t(lang, k.label)}
          </button>
        ))}
      </div>
      {kind === 'cccd' && (
        <div className="fields">
          {input('idNumber', 'key.idNumber', { maxLength: 12, autoFocus: true })}
          {input('dateOfBirth', 'key.dateOfBirth', { maxLength: 6 })}
          {input('dateOfExpiry', 'key.dateOfExpiry', { maxLength: 6, placeholder: t(lang, 'key.expiryDerived') })}
        </div>
      )}
      {kind === 'document' && (
        <div className="fields">
          {input('documentNumber', 'key.documentNumber', { inputMode: 'text', maxLength: 20, autoFocus: true })}
          {input('dateOfBirth', 'key.dateOfBirth', { maxLength: 6 })}
          {input('dateOfExpiry', 'key.dateOfExpiry', { maxLength: 6 })}
        </div>
      )}
      {kind === 'mrz' && (
        <label className="field wide">
          <span>{t(lang, 'key.mrzLabel')}</span>
          <textarea name="mrz" rows={3} value={fields.mrz} onChange={set('mrz')} spellCheck={false} autoFocus className="mono" />
        </label>
      )}
      {kind === 'qr' && (
        <div className="fields">{input('qr', 'key.qrLabel', { inputMode: 'text', autoFocus: true })}</div>
      )}
      {kind === 'can' && <div className="fields">{input('can', 'key.canLabel', { maxLength: 6, autoFocus: true })}</div>}
      {invalid && (
        <p className="error" role="alert">
          {t(lang, 'key.invalid')}
        </p>
      )}
      <button type="submit" className="primary big">
        {t(lang, 'verify.start')}
      </button>
    </form>
  );
}
