/**
 * One verification on one reader, start to end, as a state machine:
 * waiting-for-card -> key-needed -> reading -> verifying -> (stored) -> done, or error/cancelled.
 * The card reader (keys -> open -> read -> prove -> verify, core/session/chip-reader.ts) and the
 * recorder (core/session/recorder.ts) are injected; the session sequences them, reports progress,
 * carries the one outcome, and guarantees that `done` is emitted only after the record is durable.
 */
import type { AccessKey } from '../api/terminal-api.ts';
import type { EidError } from '../errors.ts';
import { randomUUID } from '../crypto/node-crypto.ts';
import { TypedEvents } from './events.ts';
import { asEidError, sessionError } from './errors.ts';
import type { VerificationOutcome } from './outcome.ts';
import { FINAL_STATES, type CardReader, type ReadProgress, type RecordedRef, type SessionEvents, type SessionRecorder, type SessionSnapshot, type SessionState } from './types.ts';

/** Numbers the changes of all sessions, so that replayed and live snapshots can be ordered. */
let changes = 0;

export interface SessionOptions<K = AccessKey> {
  readonly reader: string;
  readonly read: CardReader<K>;
  /** null: do not store (`--no-store`); `done` then carries record null. */
  readonly record: SessionRecorder | null;
  /** An outside cancellation (window closed, terminal shutting down). */
  readonly signal?: AbortSignal;
}

export class VerificationSession<K = AccessKey> {
  readonly id = randomUUID();
  readonly reader: string;
  readonly #read: CardReader<K>;
  readonly #record: SessionRecorder | null;
  readonly #events = new TypedEvents<SessionEvents>();
  #state: SessionState = 'waiting-for-card';
  #seq = ++changes;
  #progress: ReadProgress | null = null;
  #outcome: VerificationOutcome | null = null;
  #recorded: RecordedRef | null = null;
  #error: EidError | null = null;
  #pendingKey: { key: K } | null = null;
  #abort: AbortController | null = null;

  constructor(options: SessionOptions<K>) {
    this.reader = options.reader;
    this.#read = options.read;
    this.#record = options.record;
    if (options.signal) {
      if (options.signal.aborted) queueMicrotask(() => this.cancel());
      else options.signal.addEventListener('abort', () => this.cancel(), { once: true });
    }
  }

  get state(): SessionState {
    return this.#state;
  }

