import { useEffect, useState } from 'react';
import type { Status } from '../../core/api/terminal-api.ts';
import { api } from './api/client.ts';
import { t, type Lang } from './i18n.ts';
import { StatusBar } from './components/StatusBar.tsx';
import { VerifyScreen } from './screens/VerifyScreen.tsx';
import { HistoryScreen } from './screens/HistoryScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';

type View = 'verify' | 'history' | 'settings';

export function App() {
  const [status, setStatus] = useState<Status | null>(null);
  const [lang, setLang] = useState<Lang>('vi');
  const [view, setView] = useState<View>('verify');

  useEffect(() => {
    let alive = true;
    void api.getStatus({}).then((s) => {
      if (!alive) return;
      setStatus(s);
      setLang(s.language);
    });
    const off = api.subscribe((e) => {
      if (e.type === 'status') setStatus(e.status);
    });
    return () => {
      alive = false;
      off();
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const tab = (v: View, label: string) => (
    <button className={view === v ? 'tab active' : 'tab'} aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
      {label}
    </button>
  );

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t(lang, 'appTitle')}</h1>
        <nav aria-label="main">
          {tab('verify', t(lang, 'home'))}
          {tab('history', t(lang, 'history'))}
          {tab('settings', t(lang, 'settings'))}
        </nav>
        <button className="lang" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} aria-label="language">
          {lang === 'vi' ? 'English' : 'Tiếng Việt'}
        </button>
      </header>
      <main>
        {view === 'verify' && <VerifyScreen lang={lang} status={status} />}
        {view === 'history' && <HistoryScreen lang={lang} />}
        {view === 'settings' && <SettingsScreen lang={lang} onLanguage={setLang} />}
      </main>
      <StatusBar lang={lang} status={status} />
    </div>
  );
}
