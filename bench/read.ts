/**
 * Reading cost of the Vietnamese profile (DG2 about 20 KiB):
 * - APDUs and bytes for the files against a baseline that reads in fixed 223-byte blocks (the
 *   common default), with extended length accepted and refused;
 * - the terminal's own CPU time per full verification (the virtual chip's time taken out), as a
 *   share of the time a 424 kbit/s contactless link needs for the same APDUs;
 * - opening a Vietnamese 2024 card with PACE-CAN (the ID number alone) against BAC (its
 *   without-pace twin, same holder, opened with the MRZ): APDUs and terminal CPU per verification;
 * - the same read through a real pcscd with vsmartcard-vpcd, when this machine can start one.
 */
import type { BenchRow } from './run.ts';
import { buildDocument } from '../core/chip/factory/build-document.ts';
import type { VirtualDocument } from '../core/chip/factory/document.ts';
import { VirtualChip, type VirtualChipOptions } from '../core/chip/virtual-chip.ts';
import type { AccessKey } from '../core/api/terminal-api.ts';
import { openChip } from '../core/emrtd/access/open-chip.ts';
import { FileReader } from '../core/emrtd/read/read-file.ts';
import { CountingTransport } from '../core/emrtd/apdu/transport-stats.ts';
import type { Transport } from '../core/emrtd/apdu/transport.ts';
import { parseCom } from '../core/lds/com.ts';
import { LDS_FILES } from '../core/lds/files.ts';
import { peekTotalLength } from '../core/bytes/tlv.ts';
import { mrzInformationFromMrz } from '../core/mrz/index.ts';
import { chipReader } from '../core/session/chip-reader.ts';
import type { VerificationOutcome } from '../core/session/outcome.ts';
import { VerificationSession } from '../core/session/session.ts';
import { TrustStore } from '../core/trust/store.ts';
import { loadTrustBytes } from '../core/trust/trust-files.ts';

const LINK_BITS_PER_SECOND = 424_000;
const BASELINE_BLOCK = 223;
const EAC_PROTECTED = new Set([3, 4]);
const fidOf = (name: string): number => LDS_FILES.find((f) => f.name === name && !f.inMasterFile)!.fid;

/** A chip in this process whose own time is measured, so it can be taken out of the terminal's. */
function timedChip(doc: VirtualDocument, options: VirtualChipOptions): { transport: Transport; chipMillis: () => number } {
  const chip = new VirtualChip(doc, options);
  let spent = 0;
  return {
    transport: {
      transmit: async (c) => {
        const t0 = performance.now();
        const r = await chip.transmit(c);
        spent += performance.now() - t0;
        return r;
      },
      capabilities: { extendedLength: options.extendedLength ?? true },
    },
    chipMillis: () => spent,
  };
}

/** The baseline: SELECT, an 8-byte header read, then fixed 223-byte READ BINARY blocks. */
async function readFixedBlocks(reader: FileReader, fid: number): Promise<void> {
  await reader.select(fid);
  const head = (await reader.readBinary(0, 8)).data;
  const total = peekTotalLength(head).totalLength;
  for (let offset = head.length; offset < total; ) {
    const { data } = await reader.readBinary(offset, Math.min(BASELINE_BLOCK, total - offset));
    if (data.length === 0) throw new Error('baseline read stalled');
    offset += data.length;
  }
}

async function readFiles(doc: VirtualDocument, options: VirtualChipOptions, strategy: 'adaptive' | 'fixed'): Promise<{ apdus: number; bytes: number }> {
  const { transport } = timedChip(doc, options);
  const opened = await openChip(transport, { kind: 'MRZ', mrz: mrzInformationFromMrz(doc.access.mrz) }, { bacOnly: true });
  const wire = new CountingTransport(opened.transport);
  const reader = new FileReader(wire);
  const read = (name: string) => (strategy === 'adaptive' ? reader.readFile(fidOf(name)).then(() => undefined) : readFixedBlocks(reader, fidOf(name)));
  const com = await reader.readFile(fidOf('COM'));
  for (const dg of parseCom(com).dataGroups) if (!EAC_PROTECTED.has(dg)) await read(`DG${dg}`);
  await read('SOD');
  return { apdus: wire.stats.apdus, bytes: wire.stats.bytesSent + wire.stats.bytesReceived };
}

/** One verification through the terminal's own flow (core/session), with nothing stored. */
async function verifyOnce(transport: Transport, doc: VirtualDocument, trust: TrustStore, key: AccessKey = { kind: 'mrz', mrz: doc.access.mrz }): Promise<VerificationOutcome> {
  const session = new VerificationSession({ reader: 'bench', read: chipReader(async () => ({ transport, close: async () => {} }), { trust }), record: null });
  session.cardInserted();
  await session.provideKey(key);
  return session.completed().outcome;
}

function trustFor(doc: VirtualDocument): TrustStore {
  const store = new TrustStore();
  for (const der of [...doc.trust.cscas, ...doc.trust.crls]) loadTrustBytes(store, der, 'bench');
  return store;
}

