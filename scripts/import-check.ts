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

/** Each file's imports of other files of the repository. */
function fileGraph(root: string): Map<string, string[]> {
  const files = sourceFiles(root);
  const known = new Set(files);
  return new Map(files.map((f) => [f, importsOf(readFileSync(join(root, f), 'utf8'))
    .filter((s) => s.startsWith('.')).map((s) => target(f, s)).filter((t) => known.has(t))]));
}

/** The groups of nodes that reach each other (Tarjan's strongly connected components of two or more, or a node on itself). */
function loops(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (n: string): void => {
    index.set(n, index.size);
    low.set(n, index.get(n)!);
    stack.push(n);
    for (const t of edges.get(n) ?? []) {
      if (!index.has(t)) {
        visit(t);
        low.set(n, Math.min(low.get(n)!, low.get(t)!));
      } else if (stack.includes(t)) low.set(n, Math.min(low.get(n)!, index.get(t)!));
    }
    if (low.get(n) !== index.get(n)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      group.push(member);
    } while (member !== n);
    if (group.length > 1 || edges.get(n)!.includes(n)) found.push(group.sort());
  };
  for (const n of edges.keys()) if (!index.has(n)) visit(n);
  return found;
}

/** Files that import each other in a circle. */
export function findCircles(root: string): string[][] {
  return loops(fileGraph(root));
}

/** Parts of the layer table that import each other, directly or round a loop (the floors allow it within one floor). */
export function findPartCircles(root: string): string[][] {
  const parts = new Map<string, Set<string>>();
  for (const [file, targets] of fileGraph(root)) {
    const from = partOf(file)?.path;
    if (!from) continue;
    const out = parts.get(from) ?? parts.set(from, new Set()).get(from)!;
    for (const t of targets) {
      const to = partOf(t)?.path;
      if (to && to !== from) out.add(to);
    }
  }
  return loops(new Map([...parts].map(([p, out]) => [p, [...out]])));
}
