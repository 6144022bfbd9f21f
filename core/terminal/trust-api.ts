/** The trust store as the settings screen shows and changes it, and as the registry updates it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import type { Store } from '../store/store.ts';
import { fromBase64 } from '../bytes/base64.ts';
import type { TrustStore } from '../trust/store.ts';
import { importTrustFile } from '../trust/store-folder.ts';
import { loadTrustBytes } from '../trust/trust-files.ts';
import { note } from '../messages/message.ts';

export interface TrustApiOptions {
  readonly store: Store;
  readonly trust: TrustStore;
  /** Where imported trust files are kept (`<data-dir>/trust`). */
  readonly trustFolder: string;
  readonly now: () => Date;
  readonly statusChanged: () => void;
}

export class TrustApi implements Pick<TerminalApi, 'listTrust' | 'importTrust'> {
  #updatedAt: string | null = null;

  constructor(private readonly o: TrustApiOptions) {}

  /** When the trust store last changed in this run (import or registry trust list). */
  get updatedAt(): string | null {
    return this.#updatedAt;
  }

  async listTrust(): Promise<ApiOutput<'listTrust'>> {
    return this.o.trust.certificates().map((c) => ({
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
  async importTrust({ operator, pin, fileName, base64 }: ApiInput<'importTrust'>): Promise<ApiOutput<'importTrust'>> {
    this.o.store.operators.authenticateSupervisor(operator, pin);
    const now = this.o.now();
    const dir = mkdtempSync(join(tmpdir(), 'eid-trust-upload-'));
    try {
      // The name keeps its extension (it tells a master list from a certificate) but no path.
      const path = join(dir, basename(fileName).replace(/[^\w.-]/g, '_') || 'upload.der');
      writeFileSync(path, fromBase64(base64));
      const report = importTrustFile(this.o.trust, this.o.trustFolder, path, now);
      this.#changed(now.toISOString());
      return {
        imported: report.certificatesAdded + report.crlsAdded,
        summary: note('TRUST_IMPORTED', { certificates: report.certificatesAdded, crls: report.crlsAdded }),
        notes: [...report.notes],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The registry published a new trust list: its CSCAs and CRLs join the live store. */
  adoptTrustList(list: { cscas: Uint8Array[]; crls: Uint8Array[]; issuedAt: string }): void {
    for (const der of [...list.cscas, ...list.crls]) loadTrustBytes(this.o.trust, der, 'registry trust list', this.o.now());
    this.#changed(list.issuedAt);
  }

  #changed(at: string): void {
    this.#updatedAt = at;
    this.o.statusChanged();
  }
}
