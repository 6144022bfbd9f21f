/**
 * `npm run bench`: runs every benchmark module in bench/ (or those named on the command line) and
 * prints its rows. Each module exports `run(): Promise<BenchRow[]>`; a row with a baseline also
 * shows the ratio against it, measured in the same run — never a wall-clock assertion.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';

export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly ratio?: number;
  readonly note?: string;
}

const folder = new URL('.', import.meta.url);
const wanted = process.argv.slice(2);
const modules = readdirSync(folder)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => basename(f, '.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

const format = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));

let failed = false;
for (const name of modules) {
  const mod = (await import(new URL(`./${name}.ts`, folder).href)) as { run?: () => Promise<BenchRow[]> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n## ${name}`);
  try {
    for (const row of await mod.run()) {
      const base = row.baseline !== undefined ? `  baseline ${format(row.baseline)} ${row.unit}` : '';
      const ratio = row.ratio !== undefined ? `  ratio ${format(row.ratio)}x` : '';
      const note = row.note ? `  (${row.note})` : '';
      console.log(`${row.name.padEnd(58)} ${format(row.value).padStart(12)} ${row.unit}${base}${ratio}${note}`);
    }
  } catch (e) {
    failed = true;
    console.log(`failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
process.exitCode = failed ? 1 : 0;