/** Terminal CPU per full verification, with the in-process chip's time subtracted (median of runs). */
async function terminalCpu(doc: VirtualDocument, runs: number, key?: AccessKey): Promise<{ cpuMs: number; linkMs: number; apdus: number; protocol: string | null }> {
  const trust = trustFor(doc);
  const samples: { cpu: number; link: number; apdus: number; protocol: string | null }[] = [];
  for (let i = 0; i < runs; i++) {
    const { transport, chipMillis } = timedChip(doc, {});
    const wire = new CountingTransport(transport);
    const before = process.cpuUsage();
    const outcome = await verifyOnce(wire, doc, trust, key);
    const used = process.cpuUsage(before);
    const cpu = (used.user + used.system) / 1000 - chipMillis();
    const link = ((wire.stats.bytesSent + wire.stats.bytesReceived) * 8 * 1000) / LINK_BITS_PER_SECOND;
    samples.push({ cpu, link, apdus: wire.stats.apdus, protocol: outcome.result.checks.accessControl.protocol ?? null });
  }
  samples.sort((a, b) => a.cpu - b.cpu);
  const mid = samples[Math.floor(samples.length / 2)]!;
  return { cpuMs: mid.cpu, linkMs: mid.link, apdus: mid.apdus, protocol: mid.protocol };
}

/** The ID number alone (PACE-CAN, brainpoolP256r1) against BAC, same holder, in the same run. */
async function paceCanAgainstBac(runs: number): Promise<BenchRow[]> {
  const card = buildDocument('can-cuoc-2024');
  const twin = buildDocument('can-cuoc-2024', 'without-pace');
  const pace = await terminalCpu(card, runs, { kind: 'cccd', idNumber: card.holder.idNumber });
  const bac = await terminalCpu(twin, runs, { kind: 'mrz', mrz: twin.access.mrz });
  const note = `${pace.protocol} vs ${bac.protocol}; virtual chip time excluded`;
  return [
    { name: 'can-cuoc-2024 full verification, PACE-CAN vs BAC: APDUs', value: pace.apdus, unit: 'APDUs', baseline: bac.apdus, ratio: pace.apdus / bac.apdus, note },
    { name: 'can-cuoc-2024 full verification, PACE-CAN vs BAC: terminal CPU', value: pace.cpuMs, unit: 'ms', baseline: bac.cpuMs, ratio: pace.cpuMs / bac.cpuMs, note },
  ];
}

async function throughPcscd(doc: VirtualDocument): Promise<BenchRow[]> {
  const { pcscdUnavailableReason, requirePcscd, waitForCardState } = await import('../fixtures/pcscd.ts');
  const reason = pcscdUnavailableReason();
  if (reason) return [{ name: 'read through pcscd + vpcd', value: 0, unit: 'skipped', note: reason }];
  const cleanups: (() => unknown)[] = [];
  try {
    const pcscd = await requirePcscd({ skip: () => {}, after: (fn) => cleanups.push(fn) });
    if (!pcscd) return [];
    const { VpcdBridge } = await import('../native/vpcd-bridge.ts');
    const { connectReader } = await import('../native/pcsc-transport.ts');
    const bridge = new VpcdBridge(new VirtualChip(doc), { port: pcscd.port(0) });
    cleanups.push(() => bridge.stop());
    await bridge.insert();
    await waitForCardState(pcscd.reader(0), true);
    const trust = trustFor(doc);
    const inProcess = timedChip(doc, {});
    const t0 = performance.now();
    const local = await verifyOnce(inProcess.transport, doc, trust);
    const localMs = performance.now() - t0;
    const pcsc = await connectReader(pcscd.reader(0));
    const t1 = performance.now();
    const remote = await verifyOnce(pcsc, doc, trust);
    const remoteMs = performance.now() - t1;
    await pcsc.close();
    return [
      { name: 'full verification through pcscd: APDUs', value: remote.result.stats.apdus, unit: 'APDUs', baseline: local.result.stats.apdus, ratio: remote.result.stats.apdus / local.result.stats.apdus, note: 'baseline: in-process' },
      { name: 'full verification through pcscd: wall time', value: remoteMs, unit: 'ms', baseline: localMs, ratio: remoteMs / localMs, note: `verdict ${remote.result.verdict}` },
    ];
  } finally {
    for (const fn of cleanups.reverse()) await fn();
  }
}

export async function run(): Promise<BenchRow[]> {
  // A real CCCD face is about 20 KiB; the factory makes a small one and a large one (above 32 KiB,
  // with offsets past 32767), which bracket it.
  const docs = [buildDocument('cccd-2021'), buildDocument('cccd-2021', null, { largeFace: true })];
  const rows: BenchRow[] = [];
  for (const doc of docs) {
    const face = `DG2 ${doc.files.get('DG2')!.length} B`;
    for (const [label, options] of [['extended length accepted', {}], ['extended length refused', { extendedLength: false, maxLe: 256 }]] as const) {
      const ours = await readFiles(doc, options, 'adaptive');
      const base = await readFiles(doc, options, 'fixed');
      rows.push(
        { name: `read files, ${face}, ${label}: APDUs`, value: ours.apdus, unit: 'APDUs', baseline: base.apdus, ratio: base.apdus / ours.apdus, note: 'ratio = baseline / ours' },
        { name: `read files, ${face}, ${label}: bytes`, value: ours.bytes, unit: 'bytes', baseline: base.bytes, ratio: base.bytes / ours.bytes },
      );
    }
    const cpu = await terminalCpu(doc, Number(process.env.READ_BENCH_RUNS ?? 7));
    rows.push(
      { name: `terminal CPU per full verification, ${face}`, value: cpu.cpuMs, unit: 'ms', note: `${cpu.apdus} APDUs; virtual chip time excluded` },
      { name: `terminal CPU / 424 kbit/s link time, ${face}`, value: (100 * cpu.cpuMs) / cpu.linkMs, unit: '%', note: `link time ${cpu.linkMs.toFixed(1)} ms for the same bytes (target < 10%)` },
    );
  }
  rows.push(...(await paceCanAgainstBac(Number(process.env.READ_BENCH_RUNS ?? 7))));
  rows.push(...(await throughPcscd(docs[0]!)));
  return rows;
}
