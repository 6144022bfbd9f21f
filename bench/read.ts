/**
 * Reading cost of the Vietnamese profile (DG2 about 20 KiB):
 * - APDUs and bytes for the files against a baseline that reads in fixed 223-byte blocks (the
 *   common default), with extended length accepted and refused;
 * - the terminal's own CPU time per full verification (the virtual chip in a child process, see
 *   _terminal-cpu.ts), as a share of the time a 424 kbit/s contactless link needs for the same APDUs;
 * - opening a Vietnamese 2024 card with PACE-CAN (the ID number alone) against BAC (its
 *   without-pace twin, same holder, opened with the MRZ): APDUs and terminal CPU per verification;
 * - the same read through a real pcscd with vsmartcard-vpcd, when this machine can start one.
 */
import type { BenchRow } from './run.ts';
import { buildDocument } from '../core/chip/factory/build-document.ts';
import type { VirtualDocument } from '../core/chip/factory/document.ts';
import { VirtualChip, type VirtualChipOptions } from '../core/chip/virtual-chip.ts';
import { openChip } from '../core/emrtd/access/open-chip.ts';
import { FileReader } from '../core/emrtd/read/read-file.ts';
import { CountingTransport } from '../core/emrtd/apdu/transport-stats.ts';
import type { Transport } from '../core/emrtd/apdu/transport.ts';
import { parseCom } from '../core/lds/com.ts';
import { LDS_FILES } from '../core/lds/files.ts';
import { peekTotalLength } from '../core/bytes/tlv.ts';
import { mrzInformationFromMrz } from '../core/mrz/index.ts';
import { ChipProcess, terminalCpu, trustOf, verifyOnce } from './_terminal-cpu.ts';

const LINK_BITS_PER_SECOND = 424_000;
const BASELINE_BLOCK = 223;
const EAC_PROTECTED = new Set([3, 4]);
const fidOf = (name: string): number => LDS_FILES.find((f) => f.name === name && !f.inMasterFile)!.fid;

/** A chip in this process: for counting APDUs and bytes, never for time. */
function chipTransport(doc: VirtualDocument, options: VirtualChipOptions): Transport {
  const chip = new VirtualChip(doc, options);
  return { transmit: async (c) => chip.transmit(c), capabilities: { extendedLength: options.extendedLength ?? true } };
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
  const transport = chipTransport(doc, options);
  const opened = await openChip(transport, { kind: 'MRZ', mrz: mrzInformationFromMrz(doc.access.mrz) }, { bacOnly: true });
  const wire = new CountingTransport(opened.transport);
  const reader = new FileReader(wire);
  const read = (name: string) => (strategy === 'adaptive' ? reader.readFile(fidOf(name)).then(() => undefined) : readFixedBlocks(reader, fidOf(name)));
  const com = await reader.readFile(fidOf('COM'));
  for (const dg of parseCom(com).dataGroups) if (!EAC_PROTECTED.has(dg)) await read(`DG${dg}`);
  await read('SOD');
  return { apdus: wire.stats.apdus, bytes: wire.stats.bytesSent + wire.stats.bytesReceived };
}

const linkMs = (bytes: number): number => (bytes * 8 * 1000) / LINK_BITS_PER_SECOND;

/** The ID number alone (PACE-CAN, brainpoolP256r1) against BAC, same holder, in the same run. */
async function paceCanAgainstBac(chip: ChipProcess, runs: number): Promise<BenchRow[]> {
  const pace = await terminalCpu(chip, { profile: 'can-cuoc-2024' }, runs, (card) => ({ kind: 'cccd', idNumber: card.idNumber }));
  const bac = await terminalCpu(chip, { profile: 'can-cuoc-2024', variant: 'without-pace' }, runs, (card) => ({ kind: 'mrz', mrz: card.mrz }));
  const note = `${pace.protocol} vs ${bac.protocol}, both ${pace.verdict}/${bac.verdict}`;
  return [
    { name: 'can-cuoc-2024 full verification, PACE-CAN vs BAC: APDUs', value: pace.apdus, unit: 'APDUs', baseline: bac.apdus, ratio: pace.apdus / bac.apdus, note },
    {
      name: 'can-cuoc-2024 full verification, PACE-CAN vs BAC: terminal CPU', value: pace.cpuMs, unit: 'ms', baseline: bac.cpuMs, ratio: pace.cpuMs / bac.cpuMs,
      note: `terminal process only; chip process ${pace.chipCpuMs.toFixed(0)} vs ${bac.chipCpuMs.toFixed(0)} ms`,
    },
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
    const trust = trustOf({ idNumber: doc.holder.idNumber, mrz: doc.access.mrz, trust: [...doc.trust.cscas, ...doc.trust.crls] });
    const key = { kind: 'mrz', mrz: doc.access.mrz } as const;
    const t0 = performance.now();
    const local = await verifyOnce(chipTransport(doc, {}), trust, key);
    const localMs = performance.now() - t0;
    const pcsc = await connectReader(pcscd.reader(0));
    const t1 = performance.now();
    const remote = await verifyOnce(pcsc, trust, key);
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

/** Terminal CPU per full verification of the small and the large face, against the link time. */
async function cpuRows(chip: ChipProcess, runs: number, docs: readonly VirtualDocument[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [i, largeFace] of [false, true].entries()) {
    const cpu = await terminalCpu(chip, { profile: 'cccd-2021', largeFace }, runs, (card) => ({ kind: 'mrz', mrz: card.mrz }));
    const face = `DG2 ${docs[i]!.files.get('DG2')!.length} B`;
    const link = linkMs(cpu.bytes);
    rows.push(
      { name: `terminal CPU per full verification, ${face}`, value: cpu.cpuMs, unit: 'ms', note: `${cpu.apdus} APDUs, ${cpu.verdict}; terminal process only (chip process ${cpu.chipCpuMs.toFixed(0)} ms)` },
      { name: `terminal CPU / 424 kbit/s link time, ${face}`, value: (100 * cpu.cpuMs) / link, unit: '%', note: `link time ${link.toFixed(1)} ms for the same bytes (target < 10%)` },
    );
  }
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  // A real CCCD face is about 20 KiB; the factory makes a small one and a large one (above 32 KiB,
  // with offsets past 32767), which bracket it.
  const docs = [buildDocument('cccd-2021'), buildDocument('cccd-2021', null, { largeFace: true })];
  const runs = Number(process.env.READ_BENCH_RUNS ?? 7);
  const chip = await ChipProcess.start();
  const rows: BenchRow[] = [];
  try {
    rows.push(...(await cpuRows(chip, runs, docs)));
    rows.push(...(await paceCanAgainstBac(chip, runs)));
  } finally {
    await chip.stop();
  }
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
  }
  rows.push(...(await throughPcscd(docs[0]!)));
  return rows;
}
