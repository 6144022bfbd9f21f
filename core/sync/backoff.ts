/**
 * Exponential back-off with full jitter (the AWS architecture blog's "full jitter"): the n-th
 * retry waits a uniformly random time in [0, min(cap, base * 2^n)], at least `floorMs`, so that
 * many terminals coming back online at once do not hit the registry in lock-step.
 */
export interface BackoffOptions {
  readonly baseMs?: number;
  readonly capMs?: number;
  readonly floorMs?: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random?: () => number;
}

export class Backoff {
  private failures = 0;
  private readonly baseMs: number;
  private readonly capMs: number;
  private readonly floorMs: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 1000;
    this.capMs = options.capMs ?? 5 * 60_000;
    this.floorMs = options.floorMs ?? 100;
    this.random = options.random ?? Math.random;
  }

  get attempts(): number {
    return this.failures;
  }

  /** Records a failure and returns how long to wait; `atLeastMs` is the server's Retry-After. */
  next(atLeastMs = 0): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    const jittered = Math.max(this.floorMs, Math.floor(this.random() * ceiling));
    return Math.max(jittered, atLeastMs);
  }

  reset(): void {
    this.failures = 0;
  }
}

/** Retry-After (RFC 9110): delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only IMF-fixdate: Date.parse alone would read "1.5" or "-5" as calendar dates.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