  get isFinal(): boolean {
    return FINAL_STATES.includes(this.#state);
  }

  on<E extends keyof SessionEvents>(event: E, listener: (payload: SessionEvents[E]) => void): () => void {
    return this.#events.on(event, listener);
  }

  snapshot(): SessionSnapshot {
    return {
      sessionId: this.id,
      reader: this.reader,
      state: this.#state,
      seq: this.#seq,
      progress: this.#progress,
      outcome: this.#outcome,
      record: this.#recorded,
      error: this.#error ? this.#error.toJSON() : null,
    };
  }

  /** The reader saw a card. With a key given in advance, reading starts at once. */
  cardInserted(): void {
    if (this.#state !== 'waiting-for-card') return;
    this.#enter('key-needed');
    if (this.#pendingKey) {
      const { key } = this.#pendingKey;
      this.#pendingKey = null;
      this.#start(key);
    }
  }

  /**
   * The access key (MRZ data or CAN). Before the card is there it is kept for when it arrives.
   * Resolves when the session reaches a final state.
   */
  provideKey(key: K): Promise<SessionSnapshot> {
    if (this.#state === 'waiting-for-card') {
      this.#pendingKey = { key };
      return this.finished();
    }
    if (this.#state !== 'key-needed') throw sessionError('SESSION_WRONG_STATE', `key given while ${this.#state}`);
    this.#start(key);
    return this.finished();
  }

  /** The card left the reader: reading stops with an error; before reading, we wait again. */
  cardRemoved(): void {
    if (this.#state === 'key-needed') this.#enter('waiting-for-card');
    else if (this.#state === 'reading' || this.#state === 'verifying') {
      this.#abort?.abort(sessionError('SESSION_CARD_REMOVED'));
    }
  }

  /** Stops the session; a result that arrives afterwards is neither stored nor reported. */
  cancel(): void {
    if (this.isFinal) return;
    this.#pendingKey = null;
    if (this.#abort) this.#abort.abort(sessionError('SESSION_CANCELLED'));
    else this.#enter('cancelled');
  }

  /** The clerk is done with it: stops it if need be, and forgets the outcome (the holder's data). */
  close(): void {
    if (this.#state === 'closed') return;
    this.cancel();
    this.#outcome = null;
    this.#error = null;
    this.#progress = null;
    this.#enter('closed');
  }

  /** The outcome and its record once done; otherwise the session's error (SESSION_WRONG_STATE before the end). */
  completed(): { outcome: VerificationOutcome; record: RecordedRef | null } {
    if (this.#state === 'done' && this.#outcome) return { outcome: this.#outcome, record: this.#recorded };
    if (!this.isFinal) throw sessionError('SESSION_WRONG_STATE', `no outcome while ${this.#state}`);
    throw this.#error ?? sessionError('SESSION_CANCELLED');
  }

  /** After an error (wrong key, card moved), try again on the same card. */
  retry(): void {
    if (this.#state !== 'error') throw sessionError('SESSION_WRONG_STATE', `retry while ${this.#state}`);
    this.#error = null;
    this.#outcome = null;
    this.#progress = null;
    this.#enter('key-needed');
  }

  /** Resolves with the final snapshot (done, error or cancelled). */
  finished(): Promise<SessionSnapshot> {
    if (this.isFinal) return Promise.resolve(this.snapshot());
    return new Promise((resolve) => {
      const off = this.on('state', ({ snapshot }) => {
        if (FINAL_STATES.includes(snapshot.state)) {
          off();
          resolve(snapshot);
        }
      });
    });
  }

  #start(key: K): void {
    const abort = new AbortController();
    this.#abort = abort;
    this.#progress = null;
    this.#enter('reading');
    void this.#execute(key, abort.signal).finally(() => {
      if (this.#abort === abort) this.#abort = null;
    });
  }

  async #execute(key: K, signal: AbortSignal): Promise<void> {
    let outcome: VerificationOutcome;
    try {
      outcome = await raceAbort(this.#read(key, (p) => this.#onProgress(p, signal), signal), signal);
    } catch (e) {
      this.#fail(signal.aborted ? asEidError(signal.reason) : asEidError(e), null);
      return;
    }
    if (signal.aborted) {
      this.#fail(asEidError(signal.reason), null);
      return;
    }
    if (this.#state === 'reading') this.#enter('verifying');
    this.#outcome = outcome;
    let ref: RecordedRef | null = null;
    if (this.#record) {
      try {
        ref = await this.#record(outcome);
      } catch (e) {
        this.#fail(sessionError('SESSION_STORE_FAILED', undefined, e), outcome);
        return;
      }
    }
    // Once stored, the verification happened: a late cancel does not hide it.
    this.#recorded = ref;
    this.#events.emit('done', { outcome, record: ref });
    this.#enter('done');
  }

  #onProgress(p: ReadProgress, signal: AbortSignal): void {
    if (signal.aborted || (this.#state !== 'reading' && this.#state !== 'verifying')) return;
    this.#progress = p;
    this.#seq = ++changes;
    if (p.phase === 'verifying' && this.#state === 'reading') this.#enter('verifying');
    this.#events.emit('progress', p);
  }

  #fail(error: EidError, outcome: VerificationOutcome | null): void {
    if (this.#state === 'closed') return;
    if (error.code === 'SESSION_CANCELLED') {
      this.#enter('cancelled');
      return;
    }
    this.#error = error;
    this.#outcome = outcome;
    this.#events.emit('error', { error, outcome });
    this.#enter('error');
  }

  #enter(state: SessionState): void {
    const previous = this.#state;
    // Closed is the end: a read that stops afterwards does not bring the session back.
    if (previous === state || previous === 'closed') return;
    this.#state = state;
    this.#seq = ++changes;
    this.#events.emit('state', { state, previous, snapshot: this.snapshot() });
  }
}

/** Settles as soon as the signal aborts, even if the reader ignores it. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
