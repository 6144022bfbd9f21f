import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { errorText, messageText, t, type Lang } from '../text.ts';

type Csca = Awaited<ReturnType<typeof api.listTrust>>[number];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function TrustPanel({ lang, credentials }: { lang: Lang; credentials: { operator: string; pin: string } }) {
  const [cscas, setCscas] = useState<Csca[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  // The import's technical notes (which CSCA vouched for a master list ...), shown on request.
  const [notes, setNotes] = useState<string[]>([]);
  const refresh = () => void api.listTrust({}).then(setCscas);
  useEffect(refresh, []);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await api.importTrust({ ...credentials, fileName: file.name, base64: await toBase64(file) });
      setMessage(messageText(lang, r.summary));
      setNotes(r.notes);
      refresh();
    } catch (e) {
      setMessage(errorText(e, lang));
      setNotes([]);
    }
  };

  const byCountry = new Map<string, Csca[]>();
  for (const c of cscas) byCountry.set(c.country, [...(byCountry.get(c.country) ?? []), c]);
  return (
    <div className="trust">
      <h2>{t(lang, 'trust.title')} ({cscas.length})</h2>
      <label className="field">
        <span>{t(lang, 'trust.import')}</span>
        <input type="file" accept=".ml,.pem,.cer,.crt,.der,.crl,.ldif" onChange={(e) => void importFile(e.target.files?.[0])} />
      </label>
      {message && <p className="hint" role="status">{message}</p>}
      {notes.length > 0 && (
        <details className="code">
          <summary>{t(lang, 'error.details')}</summary>
          <ul>{notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
        </details>
      )}
      <div className="trust-list">
        {[...byCountry.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([country, list]) => (
          <details key={country}>
            <summary>{country} ({list.length})</summary>
            <ul>
              {list.map((c) => (
                <li key={c.fingerprint}>
                  <strong>{c.name ?? c.subject}</strong> <small>{c.notBefore.slice(0, 10)} → {c.notAfter.slice(0, 10)} · {c.fingerprint.slice(0, 16)}… · {c.source}</small>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </div>
  );
}
