/**
 * Whether the page reaches the terminal service: the status bar says so when the service has
 * stopped, and whoever keeps state from the service (the session board, the status) refreshes it
 * when the connection comes back.
 */
export class Connection {
  #online = true;
  readonly #listeners = new Set<() => void>();
  readonly #reconnected = new Set<() => void>();

  readonly online = (): boolean => this.#online;

  set(online: boolean): void {
    if (online === this.#online) return;
    this.#online = online;
    for (const l of this.#listeners) l();
    if (online) for (const l of this.#reconnected) l();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  onReconnect(listener: () => void): () => void {
    this.#reconnected.add(listener);
    return () => this.#reconnected.delete(listener);
  }
}
