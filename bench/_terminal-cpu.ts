/**
 * The terminal's CPU time per full verification, measured apart from the card's: the virtual
 * chip runs in a child process (_chip-child.ts) and the terminal's share is this process's
 * process.cpuUsage() over the verification. Subtracting an in-process chip's wall time instead
 * (as before) counted the chip's waits and the machine's load as the chip's work, so the
 * terminal's figure fell (even below zero) whenever the machine was busy. The IPC per APDU stays
 * on the terminal's side, as a PC/SC transmit would.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { AccessKey } from '../core/api/terminal-api.ts';
import type { ProfileName, VariantName } from '../core/chip/factory/document.ts';
import type { VirtualChipOptions } from '../core/chip/virtual-chip.ts';
import { CountingTransport } from '../core/emrtd/apdu/transport-stats.ts';
import type { Transport } from '../core/emrtd/apdu/transport.ts';
import { chipReader } from '../core/session/chip-reader.ts';
import type { VerificationOutcome } from '../core/session/outcome.ts';
import { VerificationSession } from '../core/session/session.ts';
import { TrustStore } from '../core/trust/store.ts';
import { loadTrustBytes } from '../core/trust/trust-files.ts';

export interface ChipSpec {
  readonly profile: ProfileName;
  readonly variant?: VariantName | null;
  readonly largeFace?: boolean;
  readonly chip?: VirtualChipOptions;
}

/** What the terminal may know of the card: its printed keys and the trust anchors that sign it. */
export interface CardFacts {
  readonly idNumber: string;
  readonly mrz: string;
  readonly trust: readonly Uint8Array[];
}

export type ChipRequest =
  | { type: 'insert'; id: number; spec: ChipSpec }
  | { type: 'apdu'; id: number; data: Uint8Array }
  | { type: 'cpu'; id: number };
export type ChipReply =
  | { type: 'inserted'; id: number; card: CardFacts }
  | { type: 'answer'; id: number; data: Uint8Array }
  | { type: 'cpu'; id: number; millis: number }
  | { type: 'error'; id: number; message: string };

type Waiting = { resolve: (r: ChipReply) => void; reject: (e: Error) => void };

export class ChipProcess {
  private next = 0;
  private readonly waiting = new Map<number, Waiting>();
  /** The transport of the inserted card; what the chip accepts is what it was inserted with. */
  readonly transport: Transport;
  private extendedLength = true;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: ChipReply) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.type === 'error') w?.reject(new Error(m.message));
      else w?.resolve(m);
    });
    child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`chip process ended (${code})`));
      this.waiting.clear();
    });
    const self = this;
    this.transport = {
      transmit: async (data) => ((await this.ask({ type: 'apdu', data })) as Extract<ChipReply, { type: 'answer' }>).data,
      get capabilities() {
        return { extendedLength: self.extendedLength };
      },
    };
  }

  static start(): Promise<ChipProcess> {
    const child = fork(new URL('./_chip-child.ts', import.meta.url), { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => resolve(new ChipProcess(child)));
      child.once('error', reject);
    });
  }

  /** A fresh chip (powered on) for a new verification. */
  async insert(spec: ChipSpec): Promise<CardFacts> {
    this.extendedLength = spec.chip?.extendedLength ?? true;
    return ((await this.ask({ type: 'insert', spec })) as Extract<ChipReply, { type: 'inserted' }>).card;
  }

  /** The chip process's CPU time since it started, in milliseconds. */
  async cpuMs(): Promise<number> {
    return ((await this.ask({ type: 'cpu' })) as Extract<ChipReply, { type: 'cpu' }>).millis;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }

  private ask(request: { type: 'insert'; spec: ChipSpec } | { type: 'apdu'; data: Uint8Array } | { type: 'cpu' }): Promise<ChipReply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ ...request, id } as ChipRequest);
    });
  }
}

export function trustOf(card: CardFacts): TrustStore {
  const store = new TrustStore();
  for (const der of card.trust) loadTrustBytes(store, der, 'bench');
  return store;
}

/** One verification through the terminal's own flow (core/session), with nothing stored. */
export async function verifyOnce(transport: Transport, trust: TrustStore, key: AccessKey): Promise<VerificationOutcome> {
  const session = new VerificationSession({ reader: 'bench', read: chipReader(async () => ({ transport, close: async () => {} }), { trust }), record: null });
  session.cardInserted();
  await session.provideKey(key);
  return session.completed().outcome;
}

export interface CpuSample {
  /** The terminal process's CPU for one verification (median of the runs). */
  readonly cpuMs: number;
  /** The chip process's CPU over the same verification. */
  readonly chipCpuMs: number;
  readonly apdus: number;
  readonly bytes: number;
  readonly protocol: string | null;
  readonly verdict: string;
}

/** Terminal CPU per full verification of the card `spec` describes, opened with `key` (median of `runs`). */
export async function terminalCpu(chip: ChipProcess, spec: ChipSpec, runs: number, key: (card: CardFacts) => AccessKey): Promise<CpuSample> {
  const samples: CpuSample[] = [];
  // Run 0 warms up both processes (JIT, curve tables) and is not counted.
  for (let i = 0; i <= runs; i++) {
    const card = await chip.insert(spec);
    const trust = trustOf(card);
    const wire = new CountingTransport(chip.transport);
    const chipBefore = await chip.cpuMs();
    const before = process.cpuUsage();
    const outcome = await verifyOnce(wire, trust, key(card));
    const used = process.cpuUsage(before);
    const chipCpuMs = (await chip.cpuMs()) - chipBefore;
    if (i === 0) continue;
    samples.push({
      cpuMs: (used.user + used.system) / 1000,
      chipCpuMs,
      apdus: wire.stats.apdus,
      bytes: wire.stats.bytesSent + wire.stats.bytesReceived,
      protocol: outcome.result.checks.accessControl.protocol ?? null,
      verdict: outcome.result.verdict,
    });
  }
  samples.sort((a, b) => a.cpuMs - b.cpuMs);
  return samples[Math.floor(samples.length / 2)]!;
}
