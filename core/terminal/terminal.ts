/**
 * The terminal: readers + sessions + records + sync + trust store behind TerminalApi. Electron's
 * IPC, the HTTP service and the tests all drive this one object.
 */
import type { AccessKey, ApiInput, ApiOutput, RecordSummary, Settings, Status, TerminalApi, TerminalEvent, SessionEvent, SessionState } from '../api/terminal-api.ts';
import { EidError } from '../errors.ts';
import { fromBase64, toBase64 } from '../bytes/base64.ts';
import { statusFields } from '../sync/status.ts';
import { VerificationSession, SessionRegistry } from '../session/index.ts';
import type { ReadProgress, SessionSnapshot } from '../session/index.ts';
import type { Store } from '../store/store.ts';
import type { StoredRecord } from '../store/record-types.ts';
import type { TrustStore } from '../trust/store.ts';
import { loadTrustBytes } from '../trust/trust-files.ts';
import { readDocument, type ReadDocumentOutcome } from './read-document.ts';
import { recordContext } from './record-context.ts';
import type { ReaderProvider } from './readers.ts';
import { demoCards, type VirtualReader } from './virtual-reader.ts';
import type { SyncService } from '../sync/sync-service.ts';
import { describeTrust, importTrustUpload } from './trust-admin.ts';

export interface TerminalOptions {
  readonly store: Store;
  readonly trust: TrustStore;
  /** Where imported trust files are kept (`<data-dir>/trust`). */
  readonly trustFolder: string;
  readonly readers: readonly ReaderProvider[];
  readonly virtualReader?: VirtualReader;
  readonly sync?: SyncService;
  readonly now?: () => Date;
}

const STATE_MAP: Record<string, SessionState> = {
  'waiting-for-card': 'waiting', 'key-needed': 'key-needed', reading: 'reading', verifying: 'verifying', done: 'done', error: 'error', cancelled: 'cancelled',
};

export class Terminal implements TerminalApi {
  readonly #o: TerminalOptions;
  readonly #listeners = new Set<(e: TerminalEvent) => void>();
  readonly #sessions = new SessionRegistry<AccessKey>({ read: async () => { throw new Error('unreachable'); }, record: null });
  readonly #byId = new Map<string, VerificationSession<AccessKey>>();
  readonly #outcomes = new Map<string, ReadDocumentOutcome>();
  readonly #unsubscribe: (() => void)[] = [];
  #operator: string | null = null;
  #trustUpdatedAt: string | null = null;

  constructor(options: TerminalOptions) {
    this.#o = options;
    for (const r of options.readers) this.#unsubscribe.push(r.onChange(() => this.#readersChanged()));
    if (options.sync) this.#unsubscribe.push(options.sync.onStatus(() => this.#emitStatus()));
  }

