/**
 * One session per reader at a time: a second card on another reader gets its own session, a
 * second start on a busy reader is refused until the first one ends.
 */
import { sessionError } from './errors.ts';
import { VerificationSession, type SessionOptions } from './session.ts';

export class SessionRegistry<K> {
  readonly #sessions = new Map<string, VerificationSession<K>>();
  readonly #defaults: Omit<SessionOptions<K>, 'reader'>;

  constructor(defaults: Omit<SessionOptions<K>, 'reader'>) {
    this.#defaults = defaults;
  }

  /** A new session on `reader`; SESSION_BUSY while the reader's current one is not final. */
  start(reader: string, overrides: Partial<Omit<SessionOptions<K>, 'reader'>> = {}): VerificationSession<K> {
    const current = this.#sessions.get(reader);
    if (current && !current.isFinal) throw sessionError('SESSION_BUSY', reader);
    const session = new VerificationSession<K>({ ...this.#defaults, ...overrides, reader });
    this.#sessions.set(reader, session);
    return session;
  }

  get(reader: string): VerificationSession<K> | undefined {
    return this.#sessions.get(reader);
  }

  /** Sessions not yet final, one per reader at most. */
  active(): VerificationSession<K>[] {
    return [...this.#sessions.values()].filter((s) => !s.isFinal);
  }

  /** The reader was unplugged: its session is cancelled and forgotten. */
  readerRemoved(reader: string): void {
    this.#sessions.get(reader)?.cancel();
    this.#sessions.delete(reader);
  }

  cancelAll(): void {
    for (const s of this.#sessions.values()) s.cancel();
  }
}
