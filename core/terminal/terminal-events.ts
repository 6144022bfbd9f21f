/** The terminal's event channel to its subscribers (the UI over IPC or WebSocket, tests). */
import type { TerminalEvent } from '../api/terminal-api.ts';

export class TerminalEvents {
  readonly #listeners = new Set<(e: TerminalEvent) => void>();

  /** Adds a listener after giving it `replay` (what a late subscriber must know first). */
  subscribe(listener: (event: TerminalEvent) => void, replay: readonly TerminalEvent[] = []): () => void {
    for (const e of replay) listener(e);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: TerminalEvent): void {
    for (const l of [...this.#listeners]) l(event);
  }
}
