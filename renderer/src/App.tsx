import { useEffect, useState } from 'react';
import type { Status } from '../../core/api/terminal-api.ts';
import { api, connection } from './api/client.ts';
import { PinPrompt } from './components/PinPrompt.tsx';
import { errorText, t, type Lang } from './text.ts';
import { LANGUAGE_NAMES, isLang } from '../../core/messages/catalogue.ts';
import { StatusBar } from './components/StatusBar.tsx';
import { clock, useIdleCountdown } from './idle-countdown.ts';
import { VerifyScreen } from './screens/VerifyScreen.tsx';
import { HistoryScreen } from './screens/HistoryScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';

type View = 'verify' | 'history' | 'settings';

/** The language switch is remembered by this browser across reloads; the terminal's setting is the first default. */
const LANG_KEY = 'eid-lang';
const rememberedLang = (): Lang | null => {
  const stored = localStorage.getItem(LANG_KEY);
  return isLang(stored) ? stored : null;
};

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [lang, setLang] = useState<Lang>(rememberedLang() ?? 'vi');
  const chooseLang = (l: Lang): void => {
    localStorage.setItem(LANG_KEY, l);
    setLang(l);
  };
  const [view, setView] = useState<View>('verify');
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api.getStatus({}).then((s) => {
      if (!alive) return;
      setStatus(s);
      setLang(rememberedLang() ?? s.language);
    }, () => {}); // the status bar says the service is not there
    const off = api.subscribe((e) => {
      if (e.type === 'status') setStatus(e.status);
    });
    // A restarted service may have another operator signed in (none) and other readers.
    const offReconnect = connection.onReconnect(() => api.getStatus({}).then((s) => alive && setStatus(s), () => {}));
    return () => {
      alive = false;
      off();
      offReconnect();
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const needsSignIn = !!status && status.signInRequired && !status.operator;
  // An unattended counter signs its clerk out: nobody else reads cards under their name.
  const signOutIn = useIdleCountdown((status?.idle.signOutMinutes ?? 15) * 60, !!status?.operator, () => void api.signOut({}).catch(() => {}));
  const signIn = async (operator: string, pin: string) => {
    try {
      await api.signIn({ operator, pin });
      setSignInError(null);
      setStatus(await api.getStatus({}));
    } catch (e) {
      setSignInError(errorText(e, lang));
    }
  };

  const tab = (v: View, label: string) => (
    <button className={view === v ? 'tab active' : 'tab'} aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
      {label}
    </button>
  );

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t(lang, 'app.title')}</h1>
        <nav aria-label="main">
          {tab('verify', t(lang, 'nav.verify'))}
          {tab('history', t(lang, 'nav.history'))}
          {tab('settings', t(lang, 'nav.settings'))}
        </nav>
        {status?.operator && (
          <>
            {signOutIn !== null && <span className="countdown" data-testid="sign-out-in">{t(lang, 'idle.signOutIn', { time: clock(signOutIn) })}</span>}
            <button className="lang" onClick={() => void api.signOut({})} data-testid="sign-out">
              {status.operator} · {t(lang, 'signOut.action')}
            </button>
          </>
        )}
        {/* The name it shows is part of what it is called, so a screen reader and the eye agree. */}
        <button className="lang" onClick={() => chooseLang(other)} aria-label={`${t(lang, 'nav.language')}: ${LANGUAGE_NAMES[other]}`}>
          <span lang={other}>{LANGUAGE_NAMES[other]}</span>
        </button>
      </header>
      <main>
        {needsSignIn && view !== 'settings' && (
          <section className="panel" data-testid="sign-in">
            <PinPrompt lang={lang} title="signIn.title" action="signIn.action" error={signInError} onSubmit={(operator, pin) => void signIn(operator, pin)} />
          </section>
        )}
        {!needsSignIn && view === 'verify' && <VerifyScreen lang={lang} status={status} />}
        {!needsSignIn && view === 'history' && <HistoryScreen lang={lang} />}
        {view === 'settings' && <SettingsScreen lang={lang} status={status} onLanguage={chooseLang} />}
      </main>
      <StatusBar lang={lang} status={status} />
    </div>
  );
}
