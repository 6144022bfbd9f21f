/**
 * The terminal: TerminalApi composed of one module per area (verification, records, operators,
 * settings, trust, enrolment, demo cards) over the readers, the store, the trust store and the
 * registry sync. Electron's IPC, the HTTP service and the tests all drive this one object;
 * host/ builds it.
 */
import type { ApiInput, ApiOutput, Settings, Status, TerminalApi, TerminalEvent } from '../api/terminal-api.ts';
import type { CounterState } from '../api/method-access.ts';
import type { ReaderProvider } from '../session/readers.ts';
import type { Store } from '../store/store.ts';
import { idleSetting } from '../store/settings.ts';
import { statusFields } from '../sync/status.ts';
import type { TrustStore } from '../trust/store.ts';
import { DemoCardsApi } from './demo-cards-api.ts';
import { EnrolmentApi } from './enrolment-api.ts';
import { FaceMatchApi } from './face-match-api.ts';
import { IntegrationApi, type IntegrationRunner } from './integration-api.ts';
import { OperatorsApi } from './operators-api.ts';
import { OperatorAdminApi } from './operator-admin-api.ts';
import { RecordsApi } from './records-api.ts';
import type { RegistrySync } from './registry-sync.ts';
import { SettingsApi, language, terminalName } from './settings-api.ts';
import { TerminalEvents } from './terminal-events.ts';
import { TrustApi } from './trust-api.ts';
import { VerificationApi } from './verification-api.ts';
import type { VerificationRequest } from './verification-requests.ts';
import type { VirtualReader } from './virtual-reader.ts';

export interface TerminalOptions {
  readonly store: Store;
  readonly trust: TrustStore;
  /** Where imported trust files are kept (`<data-dir>/trust`). */
  readonly trustFolder: string;
  /** The date of the trust list shipped with the terminal (store-folder.ts), when it holds one. */
  readonly shippedTrustListDate?: Date | null;
  /** When an import or a removal last changed the trust store before this start (store-folder.ts). */
  readonly trustUpdatedAt?: Date | null;
  readonly readers: readonly ReaderProvider[];
  readonly virtualReader?: VirtualReader;
  readonly sync?: RegistrySync;
  readonly now?: () => Date;
}

export class Terminal implements TerminalApi {
  readonly #o: TerminalOptions;
  readonly #events = new TerminalEvents();
  readonly #unsubscribe: (() => void)[] = [];
  readonly #operators: OperatorsApi;
  readonly #operatorAdmin: OperatorAdminApi;
  readonly #verification: VerificationApi;
  readonly #records: RecordsApi;
  readonly #faceMatch: FaceMatchApi;
  readonly #settings: SettingsApi;
  readonly #trust: TrustApi;
  readonly #enrolment: EnrolmentApi;
  readonly #demoCards: DemoCardsApi;
  readonly #integration: IntegrationApi;

