/**
 * PACE, Chip Authentication and ECDSA costs, terminal and virtual card in one process (so every
 * PACE row is both sides' work), as ratios to PACE-ECDH-GM-AES-128 on brainpoolP256r1 — the
 * Vietnamese CCCD's variant. APDU counts are per run. Times are hardware-dependent; compare
 * the ratios.
 */
import { encodeResponse, parseCommand } from '../core/emrtd/apdu/apdu.ts';
import type { Transport } from '../core/emrtd/apdu/transport.ts';
import { PaceCard } from '../core/chip/pace-card.ts';
import { agreementOfParameterId } from '../core/emrtd/pace/pace-parameters.ts';
import { paceOid, type PaceMapping } from '../core/emrtd/pace/pace-algorithm.ts';
import { performPace } from '../core/emrtd/pace/pace-terminal.ts';
import { curveByName, ecdsaSign, ecdsaVerify, generateEcKeyPair } from '../core/crypto/ec/index.ts';
import { mrzInformation } from '../core/mrz/index.ts';
import type { BenchRow } from './run.ts';

const MRZ = mrzInformation('C11T002JM', '960812', '231031');
const CAM_KEY = 0x86c88a4579ce48135878e6348a734b5d47ce5bc1e54c0e8978687b49fde2e2c2n;

/** A transport straight into a PaceCard, counting APDUs. */
function loopback(oid: string, parameterId: number): Transport & { apdus: number } {
  const card = new PaceCard({ protocols: [{ oid, parameterId }], mrzInformation: MRZ.value, camPrivateKey: CAM_KEY });
  const t = {
    apdus: 0,
    async transmit(raw: Uint8Array): Promise<Uint8Array> {
      t.apdus++;
      const answer = card.answer(parseCommand(raw));
      return encodeResponse(answer.data, answer.sw);
    },
  };
  return t;
}

async function medianMillis(rounds: number, fn: () => Promise<void>): Promise<number> {
  await fn(); // warm-up: curve precomputation tables
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function paceRun(mapping: PaceMapping, parameterId: number): Promise<{ ms: number; apdus: number }> {
  const oid = paceOid(agreementOfParameterId(parameterId)!, mapping, 'AES', 128);
  let apdus = 0;
  const ms = await medianMillis(9, async () => {
    const transport = loopback(oid, parameterId);
    await performPace(transport, { oid, parameterId }, { kind: 'MRZ', mrz: MRZ });
    apdus = transport.apdus;
  });
  return { ms, apdus };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const base = await paceRun('GM', 13);
  rows.push({ name: 'PACE GM brainpoolP256r1 AES-128 (both sides)', value: base.ms, unit: 'ms', note: `${base.apdus} APDUs` });
  const cases: [PaceMapping, number, string][] = [
    ['IM', 13, 'PACE IM brainpoolP256r1'],
    ['CAM', 13, 'PACE CAM brainpoolP256r1'],
    ['GM', 12, 'PACE GM P-256'],
    ['GM', 16, 'PACE GM brainpoolP384r1'],
    ['GM', 17, 'PACE GM brainpoolP512r1'],
    ['GM', 18, 'PACE GM P-521'],
    ['GM', 0, 'PACE GM DH 1024/160'],
    ['GM', 2, 'PACE GM DH 2048/256'],
  ];
  for (const [mapping, id, name] of cases) {
    const r = await paceRun(mapping, id);
    rows.push({ name, value: r.ms, unit: 'ms', baseline: base.ms, ratio: r.ms / base.ms, note: `${r.apdus} APDUs` });
  }
  // ECDSA verification (AA on EC chips, DS signatures): P-256 as the baseline.
  const hash = new Uint8Array(32).fill(7);
  let verifyBase = 0;
  for (const name of ['P-256', 'brainpoolP256r1', 'P-384', 'brainpoolP512r1', 'P-521']) {
    const curve = curveByName(name);
    const key = generateEcKeyPair(curve);
    const sig = ecdsaSign(curve, key.privateKey, hash);
    const ms = await medianMillis(9, async () => {
      if (!ecdsaVerify(curve, key.publicKey, hash, sig)) throw new Error('verify failed');
    });
    if (verifyBase === 0) verifyBase = ms;
    rows.push({ name: `ECDSA verify ${name}`, value: ms, unit: 'ms', baseline: verifyBase, ratio: ms / verifyBase });
  }
  return rows;
}
