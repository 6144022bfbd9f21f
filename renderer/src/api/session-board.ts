/**
 * Where each reader's session stands, as the terminal reported it, kept from the page's first
 * moment on: the verify screen looks its session up here, so an event that arrives before
 * startVerification has returned the id (a wrong key refused at once) is not lost, and a page that
 * reloads finds the session as it stands (getSessions). Events count by their `seq`, not by the
 * order they arrive in over the event channel and getSessions.
 */
import type { SessionEvent, TerminalApi } from '../../../core/api/terminal-api.ts';

export class SessionBoard {
  readonly #byReader = new Map<string, SessionEvent>();
  readonly #listeners = new Set<() => void>();

  constructor(api: TerminalApi) {
    api.subscribe((e) => {
      if (e.type === 'session') this.#take(e.event);
    });
    void api.getSessions({}).then(
      (events) => events.forEach((e) => this.#take(e)),
      () => {}, // the event channel delivers the same once it is up
    );
  }

  /** The latest event of this session, while it is its reader's current or last one. */
  session(sessionId: string): SessionEvent | undefined {
    return [...this.#byReader.values()].find((e) => e.sessionId === sessionId);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #take(event: SessionEvent): void {
    const known = this.#byReader.get(event.reader);
    if (known && known.seq >= event.seq) return;
    this.#byReader.set(event.reader, event);
    for (const l of this.#listeners) l();
  }
}
