/**
 * The sessions of the terminal, one per reader: the current one, or the last one once it ended,
 * so a late subscriber can be shown where every reader stands. A second card on another reader
 * gets its own session; a second start on a busy reader is refused until the first one ends.
 * Bounded by the number of readers: a new session replaces the reader's last one.
 */
import type { AccessKey } from '../api/terminal-api.ts';
import { sessionError } from './errors.ts';
import { VerificationSession, type SessionOptions } from './session.ts';

export class SessionRegistry<K = AccessKey> {
  readonly #sessions = new Map<string, VerificationSession<K>>();

  /** A new session on `options.reader`; SESSION_BUSY while the reader's current one is not final. */
  start(options: SessionOptions<K>): VerificationSession<K> {
    const current = this.#sessions.get(options.reader);
    if (current && !current.isFinal) throw sessionError('SESSION_BUSY', options.reader);
    const session = new VerificationSession<K>(options);
    this.#sessions.set(options.reader, session);
    return session;
  }

  get(reader: string): VerificationSession<K> | undefined {
    return this.#sessions.get(reader);
  }

  /** The session with this id, while it is its reader's current or last one. */
  find(sessionId: string): VerificationSession<K> | undefined {
    return [...this.#sessions.values()].find((s) => s.id === sessionId);
  }

  /** Each reader's current or last session. */
  all(): VerificationSession<K>[] {
    return [...this.#sessions.values()];
  }

  /** Sessions not yet final, one per reader at most. */
  active(): VerificationSession<K>[] {
    return this.all().filter((s) => !s.isFinal);
  }

  /** The clerk is done with this session: it is closed and forgotten. False when it is not known. */
  close(sessionId: string): boolean {
    const session = this.find(sessionId);
    if (!session) return false;
    session.close();
    this.#sessions.delete(session.reader);
    return true;
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
