/**
 * Calls `onSilence` when nothing has been heard for `limitMs`: the page's check that the service
 * still answers on its event channel (core/api/heartbeat.ts), open socket or not.
 */
export class SilenceWatch {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limitMs: number,
    private readonly onSilence: () => void,
  ) {}

  /** Something arrived (or a wait began): the time starts again. */
  heard(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.onSilence();
    }, this.limitMs);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
