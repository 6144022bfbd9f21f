/**
 * Reference descriptors keyed by the SHA-256 of the reference picture, a few at most (a counter
 * serves one customer at a time). Concurrent requests for the same picture share one computation;
 * a failed computation is not cached.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../core/bytes/hex.ts';

const CAPACITY = 4;

export class ReferenceCache {
  readonly #entries = new Map<string, Promise<Float32Array>>();

  get(bytes: Uint8Array, compute: () => Promise<Float32Array>): Promise<Float32Array> {
    const key = toHex(sha256(bytes));
    const cached = this.#entries.get(key);
    if (cached) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const pending = compute();
    this.#entries.set(key, pending);
    pending.catch(() => this.#entries.delete(key));
    while (this.#entries.size > CAPACITY) this.#entries.delete(this.#entries.keys().next().value!);
    return pending;
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}
