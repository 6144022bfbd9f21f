/**
 * A minimal typed event channel. Unlike node's EventEmitter it never throws for an unheard
 * 'error' event, and a listener that throws cannot break the session that emitted.
 */
export type Listener<T> = (payload: T) => void;

export class TypedEvents<Events extends Record<string, unknown>> {
  readonly #listeners = new Map<keyof Events, Set<Listener<never>>>();
  readonly #onListenerError: (e: unknown) => void;

  constructor(onListenerError: (e: unknown) => void = () => {}) {
    this.#onListenerError = onListenerError;
  }

  /** Returns the function that removes this listener. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const l of [...(this.#listeners.get(event) ?? [])]) {
      try {
        (l as Listener<Events[E]>)(payload);
      } catch (e) {
        this.#onListenerError(e);
      }
    }
  }
}
