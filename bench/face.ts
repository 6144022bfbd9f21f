/**
 * Face match: model load (cold, in this process), time per decision on this machine (the
 * reference descriptor cached, as at the counter, against a baseline of decoding the same probe
 * image), and the false match / false non-match rates at candidate thresholds over every
 * same-person and different-person pair of the labelled set in fixtures/faces. The chosen
 * threshold and band are in face/decision.ts; docs/reference/face-match.md quotes these rows.
 */
import { createNodeFaceEngine } from '../face/node-runtime.ts';
import { decodeImage } from '../face/node-image.ts';
import { cosineSimilarity } from '../face/similarity.ts';
import { DEFAULT_MATCH_POLICY, uncertainFrom } from '../face/decision.ts';
import { faceBytes, facePairs, facePhotos, spoofPhotos } from '../fixtures/index.ts';
import { falseMatchRate, falseNonMatchRate, percent } from './face-rates.ts';
import type { BenchRow } from './run.ts';

const CANDIDATES = [0.45, 0.5, 0.55, 0.575, 0.6, 0.62, 0.65];
const TIMED_DECISIONS = 20;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const loadStart = performance.now();
  const loadCpu = process.cpuUsage();
  const engine = await createNodeFaceEngine();
  const loadCpuUsed = process.cpuUsage(loadCpu);
  rows.push({ name: 'face: load Human + WASM backend + 3 models (cold, wall)', value: performance.now() - loadStart, unit: 'ms', note: `CPU ${Math.round((loadCpuUsed.user + loadCpuUsed.system) / 1000)} ms` });

  const photos = facePhotos();
  const descriptors = new Map<string, Float32Array>();
  const firstStart = performance.now();
  for (const p of photos) descriptors.set(p.file, (await engine.describe(faceBytes(p.file))).descriptor);
  rows.push({ name: `face: describe all ${photos.length} photos of the set`, value: performance.now() - firstStart, unit: 'ms' });

  const reference = faceBytes(photos[0]!.file);
  const probes = photos.slice(1, 1 + TIMED_DECISIONS).map((p) => faceBytes(p.file));
  const decisions: number[] = [];
  const decisionsCpu: number[] = [];
  const decodes: number[] = [];
  for (const probe of probes) {
    let t = performance.now();
    await decodeImage(probe);
    decodes.push(performance.now() - t);
    t = performance.now();
    const cpu = process.cpuUsage();
    const ref = await engine.reference(reference, (b) => b);
    engine.compare(ref, (await engine.describe(probe)).descriptor);
    decisions.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    decisionsCpu.push((used.user + used.system) / 1000);
  }
  const decision = median(decisions);
  const decode = median(decodes);
  rows.push({ name: 'face: one decision, reference cached (median wall)', value: decision, unit: 'ms', baseline: decode, ratio: decision / decode, note: `baseline: decoding the probe; ${probes.length} probes` });
  rows.push({ name: 'face: one decision, reference cached (median CPU)', value: median(decisionsCpu), unit: 'ms', note: 'process CPU time: what the wall time is on an otherwise idle core' });

  const { same, different } = facePairs(photos);
  const score = (a: string, b: string): number => cosineSimilarity(descriptors.get(a)!, descriptors.get(b)!);
  const sameScores = same.map(([a, b]) => score(a.file, b.file));
  const differentScores = different.map(([a, b]) => score(a.file, b.file));
  rows.push({ name: 'face: same-person pairs', value: same.length, unit: 'pairs', note: `${new Set(photos.map((p) => p.person)).size} people` });
  rows.push({ name: 'face: different-person pairs', value: different.length, unit: 'pairs' });
  for (const t of CANDIDATES) {
    const fmr = falseMatchRate(differentScores, t);
    const fnmr = falseNonMatchRate(sameScores, t);
    rows.push({ name: `face: FMR at threshold ${t}`, value: fmr.rate * 100, unit: '%', note: percent(fmr) });
    rows.push({ name: `face: FNMR at threshold ${t}`, value: fnmr.rate * 100, unit: '%', note: percent(fnmr) });
  }
  const { threshold } = DEFAULT_MATCH_POLICY;
  const low = uncertainFrom(DEFAULT_MATCH_POLICY);
  const sameNoMatch = falseNonMatchRate(sameScores, low);
  const differentUncertain = falseMatchRate(differentScores, low);
  rows.push({ name: `face: default ${threshold}: same-person pairs NO_MATCH (< ${low})`, value: sameNoMatch.rate * 100, unit: '%', note: percent(sameNoMatch) });
  rows.push({ name: `face: default ${threshold}: different pairs UNCERTAIN or MATCH`, value: differentUncertain.rate * 100, unit: '%', note: percent(differentUncertain) });

  for (const spoof of spoofPhotos()) {
    const d = (await engine.describe(faceBytes(spoof.file))).descriptor;
    const genuine = photos.filter((p) => p.person === spoof.person && p.file !== spoof.from).map((p) => cosineSimilarity(d, descriptors.get(p.file)!));
    rows.push({ name: `face: simulated ${spoof.kind} spoof vs the person's other photos (median)`, value: median(genuine), unit: 'score', note: `${genuine.length} photos; a matcher is not a presentation attack detector` });
  }
  return rows;
}
