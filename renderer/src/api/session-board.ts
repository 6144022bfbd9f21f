/**
 * What the verify screen shows: the terminal's newest session, kept from the page's first moment
 * on, until the clerk is done with it. An event that arrives before startVerification has returned
 * the id (a wrong key refused at once) is not lost; a page that reloads, or a second tab, finds
 * the session as it stands (getSessions); "Next customer" or Cancel here or on another screen
 * (a `closed` event) clears it everywhere. Events count by their `seq`, not by the order they
 * arrive in over the event channel and getSessions.
 */
import type { SessionEvent, TerminalApi } from '../../../core/api/terminal-api.ts';

const GONE: readonly SessionEvent['state'][] = ['closed', 'cancelled'];
const FINAL: readonly SessionEvent['state'][] = ['done', 'error', ...GONE];

export class SessionBoard {
  readonly #byReader = new Map<string, SessionEvent>();
  readonly #dismissed = new Set<string>();
  readonly #listeners = new Set<() => void>();
  #current: SessionEvent | undefined;

  constructor(private readonly api: TerminalApi) {
    api.subscribe((e) => {
      if (e.type === 'session') this.#take(e.event);
    });
    void this.resync();
  }

  /** The session on screen: the newest one, unless the clerk is done with it. */
  readonly current = (): SessionEvent | undefined => this.#current;

  /** The clerk is done with this session: off the screen now, and closed on the terminal (every screen). */
  dismiss(sessionId: string): void {
    this.#dismissed.add(sessionId);
    this.#changed();
    this.api.closeSession({ sessionId }).catch(() => {}); // a stopped service has forgotten it anyway
  }

  /**
   * Takes the terminal's sessions as they stand (page load, reconnect). A read in progress that a
   * restarted service no longer knows is dropped; a finished result stays until the next customer.
   */
  async resync(): Promise<void> {
    let events: SessionEvent[];
    try {
      events = await this.api.getSessions({});
    } catch {
      return; // the event channel delivers the same once it is up
    }
    const known = new Set(events.map((e) => e.sessionId));
    for (const [reader, e] of this.#byReader) if (!FINAL.includes(e.state) && !known.has(e.sessionId)) this.#byReader.delete(reader);
    events.forEach((e) => this.#take(e));
    this.#changed();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #take(event: SessionEvent): void {
    const known = this.#byReader.get(event.reader);
    if (known && known.seq >= event.seq) return;
    this.#byReader.set(event.reader, event);
    this.#changed();
  }

  #changed(): void {
    const newest = [...this.#byReader.values()].reduce<SessionEvent | undefined>((a, e) => (!a || e.seq > a.seq ? e : a), undefined);
    const current = newest && !GONE.includes(newest.state) && !this.#dismissed.has(newest.sessionId) ? newest : undefined;
    if (current === this.#current) return;
    this.#current = current;
    for (const l of this.#listeners) l();
  }
}
