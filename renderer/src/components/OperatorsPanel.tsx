import { useEffect, useState, type FormEvent } from 'react';
import type { OperatorAccount } from '../../../core/api/terminal-api.ts';
import { api } from '../api/client.ts';
import { formatDateTime } from '../dates.ts';
import { errorText, t, type Lang } from '../text.ts';

type Credentials = { operator: string; pin: string };
type Role = OperatorAccount['role'];
/** Runs a change, says how it went and reloads the list; true when it succeeded. */
type Act = (work: () => Promise<unknown>) => Promise<boolean>;

/** The supervisor's operator accounts: add, change the role, unlock, disable or enable, set a new PIN. */
export function OperatorsPanel({ lang, credentials }: { lang: Lang; credentials: Credentials }) {
  const [operators, setOperators] = useState<OperatorAccount[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = (): void => void api.listOperators(credentials).then(setOperators, (e: unknown) => setMessage(errorText(e, lang)));
  useEffect(refresh, [credentials]);
  const act: Act = async (work) => {
    let ok = false;
    try {
      await work();
      setMessage(t(lang, 'operators.done'));
      ok = true;
    } catch (e) {
      setMessage(errorText(e, lang));
    }
    refresh();
    return ok;
  };
  return (
    <div className="operators" data-testid="operators">
      <h2>{t(lang, 'operators.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t(lang, 'operators.name')}</th>
            <th>{t(lang, 'operators.role')}</th>
            <th>{t(lang, 'operators.state')}</th>
            <th>{t(lang, 'operators.resetPin')}</th>
          </tr>
        </thead>
        <tbody>
          {operators.map((o) => <OperatorRow key={o.name} lang={lang} credentials={credentials} account={o} act={act} />)}
        </tbody>
      </table>
      <AddOperator lang={lang} onAdd={(name, role, newPin) => act(() => api.addOperator({ ...credentials, name, role, newPin }))} />
      {message && <p className="hint" role="status" data-testid="operators-message">{message}</p>}
    </div>
  );
}

function RoleSelect({ lang, value, onChange, label }: { lang: Lang; value: Role; onChange: (r: Role) => void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      <option value="clerk">{t(lang, 'role.clerk')}</option>
      <option value="supervisor">{t(lang, 'role.supervisor')}</option>
    </select>
  );
}

function OperatorRow({ lang, credentials, account, act }: { lang: Lang; credentials: Credentials; account: OperatorAccount; act: Act }) {
  const [newPin, setNewPin] = useState('');
  const change = (c: Parameters<typeof api.changeOperator>[0]['change']) => act(() => api.changeOperator({ ...credentials, name: account.name, change: c }));
  const state = account.disabled
    ? t(lang, 'operators.disabled')
    : account.lockedUntil ? t(lang, 'operators.lockedUntil', { time: formatDateTime(lang, account.lockedUntil) }) : t(lang, 'operators.active');
  return (
    <tr data-testid="operator-row" data-name={account.name}>
      <td>{account.name}</td>
      <td><RoleSelect lang={lang} label={`${t(lang, 'operators.role')} ${account.name}`} value={account.role} onChange={(role) => void change({ kind: 'role', role })} /></td>
      <td>
        {state}{' '}
        {account.lockedUntil && <button onClick={() => void change({ kind: 'unlock' })}>{t(lang, 'operators.unlock')}</button>}
        <button onClick={() => void change({ kind: 'disable', disabled: !account.disabled })}>
          {account.disabled ? t(lang, 'operators.enable') : t(lang, 'operators.disable')}
        </button>
      </td>
      <td>
        <input aria-label={`${t(lang, 'operators.newPin')} ${account.name}`} type="password" inputMode="numeric" value={newPin} onChange={(e) => setNewPin(e.target.value)} autoComplete="off" />
        <button disabled={newPin.length < 4} onClick={() => void change({ kind: 'pin', pin: newPin }).then((ok) => ok && setNewPin(''))}>{t(lang, 'operators.resetPin')}</button>
      </td>
    </tr>
  );
}

function AddOperator({ lang, onAdd }: { lang: Lang; onAdd: (name: string, role: Role, pin: string) => Promise<boolean> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [pin, setPin] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onAdd(name.trim(), role, pin).then((ok) => {
      if (!ok) return;
      setName('');
      setPin('');
    });
  };
  return (
    <form className="fields" onSubmit={submit} aria-label={t(lang, 'operators.add')}>
      <label className="field">
        <span>{t(lang, 'operators.name')}</span>
        <input name="newOperator" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <label className="field">
        <span>{t(lang, 'operators.role')}</span>
        <RoleSelect lang={lang} label={t(lang, 'operators.role')} value={role} onChange={setRole} />
      </label>
      <label className="field">
        <span>{t(lang, 'operators.newPin')}</span>
        <input name="newOperatorPin" type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" disabled={!name.trim() || pin.length < 4}>{t(lang, 'operators.add')}</button>
    </form>
  );
}
