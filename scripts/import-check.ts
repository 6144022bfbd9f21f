/**
 * Reads every import of the repository and holds it against the layer table of
 * scripts/import-rules.ts; finds the circles of files that import each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { mayImport, mayUsePackage, packageRule, partOf } from './import-rules.ts';

export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly rule: string;
}

/** Folders that hold no source of the house: dependencies and build output. */
const NOT_SOURCE = new Set(['node_modules', 'dist', 'release']);
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

/** Every source file below `root`, as repository paths with forward slashes. */
export function sourceFiles(root: string, dir = root, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (NOT_SOURCE.has(entry) || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(root, path, out);
    else if (SOURCE.test(entry) && !entry.endsWith('.d.ts')) out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** The repository path a relative specifier names (may start with '..' when it leaves the repository). */
function target(file: string, specifier: string): string {
  return join(dirname(file), specifier).split(sep).join('/');
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
}

function checkImport(file: string, specifier: string): string | undefined {
  const from = partOf(file)!;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const path = specifier.startsWith('/') ? '..' : target(file, specifier);
    if (path.startsWith('..')) return 'nothing imports from outside the repository';
    const to = partOf(path);
    if (!to) return `${path} belongs to no part of the layer table`;
    return mayImport(from, to) ? undefined : `${from.path} may not import ${to.path}`;
  }
  if (from.node === false && isBuiltin(specifier)) return `${from.path} runs in a page: no Node modules`;
  const rule = packageRule(specifier);
  if (rule && !mayUsePackage(file, rule)) return `only ${rule.only.join(', ')} may import ${rule.name} (${rule.why})`;
  return undefined;
}

export function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of sourceFiles(root)) {
    if (!partOf(file)) {
      violations.push({ file, specifier: '', rule: 'belongs to no part of the layer table (scripts/import-rules.ts)' });
      continue;
    }
    for (const specifier of importsOf(readFileSync(join(root, file), 'utf8'))) {
      const rule = checkImport(file, specifier);
      if (rule) violations.push({ file, specifier, rule });
    }
  }
  return violations;
}

/** Groups of files that import each other in a loop (Tarjan's strongly connected components). */
export function findCircles(root: string): string[][] {
  const files = sourceFiles(root);
  const known = new Set(files);
  const edges = new Map(files.map((f) => [f, importsOf(readFileSync(join(root, f), 'utf8'))
    .filter((s) => s.startsWith('.')).map((s) => target(f, s)).filter((t) => known.has(t))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const circles: string[][] = [];
  const visit = (f: string): void => {
    index.set(f, index.size);
    low.set(f, index.get(f)!);
    stack.push(f);
    for (const t of edges.get(f)!) {
      if (!index.has(t)) {
        visit(t);
        low.set(f, Math.min(low.get(f)!, low.get(t)!));
      } else if (stack.includes(t)) low.set(f, Math.min(low.get(f)!, index.get(t)!));
    }
    if (low.get(f) !== index.get(f)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== f);
    if (group.length > 1 || edges.get(f)!.includes(f)) circles.push(group.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return circles;
}
