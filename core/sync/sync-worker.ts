/**
 * Pushes the outbox to the registry and pulls the trust list.
 *
 * Delivery guarantees come from three rules: a batch's ids are leased before sending (so no record
 * is in two batches at once, and the lease outlives the request timeout); only ids the registry
 * answered `stored` or `duplicate` are acknowledged; everything else is released (or, for a
 * rejection, parked) for a later batch. The registry stores each id once, so a batch whose answer
 * was lost is simply sent again and comes back `duplicate`. A crash at any point leaves leased
 * ids that become pending again when their lease runs out.
 */
import { isEidError } from '../errors.ts';
import { Backoff, type BackoffOptions } from './backoff.ts';
import type { OutboxEntry, OutboxPort, KeyValuePort } from './ports.ts';
import type { RegistryClient } from './registry-client.ts';
import { RegistryError } from './registry-error.ts';
import type { BatchResponse } from '../registry-protocol/messages.ts';
import type { Connectivity, SyncStatus } from './status.ts';
import type { TrustListContents } from '../registry-protocol/signed-trust-list.ts';
import { acceptTrustList, currentTrustList } from './trust-list.ts';

export interface SyncWorkerOptions {
  readonly outbox: OutboxPort;
  /** Face matches, sent after the records in each round (the store offers one only once its record is acknowledged). */
  readonly faceMatches?: OutboxPort;
  readonly kv: KeyValuePort;
  readonly client: RegistryClient;
  /** The registry key pinned at enrolment (it moves along the key hand-overs of the trust lists it accepts). */
  readonly registryKey: Uint8Array;
  readonly batchSize?: number;
  /** How long a sent batch stays leased; must exceed the request timeout. */
  readonly leaseMs?: number;
  /** A record the registry rejected is retried after this long (it may be a registry bug). */
  readonly rejectedRetryMs?: number;
  readonly backoff?: BackoffOptions;
  readonly trustListIntervalMs?: number;
  /** Quiet-time poll when the outbox is empty. */
  readonly idleMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Called after a newly verified trust list has been stored. */
  readonly onTrustList?: (list: TrustListContents) => void;
}

interface Queue {
  readonly outbox: OutboxPort;
  readonly send: (terminalNow: string, items: unknown[]) => Promise<BatchResponse>;
  readonly rejected: Set<string>;
}

