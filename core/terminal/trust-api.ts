/** The trust store as the settings screen shows and changes it, and as the registry updates it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ApiInput, ApiOutput, TerminalApi } from '../api/terminal-api.ts';
import type { Store } from '../store/store.ts';
import { fromBase64 } from '../bytes/base64.ts';
import type { TrustStore } from '../trust/store.ts';
import { importTrustFile, removeTrusted } from '../trust/store-folder.ts';
import { isDemoCsca } from '../trust/known-cscas.ts';
import { loadTrustBytes } from '../trust/trust-files.ts';
import { note } from '../messages/message.ts';

export interface TrustApiOptions {
  readonly store: Store;
  readonly trust: TrustStore;
  /** Where imported trust files are kept (`<data-dir>/trust`). */
  readonly trustFolder: string;
  /** When the store last changed before this run (an earlier import or removal). */
  readonly updatedAt?: Date | null;
  readonly now: () => Date;
  readonly statusChanged: () => void;
}

export class TrustApi implements Pick<TerminalApi, 'listTrust' | 'importTrust' | 'removeTrust'> {
  #updatedAt: string | null;

  constructor(private readonly o: TrustApiOptions) {
    this.#updatedAt = o.updatedAt?.toISOString() ?? null;
  }

  /** When an import, a removal or the registry's trust list last changed the trust store. */
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
      demo: isDemoCsca(c.certificate.subject.text),
    }));
  }

  /** Verifies an uploaded file and copies it into the store folder, as `trust import` does for a path. */
  async importTrust({ operator, pin, fileName, base64 }: ApiInput<'importTrust'>): Promise<ApiOutput<'importTrust'>> {
    const by = this.o.store.operators.authenticateSupervisor(operator, pin);
    const now = this.o.now();
    const before = new Set(this.o.trust.certificates().map((c) => c.fingerprint));
    const dir = mkdtempSync(join(tmpdir(), 'eid-trust-upload-'));
    try {
      // The name keeps its extension (it tells a master list from a certificate) but no path.
      const path = join(dir, basename(fileName).replace(/[^\w.-]/g, '_') || 'upload.der');
      writeFileSync(path, fromBase64(base64));
      const report = importTrustFile(this.o.trust, this.o.trustFolder, path, now);
      this.#changed(now.toISOString());
      this.o.store.audit.record(by.name, 'trust-import', { certificates: report.certificatesAdded, crls: report.crlsAdded });
      const added = this.o.trust.certificates().filter((c) => !before.has(c.fingerprint));
      return {
        imported: report.certificatesAdded + report.crlsAdded,
        demoCscas: added.filter((c) => isDemoCsca(c.certificate.subject.text)).length,
        summary: note('TRUST_IMPORTED', { certificates: report.certificatesAdded, crls: report.crlsAdded }),
        notes: [...report.notes],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Removes a CSCA or CRL by fingerprint, as `trust remove` does; it stays out across restarts. */
  async removeTrust({ operator, pin, fingerprint }: ApiInput<'removeTrust'>): Promise<ApiOutput<'removeTrust'>> {
    const by = this.o.store.operators.authenticateSupervisor(operator, pin);
    const removed = removeTrusted(this.o.trust, this.o.trustFolder, fingerprint);
    if (removed) {
      this.o.store.audit.record(by.name, 'trust-remove', { fingerprint: fingerprint.toLowerCase() });
      this.#changed(this.o.now().toISOString());
    }
    return { removed };
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
