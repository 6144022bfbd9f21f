/**
 * Verifications on the terminal's readers: picks the reader, starts a session on it (the one
 * flow of core/session), follows card presence, and turns every session change into an event.
 * Each reader's current or last session stays in the registry, so a late subscriber is shown it.
 */
import type { ApiInput, ApiOutput, SessionEvent, TerminalApi } from '../api/terminal-api.ts';
import { EidError } from '../errors.ts';
import { chipReader } from '../session/chip-reader.ts';
import type { ReaderProvider } from '../session/readers.ts';
import { storeRecorder } from '../session/recorder.ts';
import { SessionRegistry } from '../session/registry.ts';
import type { VerificationSession } from '../session/session.ts';
import type { Store } from '../store/store.ts';
import type { TrustStore } from '../trust/store.ts';
import type { OperatorsApi } from './operators-api.ts';
import { sessionEvent, type ScreenView } from './session-event.ts';
import { VerificationRequests, type VerificationRequest } from './verification-requests.ts';

export interface VerificationApiOptions {
  readonly store: Store;
  /** What cards are verified against, unless their reader brings its own (the virtual reader). */
  readonly trust: TrustStore;
  readonly readers: readonly ReaderProvider[];
  readonly operators: OperatorsApi;
  readonly now: () => Date;
  readonly onSession: (event: SessionEvent) => void;
  /** A verification ended (a record may be waiting to be sent). */
  readonly onFinished: () => void;
}

export class VerificationApi implements Pick<TerminalApi, 'startVerification' | 'cancelVerification' | 'closeSession' | 'revealFailedData' | 'getSessions'> {
  readonly #sessions = new SessionRegistry();
  readonly #requests: VerificationRequests;

  constructor(private readonly o: VerificationApiOptions) {
    this.#requests = new VerificationRequests(o.now);
  }

  /** The clerk's read; it answers the oldest business application's request still waiting, if any. */
  startVerification(input: ApiInput<'startVerification'>): Promise<ApiOutput<'startVerification'>> {
    return this.#start(input, this.#requests.nextWaiting());
  }

  /**
   * A business application asks for a verification under `purpose`: with a key the read starts
   * now on the chosen reader; without one it waits for the clerk's next read.
   */
  async requestVerification(input: { purpose?: string | undefined; requestedBy: string; reader?: string | null; key?: ApiInput<'startVerification'>['key'] }): Promise<{ requestId: string; sessionId: string | null }> {
    const purpose = this.o.store.profile(input.purpose).name;
    const request = this.#requests.add(purpose, input.requestedBy);
    if (!input.key) return { requestId: request.id, sessionId: null };
    try {
      const { sessionId } = await this.#start({ reader: input.reader ?? null, key: input.key }, request);
      return { requestId: request.id, sessionId };
    } catch (e) {
      this.#requests.drop(request);
      throw e;
    }
  }

  /** The request a session answers, if a business application asked for it. */
  requestOf(sessionId: string): VerificationRequest | undefined {
    return this.#requests.ofSession(sessionId);
  }

  async #start(input: ApiInput<'startVerification'>, request: VerificationRequest | undefined): Promise<ApiOutput<'startVerification'>> {
    const operator = this.o.operators.onDuty();
    const reader = this.#chooseReader(input.reader);
    const provider = this.#providerOf(reader);
    const session = this.#sessions.start({
      reader,
      read: chipReader(() => provider.connect(reader), { trust: provider.trust ?? this.o.trust, now: this.o.now() }),
      record: storeRecorder(this.o.store, operator, { reader }, request?.purpose),
    });
    if (request) this.#requests.bind(request, session.id);
    this.#follow(session);
    const finished = session.provideKey(input.key);
    if (provider.list().find((r) => r.name === reader)?.cardPresent) session.cardInserted();
    void finished.then(() => this.o.onFinished());
    return { sessionId: session.id };
  }

  async cancelVerification({ sessionId }: ApiInput<'cancelVerification'>): Promise<ApiOutput<'cancelVerification'>> {
    const session = this.#sessions.find(sessionId);
    if (!session || session.isFinal) return { ok: false };
    session.cancel();
    return { ok: true };
  }

  async closeSession({ sessionId }: ApiInput<'closeSession'>): Promise<ApiOutput<'closeSession'>> {
    return { ok: this.#sessions.close(sessionId) };
  }

  async revealFailedData({ recordId }: ApiInput<'revealFailedData'>): Promise<ApiOutput<'revealFailedData'>> {
    const { verdict } = this.o.store.records.get(recordId);
    this.o.store.audit.record(this.o.operators.onDuty(), 'failed-data-shown', { record: recordId, verdict });
    return { ok: true };
  }

  /** Where each reader stands: its current session, or its last one with the outcome. */
  async getSessions(): Promise<ApiOutput<'getSessions'>> {
    return this.sessionEvents();
  }

  sessionEvents(): SessionEvent[] {
    return this.#sessions.all().map((s) => sessionEvent(s.snapshot(), this.#view()));
  }

  /** A card was put on or taken off some reader. */
  readersChanged(): void {
    for (const provider of this.o.readers) {
      for (const r of provider.list()) {
        const session = this.#sessions.get(r.name);
        if (!session || session.isFinal) continue;
        if (r.cardPresent) session.cardInserted();
        else session.cardRemoved();
      }
    }
  }

  close(): void {
    this.#sessions.cancelAll();
  }

  #follow(session: VerificationSession): void {
    const emit = (): void => this.o.onSession(sessionEvent(session.snapshot(), this.#view()));
    session.on('state', emit);
    session.on('progress', emit);
    emit(); // where it starts (waiting for the card) is news too: the screen asks for the card
  }

  #view(): ScreenView {
    return { displayFields: this.o.store.displayFields(), faceMatch: this.o.store.faceMatch() };
  }

  #chooseReader(requested: string | null): string {
    const all = this.o.readers.flatMap((r) => r.list());
    if (requested) {
      if (!all.some((r) => r.name === requested)) throw new EidError('READER_NOT_FOUND', { reader: requested });
      return requested;
    }
    const preferred = this.o.store.settings.get('reader');
    const withCard = all.filter((r) => r.cardPresent);
    const pick = all.find((r) => r.name === preferred) ?? withCard.find((r) => !r.virtual) ?? withCard[0] ?? all.find((r) => !r.virtual) ?? all[0];
    if (!pick) throw new EidError('NO_READER');
    return pick.name;
  }

  #providerOf(reader: string): ReaderProvider {
    const provider = this.o.readers.find((r) => r.list().some((x) => x.name === reader));
    if (!provider) throw new EidError('READER_NOT_FOUND', { reader });
    return provider;
  }
}