/** Records and face matches together: what was sent, acknowledged and parked as rejected. */
export interface SyncRoundResult {
  readonly sent: number;
  readonly acknowledged: number;
  readonly rejected: number;
  readonly trustList: 'updated' | 'unchanged' | 'none' | 'skipped';
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export class SyncWorker {
  private readonly o: Required<Omit<SyncWorkerOptions, 'onTrustList' | 'backoff' | 'faceMatches'>> & Pick<SyncWorkerOptions, 'onTrustList'>;
  /** The records, then the face matches: each with its own way to the registry and its own rejected ids. */
  private readonly queues: Queue[];
  private readonly backoff: Backoff;
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private connectivity: Connectivity = 'unknown';
  private lastSyncAt: string | null = null;
  private lastError: string | null = null;
  private nextAttemptAt: number | null = null;
  private lastTrustPull = -Infinity;
  private running: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private inRound = false;
  /** Shrinks when the registry finds a batch too large (413), grows back after successes. */
  private batchLimit: number;
  private wakeUp: AbortController | undefined;
  private pinnedKey: Uint8Array;
  private lastHead: string | undefined;

  constructor(options: SyncWorkerOptions) {
    this.o = {
      batchSize: 200,
      leaseMs: options.client.requestTimeoutMs + 30_000,
      rejectedRetryMs: 60 * 60_000,
      trustListIntervalMs: 15 * 60_000,
      idleMs: 10_000,
      now: Date.now,
      sleep: abortableSleep,
      ...options,
    };
    if (this.o.leaseMs <= options.client.requestTimeoutMs) throw new RangeError('leaseMs must exceed the request timeout');
    this.backoff = new Backoff(options.backoff);
    const client = options.client;
    this.queues = [{ outbox: options.outbox, send: (terminalNow, records) => client.pushBatch({ terminalNow, records }), rejected: new Set() }];
    if (options.faceMatches) {
      this.queues.push({ outbox: options.faceMatches, send: (terminalNow, faceMatches) => client.pushFaceMatches({ terminalNow, faceMatches }), rejected: new Set() });
    }
    this.batchLimit = this.o.batchSize;
    this.pinnedKey = options.registryKey;
  }

  status(): SyncStatus {
    const list = currentTrustList(this.o.kv);
    return {
      enrolled: true,
      connectivity: this.connectivity,
      pending: this.queues.reduce((n, q) => n + q.outbox.pendingCount(), 0),
      rejected: this.queues.reduce((n, q) => n + q.rejected.size, 0),
      lastSyncAt: this.lastSyncAt,
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt === null ? null : new Date(this.nextAttemptAt).toISOString(),
      trustListVersion: list?.version ?? null,
      trustListUpdatedAt: list?.acceptedAt ?? null,
    };
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * One full round: push batches until the outbox is empty (or a batch fails), then pull the
   * trust list if it is due (or `forceTrustList`). Throws the RegistryError that stopped it.
   */
  async syncOnce(forceTrustList = false): Promise<SyncRoundResult> {
    if (this.inRound) throw new RangeError('a sync round is already running');
    this.inRound = true;
    let sent = 0;
    let acknowledged = 0;
    let rejected = 0;
    try {
      // Records first: a face match is sent only after its record has been acknowledged.
      for (const queue of this.queues) {
        for (;;) {
          const entries = queue.outbox.pending(this.batchLimit);
          if (entries.length === 0) break;
          const r = await this.pushBatch(queue, entries);
          if (r.retryNow) continue; // the same entries again, in a smaller batch
          sent += entries.length;
          acknowledged += r.acknowledged;
          rejected += r.rejected;
          if (r.acknowledged === 0) break; // nothing moved: do not spin on a batch of rejections
        }
      }
      await this.reportHead();
      let trustList: SyncRoundResult['trustList'] = 'skipped';
      if (forceTrustList || this.o.now() - this.lastTrustPull >= this.o.trustListIntervalMs) trustList = await this.pullTrustList();
      this.succeeded();
      return { sent, acknowledged, rejected, trustList };
    } catch (e) {
      this.failed(e);
      throw e;
    } finally {
      this.inRound = false;
      this.emit();
    }
  }

  private async pushBatch({ outbox, send, rejected }: Queue, entries: OutboxEntry[]): Promise<{ acknowledged: number; rejected: number; retryNow?: boolean }> {
    const ids = entries.map((e) => e.id);
    outbox.lease(ids, this.o.now() + this.o.leaseMs);
    let answer;
    try {
      answer = await send(new Date(this.o.now()).toISOString(), entries.map((e) => JSON.parse(e.payload) as unknown));
    } catch (e) {
      outbox.release(ids);
      if (e instanceof RegistryError && e.status === 413 && this.batchLimit > 1) {
        this.batchLimit = Math.max(1, Math.floor(entries.length / 2));
        return { acknowledged: 0, rejected: 0, retryNow: true };
      }
      throw e;
    }
    this.batchLimit = Math.min(this.o.batchSize, this.batchLimit * 2);
    this.connectivity = 'online';
    const sentIds = new Set(ids);
    const done: string[] = [];
    const parked: string[] = [];
    for (const r of answer.results) {
      if (!sentIds.has(r.id)) continue; // the registry cannot acknowledge what we did not send
      if (r.status === 'rejected') parked.push(r.id);
      else done.push(r.id);
    }
    if (done.length > 0) outbox.acknowledge(done);
    for (const id of done) rejected.delete(id);
    if (parked.length > 0) outbox.lease(parked, this.o.now() + this.o.rejectedRetryMs);
    for (const id of parked) rejected.add(id);
    const answered = new Set([...done, ...parked]);
    const unanswered = ids.filter((id) => !answered.has(id));
    if (unanswered.length > 0) outbox.release(unanswered);
    this.emit();
    return { acknowledged: done.length, rejected: parked.length };
  }

  /** The store's chain head, signed, whenever it moved since this worker last reported it (and once at start). */
  private async reportHead(): Promise<void> {
    const head = this.o.outbox.chainHead?.();
    if (!head) return;
    const key = JSON.stringify(head);
    if (key === this.lastHead) return;
    await this.o.client.reportHead({ ...head, at: new Date(this.o.now()).toISOString() });
    this.lastHead = key;
  }

  private async pullTrustList(): Promise<SyncRoundResult['trustList']> {
    const current = currentTrustList(this.o.kv);
    const answer = await this.o.client.fetchTrustList(current?.etag);
    this.connectivity = 'online';
    this.lastTrustPull = this.o.now();
    if (answer.status !== 'updated') return answer.status;
    if (current && answer.etag && answer.etag === current.etag) return 'unchanged';
    const contents = acceptTrustList(this.o.kv, answer.jws, answer.etag, this.pinnedKey, new Date(this.o.now()));
    this.pinnedKey = contents.signedBy;
    this.o.onTrustList?.(contents);
    return 'updated';
  }

  private succeeded(): void {
    this.backoff.reset();
    this.lastError = null;
    this.lastSyncAt = new Date(this.o.now()).toISOString();
  }

  private failed(e: unknown): void {
    this.lastError = isEidError(e) ? e.code : 'INTERNAL_ERROR';
    if (e instanceof RegistryError) this.connectivity = e.failure === 'UNREACHABLE' || e.failure === 'UNAVAILABLE' ? 'offline' : 'online';
  }

  /** Delay before the next round after a failure: back-off with jitter, never less than Retry-After. */
  private delayAfter(e: unknown): number {
    const retryAfter = e instanceof RegistryError ? e.retryAfterMs ?? 0 : 0;
    return this.backoff.next(retryAfter);
  }

  /** Runs rounds until stop(): immediately, then after idleMs when idle or a back-off delay on failure. */
  start(): void {
    if (this.running) return;
    const stopped = new AbortController();
    this.abort = stopped;
    this.running = (async () => {
      while (!stopped.signal.aborted) {
        let wait = this.o.idleMs;
        try {
          await this.syncOnce();
        } catch (e) {
          wait = this.delayAfter(e);
        }
        this.nextAttemptAt = this.o.now() + wait;
        this.emit();
        if (stopped.signal.aborted) break;
        this.wakeUp = new AbortController();
        await this.o.sleep(wait, AbortSignal.any([stopped.signal, this.wakeUp.signal]));
      }
    })();
  }

  /** Ends the current wait early (e.g. a record was just written, or the network came back). */
  wake(): void {
    this.wakeUp?.abort();
  }

  /** Stops the loop after the round in flight, if any, has ended. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    this.running = undefined;
    this.nextAttemptAt = null;
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const s = this.status();
    for (const l of this.listeners) l(s);
  }
}