  get #now(): Date {
    return this.#o.now?.() ?? new Date();
  }

  /** The registry published a new trust list: its CSCAs and CRLs join the live store. */
  adoptTrustList(list: { cscas: Uint8Array[]; crls: Uint8Array[]; issuedAt: string }): void {
    for (const der of [...list.cscas, ...list.crls]) loadTrustBytes(this.#o.trust, der, 'registry trust list', this.#now);
    this.#trustUpdatedAt = list.issuedAt;
    this.#emitStatus();
  }

  subscribe(listener: (event: TerminalEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async getStatus(): Promise<Status> {
    const sync = this.#o.sync?.status();
    const s = this.#o.store.settings;
    const fields = sync ? statusFields(sync) : null;
    return {
      readers: this.#o.readers.flatMap((r) => r.list()),
      pcscAvailable: this.#o.readers.some((r) => r.available && r !== this.#o.virtualReader),
      online: fields?.online ?? false,
      registryConfigured: fields?.registryConfigured ?? false,
      pendingRecords: this.#o.store.outbox.pendingCount(),
      trustListUpdatedAt: fields?.trustListUpdatedAt ?? this.#trustUpdatedAt,
      terminalName: s.get('terminalName') ?? 'eID Terminal',
      language: s.get('language') === 'en' ? 'en' : 'vi',
      operator: this.#operator,
      signInRequired: this.#o.store.operators.count() > 0,
    };
  }

  async startVerification(input: ApiInput<'startVerification'>): Promise<ApiOutput<'startVerification'>> {
    const operator = this.#operatorOnDuty();
    const reader = this.#chooseReader(input.reader);
    const provider = this.#providerOf(reader);
    const session = this.#sessions.start(reader, {
      read: (key, progress, signal) => this.#read(session, provider, reader, key, progress, signal),
      record: (result) => {
        const outcome = this.#outcomes.get(session.id);
        return this.#o.store.write({ result, context: recordContext(outcome, operator, { reader }) });
      },
    });
    this.#byId.set(session.id, session);
    session.on('state', ({ snapshot }) => this.#emitSession(snapshot));
    session.on('progress', () => this.#emitSession(session.snapshot()));
    const finished = session.provideKey(input.key);
    if (provider.list().find((r) => r.name === reader)?.cardPresent) session.cardInserted();
    void finished.then(() => {
      this.#o.sync?.wake();
      this.#emitStatus();
      setTimeout(() => {
        this.#byId.delete(session.id);
        this.#outcomes.delete(session.id);
      }, 60_000).unref?.();
    });
    return { sessionId: session.id };
  }

  async cancelVerification({ sessionId }: ApiInput<'cancelVerification'>): Promise<ApiOutput<'cancelVerification'>> {
    const session = this.#byId.get(sessionId);
    if (!session || session.isFinal) return { ok: false };
    session.cancel();
    return { ok: true };
  }

  async listRecords(input: ApiInput<'listRecords'>): Promise<ApiOutput<'listRecords'>> {
    const query = {
      ...(input.search && { search: input.search }),
      ...(input.verdict && { verdict: input.verdict }),
      ...(input.from && { from: input.from }),
      ...(input.to && { to: input.to }),
    };
    const page = this.#o.store.records.list({ ...query, offset: input.offset ?? 0, limit: input.limit ?? 50 });
    return { records: page.records.map(summary), total: this.#o.store.records.count(query) };
  }

  async exportRecords({ operator, pin, format }: ApiInput<'exportRecords'>): Promise<ApiOutput<'exportRecords'>> {
    const by = this.#o.store.operators.authenticateSupervisor(operator, pin);
    const content = [...this.#o.store.exportRecords(by, format)].join('');
    return { fileName: `eid-records-${this.#now.toISOString().slice(0, 10)}.${format}`, content };
  }

  async login({ operator, pin }: ApiInput<'login'>): Promise<ApiOutput<'login'>> {
    return { role: this.#o.store.operators.authenticate(operator, pin).role };
  }

  async signIn({ operator, pin }: ApiInput<'signIn'>): Promise<ApiOutput<'signIn'>> {
    const who = this.#o.store.operators.authenticate(operator, pin);
    this.#operator = who.name;
    this.#emitStatus();
    return { role: who.role };
  }

  async signOut(): Promise<ApiOutput<'signOut'>> {
    this.#operator = null;
    this.#emitStatus();
    return { ok: true };
  }

  async getSettings(): Promise<Settings> {
    const s = this.#o.store.settings;
    return {
      terminalName: s.get('terminalName') ?? 'eID Terminal',
      purpose: this.#o.store.profile().name,
      language: s.get('language') === 'en' ? 'en' : 'vi',
      reader: s.get('reader') || null,
      registryUrl: s.get('registryUrl') ?? null,
    };
  }

  async updateSettings({ operator, pin, settings }: ApiInput<'updateSettings'>): Promise<Settings> {
    const by = this.#o.store.operators.authenticateSupervisor(operator, pin);
    const set = (key: string, value: string): void => this.#o.store.changeSetting(by, key, value);
    if (settings.terminalName !== undefined) set('terminalName', settings.terminalName);
    if (settings.purpose !== undefined) {
      this.#o.store.profile(settings.purpose); // refuses an unknown profile
      set('purposeProfile', settings.purpose);
    }
    if (settings.language !== undefined) set('language', settings.language);
    if (settings.reader !== undefined) set('reader', settings.reader ?? '');
    if (settings.registryUrl !== undefined && settings.registryUrl !== null) set('registryUrl', settings.registryUrl);
    this.#emitStatus();
    return this.getSettings();
  }

  async listPurposes(): Promise<ApiOutput<'listPurposes'>> {
    return this.#o.store.profiles().map((p) => ({ id: p.name, label: p.description }));
  }

  async listTrust(): Promise<ApiOutput<'listTrust'>> {
    return describeTrust(this.#o.trust);
  }

  async importTrust({ operator, pin, fileName, base64 }: ApiInput<'importTrust'>): Promise<ApiOutput<'importTrust'>> {
    this.#o.store.operators.authenticateSupervisor(operator, pin);
    const report = importTrustUpload(this.#o.trust, this.#o.trustFolder, fileName, fromBase64(base64), this.#now);
    this.#trustUpdatedAt = this.#now.toISOString();
    this.#emitStatus();
    return report;
  }

  async enrol({ operator, pin, url, code }: ApiInput<'enrol'>): Promise<ApiOutput<'enrol'>> {
    const by = this.#o.store.operators.authenticateSupervisor(operator, pin);
    if (!this.#o.sync) throw new EidError('SYNC_UNAVAILABLE', 'This terminal runs without a registry connection', 'Quầy này chạy không kết nối máy chủ');
    const identity = await this.#o.sync.enrol(url, code, this.#o.store.settings.get('terminalName') ?? 'eID Terminal');
    this.#o.store.changeSetting(by, 'registryUrl', url);
    this.#emitStatus();
    return { terminalId: identity.terminalId };
  }

  async listDemoCards(): Promise<ApiOutput<'listDemoCards'>> {
    return this.#o.virtualReader ? demoCards() : [];
  }

  async insertDemoCard({ profile, variant }: ApiInput<'insertDemoCard'>): Promise<ApiOutput<'insertDemoCard'>> {
    this.#requireVirtual().insert(profile, variant);
    return { ok: true };
  }

  async removeDemoCard(): Promise<ApiOutput<'removeDemoCard'>> {
    this.#requireVirtual().remove();
    return { ok: true };
  }

  async close(): Promise<void> {
    this.#sessions.cancelAll();
    for (const off of this.#unsubscribe) off();
    await this.#o.sync?.stop();
    for (const r of this.#o.readers) await r.close();
  }

  /** Who the record will name: the signed-in operator; on a terminal without accounts, the counter itself. */
  #operatorOnDuty(): string {
    if (this.#operator) return this.#operator;
    if (this.#o.store.operators.count() > 0) {
      throw new EidError('SIGN_IN_REQUIRED', 'Sign in with your name and PIN before reading a card', 'Hãy đăng nhập bằng tên và mã PIN trước khi đọc thẻ');
    }
    return 'counter';
  }

  #requireVirtual(): VirtualReader {
    if (!this.#o.virtualReader) throw new EidError('NO_VIRTUAL_READER', 'The virtual reader is off', 'Đầu đọc ảo đang tắt');
    return this.#o.virtualReader;
  }

  async #read(session: VerificationSession<AccessKey>, provider: ReaderProvider, reader: string, key: AccessKey, progress: (p: ReadProgress) => void, signal: AbortSignal) {
    const connection = await provider.connect(reader);
    try {
      const outcome = await readDocument(connection.transport, key, {
        trust: provider === this.#o.virtualReader ? this.#o.virtualReader.trust : this.#o.trust,
        now: this.#now,
        signal,
        onProgress: (p) => progress({ phase: p.step === 'passive-authentication' ? 'verifying' : 'reading', step: p.step, ...(p.file && { file: p.file }), bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }),
      });
      this.#outcomes.set(session.id, outcome);
      return outcome.result;
    } finally {
      await connection.close();
    }
  }

  #chooseReader(requested: string | null): string {
    const all = this.#o.readers.flatMap((r) => r.list());
    if (requested) {
      if (!all.some((r) => r.name === requested)) throw new EidError('READER_UNAVAILABLE', `Reader ${requested} is not connected`, `Không thấy đầu đọc ${requested}`);
      return requested;
    }
    const preferred = this.#o.store.settings.get('reader');
    const withCard = all.filter((r) => r.cardPresent);
    const pick = all.find((r) => r.name === preferred) ?? withCard.find((r) => !r.virtual) ?? withCard[0] ?? all.find((r) => !r.virtual) ?? all[0];
    if (!pick) throw new EidError('NO_READER', 'No card reader is connected', 'Chưa kết nối đầu đọc thẻ');
    return pick.name;
  }

  #providerOf(reader: string): ReaderProvider {
    const provider = this.#o.readers.find((r) => r.list().some((x) => x.name === reader));
    if (!provider) throw new EidError('READER_UNAVAILABLE', `Reader ${reader} is not connected`, `Không thấy đầu đọc ${reader}`);
    return provider;
  }

  #readersChanged(): void {
    for (const provider of this.#o.readers) {
      for (const r of provider.list()) {
        const session = this.#sessions.get(r.name);
        if (!session || session.isFinal) continue;
        if (r.cardPresent) session.cardInserted();
        else session.cardRemoved();
      }
    }
    this.#emitStatus();
  }

  #emitSession(snapshot: SessionSnapshot): void {
    const outcome = this.#outcomes.get(snapshot.sessionId);
    const cancelled = snapshot.state === 'cancelled' || snapshot.error?.code === 'SESSION_CANCELLED';
    const event: SessionEvent = {
      sessionId: snapshot.sessionId,
      reader: snapshot.reader,
      state: cancelled ? 'cancelled' : STATE_MAP[snapshot.state] ?? 'error',
      progress: snapshot.progress
        ? { step: snapshot.progress.step, file: snapshot.progress.file ?? null, bytesRead: snapshot.progress.bytesRead, bytesTotal: snapshot.progress.bytesTotal }
        : null,
      // The session's result is the one readDocument returned with this outcome (set before it returns).
      outcome: snapshot.state === 'done' && snapshot.result && outcome
        ? {
            recordId: snapshot.record?.id ?? null,
            result: snapshot.result,
            faceDataUrl: outcome.face ? `data:${outcome.face.mimeType};base64,${toBase64(outcome.face.bytes)}` : null,
            accessNote: outcome.accessNote,
            localizedWarnings: [...outcome.localizedWarnings],
          }
        : null,
      error: snapshot.error && !cancelled ? snapshot.error : null,
    };
    this.#emit({ type: 'session', event });
  }

  #emitStatus(): void {
    void this.getStatus().then((status) => this.#emit({ type: 'status', status }));
  }

  #emit(event: TerminalEvent): void {
    for (const l of this.#listeners) l(event);
  }
}

function summary(r: StoredRecord): RecordSummary {
  const p = r.personal ?? {};
  const name = p.fullName ?? null;
  return {
    id: r.id,
    time: r.createdAt,
    operator: r.operator,
    purpose: r.purpose,
    documentType: r.documentType ?? '',
    issuingState: r.issuingState ?? '',
    verdict: r.verdict,
    name,
    idNumber: p.idNumber ?? p.documentNumber ?? null,
    synced: r.syncedAt !== null,
  };
}