  constructor(options: TerminalOptions) {
    this.#o = options;
    const now = (): Date => options.now?.() ?? new Date();
    const statusChanged = (): void => this.#emitStatus();
    this.#operators = new OperatorsApi(options.store, statusChanged);
    this.#operatorAdmin = new OperatorAdminApi(options.store, statusChanged);
    this.#verification = new VerificationApi({
      store: options.store,
      trust: options.trust,
      readers: options.readers,
      operators: this.#operators,
      now,
      onSession: (event) => this.#events.emit({ type: 'session', event }),
      onFinished: () => {
        options.sync?.wake();
        statusChanged();
      },
    });
    this.#records = new RecordsApi(options.store, now);
    this.#faceMatch = new FaceMatchApi(options.store, () => this.#operators.onDuty());
    this.#settings = new SettingsApi(options.store, statusChanged);
    this.#trust = new TrustApi({ store: options.store, trust: options.trust, trustFolder: options.trustFolder, updatedAt: options.trustUpdatedAt ?? null, now, statusChanged });
    this.#enrolment = new EnrolmentApi(options.store, options.sync, statusChanged);
    this.#demoCards = new DemoCardsApi(options.virtualReader);
    this.#integration = new IntegrationApi(options.store);
    for (const r of options.readers) {
      this.#unsubscribe.push(r.onChange(() => {
        this.#verification.readersChanged();
        statusChanged();
      }));
    }
    if (options.sync) this.#unsubscribe.push(options.sync.onStatus(statusChanged));
  }

  /** Live events, after each reader's session as it stands now: a late subscriber misses nothing. */
  subscribe(listener: (event: TerminalEvent) => void): () => void {
    return this.#events.subscribe(listener, this.#verification.sessionEvents().map((event) => ({ type: 'session', event })));
  }

  async getStatus(): Promise<Status> {
    const { store, readers, virtualReader, sync } = this.#o;
    const fields = sync ? statusFields(sync.status()) : null;
    return {
      readers: readers.flatMap((r) => r.list()),
      pcscAvailable: readers.some((r) => r.available && r !== virtualReader),
      online: fields?.online ?? false,
      registryConfigured: fields?.registryConfigured ?? false,
      pendingRecords: store.outbox.pendingCount(),
      purgeWaiting: store.purgeWaiting(),
      trustListUpdatedAt: fields?.trustListUpdatedAt ?? this.#trust.updatedAt,
      shippedTrustListDate: this.#o.shippedTrustListDate?.toISOString() ?? null,
      terminalName: terminalName(store),
      language: language(store),
      operator: this.#operators.signedIn,
      operatorRole: this.#operators.role,
      idle: { resultClearSeconds: idleSetting(store.settings, 'resultClearSeconds'), signOutMinutes: idleSetting(store.settings, 'idleSignOutMinutes') },
      signInRequired: this.#operators.signInRequired,
    };
  }

  /** Who is at the counter, for the access rules of every call and event (core/api/method-access.ts). */
  counterState(): CounterState {
    return { signInRequired: this.#operators.signInRequired, operatorRole: this.#operators.role };
  }

  /** The registry published a new trust list (host/ connects the sync service here). */
  adoptTrustList(list: { cscas: Uint8Array[]; crls: Uint8Array[]; issuedAt: string }): void {
    this.#trust.adoptTrustList(list);
  }

  startVerification(input: ApiInput<'startVerification'>): Promise<ApiOutput<'startVerification'>> {
    return this.#verification.startVerification(input);
  }

  cancelVerification(input: ApiInput<'cancelVerification'>): Promise<ApiOutput<'cancelVerification'>> {
    return this.#verification.cancelVerification(input);
  }

  closeSession(input: ApiInput<'closeSession'>): Promise<ApiOutput<'closeSession'>> {
    return this.#verification.closeSession(input);
  }

  revealFailedData(input: ApiInput<'revealFailedData'>): Promise<ApiOutput<'revealFailedData'>> {
    return this.#verification.revealFailedData(input);
  }

  recordFaceMatch(input: ApiInput<'recordFaceMatch'>): Promise<ApiOutput<'recordFaceMatch'>> {
    return this.#faceMatch.recordFaceMatch(input);
  }

  /** A business application's request (the integration API); see VerificationApi.requestVerification. */
  requestVerification(input: Parameters<VerificationApi['requestVerification']>[0]): ReturnType<VerificationApi['requestVerification']> {
    return this.#verification.requestVerification(input);
  }

  /** The business application's request a session answers, if any. */
  requestOf(sessionId: string): VerificationRequest | undefined {
    return this.#verification.requestOf(sessionId);
  }

  getSessions(): Promise<ApiOutput<'getSessions'>> {
    return this.#verification.getSessions();
  }

  listRecords(input: ApiInput<'listRecords'>): Promise<ApiOutput<'listRecords'>> {
    return this.#records.listRecords(input);
  }

  getRecord(input: ApiInput<'getRecord'>): Promise<ApiOutput<'getRecord'>> {
    return this.#records.getRecord(input);
  }

  exportRecords(input: ApiInput<'exportRecords'>): Promise<ApiOutput<'exportRecords'>> {
    return this.#records.exportRecords(input);
  }

  login(input: ApiInput<'login'>): Promise<ApiOutput<'login'>> {
    return this.#operators.login(input);
  }

  signIn(input: ApiInput<'signIn'>): Promise<ApiOutput<'signIn'>> {
    return this.#operators.signIn(input);
  }

  signOut(): Promise<ApiOutput<'signOut'>> {
    return this.#operators.signOut();
  }

  setupSupervisor(input: ApiInput<'setupSupervisor'>): Promise<ApiOutput<'setupSupervisor'>> {
    return this.#operators.setupSupervisor(input);
  }

  listOperators(input: ApiInput<'listOperators'>): Promise<ApiOutput<'listOperators'>> {
    return this.#operatorAdmin.listOperators(input);
  }

  addOperator(input: ApiInput<'addOperator'>): Promise<ApiOutput<'addOperator'>> {
    return this.#operatorAdmin.addOperator(input);
  }

  changeOperator(input: ApiInput<'changeOperator'>): Promise<ApiOutput<'changeOperator'>> {
    return this.#operatorAdmin.changeOperator(input);
  }

  getSettings(): Promise<Settings> {
    return this.#settings.getSettings();
  }

  updateSettings(input: ApiInput<'updateSettings'>): Promise<Settings> {
    return this.#settings.updateSettings(input);
  }

  listPurposes(): Promise<ApiOutput<'listPurposes'>> {
    return this.#settings.listPurposes();
  }

  listTrust(): Promise<ApiOutput<'listTrust'>> {
    return this.#trust.listTrust();
  }

  importTrust(input: ApiInput<'importTrust'>): Promise<ApiOutput<'importTrust'>> {
    return this.#trust.importTrust(input);
  }

  removeTrust(input: ApiInput<'removeTrust'>): Promise<ApiOutput<'removeTrust'>> {
    return this.#trust.removeTrust(input);
  }

  enrol(input: ApiInput<'enrol'>): Promise<ApiOutput<'enrol'>> {
    return this.#enrolment.enrol(input);
  }

  listDemoCards(): Promise<ApiOutput<'listDemoCards'>> {
    return this.#demoCards.listDemoCards();
  }

  insertDemoCard(input: ApiInput<'insertDemoCard'>): Promise<ApiOutput<'insertDemoCard'>> {
    return this.#demoCards.insertDemoCard(input);
  }

  removeDemoCard(): Promise<ApiOutput<'removeDemoCard'>> {
    return this.#demoCards.removeDemoCard();
  }

  listIntegrationClients(input: ApiInput<'listIntegrationClients'>): Promise<ApiOutput<'listIntegrationClients'>> {
    return this.#integration.listIntegrationClients(input);
  }

  addIntegrationClient(input: ApiInput<'addIntegrationClient'>): Promise<ApiOutput<'addIntegrationClient'>> {
    return this.#integration.addIntegrationClient(input);
  }

  revokeIntegrationClient(input: ApiInput<'revokeIntegrationClient'>): Promise<ApiOutput<'revokeIntegrationClient'>> {
    return this.#integration.revokeIntegrationClient(input);
  }

  getIntegrationApi(input: ApiInput<'getIntegrationApi'>): Promise<ApiOutput<'getIntegrationApi'>> {
    return this.#integration.getIntegrationApi(input);
  }

  setIntegrationApi(input: ApiInput<'setIntegrationApi'>): Promise<ApiOutput<'setIntegrationApi'>> {
    return this.#integration.setIntegrationApi(input);
  }

  /** The integration API running beside this terminal (integration/start.ts) reports here and is told of changes. */
  attachIntegration(runner: IntegrationRunner): void {
    this.#integration.attach(runner);
  }

  async close(): Promise<void> {
    this.#verification.close();
    for (const off of this.#unsubscribe) off();
    await this.#o.sync?.stop();
    for (const r of this.#o.readers) await r.close();
  }

  #emitStatus(): void {
    void this.getStatus().then((status) => this.#events.emit({ type: 'status', status }));
  }
}
