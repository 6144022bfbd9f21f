/** The trust store as the settings screen shows and changes it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ApiOutput } from '../api/terminal-api.ts';
import type { TrustStore } from '../trust/store.ts';
import { importTrustFile } from '../trust/store-folder.ts';

export function describeTrust(store: TrustStore): ApiOutput<'listTrust'> {
  return store.certificates().map((c) => ({
    country: c.certificate.subject.country ?? '??',
    subject: c.certificate.subject.text,
    notBefore: c.certificate.notBefore.toISOString(),
    notAfter: c.certificate.notAfter.toISOString(),
    fingerprint: c.fingerprint,
    source: c.source,
    name: c.knownAs ?? null,
  }));
}

/** Verifies an uploaded file and copies it into the store folder, as `trust import` does for a path. */
export function importTrustUpload(store: TrustStore, userFolder: string, fileName: string, bytes: Uint8Array, now: Date): ApiOutput<'importTrust'> {
  const dir = mkdtempSync(join(tmpdir(), 'eid-trust-upload-'));
  try {
    // The name keeps its extension (it tells a master list from a certificate) but no path.
    const path = join(dir, basename(fileName).replace(/[^\w.-]/g, '_') || 'upload.der');
    writeFileSync(path, bytes);
    const report = importTrustFile(store, userFolder, path, now);
    const message = `${report.certificatesAdded} certificate(s), ${report.crlsAdded} CRL(s) added${report.notes.length ? '; ' + report.notes.join('; ') : ''}`;
    return { imported: report.certificatesAdded + report.crlsAdded, message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
